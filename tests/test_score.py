"""The scorer on tables built by hand, so its arithmetic is pinned down."""

import pandas as pd
import pytest

from pipeline.score import fold_name, occurs, score_tables

TEXT = "Le Niger a reçu 25 000 tonnes de riz.\n\nMahamadou Issoufou était à Niamey avec Bazoum."


def tables(entities=(), amounts=(), text=TEXT, title="Un titre", site=None):
    documents = pd.DataFrame(
        [{"doc_id": "d1", "text": text, "title": title, "published": "2024-03-01", "site": site}]
    )
    ents = pd.DataFrame(entities, columns=["doc_id", "text", "label", "canonical"])
    amts = pd.DataFrame(amounts, columns=["doc_id", "start", "value", "unit", "object"])
    return {"documents": documents, "entities": ents, "amounts": amts}


GOLD = {
    "doc_id": "d1",
    "title": "Un titre",
    "published": "2024-03-01",
    "site": "niamey-info.ne",
    "boilerplate": ["Accueil Sport", "Niger"],
    "body": ["Le Niger a reçu 25 000 tonnes de riz.", "Un paragraphe disparu."],
    "entities": [
        {"name": "Niger", "label": "LOC", "aliases": []},
        {"name": "Mohamed Bazoum", "label": "PER", "aliases": ["Bazoum", "BAZOUM"]},
        {"name": "Niamey", "label": "LOC", "aliases": [], "optional": True},
    ],
    "amounts": [
        {"text": "25 000 tonnes de riz", "value": 25000, "unit": "t", "object": "riz"},
        {"text": "deux ans", "value": 2, "unit": "year", "object": None},
    ],
}


def test_occurs_folds_whitespace_and_respects_word_boundaries():
    assert occurs("25 000 tonnes", "reçu 25\u00a0000\n tonnes")
    assert not occurs("Niger", "la Nigeria")
    assert occurs("Niger", "le Niger.")


def test_fold_name_ignores_case_accents_and_apostrophes():
    assert fold_name("GOÏTA") == fold_name("Goita")
    assert fold_name("Côte d’Ivoire") == fold_name("cote d'ivoire")


def test_text_figures():
    figures = score_tables([GOLD], tables())
    assert figures["boilerplate_removed"] == 0.5  # "Niger" still occurs
    assert figures["body_kept"] == 0.5
    assert figures["title_right"] == 1.0 and figures["published_right"] == 1.0
    assert figures["site_right"] == 0.0
    assert figures["metadata_right"] == pytest.approx(2 / 3, abs=1e-4)


def test_entities_match_by_alias_and_label_and_ignore_optional_ones():
    entities = [
        ("d1", "Niger", "LOC", "Niger"),
        ("d1", "Bazoum", "PER", "Bazoum"),
        ("d1", "Niamey", "LOC", "Niamey"),  # optional: neither rewarded nor penalised
        ("d1", "Mahamadou Issoufou", "ORG", "Mahamadou Issoufou"),  # not in gold: false positive
    ]
    figures = score_tables([GOLD], tables(entities=entities))
    assert figures["entity_precision"] == pytest.approx(2 / 3, abs=1e-4)
    assert figures["entity_recall"] == 1.0


def test_an_entity_with_the_wrong_label_is_not_found():
    figures = score_tables([GOLD], tables(entities=[("d1", "Niger", "ORG", "Niger")]))
    assert figures["entity_recall"] == 0.0
    assert figures["entity_precision"] == 0.0


def test_amounts_match_by_unit_and_value_within_half_a_percent():
    amounts = [
        ("d1", 0, 25_100.0, "t", "riz"),  # 0.4 % off: still a match
        ("d1", 5, 2.0, "month", None),  # wrong unit
    ]
    figures = score_tables([GOLD], tables(amounts=amounts))
    assert figures["amount_precision"] == 0.5
    assert figures["amount_recall"] == 0.5
    assert figures["amount_object_right"] == 1.0
    off = score_tables([GOLD], tables(amounts=[("d1", 0, 25_200.0, "t", "riz")]))
    assert off["amount_recall"] == 0.0


def test_a_missing_document_is_reported_and_scores_nothing():
    figures = score_tables([{**GOLD, "doc_id": "d2"}], tables())
    assert figures["missing_documents"] == ["d2"]
    assert figures["body_kept"] == 0.0


def test_a_missing_metadata_value_read_as_nan_is_wrong_not_an_error():
    figures = score_tables([GOLD], tables(site=float("nan")))
    assert figures["site_right"] == 0.0


def test_amount_misses_name_each_error():
    from pipeline.score import amount_misses

    amounts = pd.DataFrame(
        [("d1", 0, "25 000 tonnes de mil", 25_000.0, "t", "mil"), ("d1", 9, "3 jours", 3.0, "day", None)],
        columns=["doc_id", "start", "text", "value", "unit", "object"],
    )
    lines = amount_misses([GOLD], amounts)
    kinds = sorted(line.split("\t")[1] for line in lines)
    assert kinds == ["missed", "object", "spurious"]


def test_misses_find_a_gold_document_by_its_source_file():
    from pipeline.score import entity_misses

    gold = {**GOLD, "doc_id": "page-01", "source": "niamey-info.ne/page-01.txt"}
    documents = pd.DataFrame([{"doc_id": "niamey-info.ne/page-01", "source": "niamey-info.ne/page-01.txt"}])
    entities = pd.DataFrame(
        [("niamey-info.ne/page-01", "Niger", "LOC", "Niger"), ("niamey-info.ne/page-01", "Bazoum", "PER", "Bazoum")],
        columns=["doc_id", "text", "label", "canonical"],
    )
    assert entity_misses([gold], entities, documents) == []
    assert sorted(line.split("\t")[1] for line in entity_misses([gold], entities)) == ["missed", "missed"]
