"""A bare "$", "francs", "dinars", and "FCFA", take the currency the article points to."""

import pytest

from pipeline.amounts import find_amounts
from pipeline.currencies import FAMILIES, FAMILY_MARK, resolve_family

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


# FCFA is XAF in the Central African franc zone, XOF in the West African one or with no clue
# (ANNOTATION.md): (article text, the amount's text, expected ISO code)
CFA_ZONES = [
    (
        "À Yaoundé, le gouvernement camerounais a relevé le prix du carburant. Le litre de super "
        "passe à 840 FCFA dans tout le Cameroun.",
        "840 FCFA",
        "XAF",
    ),
    (
        "Libreville accueille le salon du bois. Les exportateurs gabonais ont signé pour "
        "12 milliards de francs CFA de contrats.",
        "12 milliards de francs CFA de contrats",
        "XAF",
    ),
    ("À N'Djamena, le sac de mil atteint 32 000 F CFA au grand marché.", "32 000 F CFA", "XAF"),
    (
        "À Pointe-Noire, le port a investi 45 milliards de FCFA. Brazzaville salue un record.",
        "45 milliards de FCFA",
        "XAF",
    ),
    ("Au Congo, la rentrée scolaire coûte 25 000 FCFA par enfant.", "25 000 FCFA", "XAF"),
    (
        "La BEAC a relevé son taux directeur. Le crédit moyen atteint 4 millions de FCFA dans la CEMAC.",
        "4 millions de FCFA",
        "XAF",
    ),
    (
        "À Dakar, le Sénégal a levé 300 milliards de FCFA sur le marché de l'UEMOA.",
        "300 milliards de FCFA",
        "XOF",
    ),
    ("Le ticket de bus coûte désormais 300 FCFA.", "300 FCFA", "XOF"),
    # a bare "francs" in a Cameroonian article is the Central African franc too
    (
        "À Douala, les taxis réclament une hausse. La course passe à 350 francs, annonce le "
        "syndicat des transporteurs du Cameroun.",
        "350 francs",
        "XAF",
    ),
    # the zone most mentioned wins
    (
        "Le Tchad importe du ciment du Cameroun par Douala ; un camion venu du Niger coûte "
        "1,2 million de FCFA au Tchad.",
        "1,2 million de FCFA",
        "XAF",
    ),
    # a code as written stays as written
    ("À Dakar, la BCEAO a reçu un chèque de 250 000 XAF.", "250 000 XAF", "XAF"),
    ("À Yaoundé, le Cameroun a payé 80 000 XOF à un prestataire.", "80 000 XOF", "XOF"),
    # with no zone named, a code written elsewhere tells it
    ("Les montants de ce rapport sont en XAF. Le ticket de bus coûte 300 FCFA.", "300 FCFA", "XAF"),
    # Kinshasa's Congo is not in the franc zone: "Congo" there is no Central African clue
    (
        "En République démocratique du Congo, un commerçant de Kinshasa paie 5 000 FCFA à la frontière.",
        "5 000 FCFA",
        "XOF",
    ),
]


@pytest.mark.parametrize("text, amount_text, code", ARTICLES, ids=[a[1] + "→" + a[2] for a in ARTICLES])
def test_bare_currency_takes_the_article_currency(text, amount_text, code):
    found = {a.text: a.unit for a in find_amounts(text)}
    assert found.get(amount_text) == code, found


@pytest.mark.parametrize("text, amount_text, code", CFA_ZONES, ids=[a[1] + "→" + a[2] for a in CFA_ZONES])
def test_cfa_franc_takes_the_zone_of_the_article(text, amount_text, code):
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
    default = FAMILIES[name].default
    if default is not None and default.startswith(FAMILY_MARK):
        default = FAMILIES[default[len(FAMILY_MARK) :]].default  # "francs" with no clue: CFA, no zone said
    assert resolve_family(name, "Aucun indice ici.") == default
