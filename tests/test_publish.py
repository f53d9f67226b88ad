"""Tables built by publish, on frames made by hand."""

import json

import pandas as pd

from pipeline.publish import build_cooccurrence, build_documents, reason_kind, score_against_gold


def entities(rows):
    return pd.DataFrame(rows, columns=["doc_id", "sent_id", "canonical"])


def test_cooccurrence_counts_sentences_and_documents_once_per_pair():
    table = build_cooccurrence(
        entities(
            [
                ("d1", 0, "Niger"), ("d1", 0, "Togo"), ("d1", 0, "Togo"),  # repeated mention: one pair
                ("d1", 1, "Togo"), ("d1", 1, "Niger"),
                ("d2", 0, "Niger"), ("d2", 0, "Togo"), ("d2", 0, "BOAD"),
                ("d2", 1, "Lomé"),  # alone in its sentence: no pair
            ]
        )
    )
    rows = [tuple(r) for r in table.itertuples(index=False)]
    assert rows == [("Niger", "Togo", 3, 2), ("BOAD", "Niger", 1, 1), ("BOAD", "Togo", 1, 1)]


def test_cooccurrence_of_no_entities_is_empty_with_its_columns():
    table = build_cooccurrence(entities([]))
    assert list(table.columns) == ["entity_a", "entity_b", "n_sentences", "n_documents"]
    assert table.empty


def test_documents_count_rows_of_each_table_and_zero_when_none():
    cleaned = pd.DataFrame(
        {"doc_id": ["b", "a"], "source": ["b.txt", "a.txt"], "sha256": ["1", "2"], "title": [None, "T"],
         "published": [None, None], "site": [None, None], "language": ["fr", "fr"],
         "duplicate_of": [None, None], "text": ["x", "y"]}
    )
    sentences = pd.DataFrame({"doc_id": ["a", "a", "b"]})
    none = pd.DataFrame({"doc_id": pd.Series([], dtype=str)})
    docs = build_documents(cleaned, sentences, pd.DataFrame({"doc_id": ["b"]}), none)
    assert list(docs["doc_id"]) == ["a", "b"]
    assert list(docs["n_sentences"]) == [2, 1]
    assert list(docs["n_entities"]) == [0, 1]
    assert list(docs["n_amounts"]) == [0, 0]


def test_reason_kind_is_the_part_before_the_detail():
    assert reason_kind("duplicate: same text as a.txt") == "duplicate"
    assert reason_kind("empty after cleaning: no body text left") == "empty after cleaning"


def test_gold_figures_only_when_the_gold_covers_exactly_the_documents(tmp_path):
    gold = {"doc_id": "d1", "title": None, "published": None, "site": None, "boilerplate": [],
            "body": ["Un texte."], "entities": [], "amounts": []}
    (tmp_path / "d1.json").write_text(json.dumps(gold), encoding="utf-8")
    empty = pd.DataFrame(columns=["doc_id", "text", "label", "canonical", "start", "value", "unit", "object"])
    tables = {
        "documents": pd.DataFrame([{"doc_id": "d1", "text": "Un texte.", "title": None, "published": None, "site": None}]),
        "entities": empty,
        "amounts": empty,
    }
    assert score_against_gold(tmp_path, tables)["body_kept"] == 1.0
    other = {**tables, "documents": tables["documents"].assign(doc_id="d2")}
    assert score_against_gold(tmp_path, other) is None
    assert score_against_gold(tmp_path / "missing", tables) is None
