"""Decoding, HTML detection and the ingest table, on files made by hand."""

import hashlib

import pytest

from pipeline.ingest import IngestParams, decode_bytes, ingest_files, is_html, normalise_text

PARAMS = IngestParams(input_dir="", max_bytes=10_000, max_control_ratio=0.01)
FRENCH = "Le Président a reçu à Niamey la délégation, « très tôt » ce matin ; coût : 25 000 €."


@pytest.mark.parametrize(
    "raw, encoding",
    [
        (FRENCH.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + FRENCH.encode("utf-8"), "utf-8-sig"),
        (FRENCH.encode("cp1252"), "cp1252"),
        (FRENCH.encode("utf-16"), "utf-16"),
    ],
)
def test_decode_bytes_recovers_the_text_and_names_the_encoding(raw, encoding):
    decoded = decode_bytes(raw)
    assert decoded.reject_reason is None
    assert decoded.text == FRENCH
    assert decoded.encoding == encoding


def test_latin1_bytes_that_cp1252_leaves_undefined_still_decode():
    decoded = decode_bytes("Fête à Ségou".encode("latin-1") + b"\x81")
    assert decoded.encoding == "latin-1"
    assert decoded.text.startswith("Fête à Ségou")


@pytest.mark.parametrize(
    "raw, reason",
    [
        (b"", "empty:"),
        (b" \n\t\r\n", "empty:"),
        (b"PK\x03\x04\x00\x00binary zip header", "not text:"),
        (bytes(range(1, 32)) * 20, "not text:"),
    ],
)
def test_decode_bytes_rejects_what_is_not_text(raw, reason):
    assert decode_bytes(raw).reject_reason.startswith(reason)


def test_normalise_text_unifies_newlines_and_composes_accents():
    assert normalise_text("e\u0301te\u0301\r\nhiver\rprintemps") == "été\nhiver\nprintemps"


@pytest.mark.parametrize(
    "name, raw, expected",
    [
        ("a.html", b"anything", True),
        ("a.HTM", b"anything", True),
        ("a.txt", b"<!DOCTYPE html><html><body>x</body></html>", True),
        ("a.txt", b"  <!-- saved page --> <html lang='fr'>", True),
        ("a.txt", b"Le sommet <b>se tiendra</b> a Accra.", False),
    ],
)
def test_is_html_uses_the_suffix_or_the_opening_tag(name, raw, expected):
    assert is_html(name, raw) is expected


def test_ingest_files_places_every_file_once(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "b.txt").write_text(FRENCH, encoding="utf-8")
    (tmp_path / "a.txt").write_text("Un autre article sur la saison des pluies à Mopti.", encoding="utf-8")
    (tmp_path / "sub" / "c.txt").write_text(FRENCH + "\n", encoding="utf-8")
    (tmp_path / "huge.txt").write_text("x" * 20_000, encoding="utf-8")
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x01")
    ingested, rejects = ingest_files(tmp_path, PARAMS)
    assert list(ingested["source"]) == ["a.txt", "b.txt"]
    assert ingested.loc[1, "sha256"] == hashlib.sha256(FRENCH.encode()).hexdigest()
    reasons = dict(zip(rejects["source"], rejects["reason"]))
    assert reasons["sub/c.txt"] == "duplicate: same text as b.txt"
    assert reasons["huge.txt"].startswith("too large:")
    assert reasons[".DS_Store"].startswith("hidden file")
    assert len(ingested) + len(rejects) == 5


def test_same_file_name_in_two_folders_is_not_a_silent_overwrite(tmp_path):
    for folder, text in (("x", "Premier texte sur Kayes."), ("y", "Second texte sur Sikasso.")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "article.txt").write_text(text, encoding="utf-8")
    ingested, rejects = ingest_files(tmp_path, PARAMS)
    assert list(ingested["source"]) == ["x/article.txt"]
    assert rejects.loc[0, "reason"].startswith("duplicate name: x/article.txt")

