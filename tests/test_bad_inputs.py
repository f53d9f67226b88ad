"""Bad input never crashes the run: each file ends in documents or in rejects."""

import pandas as pd
import pytest

from tests.conftest import copy_repo, dvc, read_outputs

BODY = (
    "La Banque ouest-africaine de développement a approuvé mardi à Lomé un prêt destiné "
    "à la réhabilitation du réseau routier du nord du Togo. Le ministre des Infrastructures, "
    "Kokou Agbémadon, a salué un financement attendu depuis longtemps par les transporteurs.\n\n"
    "Les travaux doivent commencer avant la saison des pluies et durer près de deux ans."
)
HTML = (
    "<!DOCTYPE html><html><head><title>Routes du Togo : un prêt de la BOAD | Lomé Matin</title></head>"
    "<body><nav><a>Accueil</a> <a>Politique</a> <a>Sport</a></nav><article><h1>Routes du Togo : un prêt "
    "de la BOAD</h1><p>La Banque ouest-africaine de développement a approuvé un prêt pour les routes "
    "de la région des Savanes, a annoncé jeudi le gouvernement togolais dans un communiqué.</p>"
    "<p>Le chantier, attendu depuis des années par les habitants de Dapaong, doit commencer en "
    "octobre et mobiliser plusieurs entreprises locales de travaux publics.</p></article>"
    "<footer>© Lomé Matin, tous droits réservés</footer></body></html>"
)
CP1252_BODY = (
    "Le gouvernement sénégalais a présenté à Dakar son plan de relance agricole. "
    "« Nous voulons réduire les importations », a déclaré la ministre de l'Agriculture."
)


@pytest.fixture(scope="module")
def bad_run(tmp_path_factory):
    repo = copy_repo(tmp_path_factory.mktemp("bad") / "repo", "inbox")
    inbox = repo / "inbox"
    inbox.mkdir()
    (inbox / "a_good.txt").write_text(BODY, encoding="utf-8")
    (inbox / "b_empty.txt").write_bytes(b"")
    (inbox / "c_blank.txt").write_bytes(b"  \n\n \r\n")
    (inbox / "d_binary.txt").write_bytes(bytes(range(256)) * 4)
    (inbox / "e_cp1252.txt").write_bytes(CP1252_BODY.encode("cp1252"))
    (inbox / "f_bom_crlf.txt").write_bytes(b"\xef\xbb\xbf" + CP1252_BODY.replace(". ", ".\r\n\r\n").encode("utf-8"))
    (inbox / "g_page.html").write_text(HTML, encoding="utf-8")
    (inbox / "h_copy.txt").write_text(BODY, encoding="utf-8")
    (inbox / "i_menu_only.txt").write_text("Accueil\nPolitique\nÉconomie\nSport\nContact\n", encoding="utf-8")
    dvc(repo, "repro")
    return read_outputs(repo)


def _placement(outputs: dict[str, pd.DataFrame], source: str) -> str:
    docs = outputs["documents"]
    rejects = outputs["rejects"]
    in_docs = (docs["source"] == source).sum()
    in_rejects = (rejects["source"] == source).sum()
    assert in_docs + in_rejects == 1, f"{source}: {in_docs} documents, {in_rejects} rejects"
    if in_docs:
        return "documents"
    return rejects.loc[rejects["source"] == source, "reason"].item()


@pytest.mark.parametrize(
    "source, expected",
    [
        ("a_good.txt", "documents"),
        ("b_empty.txt", "empty:"),
        ("c_blank.txt", "empty:"),
        ("d_binary.txt", "not text:"),
        ("e_cp1252.txt", "documents"),
        ("f_bom_crlf.txt", "documents"),
        ("g_page.html", "documents"),
        ("h_copy.txt", "duplicate: same text as a_good.txt"),
        ("i_menu_only.txt", "empty after cleaning"),
    ],
)
def test_each_bad_input_ends_where_the_contract_says(bad_run, source, expected):
    assert _placement(bad_run, source).startswith(expected)


def test_cp1252_and_bom_inputs_decode_to_the_same_french(bad_run):
    docs = bad_run["documents"].set_index("source")
    assert "sénégalais" in docs.loc["e_cp1252.txt", "text"]
    assert "« Nous voulons" in docs.loc["e_cp1252.txt", "text"]
    bom = docs.loc["f_bom_crlf.txt", "text"]
    assert not bom.startswith("\ufeff") and "\r" not in bom
    assert "sénégalais" in bom


def test_html_page_keeps_the_article_and_drops_the_furniture(bad_run):
    doc = bad_run["documents"].set_index("source").loc["g_page.html"]
    assert "région des Savanes" in doc["text"]
    assert "Accueil" not in doc["text"]
    assert "droits réservés" not in doc["text"]
    assert doc["title"].startswith("Routes du Togo")
