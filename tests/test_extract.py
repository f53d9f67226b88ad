"""Extract joins the two extractors: amounts first, then entities outside them."""

import pandas as pd

from pipeline.extract import ExtractParams, _within, extract_tables


def test_within_finds_the_enclosing_span():
    spans = [(0, 5), (10, 20), (30, 31)]
    assert _within(spans, 12, 15)
    assert _within(spans, 10, 20)
    assert not _within(spans, 18, 22)
    assert not _within(spans, 6, 8)
    assert not _within([], 0, 1)


def test_a_unit_inside_an_amount_is_not_an_entity():
    text = (
        "À Antananarivo, le kilo de vanille verte se vend 75 000 Ar, selon le ministre "
        "Rakoto Andriamanana. À Kinshasa, la course coûte 2 500 FC."
    )
    cleaned = pd.DataFrame([{"doc_id": "d1", "text": text, "title": None}])
    starts = {"d1": [0]}
    entities, amounts = extract_tables(cleaned, starts, ExtractParams("fr_core_news_md", 8, ()))
    assert {"75 000 Ar", "2 500 FC"} <= set(amounts["text"])
    names = set(entities["text"])
    assert not names & {"Ar", "FC"}
    assert "Kinshasa" in names
