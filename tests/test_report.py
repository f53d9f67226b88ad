"""Tests for the HTML report: French number format, escaping, sections, links, determinism."""

import re

import pandas as pd
import pytest

from pipeline.report import format_number, render_report
from pipeline.schema import OUTPUTS

TEXT_A = "Le port de Brest a reçu 12 500 tonnes de maïs. Jeanne Morel salue l’accord."
TEXT_B = "La coopérative Grains d’Armor prévoit environ 3,5 millions d’euros."


def _empty_tables() -> dict[str, pd.DataFrame]:
    return {name: pd.DataFrame({f: [] for f in schema.names}) for name, schema in OUTPUTS.items()}


def _tables(title_a: str = "Brest : le maïs arrive") -> dict[str, pd.DataFrame]:
    """Two invented articles with entities, amounts and one reject."""
    amount_a = "12 500 tonnes de maïs"
    start_a = TEXT_A.index(amount_a)
    return {
        "documents": pd.DataFrame({
            "doc_id": ["a1", "b2"],
            "source": ["a1.txt", "b2.html"],
            "sha256": ["0" * 64, "1" * 64],
            "title": [title_a, None],
            "published": ["2024-03-05", None],
            "site": ["ouest-exemple.fr", None],
            "text": [TEXT_A, TEXT_B],
            "n_sentences": [2, 1],
            "n_entities": [2, 1],
            "n_amounts": [1, 0],
        }),
        "sentences": pd.DataFrame({
            "doc_id": ["a1", "a1", "b2"],
            "sent_id": [0, 1, 0],
            "start": [0, 47, 0],
            "end": [46, len(TEXT_A), len(TEXT_B)],
            "text": [TEXT_A[:46], TEXT_A[47:], TEXT_B],
        }),
        "entities": pd.DataFrame({
            "doc_id": ["a1", "a1", "b2"],
            "sent_id": [0, 1, 0],
            "start": [11, 47, 15],
            "end": [16, 59, 29],
            "text": ["Brest", "Jeanne Morel", "Grains d’Armor"],
            "label": ["LOC", "PER", "ORG"],
            "canonical": ["Brest", "Jeanne Morel", "Grains d’Armor"],
        }),
        "amounts": pd.DataFrame({
            "doc_id": ["a1"],
            "sent_id": [0],
            "start": [start_a],
            "end": [start_a + len(amount_a)],
            "text": [amount_a],
            "value": [12500.0],
            "unit": ["t"],
            "object": ["maïs"],
            "qualifier": [None],
            "range_id": [None],
        }),
        "rejects": pd.DataFrame({"source": ["vide.txt"], "reason": ["fichier vide"]}),
        "removed": pd.DataFrame({
            "doc_id": ["a1", "a1"], "line_no": [0, 3],
            "text": ["Partager", "Menu"], "reason": ["share", "menu"],
        }),
        "entity_index": pd.DataFrame({
            "canonical": ["Brest", "Jeanne Morel", "Grains d’Armor"],
            "label": ["LOC", "PER", "ORG"],
            "n_mentions": [1, 1, 1],
            "n_documents": [1, 1, 1],
            "aliases": [["Brest"], ["Jeanne Morel", "Mme Morel"], ["Grains d’Armor"]],
        }),
        "cooccurrence": pd.DataFrame({
            "entity_a": ["Brest"], "entity_b": ["Jeanne Morel"],
            "n_sentences": [1], "n_documents": [1],
        }),
    }


@pytest.mark.parametrize("value, expected", [
    (25000, "25\u202f000"),
    (1.5, "1,5"),
    (1500000.25, "1\u202f500\u202f000,25"),
    (3.0, "3"),
    (0, "0"),
    (999, "999"),
    (2.10, "2,1"),
    (-4200.5, "-4\u202f200,5"),
])
def test_format_number(value, expected):
    assert format_number(value) == expected


def test_title_is_escaped():
    page = render_report(_tables(title_a="<script>alert('x')</script>"), {})
    assert "<script>" not in page
    assert "&lt;script&gt;" in page


@pytest.mark.parametrize("section_id", [
    "resume", "documents", "entites", "montants", "cooccurrences", "chronologie",
    "doc-a1", "doc-b2",
])
def test_section_present(section_id):
    page = render_report(_tables(), {})
    assert f'id="{section_id}"' in page


def test_page_is_french_html():
    page = render_report(_tables(), {})
    assert page.startswith("<!DOCTYPE html>")
    assert '<html lang="fr">' in page
    assert '<meta charset="utf-8">' in page


def test_links_point_to_existing_ids():
    page = render_report(_tables(), {})
    ids = set(re.findall(r'id="([^"]+)"', page))
    targets = re.findall(r'href="#([^"]+)"', page)
    assert targets
    assert set(targets) <= ids


def test_amount_marked_in_sentence():
    page = render_report(_tables(), {})
    assert "a reçu <mark>12 500 tonnes de maïs</mark>." in page
    assert "12\u202f500" in page


def test_rejects_and_removed_reasons_listed():
    page = render_report(_tables(), {})
    assert "fichier vide" in page
    assert "share" in page and "menu" in page


def test_charts_are_inline_svg():
    page = render_report(_tables(), {})
    assert page.count("<svg") == 2
    assert "<script" not in page


def test_undated_documents_counted():
    page = render_report(_tables(), {})
    assert "mars 2024" in page
    assert "Documents sans date : 1" in page


def test_empty_tables_render():
    page = render_report(_empty_tables(), {})
    assert "Aucun document." in page
    assert "Aucun montant." in page
    assert "Aucune paire" in page
    assert "Aucun fichier rejeté." in page


def test_missing_tables_render():
    page = render_report({}, {})
    assert "Aucun document." in page


def test_deterministic():
    metrics = {"schema_version": "1", "quality": {"entity_f1": 0.95}}
    assert render_report(_tables(), metrics) == render_report(_tables(), metrics)


def test_no_external_resources():
    page = render_report(_tables(), {"quality": {"entity_f1": 0.95}})
    assert not re.search(r'(?:src|href)\s*=\s*["\']?(?:https?:)?//', page, re.IGNORECASE)
    assert "http://" not in page and "https://" not in page
