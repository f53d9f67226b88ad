"""The scorer's figures on hand-written gold must not fall below the checked-in thresholds."""

import pytest

from pipeline.score import load_gold, score_tables
from tests.conftest import ROOT, below_thresholds, read_outputs

CORPORA = {"seeds": ("seed_repo", "tests/gold"), "fixtures": ("fixture_repo", "tests/fixtures/gold")}


@pytest.fixture(scope="module", params=sorted(CORPORA))
def scored(request):
    repo_fixture, gold_dir = CORPORA[request.param]
    repo = request.getfixturevalue(repo_fixture)
    return request.param, score_tables(load_gold(ROOT / gold_dir), read_outputs(repo))


def test_every_gold_document_was_produced(scored):
    corpus, figures = scored
    assert figures["missing_documents"] == [], corpus


def test_no_figure_falls_below_its_threshold(scored):
    corpus, figures = scored
    below = below_thresholds(figures, corpus)
    assert not below, f"{corpus}: figure (measured, threshold): {below}; all figures: {figures}"
