"""The shortcuts of amounts.py and currencies.py give what the plain scans give."""

import re
import sys

import pytest

from pipeline import amounts, currencies

# Every code point a str can hold, surrogates aside: the folds must agree with re on all of them.
ALL_CHARS = "".join(chr(i) for i in range(sys.maxunicode + 1) if not 0xD800 <= i <= 0xDFFF)

TEXTS = [
    "Le franc suisse a gagné 2 % face à l'euro à Genève, selon la BNS et le Conseil fédéral.",
    "À Bamako, le FCFA reste arrimé à l'euro ; la BCEAO et l'UEMOA l'ont rappelé à Dakar.",
    "Le GABON et le CAMEROUN, membres de la CEMAC, paient en F CFA, tout comme Yaoundé.",
    "Ottawa a versé 12 millions de dollars canadiens au Québec, soit 9 millions $ US.",
    "La TUNİSİE et l'ALGÉRİE échangent des dinars ; à Tunıs le DT recule face au DA.",
    "Le peſo argentin et le ſhilling kényan : Buenos Aires et Nairobi ſuivent le dollar.",
    "Rendez-vous le 23/06/2025 à 10h30, ou à 18 heures 30, pour la saison 2024-2025.",
    "Ouvert 24h/24 et 7j/7 ; appelez le 76 12 34 56 ou le +223 20 22 33 44.",
    "Composez le 00 33 1 23 45 67 89, ou écrivez avant le 1.2.2024 à 14:05.",
    "Il a versé le \nmilliard promis, puis du   million de plus et au\tmillion suivant.",
    "Deux milliards, le milliard de dollars, vingt et un soldats, ſix cents tonnes.",
    "Le Congo, la RDC et Kinshasa ; le franc congolais et le franc guinéen de Conakry.",
    "",
]


def test_the_fold_finds_every_literal_that_re_matches_ignoring_case():
    letters = {
        char
        for family in currencies._COMPILED.values()
        for _, _, needles in family[0] + family[1]
        for needle, ignorecase in needles or ()
        if ignorecase
        for char in needle
    }
    for letter in letters:
        for char in re.findall(f"(?i:{re.escape(letter)})", ALL_CHARS):
            assert currencies._fold(char) == currencies._fold(letter), (letter, char)


def test_every_clue_pattern_has_literals_to_look_for():
    for family in currencies._COMPILED.values():
        for pattern, _, needles in family[0] + family[1]:
            assert needles, pattern.pattern


@pytest.mark.parametrize("text", TEXTS)
def test_every_clue_match_contains_one_of_its_literals(text):
    folded = currencies._fold(text)
    for family in currencies._COMPILED.values():
        for pattern, _, needles in family[0] + family[1]:
            for m in pattern.finditer(text):
                start, end = m.span()
                assert any(
                    n in (currencies._fold(text[start:end]) if ic else text[start:end]) for n, ic in needles
                ), (pattern.pattern, m.group())
                assert any(n in (folded if ic else text) for n, ic in needles)


@pytest.mark.parametrize("text", TEXTS)
def test_skipping_clue_patterns_gives_what_scanning_all_of_them_gives(text):
    for qualified, places in currencies._COMPILED.values():
        for clues in (qualified, places):
            unfiltered = [(pattern, code, None) for pattern, code, _ in clues]
            for least in (1, 2):
                assert currencies._most_frequent(text, currencies._fold(text), clues, least) == (
                    currencies._most_frequent(text, text, unfiltered, least)
                )


def test_the_number_initials_cover_every_letter_re_matches_at_the_start_of_a_number_word():
    initials = set(re.findall(f"(?i:[{amounts._NUMBER_INITIALS}])", ALL_CHARS))
    for word in amounts._NUMBER_WORD.split("|"):
        assert set(re.findall(f"(?i:{re.escape(word[0])})", ALL_CHARS)) <= initials, word


@pytest.mark.parametrize("text", TEXTS)
def test_number_word_runs_are_those_of_the_unchecked_pattern(text):
    unchecked = re.compile(amounts._WORDS_RE.pattern.replace(f"(?=(?i:[{amounts._NUMBER_INITIALS}]))", "", 1))
    assert unchecked.pattern != amounts._WORDS_RE.pattern
    assert [m.span() for m in amounts._WORDS_RE.finditer(text)] == [m.span() for m in unchecked.finditer(text)]


@pytest.mark.parametrize("text", TEXTS)
def test_blocked_spans_are_those_of_every_pattern_run_without_its_cue(text):
    spans = [m.span() for block, _ in amounts._BLOCK_RES for m in block.finditer(text)]
    spans += [
        m.span() for m in amounts._PHONE_RE.finditer(text)
        if sum(c.isdigit() for c in m.group()) >= amounts._PHONE_MIN_DIGITS
    ]
    assert amounts._find_blocked(text) == amounts._cover(text, spans)


@pytest.mark.parametrize("text", TEXTS)
def test_the_one_scale_article_is_found_as_by_a_search_from_the_start(text):
    for end in range(len(text) + 1):
        whole = amounts._ONE_SCALE_BEFORE_RE.search(text, 0, end)
        bounded = amounts._ONE_SCALE_BEFORE_RE.search(text, amounts._article_before(text, end), end)
        assert (whole is None) == (bounded is None), (text, end)


@pytest.mark.parametrize(
    "text",
    TEXTS + ["Selon l'article 5, l'art.\n 3, la loi \t 12, le n° 7, la page\n8, le chapitre   \t9 et le G5 à 6/7."],
)
def test_labels_and_glued_characters_are_found_as_by_a_search_of_the_whole_window(text):
    for end in range(len(text) + 1):
        before = text[max(0, end - amounts._WINDOW) : end]
        for pattern, pos in (
            (amounts._LABEL_RE, amounts._last_word_start(before)),
            (amounts._GLUED_BEFORE_RE, max(0, len(before) - 3)),
        ):
            assert (pattern.search(before) is None) == (pattern.search(before, pos) is None), (pattern, before)


@pytest.mark.parametrize("text", TEXTS + ["a1 2,5 3.000 4'000 x-5 (−6,5 %) 7\u202f000 _8 é9 10"])
def test_digit_figures_are_those_of_a_plain_scan(text):
    plain = [m.span() for m in amounts._DIGITS_RE.finditer(text)]
    assert [m.span() for m in amounts._digit_matches(text)] == plain


@pytest.mark.parametrize(
    "text", TEXTS + ["5 t, 3 kg, 2 km², 4 L'État, 7 l d'eau, 9 mbj, 6 Mt, 8 °C, 12 ans, 3 francs CFA."]
)
def test_the_ungrouped_unit_pattern_matches_where_the_grouped_one_does(text):
    for pos in range(len(text) + 1):
        grouped, ungrouped = amounts._UNIT_RE.match(text, pos), amounts._ANY_UNIT_RE.match(text, pos)
        assert (grouped and grouped.span()) == (ungrouped and ungrouped.span()), (text, pos)
    for word in text.split():
        assert amounts._is_unit_word(word) == bool(amounts._UNIT_RE.fullmatch(word)), word
