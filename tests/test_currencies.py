"""A bare "$", "francs", "dinars" takes the currency the article points to."""

import pytest

from pipeline.amounts import find_amounts
from pipeline.currencies import FAMILIES, resolve_family

# (article text, the bare amount's text, expected ISO code)
ARTICLES = [
    (
        "Québec — Le gouvernement du Québec investira 2,3 milliards $ dans le réseau routier. "
        "La Ville de Montréal recevra 400 millions $ de cette enveloppe.",
        "400 millions $",
        "CAD",
    ),
    (
        "Ottawa annonce une aide de 75 millions $ aux agriculteurs canadiens. "
        "Le prix du blé a atteint 310 $ US la tonne, rappelle le ministre à Ottawa.",
        "75 millions $",
        "CAD",
    ),
    (
        "Ottawa annonce une aide de 75 millions $ aux agriculteurs canadiens. "
        "Le prix du blé a atteint 310 $ US la tonne, rappelle le ministre à Ottawa.",
        "310 $ US",
        "USD",
    ),
    (
        "Le FMI a décaissé 120 millions de dollars en faveur du Niger, annonce Niamey.",
        "120 millions de dollars",
        "USD",
    ),
    (
        "Berne réduit son aide au développement. Le Conseil fédéral économisera 90 millions "
        "de francs en 2026, une décision critiquée à Genève comme à Berne.",
        "90 millions de francs",
        "CHF",
    ),
    (
        "À Kinshasa, le litre d'essence est passé à 3 200 francs congolais. Les chauffeurs de "
        "taxi-bus de Kinshasa réclament une course à 1 000 francs.",
        "1 000 francs",
        "CDF",
    ),
    (
        "Le prix du sac de riz atteint 25 000 francs CFA à Bamako. Au marché de Médine, "
        "certains vendeurs le cèdent à 23 000 francs.",
        "23 000 francs",
        "XOF",
    ),
    (
        "À Conakry, le gouvernement guinéen fixe le prix du carburant. En Guinée, le litre "
        "passe à 12 000 francs à la pompe.",
        "12 000 francs",
        "GNF",
    ),
    (
        "En Algérie, la loi de finances prévoit 9 800 milliards de dinars de dépenses. "
        "Alger mise sur la hausse des cours.",
        "9 800 milliards de dinars de dépenses",
        "DZD",
    ),
    (
        "La Banque centrale de Tunisie a injecté 4,1 milliards de dinars. À Tunis, les "
        "banques saluent la mesure.",
        "4,1 milliards de dinars",
        "TND",
    ),
    (
        "À Dubaï, le salon a généré 2 milliards de dirhams de contrats, selon les Émirats.",
        "2 milliards de dirhams de contrats",
        "AED",
    ),
    (
        "L'Office chérifien des phosphates investit 13 milliards de dirhams près de Safi.",
        "13 milliards de dirhams",
        "MAD",
    ),
    ("Le contrat de Nairobi porte sur 800 millions de shillings, une première au Kenya.", "800 millions de shillings", "KES"),
]


@pytest.mark.parametrize("text, amount_text, code", ARTICLES, ids=[a[1] + "→" + a[2] for a in ARTICLES])
def test_bare_currency_takes_the_article_currency(text, amount_text, code):
    found = {a.text: a.unit for a in find_amounts(text)}
    assert found.get(amount_text) == code, found


def test_the_headline_counts_as_a_clue():
    body = "Le budget atteint 1,2 milliard $ cette année."
    assert [a.unit for a in find_amounts(body)] == ["USD"]
    headline = "Québec : le budget de la santé franchit un cap historique au Québec"
    assert [a.unit for a in find_amounts(body, headline)] == ["CAD"]


def test_a_single_place_mention_is_not_enough():
    text = "Le Canada a été cité. Le FMI prête 100 millions de dollars au Ghana."
    assert [a.unit for a in find_amounts(text)] == ["USD"]


def test_a_qualified_spelling_beats_places_for_francs():
    text = (
        "Les commerçants maliens achètent en Guinée, à Conakry et à Kankan. "
        "Un sac vaut 18 000 francs CFA à Bamako, et le transport 2 000 francs."
    )
    assert [a.unit for a in find_amounts(text)] == ["XOF", "XOF"]


def test_a_family_with_no_clue_and_no_usual_meaning_is_dropped():
    assert find_amounts("Le contrat porte sur 300 millions de pesos.") == []
    mexican = find_amounts("Au Mexique, à Mexico, le contrat porte sur 300 millions de pesos.")
    assert [(a.value, a.unit) for a in mexican] == [(3e8, "MXN")]


@pytest.mark.parametrize(
    "text",
    [
        "Trois francs-tireurs ont été arrêtés.",
        "Il a acheté deux livres à la librairie.",
    ],
)
def test_lookalikes_are_not_money(text):
    assert all(a.unit not in {"XOF", "GBP"} for a in find_amounts(text))


def test_symbols_before_the_figure():
    text = "Au Québec, Hydro-Québec a signé pour $2 milliards, et Toronto pour C$ 500 millions."
    assert [(a.value, a.unit) for a in find_amounts(text)] == [(2e9, "CAD"), (5e8, "CAD")]


@pytest.mark.parametrize("name", sorted(FAMILIES))
def test_every_family_resolves_without_clues_to_its_default(name):
    assert resolve_family(name, "Aucun indice ici.") == FAMILIES[name].default
