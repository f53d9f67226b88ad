"""The hand-written gold files are usable: every string they quote is in its article."""

import pytest

from tests.conftest import ROOT
from tests.fixtures.check_fixtures import check

CORPORA = {
    "seeds": (ROOT / "seeds", ROOT / "tests/gold"),
    "fixtures": (ROOT / "tests/fixtures/articles", ROOT / "tests/fixtures/gold"),
    "heldout": (ROOT / "tests/heldout/articles", ROOT / "tests/heldout/gold"),
}
ARTICLES = [
    (corpus, path)
    for corpus, (folder, _) in sorted(CORPORA.items())
    for path in sorted(folder.iterdir())
    if path.suffix in (".txt", ".html")
]


@pytest.mark.parametrize("corpus, path", ARTICLES, ids=[p.name for _, p in ARTICLES])
def test_gold_file_agrees_with_its_article(corpus, path):
    errors, _ = check(path, CORPORA[corpus][1])
    # the 150-450 word range is a rule for invented articles, not for real ones
    if corpus == "seeds":
        errors = [e for e in errors if not e.startswith("body has")]
    assert errors == []


def test_every_gold_file_has_its_article():
    for folder, gold_dir in CORPORA.values():
        stems = {p.stem for p in folder.iterdir()}
        assert {g.stem for g in gold_dir.glob("*.json")} <= stems
