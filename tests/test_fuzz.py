"""Property-based fuzz tests: the pure cores never crash and keep their offset contracts.

Inputs are random Unicode (control and format characters, odd spaces, number-like
strings, long lines) and mutations of invented French news sentences: characters
inserted, deleted or replaced, spans duplicated, lines joined or split. A failing
example is a bug; its fix comes with a plain regression test in the stage's test file.

With CI set the examples are the same on every run; FUZZ_SCALE=10 runs ten times more.
"""

import functools
import math
import os
import re
import unicodedata
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.amounts import find_amounts
from pipeline.clean import clean_text, params_from_dict, repair_text
from pipeline.entities import LABELS, assign_canonicals, find_mentions_batch, repair_case
from pipeline.ingest import decode_bytes, normalise_text
from pipeline.nlp import load_nlp
from pipeline.sentences import SentenceParams, split_sentences

ROOT = Path(__file__).resolve().parent.parent

# Timing varies with the machine and the model: no deadline. CI replays the same examples
# on every run and stores none; elsewhere failures are kept in .hypothesis/ and replayed first.
settings.register_profile("dev", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("ci", parent=settings.get_profile("dev"), derandomize=True, database=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

# Examples per property: the pure functions are cheap, the model is not; FUZZ_SCALE=10 digs deeper
SCALE = int(os.environ.get("FUZZ_SCALE", "1"))
CHEAP = 200 * SCALE
MODEL = 40 * SCALE

# Invented news sentences and page furniture, with amounts, names, dates and wire datelines
SENTENCES = (
    "Le ministre des Finances, Abdoulaye SANOGO, a annoncé mardi à Bamako un budget de 3,5 milliards de FCFA.",
    "La Société nationale d'électricité (SONELEC) a livré 12.500.000 kWh en 2023, soit une hausse de 7 %.",
    "Selon M. Kouassi, 10-15 t de riz sont arrivées au port de Lomé le 3 mars 2024.",
    "« Nous n'avons reçu que 1 234,5 tonnes », a déclaré Mme Awa Diop, présidente de l'Union des producteurs.",
    "Le prix du litre de gasoil est passé de 615 à 675 francs CFA, soit -7 % en un an.",
    "DAKAR, 4 mars 2024 (APS) – Le président Ousmane FALL a reçu vingt-cinq délégués de la CEDEAO.",
    "Entre 10 et 15 tonnes de maïs ont été saisies à Zinder, a indiqué le gouverneur Issa Maman.",
    "Le Fonds monétaire international (FMI) prévoit une croissance de 5,2\u202f% au Niger.",
    "La Banque mondiale a approuvé un prêt de 250 millions de dollars pour la route Kayes–Kita.",
    "Les 3\u00a0400 enseignants grévistes réclament 25 000 F CFA de prime, selon le SYNESEC.",
)
LINES = (
    "Inondations : 250 000 sinistrés dans la région de Maradi",
    "Accueil > Économie > Agriculture",
    "Par Jean-Baptiste Ouédraogo",
    "Publié le 12/09/2024 à 10:45 - Mis à jour le 13/09/2024",
    "Partager sur Facebook Twitter WhatsApp",
    "© Le Journal du Sahel 2024 – Tous droits réservés",
    "Lire aussi : La CEDEAO lève les sanctions",
    "Abonnez-vous à notre newsletter",
    "date 2025-06",
    "Photo : archives",
    *SENTENCES,
)
NUMBERS = (
    "1 234,5",
    "12.500.000",
    "3,5 milliards de FCFA",
    "-7 %",
    "10-15 t",
    "1e308",
    "٣٤",
    "١٬٢٣٤",
    "１２３",
    "0,0001",
    "½",
    "2²",
    "vingt-cinq",
    "trois cents mille",
    "mille milliards de dollars",
    "entre 10 et 15 tonnes",
    "de 615 à 675 francs CFA",
    "+3,2 %",
    "−4 °C",
    "10h30",
    "24/12/2023",
    "+223 76 00 00 00",
    "n° 1234",
    "1er",
    "US$ 3 millions",
    "FCFA 50.000",
    "300 M€",
    "5 mds de FCFA",
    "400 FCFA/kg",
    "trois (03)",
)
SPACES = ("\u00a0", "\u202f", "\u2009", "\u2007", "\t", " ")
FORMAT = ("\u00ad", "\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u2060", "\ufeff")
CONTROL = ("\x00", "\x07", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\u2028", "\u2029", "\r", "\n")
PUNCTUATION = tuple("«»“”‘’'\"…–—-:;!?.,()[]%€$°§/|•·>#@&*+=")
UNITS = ("FCFA", "F CFA", "%", "t", "km", "euros", "$", "dinars", "francs", "tonnes de maïs", "kWh", "ans", "€")
SCALES = ("mille", "millions", "milliards", "billions", "M", "Mds", "k")
SEPARATORS = (" ", ".", ",", "'", "’", *SPACES[:4])

odd_chars = st.sampled_from((*SPACES, *FORMAT, *CONTROL, *PUNCTUATION, *"éèêàâçôûÉÀÇŒœ"))
any_char = st.one_of(st.characters(exclude_categories=("Cs",)), odd_chars)
# past 308 digits a figure overflows a double
long_digits = st.one_of(st.integers(20, 400), st.integers(300, 330)).map(lambda n: ("9876543210" * 40)[:n])


@st.composite
def number_likes(draw) -> str:
    """A figure as a page may write it: signs, digit groups, odd separators, multiplier, unit."""
    digits = st.text(st.sampled_from("0123456789"), min_size=1, max_size=4)
    groups = draw(st.lists(digits, min_size=1, max_size=5))
    if draw(st.integers(0, 4)) == 0:
        groups[0] = draw(long_digits)
    text = draw(st.sampled_from(SEPARATORS)).join(groups)
    if draw(st.booleans()):
        text += draw(st.sampled_from(",.")) + draw(digits)
    if draw(st.booleans()):
        text = draw(st.sampled_from(("-", "−", "+", "(-", "~"))) + text
    if draw(st.booleans()):
        text += " " + draw(st.sampled_from(SCALES))
    if draw(st.booleans()):
        text += draw(st.sampled_from(("", " ", "\u00a0"))) + draw(st.sampled_from(UNITS))
    return text


fragments = st.one_of(
    st.text(any_char, max_size=30),
    st.sampled_from(NUMBERS),
    number_likes(),
    long_digits,
    st.sampled_from(UNITS).map(" ".__add__),
    st.sampled_from(SENTENCES),
    odd_chars,
    st.sampled_from(("  ", "\r\n", "\n\n", " \n \n", "\u00a0\n")),
)
random_texts = st.lists(fragments, max_size=25).map("".join)


@st.composite
def mutated(draw, pieces: tuple[str, ...] = SENTENCES, max_ops: int = 8) -> str:
    """Invented French text, then a few random edits that keep it news-shaped at a glance."""
    chosen = draw(st.lists(st.sampled_from(pieces), min_size=1, max_size=6))
    joints = st.sampled_from((" ", "\n", "\n\n", "\r\n", "\n \n", ""))
    text = chosen[0] + "".join(draw(joints) + piece for piece in chosen[1:])
    for _ in range(draw(st.integers(0, max_ops))):
        text = _edit(draw, text)
    return text


def _edit(draw, text: str) -> str:
    i = draw(st.integers(0, len(text)))
    j = draw(st.integers(i, min(len(text), i + 200)))
    kind = draw(st.sampled_from(("insert", "delete", "replace", "duplicate", "join", "split", "case", "repeat")))
    if kind == "insert":
        return text[:i] + draw(fragments) + text[i:]
    if kind == "delete":
        return text[:i] + text[j:]
    if kind == "replace":
        return text[:i] + draw(any_char) + text[i + 1 :]
    if kind == "duplicate":
        return text[:j] + text[i:j] + text[j:]
    if kind == "join":
        return text.replace("\n", draw(st.sampled_from((" ", "", "\u00a0", "-"))))
    if kind == "split":
        return text[:i] + draw(st.sampled_from(("\n", "\n\n", "\r", "\u2028"))) + text[i:]
    if kind == "case":
        return text[:i] + draw(st.sampled_from((str.upper, str.lower, str.title)))(text[i:j]) + text[j:]
    return text[:j] + text[i:j] * draw(st.integers(2, 12)) + text[j:]  # a very long line


texts = st.one_of(random_texts, mutated())
articles = st.one_of(random_texts, mutated(LINES, max_ops=6))


def _subsequence(small: str, big: str) -> bool:
    """Whether `small` is `big` with characters left out, order kept."""
    rest = iter(big)
    return all(c in rest for c in small)


# ---------------------------------------------------------------- ingest


def _invisible(text: str) -> list[str]:
    """Control characters but the newline, and format characters (soft hyphen, bidi marks, BOM)."""
    return [c for c in text if unicodedata.category(c) == "Cf" or (unicodedata.category(c) == "Cc" and c != "\n")]


def _assert_decoded(raw: bytes) -> None:
    decoded = decode_bytes(raw)
    if decoded.reject_reason is not None:
        assert decoded.text == ""
        assert decoded.reject_reason.strip()
    else:
        assert decoded.text.strip()
        assert decoded.encoding
        assert not _invisible(decoded.text)
        assert unicodedata.is_normalized("NFC", decoded.text)


@settings(max_examples=CHEAP)
@given(st.binary(max_size=3000))
def test_decode_bytes_takes_any_bytes(raw):
    _assert_decoded(raw)


@st.composite
def encoded(draw) -> bytes:
    """French text in one of the encodings scraped files come in, then bytes inserted, dropped or flipped."""
    text = draw(texts)
    encoding = draw(st.sampled_from(("utf-8", "utf-8-sig", "cp1252", "latin-1", "utf-16", "utf-16-le", "utf-16-be")))
    raw = bytearray(text.encode(encoding, errors=draw(st.sampled_from(("replace", "ignore", "xmlcharrefreplace")))))
    for _ in range(draw(st.integers(0, 6))):
        i = draw(st.integers(0, len(raw)))
        kind = draw(st.sampled_from(("insert", "delete", "flip")))
        if kind == "insert":
            raw[i:i] = draw(st.binary(min_size=1, max_size=4))
        elif kind == "delete":
            del raw[i : i + draw(st.integers(1, 4))]
        elif i < len(raw):
            raw[i] ^= 1 << draw(st.integers(0, 7))
    return bytes(raw)


@settings(max_examples=CHEAP)
@given(encoded())
def test_decode_bytes_takes_damaged_encodings(raw):
    _assert_decoded(raw)


@settings(max_examples=CHEAP)
@given(texts, st.sampled_from(("utf-8", "utf-16")))
def test_decode_bytes_gives_back_utf8_and_utf16_text(text, encoding):
    decoded = decode_bytes(text.encode(encoding))
    if decoded.reject_reason is None:
        # a UTF-8 file that opens with U+FEFF reads as a BOM; UTF-16 writes its own
        expected = text.removeprefix("\ufeff") if encoding == "utf-8" else text
        assert decoded.text == normalise_text(expected)


@settings(max_examples=CHEAP)
@given(texts)
def test_normalise_text_is_idempotent_and_drops_invisible_characters(text):
    normal = normalise_text(text)
    assert not _invisible(normal)
    assert unicodedata.is_normalized("NFC", normal)
    assert normalise_text(normal) == normal


# ---------------------------------------------------------------- clean


@functools.cache
def _params() -> dict:
    return yaml.safe_load((ROOT / "params.yaml").read_text(encoding="utf-8"))


hints = st.one_of(st.none(), st.sampled_from(LINES), st.text(any_char, max_size=40))
date_hints = st.one_of(
    st.none(), st.sampled_from(("2024-03-04", "2024-03", "2024-03-04T10:45:00+00:00", "hier")), hints
)
ISO_DATE = re.compile(r"\d{4}(?:-\d\d(?:-\d\d)?)?")


@settings(max_examples=CHEAP)
@given(articles, hints, date_hints, hints, st.frozensets(st.integers(0, 30), max_size=5))
def test_clean_text_keeps_input_text_and_valid_line_numbers(text, title, published, site, furniture):
    params = params_from_dict(_params()["clean"])
    result = clean_text(
        text, params, title_hint=title, published_hint=published, site_hint=site, furniture=furniture
    )
    # the lines clean_text works on: newlines normalised, each line repaired on its own
    lines = [repair_text(line) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    squeezed = "".join(lines).replace(" ", "")
    for paragraph in result.text.split("\n\n"):
        assert paragraph.strip() == paragraph and "\n" not in paragraph
        assert _subsequence(paragraph.replace(" ", ""), squeezed)
    assert _subsequence(result.text.replace(" ", "").replace("\n", ""), squeezed)
    numbers = [r.line_no for r in result.removed]
    assert numbers == sorted(numbers)
    for removed in result.removed:
        assert 0 <= removed.line_no < len(lines)
        assert removed.text and removed.text in lines[removed.line_no]
        assert removed.reason
    assert result.title is None or result.title.strip()
    assert result.site is None or result.site.strip()
    assert result.published is None or ISO_DATE.fullmatch(result.published)


# ---------------------------------------------------------------- sentences


@settings(max_examples=CHEAP)
@given(texts)
def test_sentence_spans_are_sorted_trimmed_and_inside_the_text(text):
    params = SentenceParams(abbreviations=tuple(_params()["sentences"]["abbreviations"]))
    spans = split_sentences(text, params)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        sentence = text[start:end]
        assert sentence and sentence == sentence.strip()
        previous_end = end


# ---------------------------------------------------------------- amounts


@settings(max_examples=CHEAP)
@given(texts, st.one_of(st.just(""), st.sampled_from(LINES), st.text(any_char, max_size=40)))
def test_amounts_quote_the_text_with_finite_values(text, title):
    amounts = find_amounts(text, title)
    previous_end = 0
    for amount in amounts:
        assert previous_end <= amount.start < amount.end <= len(text)
        assert text[amount.start : amount.end] == amount.text
        assert math.isfinite(amount.value)
        assert isinstance(amount.unit, str) and amount.unit
        previous_end = amount.end


# ---------------------------------------------------------------- entities


def _same_letter(a: str, b: str) -> bool:
    """Whether two characters differ at most by case ("ς" and "Σ" included)."""
    return a == b or a.casefold() == b.casefold() or a.lower() == b.lower()


@settings(max_examples=CHEAP)
@given(texts)
def test_repair_case_changes_only_case_and_wrapped_newlines(text):
    copy = repair_case(text)
    assert len(copy) == len(text)
    for before, after in zip(text, copy):
        assert _same_letter(before, after) or (before == "\n" and after == " ")


@functools.cache
def _nlp():
    """The model, loaded once for the module (a few seconds)."""
    return load_nlp("fr_core_news_md", ())


@settings(max_examples=MODEL)
@given(st.lists(texts, min_size=1, max_size=4), st.integers(1, 3))
def test_mentions_quote_the_text_and_get_a_canonical_name(batch, batch_size):
    results = find_mentions_batch(_nlp(), batch, batch_size=batch_size)
    assert len(results) == len(batch)
    pairs = []
    for doc_id, (text, mentions) in enumerate(zip(batch, results)):
        for mention in mentions:
            assert 0 <= mention.start < mention.end <= len(text)
            assert text[mention.start : mention.end] == mention.text
            assert mention.label in LABELS
            pairs.append((str(doc_id), mention))
    canonicals = assign_canonicals(pairs)
    assert len(canonicals) == len(pairs)
    assert all(isinstance(c, str) and c.strip() for c in canonicals)
