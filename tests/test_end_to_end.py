"""`dvc repro` in a copy of the repository: the output contract of CONTRACT.md."""

import json
import shutil

import pandas as pd
import pyarrow.parquet as pq
import pytest

from pipeline import schema
from tests.conftest import TABLES, copy_repo, dvc, read_outputs

SPAN_TABLES = ("sentences", "entities", "amounts")


@pytest.fixture(scope="module")
def outputs(seed_repo):
    return read_outputs(seed_repo)


@pytest.mark.parametrize("name", TABLES)
def test_table_schema_matches_the_schema_module(seed_repo, name):
    written = pq.read_schema(seed_repo / "data/out" / f"{name}.parquet")
    expected = schema.OUTPUTS[name]
    assert written.names == expected.names
    assert [f.type for f in written] == [f.type for f in expected]
    assert written.metadata[b"veille_schema_version"] == schema.SCHEMA_VERSION.encode()


@pytest.mark.parametrize("name", SPAN_TABLES)
def test_every_span_indexes_the_document_text(outputs, name):
    texts = outputs["documents"].set_index("doc_id")["text"]
    table = outputs[name]
    assert len(table) > 0
    for row in table.itertuples(index=False):
        assert texts[row.doc_id][row.start : row.end] == row.text, row


@pytest.mark.parametrize("name", ("entities", "amounts"))
def test_mentions_lie_inside_their_sentence(outputs, name):
    sentences = outputs["sentences"].set_index(["doc_id", "sent_id"])
    for row in outputs[name].itertuples(index=False):
        sentence = sentences.loc[(row.doc_id, row.sent_id)]
        assert sentence["start"] <= row.start < sentence["end"], row


def test_every_input_is_in_documents_or_rejects_once(seed_repo, outputs):
    inputs = sorted(p.name for p in (seed_repo / "seeds").iterdir())
    placed = sorted([*outputs["documents"]["source"], *outputs["rejects"]["source"]])
    assert placed == inputs


def test_document_counts_match_the_other_tables(outputs):
    docs = outputs["documents"].set_index("doc_id")
    for column, name in (("n_sentences", "sentences"), ("n_entities", "entities"), ("n_amounts", "amounts")):
        counts = outputs[name].groupby("doc_id").size()
        assert (docs[column] == counts.reindex(docs.index, fill_value=0)).all(), column


def test_tables_are_sorted_by_document_then_position(outputs):
    assert outputs["documents"]["doc_id"].is_monotonic_increasing
    for name, position in (("sentences", "sent_id"), ("entities", "start"), ("amounts", "start")):
        table = outputs[name]
        keys = list(zip(table["doc_id"], table[position]))
        assert keys == sorted(keys), name


def test_sentences_never_cross_a_line_break(outputs):
    assert not outputs["sentences"]["text"].str.contains("\n").any()


def test_metrics_json_counts_the_tables(seed_repo, outputs):
    metrics = json.loads((seed_repo / "data/out/metrics.json").read_text())
    assert metrics["rows"] == {name: len(outputs[name]) for name in TABLES}
    assert sum(metrics["entities_per_label"].values()) == len(outputs["entities"])
    assert sum(metrics["amounts_per_unit"].values()) == len(outputs["amounts"])
    shown = dvc(seed_repo, "metrics", "show")
    assert "rows.documents" in shown.stdout


def test_metrics_hold_the_gold_figures_on_the_demo_corpus(seed_repo):
    metrics = json.loads((seed_repo / "data/out/metrics.json").read_text())
    assert 0 < metrics["quality"]["entity_f1"] <= 1
    assert metrics["quality"]["body_kept"] > 0.9


def test_report_names_every_document(seed_repo, outputs):
    page = (seed_repo / "data/out/report.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") or page.lower().startswith("<!doctype html>")
    for doc_id in outputs["documents"]["doc_id"]:
        assert f'id="doc-{doc_id}"' in page


def test_dvc_plots_render(seed_repo, tmp_path):
    dvc(seed_repo, "plots", "show", "-o", str(tmp_path / "plots"))
    page = (tmp_path / "plots" / "index.html").read_text(encoding="utf-8")
    assert "Entity mentions per label" in page and "Amounts per unit" in page


def test_second_repro_is_a_no_op(seed_repo):
    result = dvc(seed_repo, "status")
    assert "changed" not in result.stdout, result.stdout


def test_rerun_from_scratch_gives_equal_tables(seed_repo, outputs, tmp_path):
    again = copy_repo(tmp_path / "again")
    dvc(again, "repro", "--no-run-cache")
    for name, table in read_outputs(again).items():
        pd.testing.assert_frame_equal(table, outputs[name], obj=name)
    first = (seed_repo / "data/out/metrics.json").read_bytes()
    assert (again / "data/out/metrics.json").read_bytes() == first


def test_changing_an_extract_param_reruns_nothing_upstream(seed_repo, tmp_path):
    repo = tmp_path / "params"
    shutil.copytree(seed_repo, repo)
    dvc(repo, "repro")  # settle the copy: nothing should run
    params = (repo / "params.yaml").read_text(encoding="utf-8")
    (repo / "params.yaml").write_text(params.replace("batch_size: 32", "batch_size: 8"), encoding="utf-8")
    result = dvc(repo, "repro")
    ran = {line.split("'")[1] for line in result.stdout.splitlines() if line.startswith("Running stage")}
    # publish reruns only if extract's tables changed; a batch size changes nothing
    assert "extract" in ran and ran <= {"extract", "publish"}, result.stdout
