"""Amount shapes of the French press beyond the core grammar: "Rs" before a figure, imperial
areas and volumes, percentage points, misspelt multipliers, prices per metric tonne, implicit
units and counts (ANNOTATION.md, "Amounts"; tests/gold/README.md, "Amount conventions")."""

import pytest

from pipeline.amounts import find_amounts


def _found(text: str, context: str = "") -> list[tuple]:
    return [(m.text, m.value, m.unit, m.object) for m in find_amounts(text, context)]


def _expected(rows: list[tuple]) -> list[tuple]:
    return [(t, pytest.approx(v), u, o) for t, v, u, o in rows]


# text, expected (text, value, unit, object): "Rs" is the rupee, its country told by the article
RUPEES = [
    (
        "À Maurice, le budget atteint Rs 4,1 milliards. Les Mauriciens en débattent.",
        [("Rs 4,1 milliards", 4.1e9, "MUR", None)],
    ),
    (
        "En Inde, une saisie estimée à Rs 35 millions a eu lieu. La police indienne enquête.",
        [("Rs 35 millions", 3.5e7, "INR", None)],
    ),
    (
        "Aux Seychelles, la taxe rapporte Rs. 12 millions par an. Les Seychellois paient.",
        [("Rs. 12 millions", 1.2e7, "SCR", None)],
    ),
    (
        "Le Pakistan a levé Rs 900 millions. Islamabad s'en félicite.",
        [("Rs 900 millions", 9e8, "PKR", None)],
    ),
    # with no country, "Rs" before a figure is the Mauritian press's spelling
    (
        "Le ministre a dépensé Rs 2,5 milliards de plus que prévu.",
        [("Rs 2,5 milliards", 2.5e9, "MUR", None)],
    ),
    (
        "Deux kilos de drogue, d'une valeur de Rs 35 millions, ont été saisis.",
        [("Deux kilos de drogue", 2, "kg", "drogue"), ("Rs 35 millions", 3.5e7, "MUR", None)],
    ),
    (
        "Le salaire minimum passe à Rs 11 575 pour les employés de bureau.",
        [("Rs 11 575", 11_575, "MUR", None)],
    ),
    # a qualified spelling in the article decides, as for a bare "roupies"
    (
        "Le prêt de Rs 300 millions sera remboursé en roupies indiennes.",
        [("Rs 300 millions", 3e8, "INR", None)],
    ),
]

# "Rs" alone, glued or after the figure, is nothing
NOT_RUPEES = [
    ("Les Rs du club ont gagné samedi.", []),
    ("Le modèle Rs3 sort en juin.", []),
    ("La RS 3 de 2024 est plus rapide.", []),
]

# imperial areas and volumes, percentage points, misspelt multipliers, prices per metric tonne
UNITS = [
    ("Le gisement livrera 100 millions de pieds cubes de gaz par jour.",
     [("100 millions de pieds cubes de gaz", 1e8, "ft³", "gaz")]),
    ("La réserve est estimée à 4 500 pieds cubes.", [("4 500 pieds cubes", 4_500, "ft³", None)]),
    ("Un entrepôt de 80 000 pieds carrés a été loué.", [("80 000 pieds carrés", 80_000, "ft²", None)]),
    ("Le condo de 900 pieds carrés se vend bien.", [("900 pieds carrés", 900, "ft²", None)]),
    ("Une hausse de 9,2 points de pourcentage a été relevée.",
     [("9,2 points de pourcentage", 9.2, "pp", None)]),
    ("Le taux recule de 1,5 point de pourcentage.", [("1,5 point de pourcentage", 1.5, "pp", None)]),
    ("Le pays exporte 98 millards de mètres cubes de gaz.",
     [("98 millards de mètres cubes de gaz", 9.8e10, "m³", "gaz")]),
    # the singular is a common spelling of the plural
    ("Le barrage retient 50 000 mètres cube d'eau.", [("50 000 mètres cube d'eau", 50_000, "m³", "eau")]),
    ("Un terrain de 300 mètres carré est à vendre.", [("300 mètres carré", 300, "m²", None)]),
    # a change in brackets, its sign spaced or written as a dash; "cts" are centimes
    ("Le gazole recule (- 2 cts sur le prix final).", [("- 2 cts", -0.02, "EUR", None)]),
    ("Le gazole grimpe (+ 3 cts sur le prix final).", [("+ 3 cts", 0.03, "EUR", None)]),
    ("Le fioul recule fortement (–27,59%) sur un an.", [("–27,59%", -27.59, "%", None)]),
    ("Le bilan (2020-2021) montre 5 % de hausse.", [("5 %", 5, "%", None)]),
    # the Pacific franc, however it is spelt
    ("Le ticket coûte 3000 Fcfp pour les adultes.", [("3000 Fcfp", 3000, "XPF", None)]),
    ("Une amende de 5 000 F CFP est prévue.", [("5 000 F CFP", 5000, "XPF", None)]),
    ("Le budget atteint 2 milliards de francs Pacifique.", [("2 milliards de francs Pacifique", 2e9, "XPF", None)]),
    ("Le déficit atteint 3 milliars de dollars.", [("3 milliars de dollars", 3e9, "USD", None)]),
    ("Le plan coûte 2 miliards d'euros.", [("2 miliards d'euros", 2e9, "EUR", None)]),
    ("La ville compte 5 milions d'habitants.", [("5 milions d'habitants", 5e6, "count", "habitants")]),
    ("Le programme touche trois milions de personnes.",
     [("trois milions de personnes", 3e6, "count", "personnes")]),
    ("Le café se négocie à 665 dollars/TM sur le marché.", [("665 dollars/TM", 665, "USD/t", None)]),
    ("Le cacao vaut 2 400 euros/tm à Londres.", [("2 400 euros/tm", 2_400, "EUR/t", None)]),
]

# shapes that keep what they were
UNCHANGED = [
    ("Le mur mesure 10 pieds de haut.", [("10 pieds", 10, "count", "pieds")]),
    ("L'équipe compte 3 points d'avance.", [("3 points", 3, "count", "points")]),
    ("Le prix est de 400 FCFA/kg au marché.", [("400 FCFA/kg", 400, "XOF/kg", None)]),
]

# a bare figure whose unit the sentence leaves out because it was just given
IMPLICIT = [
    ("La récolte est passée de 612 000 à 598 000 tonnes.",
     [("612 000", 612_000, "t", None), ("598 000 tonnes", 598_000, "t", None)]),
    ("Le pays a produit 598 000 tonnes contre 612 000 l'an dernier.",
     [("598 000 tonnes", 598_000, "t", None), ("612 000", 612_000, "t", None)]),
    ("Derrière la Chine (729 000 tonnes), viennent l'Inde (612 000) et le Brésil (598 000).",
     [("729 000 tonnes", 729_000, "t", None), ("612 000", 612_000, "t", None),
      ("598 000", 598_000, "t", None)]),
    # a multiplier with no "de" is never followed by its noun: "destinés" is no counted noun
    ("La rente a atteint 1 536 milliards de FCFA, dont 67 milliards destinés à l'État.",
     [("1 536 milliards de FCFA", 1.536e12, "XOF", None), ("67 milliards", 6.7e10, "XOF", None)]),
    ("Le budget s'élève à 900 milliards de FCFA. Près de 40 milliards alloués aux écoles.",
     [("900 milliards de FCFA", 9e11, "XOF", None), ("40 milliards", 4e10, "XOF", None)]),
    # a figure in billions with no unit, after money in billions in the same paragraph
    ("Le pont coûtera 500 milliards de FCFA. Oui, cinq cents milliards pour trois kilomètres.",
     [("500 milliards de FCFA", 5e11, "XOF", None), ("cinq cents milliards", 5e11, "XOF", None),
      ("trois kilomètres", 3, "km", None)]),
    ("Les ventes ont atteint 80 millions d'euros. Elles passent de 12 millions en 2023 à 15,5 millions en 2024.",
     [("80 millions d'euros", 8e7, "EUR", None), ("12 millions", 1.2e7, "EUR", None),
      ("15,5 millions", 1.55e7, "EUR", None)]),
    # a count in millions gives no unit to a bare figure in billions
    ("La ville compte 2 millions d'habitants. Le budget atteint 3 milliards.",
     [("2 millions d'habitants", 2e6, "count", "habitants")]),
]

# a bare figure listed before the amount that gives the unit, joined by "puis" or "voire",
# or a price then and now ("acheté à 500 coûte maintenant 1000 FCFA")
LISTED = [
    ("Plafonné à 1 000, puis 1 500 francs CFA, le kilo s'est vendu plus cher.",
     [("1 000", 1000, "XOF", None), ("1 500 francs CFA", 1500, "XOF", None)]),
    ("Le sac coûte 26 000 voire 30 000 FCFA au marché.",
     [("26 000", 26_000, "XOF", None), ("30 000 FCFA", 30_000, "XOF", None)]),
    ("Il faut 2, 3 et 5 millions de dollars.",
     [("2", 2e6, "USD", None), ("3", 3e6, "USD", None), ("5 millions de dollars", 5e6, "USD", None)]),
    ("Le projet coûtera 10 voire 15 millions de dollars.",
     [("10", 1e7, "USD", None), ("15 millions de dollars", 1.5e7, "USD", None)]),
    ("Le manioc qui était acheté à 500 coûte maintenant 1000 FCFA.",
     [("500", 500, "XOF", None), ("1000 FCFA", 1000, "XOF", None)]),
    ("Le litre, vendu à 650, se vend aujourd'hui à 800 FCFA.",
     [("650", 650, "XOF", None), ("800 FCFA", 800, "XOF", None)]),
    # a figure that is no price stays bare
    ("Le lot 12 coûte maintenant 500 FCFA.", [("500 FCFA", 500, "XOF", None)]),
    ("En 2020 puis 2024, l'État a versé 3 milliards de FCFA.", [("3 milliards de FCFA", 3e9, "XOF", None)]),
    ("La phase 2 puis 3 millions de doses.", [("3 millions de doses", 3e6, "count", "doses")]),
]

# counts of a plural noun after a figure in digits or words
COUNTS = [
    ("L'attaque a coûté la vie à cinq soldats.", [("cinq soldats", 5, "count", "soldats")]),
    ("Le fichier compte 1.885.000 nouveaux inscrits.",
     [("1.885.000 nouveaux inscrits", 1_885_000, "count", "inscrits")]),
    ("La commune a accueilli trois nouveaux élus.", [("trois nouveaux élus", 3, "count", "élus")]),
    ("Nous sommes sans nouvelles de cinq de nos soldats, dit l'officier.",
     [("cinq de nos soldats", 5, "count", "soldats")]),
    ("La police a interpellé deux de leurs complices.", [("deux de leurs complices", 2, "count", "complices")]),
    # a noun sharing a participle's stem is still a noun: "programmes", not "programmés"
    ("Le ministère a lancé trois programmes et deux récoltes.",
     [("trois programmes", 3, "count", "programmes"), ("deux récoltes", 2, "count", "récoltes")]),
]

# what must stay out of those rules
NOT_COUNTS = [
    ("Il a reçu 67 milliards destinés à la santé.", []),  # no amount to borrow a unit from
    ("Le parti remporte 31 des 120 sièges.", [("31", 31, "count", None), ("120 sièges", 120, "count", "sièges")]),
    ("L'hôpital a fermé deux de ses neuf blocs.", [("deux", 2, "count", None), ("neuf blocs", 9, "count", "blocs")]),
    ("Le parquet a requis 20 millions prévus par la loi.", []),
    ("Le décaissement couvre la tranche 2019 de ces appuis.", []),
    ("Une réduction (-40%) des aides entre les deux programmes.", [("-40%", -40, "%", None)]),
    ("Le budget atteint 900 millions de FCFA, contre 700 millions programmés.",
     [("900 millions de FCFA", 9e8, "XOF", None), ("700 millions", 7e8, "XOF", None)]),
]


# each list is one shape: the text and every amount it holds
SHAPES = {
    "rs_before_a_figure_is_the_rupee_of_the_article_country": RUPEES,
    "rs_elsewhere_is_no_currency": NOT_RUPEES,
    "unit_shapes": UNITS,
    "shapes_next_to_the_new_units_are_unchanged": UNCHANGED,
    "implicit_unit": IMPLICIT,
    "listed_before_its_unit": LISTED,
    "count": COUNTS,
    "not_a_count": NOT_COUNTS,
}


@pytest.mark.parametrize(
    "text, expected",
    [pytest.param(text, expected, id=f"{shape}-{i}") for shape, cases in SHAPES.items() for i, (text, expected) in enumerate(cases)],
)
def test_each_shape_gives_its_amounts(text, expected):
    assert _found(text) == _expected(expected)


def test_rs_takes_its_country_from_the_headline_too():
    text = "Le gouvernement a dépensé Rs 4,1 milliards. Le budget est voté."
    assert _found(text, "L'Inde revoit son budget : l'Inde dépense plus") == _expected(
        [("Rs 4,1 milliards", 4.1e9, "INR", None)]
    )


# Maghreb papers' abbreviations of millions of the local currency; the pound by the article's country;
# a price per kilogram however the unit is capitalised; Swiss cantons make "francs" the Swiss franc
LOCAL_SHAPES = [
    ("Le déficit commercial s'établit à 2553,9 MD à fin mai.", [("2553,9 MD", 2.5539e9, "TND", None)]),
    ("Les recettes atteignent 120,5 MDT.", [("120,5 MDT", 1.205e8, "TND", None)]),
    ("Le chiffre d'affaires atteint 12 MDH, contre 3 MMDH pour le groupe.", [("12 MDH", 1.2e7, "MAD", None), ("3 MMDH", 3e9, "MAD", None)]),
    ("Le projet coûte 450 MDA.", [("450 MDA", 4.5e8, "DZD", None)]),
    ("Le kilo est payé 440 Fcfa/Kg aux producteurs ivoiriens.", [("440 Fcfa/Kg", 440, "XOF/kg", None)]),
    (
        "Au Liban, la dette atteint 50 milliards de livres. Les Libanais attendent la Banque du Liban.",
        [("50 milliards de livres", 5e10, "LBP", None)],
    ),
    ("L'enfant a lu 10 livres cette année.", [("10 livres", 10, "count", "livres")]),
    (
        "Le lait est payé 1,95 francs aux producteurs vaudois et valaisans.",
        [("1,95 francs", 1.95, "CHF", None)],
    ),
]


@pytest.mark.parametrize("text, expected", LOCAL_SHAPES)
def test_local_currency_shapes(text, expected):
    assert _found(text) == _expected(expected)
