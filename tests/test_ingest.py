"""Decoding, HTML detection and the ingest table, on files made by hand."""

import gzip
import hashlib
import random
import sys
import unicodedata

import pytest

from pipeline.cache import ResultCache
from pipeline.ingest import (
    IngestParams,
    assign_doc_ids,
    decode_bytes,
    ingest_files,
    is_html,
    normalise_text,
    path_reject_reason,
)

PARAMS = IngestParams(input_dir="", max_bytes=10_000, max_control_ratio=0.01)
FRENCH = "Le Président a reçu à Niamey la délégation, « très tôt » ce matin ; coût : 25 000 €."
PAGE = (
    "<!DOCTYPE html><html><head><title>Kayes : la route rouverte | Sahel Hebdo</title></head><body>"
    "<nav><a>Accueil</a> <a>Sport</a></nav><article><h1>Kayes : la route rouverte</h1>"
    "<p>La route nationale entre Kayes et Diboli a été rouverte lundi après trois semaines de "
    "travaux, a annoncé la direction régionale des routes dans un communiqué.</p>"
    "<p>Les transporteurs, qui contournaient le chantier par des pistes, saluent la fin d'un "
    "détour de près de quatre-vingts kilomètres.</p></article></body></html>"
)


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
    "text, expected",
    [
        ("Ma\u00adli", "Mali"),  # soft hyphen: a hyphenation hint inside the word
        ("le \u200eMali\u200f et \u202aBamako\u202c", "le Mali et Bamako"),  # bidi marks and embeddings
        ("\u2066Lomé\u2069, \u2067Accra\u2069", "Lomé, Accra"),  # bidi isolates
        ("Niamey\ufeff au petit jour", "Niamey au petit jour"),  # a BOM inside the text
        ("Sé\u200cgou et Mo\u200dpti\u2060.", "Ségou et Mopti."),  # joiners, word joiner
        ("inter\u200bnational", "international"),  # zero-width space inside a word: nothing
        ("Kayes,\u200bKita", "Kayes, Kita"),  # the only mark of a word boundary: a space
        ("Kayes, \u200bKita \u200b", "Kayes, Kita "),  # beside a space: nothing
        ("Région\t2023\t2024", "Région 2023 2024"),
        ("page un\fpage deux\vfin", "page un\npage deux\nfin"),
        ("ligne\u2028suivante\u2029paragraphe", "ligne\nsuivante\nparagraphe"),
        ("sonnerie\x07 et\x1b échappement\x7f\x9b", "sonnerie et échappement"),
        ("e\u200d\u0301te", "éte"),  # the joiner gone, the accent composes with its letter
        # French spaces are characters, not formatting: they stay
        ("25\u202f000 F\u00a0CFA ; « oui »", "25\u202f000 F\u00a0CFA ; « oui »"),
        ("Deux\n\nparagraphes", "Deux\n\nparagraphes"),
    ],
)
def test_normalise_text_drops_invisible_characters(text, expected):
    assert normalise_text(text) == expected


def test_normalise_text_drops_every_format_character():
    format_chars = [chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Cf"]
    assert len(format_chars) > 150
    kept = [f"U+{ord(ch):04X}" for ch in format_chars if normalise_text(f"a{ch}b") != "ab"]
    assert kept == []


def test_decode_bytes_removes_a_few_control_characters_but_counts_them_first():
    decoded = decode_bytes(("Un communiqué\x01 de la mairie de Ségou.\x0c" + FRENCH).encode("utf-8"))
    assert decoded.text == "Un communiqué de la mairie de Ségou.\n" + FRENCH
    assert decode_bytes(("a\x01" * 50).encode("utf-8")).reject_reason == "not text: binary content"


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
    assert list(ingested["doc_id"]) == ["a", "b"]
    assert list(ingested["language"]) == ["fr", "fr"]
    assert ingested.loc[1, "sha256"] == hashlib.sha256(FRENCH.encode()).hexdigest()
    reasons = dict(zip(rejects["source"], rejects["reason"]))
    assert reasons["sub/c.txt"] == "duplicate: same text as b.txt"
    assert reasons["huge.txt"].startswith("too large:")
    assert reasons[".DS_Store"].startswith("hidden file")
    assert len(ingested) + len(rejects) == 5


def test_same_file_name_in_two_folders_keeps_both_with_their_folders_in_the_id(tmp_path):
    for folder, text in (("x", "Premier texte sur Kayes."), ("y", "Second texte sur Sikasso.")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "article.txt").write_text(text, encoding="utf-8")
    ingested, rejects = ingest_files(tmp_path, PARAMS)
    assert list(ingested["doc_id"]) == ["x/article", "y/article"]
    assert rejects.empty


@pytest.mark.parametrize(
    "sources, expected",
    [
        # a flat folder: the file stem, as it always was
        (
            ["000_40b2b94d04d1807a.txt", "001_e0092a004a558b2e.txt", "note.v2.txt"],
            ["000_40b2b94d04d1807a", "001_e0092a004a558b2e", "note.v2"],
        ),
        (["2025/06/01/index.html", "2025/06/02/index.html"], ["2025/06/01/index", "2025/06/02/index"]),
        (["a.HTM", "b.xhtml", "c.TXT", "d.txt.gz", "e.html.gz"], ["a", "b", "c", "d", "e"]),
        # one path stem, two files: the first in path order keeps the bare id
        (["a.html", "a.txt"], ["a", "a.txt"]),
        (["a.html", "a.html.txt", "a.txt"], ["a", "a.html", "a.txt"]),
        # "b.txt" is the bare id of b.txt.html, so the second b gets a counter
        (["b.html", "b.txt", "b.txt.html"], ["b", "b.txt~2", "b.txt"]),
    ],
)
def test_assign_doc_ids_strips_the_suffix_and_keeps_ids_unique(sources, expected):
    assert assign_doc_ids(sources) == dict(zip(sources, expected))
    shuffled = sources[::-1]
    random.Random(0).shuffle(shuffled)
    assert assign_doc_ids(shuffled) == dict(zip(sources, expected))


def test_nested_folders_give_path_ids(tmp_path):
    (tmp_path / "2025" / "06" / "01").mkdir(parents=True)
    (tmp_path / "2025" / "06" / "01" / "index.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "2025" / "06" / "02.txt").write_text(FRENCH, encoding="utf-8")
    ingested, rejects = ingest_files(tmp_path, PARAMS)
    assert rejects.empty
    assert list(ingested["doc_id"]) == ["2025/06/01/index", "2025/06/02"]
    assert list(ingested["format"]) == ["html", "text"]
    assert ingested.loc[0, "html_title"].startswith("Kayes : la route rouverte")


def test_a_txt_and_an_html_of_one_stem_are_both_kept(tmp_path):
    (tmp_path / "kayes.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "kayes.txt").write_text(FRENCH, encoding="utf-8")
    ingested, rejects = ingest_files(tmp_path, PARAMS)
    assert rejects.empty
    assert dict(zip(ingested["source"], ingested["doc_id"])) == {"kayes.html": "kayes", "kayes.txt": "kayes.txt"}


@pytest.mark.parametrize(
    "source, reason",
    [
        ("a.txt", None),
        ("sub/a.Html", None),
        ("a.htm.gz", None),
        ("manifest.json", "unsupported file type: .json"),
        ("notes/README", "unsupported file type: no extension"),
        ("lot.json.gz", "unsupported file type: .json.gz"),
        ("page.pdf", "unsupported file type: .pdf"),
        (".txt", "hidden file: names starting with a dot are not articles"),
        ("sub/.hidden.txt", "hidden file: names starting with a dot are not articles"),
    ],
)
def test_path_reject_reason_names_what_is_not_read(source, reason):
    assert path_reject_reason(source) == reason


def test_unsupported_files_are_rejected_and_do_not_take_an_id(tmp_path):
    (tmp_path / "a.txt").write_text(FRENCH, encoding="utf-8")
    (tmp_path / "a.json").write_text('{"titre": "Le Président a reçu la délégation"}', encoding="utf-8")
    (tmp_path / "LISEZMOI").write_text(FRENCH + " Encore.", encoding="utf-8")
    ingested, rejects = ingest_files(tmp_path, PARAMS)
    assert list(ingested["doc_id"]) == ["a"]
    assert dict(zip(rejects["source"], rejects["reason"])) == {
        "LISEZMOI": "unsupported file type: no extension",
        "a.json": "unsupported file type: .json",
    }


def test_gzipped_inputs_are_read_and_keep_the_digest_of_their_bytes(tmp_path):
    text_gz = gzip.compress(FRENCH.encode("utf-8"))
    (tmp_path / "a.txt.gz").write_bytes(text_gz)
    (tmp_path / "b.html.gz").write_bytes(gzip.compress(PAGE.encode("utf-8")))
    ingested, rejects = ingest_files(tmp_path, PARAMS)
    assert rejects.empty
    rows = ingested.set_index("doc_id")
    assert rows.loc["a", "raw_text"] == FRENCH
    assert rows.loc["a", "sha256"] == hashlib.sha256(text_gz).hexdigest()
    assert rows.loc["b", "format"] == "html"
    assert "Diboli" in rows.loc["b", "raw_text"]


def test_a_gzip_that_unpacks_past_max_bytes_or_is_damaged_is_rejected(tmp_path):
    bomb = gzip.compress(b"a" * (PARAMS.max_bytes + 1))
    assert len(bomb) < PARAMS.max_bytes
    (tmp_path / "bomb.txt.gz").write_bytes(bomb)
    (tmp_path / "cut.txt.gz").write_bytes(gzip.compress(FRENCH.encode("utf-8"))[:20])
    (tmp_path / "plain.txt.gz").write_bytes(FRENCH.encode("utf-8"))
    _, rejects = ingest_files(tmp_path, PARAMS)
    assert dict(zip(rejects["source"], rejects["reason"])) == {
        "bomb.txt.gz": "too large: over ingest.max_bytes = 10000 once decompressed",
        "cut.txt.gz": "not gzip: the file is damaged or not gzip-compressed",
        "plain.txt.gz": "not gzip: the file is damaged or not gzip-compressed",
    }



def test_a_file_that_cannot_be_read_is_rejected_not_fatal(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("Le port de Dakar a reçu trois navires jeudi.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Le marché de Kayes rouvre lundi.", encoding="utf-8")
    read_bytes = type(tmp_path).read_bytes

    def refuse(path):
        if path.name == "b.txt":
            raise PermissionError(13, "Permission denied")
        return read_bytes(path)

    monkeypatch.setattr(type(tmp_path), "read_bytes", refuse)
    ingested, rejects = ingest_files(tmp_path, PARAMS)
    assert list(ingested["source"]) == ["a.txt"]
    assert rejects.to_dict("records") == [{"source": "b.txt", "reason": "unreadable: Permission denied"}]


def _counting_reads(monkeypatch):
    """The names of the files `Path.read_bytes` reads from now on."""
    from pathlib import Path

    reads: list[str] = []
    original = Path.read_bytes

    def read_bytes(self):
        reads.append(self.name)
        return original(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    return reads


def test_a_rerun_reads_only_the_files_whose_stat_changed(tmp_path, monkeypatch):
    import os

    import pipeline.ingest as ingest

    monkeypatch.setattr(ingest, "RACY_NS", 0)  # files written just now count as settled
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a", "b", "c"):
        (folder / f"{name}.txt").write_text(f"{FRENCH} Article {name}.", encoding="utf-8")
    memo_path = tmp_path / "digests.json"
    cache = ResultCache(tmp_path / "cache.sqlite", "ingest")
    first, _ = ingest_files(folder, PARAMS, cache=cache, digests=ingest.DigestMemo(memo_path))
    reads = _counting_reads(monkeypatch)
    # same size, new bytes and a new modification time: read again
    (folder / "b.txt").write_text(f"{FRENCH} Article x.", encoding="utf-8")
    stat = (folder / "b.txt").stat()
    os.utime(folder / "b.txt", ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    (folder / "d.txt").write_text(f"{FRENCH} Article d.", encoding="utf-8")
    second, _ = ingest_files(folder, PARAMS, cache=cache, digests=ingest.DigestMemo(memo_path))
    assert sorted(set(reads)) == ["b.txt", "d.txt"]
    by_id = dict(zip(second["doc_id"], second["raw_text"]))
    assert by_id["b"].endswith("Article x.") and by_id["d"].endswith("Article d.")
    assert list(first.loc[first["doc_id"] != "b", "sha256"]) == list(
        second.loc[second["doc_id"].isin(["a", "c"]), "sha256"]
    )


def test_a_file_changed_just_before_it_was_read_is_read_again(tmp_path, monkeypatch):
    import pipeline.ingest as ingest

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(FRENCH, encoding="utf-8")
    memo_path = tmp_path / "digests.json"
    cache = ResultCache(tmp_path / "cache.sqlite", "ingest")
    ingest_files(folder, PARAMS, cache=cache, digests=ingest.DigestMemo(memo_path))
    reads = _counting_reads(monkeypatch)
    ingest_files(folder, PARAMS, cache=cache, digests=ingest.DigestMemo(memo_path))
    assert "a.txt" in reads


def test_the_memo_forgets_removed_files_and_survives_damage(tmp_path, monkeypatch):
    import json

    import pipeline.ingest as ingest

    monkeypatch.setattr(ingest, "RACY_NS", 0)
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a", "b"):
        (folder / f"{name}.txt").write_text(f"{FRENCH} {name}", encoding="utf-8")
    memo_path = tmp_path / "digests.json"
    ingest_files(folder, PARAMS, digests=ingest.DigestMemo(memo_path))
    assert len(json.loads(memo_path.read_text())) == 2
    (folder / "b.txt").unlink()
    ingest_files(folder, PARAMS, digests=ingest.DigestMemo(memo_path))
    assert [k.rpartition("/")[2] for k in json.loads(memo_path.read_text())] == ["a.txt"]
    memo_path.write_text("{not json", encoding="utf-8")
    ingested, _ = ingest_files(folder, PARAMS, digests=ingest.DigestMemo(memo_path))
    assert list(ingested["doc_id"]) == ["a"]
    assert len(json.loads(memo_path.read_text())) == 1
