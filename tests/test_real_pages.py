"""The real-page sets: manifests clear of the hidden evaluation, gold consistent with the saved texts.

Manifests and gold are in git; the page texts are not (tests/real/README.md).
Tests that need a text skip when it is absent, so a fresh clone stays green.
"""

import hashlib
import json
import re
import sys

import pytest
import yaml

from pipeline.score import fold_name, load_gold, occurs, resolve_lines, score_tables
from tests.conftest import ROOT, below_thresholds

sys.path.insert(0, str(ROOT / "bench"))
import real_pages  # noqa: E402
from quality_compare import run_pipeline  # noqa: E402

SETS = {name: real_pages.read_manifest(name) for name in real_pages.SETS}
ENTRIES = [(name, e) for name, entries in SETS.items() for e in entries]
LABELS = {"PER", "ORG", "LOC", "MISC"}
GOLD_KEYS = {"doc_id", "source", "title", "published", "site", "title_line", "boilerplate", "body", "entities", "amounts"}
# a unit outside ANNOTATION.md's table takes its usual symbol ("hL", "EUR/kWh"); the old names are gone
UNIT = re.compile(r"^[^\s]+$")
RETIRED_UNITS = {"baril", "litre", "hectare", "bbl/d"}


def _text(name: str, entry: dict) -> str:
    path = real_pages.page_path(name, entry)
    if not path.exists():
        pytest.skip(f"{path.relative_to(ROOT)} is not on this machine (tests/real/README.md says how to pull it)")
    return path.read_text(encoding="utf-8")


def test_manifests_name_no_held_out_page_and_share_no_site():
    assert real_pages.check_sets() == []
    exclusions = real_pages.read_exclusions()
    for name, entry in ENTRIES:
        assert real_pages.excluded(entry["site"], entry["sha256"], exclusions) is None, (name, entry["id"])
        assert entry["site"] == real_pages.site_of(entry["url"])
    assert not {e["site"] for e in SETS["dev"]} & {e["site"] for e in SETS["aside"]}


def test_every_page_has_gold_and_every_gold_a_page():
    for name, entries in SETS.items():
        gold = {p.stem for p in (real_pages.set_dir(name) / "gold").glob("*.json")}
        assert gold == {e["id"] for e in entries}, name


@pytest.mark.parametrize(("name", "entry"), ENTRIES, ids=[f"{n}/{e['id']}" for n, e in ENTRIES])
def test_saved_text_matches_its_sha256(name, entry):
    text = _text(name, entry)
    assert hashlib.sha256(text.encode("utf-8")).hexdigest() == entry["sha256"]
    assert len(text) == entry["chars"]


def _gold(name: str, entry: dict) -> dict:
    """The page's gold file, as written (the page's gold missing fails the test above)."""
    gold_path = real_pages.set_dir(name) / "gold" / f"{entry['id']}.json"
    if not gold_path.exists():
        pytest.skip(f"{entry['id']} has no gold file")
    return json.loads(gold_path.read_text(encoding="utf-8"))


@pytest.mark.parametrize(("name", "entry"), ENTRIES, ids=[f"{n}/{e['id']}" for n, e in ENTRIES])
def test_gold_accounts_for_every_line_once(name, entry):
    gold = _gold(name, entry)
    assert set(gold) == GOLD_KEYS
    assert gold["doc_id"] == entry["id"]
    assert gold["source"] == f"{entry['site']}/{entry['id']}.txt"
    lines = _text(name, entry).split("\n")
    covered: dict[int, list[tuple[int, int]]] = {}
    title = [] if gold["title_line"] is None else [gold["title_line"]]
    for item in title + gold["boilerplate"] + gold["body"]:
        line, start, end = (item, 0, len(lines[item - 1])) if isinstance(item, int) else item
        assert 1 <= line <= len(lines) and 0 <= start < end <= len(lines[line - 1]), item
        covered.setdefault(line, []).append((start, end))
    for line, spans in covered.items():
        spans.sort()
        assert all(a_end <= b_start for (_, a_end), (b_start, _) in zip(spans, spans[1:])), f"line {line} twice"
    blank = {i + 1 for i, text in enumerate(lines) if not text.strip()}
    assert set(covered) == set(range(1, len(lines) + 1)) - blank


@pytest.mark.parametrize(("name", "entry"), ENTRIES, ids=[f"{n}/{e['id']}" for n, e in ENTRIES])
def test_gold_names_and_figures_are_in_the_body(name, entry):
    _text(name, entry)  # skips when the text is missing
    gold = _gold(name, entry)
    body = "\n\n".join(resolve_lines(gold, real_pages.set_dir(name) / "pages")["body"])
    folded = fold_name(body)
    for ent in gold["entities"]:
        assert ent["label"] in LABELS, ent
        names = [ent["name"], *ent.get("aliases", [])]
        assert any(fold_name(n) in folded for n in names), ent
    for amount in gold["amounts"]:
        assert set(amount) == {"text", "value", "unit", "object"}, amount
        assert UNIT.match(amount["unit"]) and amount["unit"] not in RETIRED_UNITS, amount
        assert isinstance(amount["value"], (int, float)), amount
        assert occurs(amount["text"], body) or fold_name(amount["text"]) in folded, amount


def test_dev_figures_do_not_fall_below_their_thresholds():
    """The pipeline's figures on the development set (the set-aside pages are never scored here)."""
    for entry in SETS["dev"]:
        _text("dev", entry)  # skips when a text is missing
    params = yaml.safe_load((ROOT / "params.yaml").read_text(encoding="utf-8"))
    _, tables = run_pipeline(real_pages.set_dir("dev") / "pages", params)
    figures = score_tables(load_gold(real_pages.set_dir("dev") / "gold"), tables)
    assert figures["missing_documents"] == []
    below = below_thresholds(figures, "real_dev")
    assert not below, f"real_dev: figure (measured, threshold): {below}; all figures: {figures}"
