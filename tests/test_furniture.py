"""Lines a site repeats across its documents are furniture; quotations and other sites' lines are not."""

import pandas as pd
import pytest

from pipeline import clean
from pipeline.furniture import FurnitureParams, groups_of, line_key, repeated_lines

PROMPT = "Votre commentaire sera visible une fois validé par notre équipe de modération, merci de rester courtois."
QUOTE = "« Nous ne céderons pas un mètre de terrain aux spéculateurs du foncier urbain », a martelé le ministre."


def _docs(*docs: tuple[str, str, str | None, list[str]]) -> pd.DataFrame:
    return pd.DataFrame(
        [{"doc_id": d, "source": s, "site": site, "raw_text": "\n".join(lines)} for d, s, site, lines in docs]
    )


TOWNS = ("Kaya", "Dori", "Fada", "Gaoua", "Banfora", "Koudougou", "Ouahigouya", "Tenkodogo", "Dédougou", "Manga")


def _body(n: int) -> list[str]:
    return [f"Le conseil municipal de {TOWNS[n]} a voté son budget primitif après un long débat."]


@pytest.mark.parametrize(
    ("line", "key"),
    [
        ("  Mis à jour il y a 3 heures ", "mis à jour il y a 0 heures"),
        ("ACCUEIL   Politique", "accueil politique"),
        ("* * *", None),
        ("", None),
    ],
)
def test_line_key_folds_case_spacing_and_digits(line, key):
    assert line_key(line) == key


def test_groups_are_the_site_and_a_folder_below_the_input():
    assert groups_of("a.txt", "Le Réveil  Info") == ("site:le réveil info",)
    assert groups_of("reveil.net/2024/a.txt", None) == ("folder:reveil.net/2024",)
    assert groups_of("a.txt", None) == ()


def test_short_lines_shared_by_two_pages_of_a_site_are_furniture():
    found = repeated_lines(
        _docs(
            ("a", "a.txt", "reveil.net", ["Proverbe du jour : la pluie ne choisit pas", *_body(1), "Contact : 90 00 00 00"]),
            ("b", "b.txt", "reveil.net", ["Proverbe du jour : la pluie ne choisit pas", *_body(2), "Contact : 90 00 00 01"]),
        )
    )
    # the body lines differ; the contact line differs only by a digit
    assert found == {"a": frozenset({0, 2}), "b": frozenset({0, 2})}


def test_other_sites_sharing_a_line_learn_nothing():
    shared = "Sahel : le point sur la situation sécuritaire"
    found = repeated_lines(
        _docs(("a", "a.txt", "reveil.net", [shared, *_body(1)]), ("b", "b.txt", "matin.info", [shared, *_body(2)]))
    )
    assert found == {}


def test_documents_without_site_are_grouped_by_their_folder():
    found = repeated_lines(
        _docs(
            ("x/a", "reveil.net/a.txt", None, ["Accueil › Société", *_body(1)]),
            ("x/b", "reveil.net/b.txt", None, ["Accueil › Société", *_body(2)]),
            ("y/c", "matin.info/c.txt", None, ["Accueil › Société", *_body(3)]),
        )
    )
    assert found == {"x/a": frozenset({0}), "x/b": frozenset({0})}


def test_a_quotation_in_two_of_three_articles_survives_a_prompt_in_all_three_does_not():
    found = repeated_lines(
        _docs(
            ("a", "a.txt", "reveil.net", [*_body(1), QUOTE, PROMPT]),
            ("b", "b.txt", "reveil.net", [*_body(2), QUOTE, PROMPT]),
            ("c", "c.txt", "reveil.net", [*_body(3), PROMPT]),
        )
    )
    assert found == {"a": frozenset({2}), "b": frozenset({2}), "c": frozenset({1})}


def test_prose_needs_a_share_of_the_group():
    docs = [("d%d" % i, "d%d.txt" % i, "reveil.net", [*_body(i)] + ([PROMPT] if i < 3 else [])) for i in range(10)]
    assert repeated_lines(_docs(*docs)) == {}
    assert repeated_lines(_docs(*docs), FurnitureParams(prose_min_share=0.3)) == {
        f"d{i}": frozenset({1}) for i in range(3)
    }


PAGE = """LE RÉVEIL DU NORD
Citation du jour : « Qui veut aller loin ménage sa monture »
{title}
{body}
Laisser un commentaire sur cet article qui vous intéresse tant
"""


def test_clean_run_removes_repeated_lines_and_says_why():
    bodies = {
        "a": ("Le barrage de Bagré sera réhabilité dès mars", "La société nationale d'électricité a signé mardi un contrat de réhabilitation du barrage, pour une durée de trois ans, avec un groupement d'entreprises."),
        "b": ("Les producteurs de coton inquiets pour la campagne", "Les cotonculteurs de la région des Hauts-Bassins redoutent une baisse des rendements après des pluies tardives et le retard des intrants."),
    }
    ingested = pd.DataFrame(
        [
            {
                "doc_id": doc_id,
                "source": f"reveil/{doc_id}.txt",
                "sha256": doc_id,
                "raw_text": PAGE.format(title=title, body=body),
                "html_title": None,
                "html_published": None,
                "html_site": None,
                "language": "fr",
            }
            for doc_id, (title, body) in bodies.items()
        ]
    )
    cleaned, removed, _ = clean.run(clean.CleanParams(), ingested)
    for doc_id, (title, body) in bodies.items():
        doc = cleaned.set_index("doc_id").loc[doc_id]
        assert doc["text"] == body
        assert doc["title"] == title
        assert doc["site"] == "Le Réveil du Nord"  # a repeated masthead still names the site
    reasons = removed.groupby("line_no")["reason"].agg(set).to_dict()
    assert reasons[1] == {"repeated"}  # no shape rule knows a quote box
    assert reasons[4] != {"repeated"}  # a shape rule knows a comment prompt: its own reason is kept


def test_clean_run_alone_per_site_keeps_what_a_single_page_has():
    ingested = pd.DataFrame(
        [
            {
                "doc_id": "a",
                "source": "a.txt",
                "sha256": "a",
                "raw_text": "Le conseil a voté\n" + QUOTE,
                "html_title": None,
                "html_published": None,
                "html_site": None,
                "language": "fr",
            }
        ]
    )
    cleaned, removed, _ = clean.run(clean.CleanParams(), ingested)
    assert "repeated" not in set(removed["reason"])
    assert QUOTE in cleaned["text"].iloc[0]
