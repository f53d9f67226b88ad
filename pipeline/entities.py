"""Entity mentions from spaCy NER, repaired, and one canonical name per real-world entity.

`fr_core_news_md` on news bodies keeps titles inside names ("Son Excellence Vladimir
POUTINE"), tags roles and common nouns ("Président de la Transition", "Mines"), misses
names written in capitals ("Assimi GOÏTA") and labels organisations as places or
persons. `find_mentions` runs the model on a copy of the text where shouted names are
title-cased, then repairs each span with the word lists and gazetteers of
`pipeline/data/` (loaded by `pipeline.nlp`). `assign_canonicals` links short forms,
aliases and spellings to one name across the corpus.
"""

from __future__ import annotations

import functools
import importlib.util
import itertools
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.nlp import (
    Gazetteer,
    fold_key,
    is_adjective,
    is_common_word,
    is_finite_verb,
    is_noun,
    load_gazetteer,
)

if TYPE_CHECKING:  # spaCy is imported where a model is loaded: the corpus-level steps need none
    from spacy.language import Language
    from spacy.vocab import Vocab

LABELS = ("PER", "ORG", "LOC", "MISC")
# A word of a span: an elided article ("l’"), a word with inner hyphens or dots, or a sign
TOKEN = re.compile(r"\w+['’](?=\w)|\w+(?:[-.]\w+)*\.?|[^\w\s]")
# Words of at least two letters, for the case repair
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
BLANK_LINE = re.compile(r"\n[ \t\u00a0]*\n")
# Characters trimmed from both ends of a span
LEADING_JUNK = " \t\n\u00a0\u202f«“\"'‘’([—–-•*"
TRAILING_JUNK = " \t\n\u00a0\u202f»”\"'’)],.;:!?—–-•*"
# Articles and prepositions that open a span without being part of the name
LEADING_WORDS = frozenset(
    "le la les l' du de des d' au aux un une à en par pour sur avec et ou selon chez dont "
    "sa son ses leur leurs ce cet cette ces notre nos votre vos via entre contre vers".split()
)
# Lowercase words inside persons' names ("Mohamed ould Abdel Aziz", "Ursula von der Leyen")
NAME_PARTICLES = frozenset(
    "de du des d' d’ la le van von der den ben bin ould ag al el da dos".split()
)
# Words that join the parts of one name ("Énergie du Mali", "Côte d'Ivoire")
NAME_LINKS = frozenset("de du des d' la le l' les".split())
CONNECTORS = frozenset("de du des d' la le l' et à au aux en , sur pour chargé chargée".split())
# The end of a span that ends on these was cut before its complement
OPEN_ENDINGS = frozenset("de du des d' la l'".split())
LAST_WORD = re.compile(r"(?<![\w'’])\w+['’]?$")
ROMAN = re.compile(r"^[IVXLC]+$")
# The inhabitants of a place after a plural article: "les Montréalais", "les Saint-Louisiens"; a compound
# of nationalities ("Franco-Comoriens", "Sino-Africains")
_INHABITANT_END = r"(?:ais|aises|ois|oises|iens|iennes|ains|aines|éens|éennes|ites|ins|ines)"
INHABITANTS = re.compile(rf"^[A-ZÀ-Ý][\w'’-]*{_INHABITANT_END}$")
NATIONALITIES = re.compile(rf"^[A-ZÀ-Ý][a-zà-ÿ]+o-[A-ZÀ-Ý][a-zà-ÿ]+{_INHABITANT_END}$")
PLURAL_ARTICLES = frozenset("les des aux".split())
PLURAL_ARTICLE = re.compile(r"^(?i:les|des|aux)\s+")
ORDINALS = frozenset(
    "premier première deuxième troisième quatrième cinquième sixième septième huitième neuvième dixième "
    "second seconde dernier dernière".split()
)
ARTICLES = frozenset("le la les l'".split())
# Words that introduce a noun phrase: the cue nouns of labels come after one ("la société", "du groupe")
DETERMINERS = frozenset("le la les l' du des de d' au aux un une sa son ses leur cette ce cet".split())
ELIDED_TAIL = re.compile(r"['’][A-ZÀ-Ý][\w-]*")
# "Ann GuenterLe Conseil fédéral": a caption glued to the sentence after it, at a capitalised article
GLUED_SENTENCE_START = re.compile(r"[a-zà-ÿ](?=(?:Le|La|Les|Un|Une|Des|Du|Au|Aux|Ce|Cette|Ces|Il|Elle)\b)")
GLUED_SENTENCE_END = re.compile(r"[)»”\"]?[.!?]?[)»”\"«“]*[.!?][»”\"«“]*(?=[A-ZÀ-Ý])|[)»”][.!?]")
PREPOSITIONS = frozenset("de du des d' à au aux pour sur en par contre avec sans entre vers chez et".split())
# prepositions no name contains: the span stops before them
CUT_WORDS = frozenset("après avant depuis selon lors dès malgré durant pendant".split())
# words the model runs a name into: "Ouattara mercredi", "NOC basée à", "Fonds sur"
TRAILING_WORDS = frozenset(
    "lundi mardi mercredi jeudi vendredi samedi dimanche hier aujourd'hui demain "
    "sur selon pour avec dans par chez contre après avant depuis lors ndlr ça cela ceci qui que dont "
    "basé basée basés basées situé située situés situées et ou".split()
)
ELIDED_CAPITAL = re.compile(r"[A-ZÀ-Ý]['’][A-ZÀ-Ý][a-zà-ÿ]")  # "N’Guesso", "M’Bemba"

DOMAIN = re.compile(
    r"^(?:www\.)?[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|net|org|info|biz|africa|news|media|"
    r"tv|fr|be|ch|ca|lu|ml|sn|ci|bf|ne|tg|bj|cm|ga|cd|cg|gn|mr|td|ma|dz|tn|mg|rw|bi|km|dj|cf|ht)$",
    re.IGNORECASE,
)
SENTENCE_END = '.!?…:;»”"'
# A lowercase word after a name, alone or in a list closed by "et" ("économique, sociale et culturelle")
NEXT_ADJECTIVE = re.compile(r"[ \u00a0]+([a-zàâäéèêëîïôöùûüç-]+)")
LISTED_ADJECTIVE = re.compile(r"(?:,[ \u00a0]+|[ \u00a0]+et[ \u00a0]+)([a-zàâäéèêëîïôöùûüç-]+)")
# ", des Finances", " et du Plan", " et européennes": one more portfolio of a ministry's list
LISTED_PORTFOLIO = re.compile(
    r"(?:,[ \u00a0]+|[ \u00a0]+et[ \u00a0]+)(?:(?:de[ \u00a0]+la|de[ \u00a0]+l['’]|des|du|de|d['’]|la|le|les|l['’])[ \u00a0]*)?"
    r"([^\W\d_][\w'’-]*)(?:[ \u00a0]+([a-zàâäéèêëîïôöùûüç-]+)(?=[ \u00a0]*(?:[,.;:)]|et\b|$)))?"
)
# A line at least this long that ends mid-sentence is a hard-wrapped paragraph line
WRAPPED_LINE = 50
# Within this many characters before a lone surname, a title says it is a person
TITLE_WINDOW = 40
# An acronym in parentheses after its long form: "(SAED)", "(EDM-SA)"
ACRONYM = re.compile(r"^[A-Z][\w&.-]*[\w]$")
ACRONYM_GAP_WORDS = 15
# The adjective that names one part of a region after its name: "Logone oriental", "Kasaï occidental"
PLACE_SIDE = re.compile(r"[ \u00a0](?:orient|occident|septentrion|méridion)ale?s?\b")
# The purpose of an institution after its name: "… pour le climat et le développement durable"
PURPOSE = re.compile(r"[ \u00a0]+pour[ \u00a0]+(?:le|la|les|l['’])[ \u00a0]*")
PURPOSE_WORD = re.compile(r"[ \u00a0]*([a-zàâäéèêëîïôöùûüç]+(?:-[a-zàâäéèêëîïôöùûüç]+)*['’]?)")
PURPOSE_LINKS = frozenset("de du des d' la le les l' et en au aux à".split())
# "de", "du", "des", "de la", "de l'", "d'" between a name and its complement
OF = r"(?:de\s+la|de\s+l['’]|du|des|de|d['’])"
# A name, "de" and a second name: "Casques bleus de la Minusca"
MISC_OF = re.compile(rf"^(?P<head>.+?)\s+{OF}\s*(?P<tail>[A-ZÀ-Ý][^\s]*(?:\s[A-ZÀ-Ý][^\s]*)*)$")
MINISTRY_COUNTRY = re.compile(rf"^(?P<ministry>[Mm]inist[èe]re\s.+?)\s+{OF}\s*(?P<country>[A-ZÀ-Ý][^\s].*)$")
TEAM_OF_COUNTRY = re.compile(rf"^(?P<nickname>[A-ZÀ-Ý][a-zà-ÿ]+[sx])\s+{OF}\s*(?P<country>[A-ZÀ-Ý].*)$")
LEGAL_FORMS = frozenset("sa s.a. sarl sas sasu inc inc. ltd llc plc gmbh ag spa".split())
# "l'État du Sénégal" is the country: the state's name is the country's
STATE_OF_COUNTRY = re.compile(rf"^[EÉ]tat\s+{OF}\s*(?P<country>[A-ZÀ-Ý].*)$")
REGION_CODE = re.compile(r"\s\(([A-Z]{2})\)")
POOL = re.compile(r"^(?:Groupe|Poule)\s+[A-L]$")
KNOWN_BEFORE_TOKENS = 2  # words before a span that may begin the known name it ends ("RD" of "RD Congo")
KNOWN_NAME_TOKENS = 6  # longest gazetteer name looked for inside a span the repairs cut ("République démocratique du Congo")
PARENTHESIS = re.compile(r"\(\s*([^()\s]{2,15})\s*\)")
# Shouted words of this length or more are names, not acronyms, when nothing else tells
LONG_CAPS = 6
MIN_VOWEL_SHARE = 0.3
# capitals with at most one lower-case letter after them: "INS", "FAMa"
SHORT_ACRONYM = re.compile(r"^[A-ZÀ-Ý]{2,6}[a-z]?$")
# an acronym's plural: "les FAMAs", "des ONGs"; a shouted word has no lower-case "s"
PLURAL_ACRONYM = re.compile(r"^[A-ZÀ-Ý]{2,6}s$")
VOWELS = set("aeiouyàâäéèêëîïôöùûüÿ")
# A dash between two parts of a name ("Yaoundé-Douala", "Mali – Russie")
DASH = re.compile(r"[ \u00a0]?[-–—][ \u00a0]?")
# a dash with a space on both sides separates a dateline or a heading from what follows,
# never the halves of one name ("Burundi - Quelque 300 tonnes")
SPACED_DASH = re.compile(r"[ \u00a0][-–—][ \u00a0]")
# a match score ends no name: "Jeanne d'Arc 1-0"
SCORE = re.compile(r"^\d{1,2}[-–]\d{1,2}$")
# a unit or currency written before its figure: "Rs 4,1 milliards", "Ar 3 000"
BEFORE_NUMBER = re.compile(r"[ \u00a0\u202f]?\d")
# the person after a minister's portfolio: "le ministre des Finances Pravind Jugnauth"
MINISTER_OF = re.compile(rf"\bministres?[ \u00a0]+{OF}[ \u00a0]*$", re.IGNORECASE)
# Capitalised words that go on right after a span ("… d'Ousmane" + " Sonko", "… St" + "-Pierre")
NAME_GOES_ON = re.compile(r"(?:[ \u00a0-][A-ZÀ-ÖØ-Þ][\w'’]*)+")
# A photo credit before a name on its line: the name is boilerplate ("Photo : TE", "© AFP")
CREDIT = re.compile(r"(?:©|\b(?:[Pp]hotos?|[Cc]r[ée]dits?(?:[ \u00a0]photos?)?|Ph\.))[ \u00a0]*:?[ \u00a0]*$")
# Letters then digits: an armed group ("M23"), a road ("RN7") or a product ("R21")
LETTERS_DIGITS = re.compile(r"^[A-Z]{1,4}\d{1,3}$")
# Capitals followed by three or more digits: a code ("SAN027"), not a road ("RN7") nor a group ("M23")
CODE = re.compile(r"^[A-Z]{2,}\d{3,}$")
# A club's capitals right before a name, a space between ("la JS Saint-Pierroise")
CLUB_PREFIX = re.compile(r"(?<![\w-])([A-Z]{2,4})[ \u00a0]+$")
CLUB_PREFIX_WINDOW = 8
CLUB_NAME = re.compile(r"([A-Z]{2,4})[ \u00a0]+(?=\S)")
# A hyphen and a capitalised word glued to the end of a name ("Croix" + "-Rouge")
HYPHEN_CONTINUATION = re.compile(r"-[A-ZÀ-Ý][a-zà-ÿ]+\b")
# Words right before a letters-and-digits name that make it a group, not a road ("la RN7")
GROUP_CUES = frozenset("le du au rebelles groupe mouvement rébellion milice".split())
# A mention right after a number is its unit when it is this short or in capitals ("3 000 Ar")
UNIT_LETTERS = 2
AFTER_NUMBER = re.compile(r"\d[ \u00a0\u202f]*$")
# A month and a year are a date, not the name of a plan ("Juin 2021")
MONTHS = frozenset("janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split())
# The year after an event's name: "Mondial 2030", "CAN 2025"
EVENT_YEAR = re.compile(r"[ \u00a0](?:19|20)\d\d\b")
# A lowercase word after an article right before a name: "le stade" of "le stade Ibn Batouta"
PLACE_FEATURE_BEFORE = re.compile(
    r"\b(?:[Ll]e|[Ll]a|[Ll]es|[Ll]['’]|[Dd]u|[Aa]u|[Aa]ux)[ \u00a0]?(?P<feature>[a-zàâéèêîôûç]+)[ \u00a0]$"
)
# How far back a place cue ("les habitants de") is looked for, in characters
CUE_WINDOW = 60
# Lowercase words allowed between a place noun and its "de" ("mine d'or de", "commune rurale de")
PLACE_NOUN_GAP = 3
# Before a lone name, "d'", "du" and "des" work like "de"
CUE_FORMS = {"d'": "de", "du": "de", "des": "de"}
# After a name, more names of the same list follow: ", Gorom", " et Gorom"
LIST_GOES_ON = re.compile(r"[ \u00a0]*(?:,|et[ \u00a0])")
# A cue that also introduces whom something is given or said to ("vendu à Bolloré", "déclaré
# à Reuters"): it makes a place of a lone word the model read as a person, not as an organisation
WEAK_CUES = frozenset({("à",)})
# The gap between two coordinated places ("Beyla et de Kérouané", "Goma, Sake"), or between a
# place and where it is ("le stade Alassane-Ouattara d'Ebimpé", "le marché Dantokpa de Cotonou")
COORDINATION = re.compile(
    r"^[ \u00a0]*(?:(?:,|et)[ \u00a0]*(?:(?:de|du|à|en)[ \u00a0]+|d['’])?"
    r"|(?:de|du)[ \u00a0]+|d['’])$"
)


@functools.cache
def french_stop_words() -> frozenset[str]:
    """spaCy's French stop words, read from their own module.

    Importing them through the `spacy.lang.fr` package compiles its tokenizer
    exceptions first, about 5 s, in processes (the corpus-level steps) that load
    no model.
    """
    path = Path(importlib.util.find_spec("spacy").origin).parent / "lang" / "fr" / "stop_words.py"
    spec = importlib.util.spec_from_file_location("veille_fr_stop_words", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return frozenset(module.STOP_WORDS)


@dataclass(frozen=True)
class Mention:
    """One entity mention: offsets into the text given to the model, name without titles."""

    start: int
    end: int
    text: str
    label: str


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    label: str


def find_mentions(nlp: Language, text: str) -> list[Mention]:
    """Entity mentions of one text, repaired; see `find_mentions_batch`."""
    return find_mentions_batch(nlp, [text], batch_size=1)[0]


def find_mentions_batch(nlp: Language, texts: list[str], *, batch_size: int) -> list[list[Mention]]:
    """Entity mentions of each text, in text order, running the model in batches.

    The model reads a case-repaired copy of each text (same length, so offsets hold);
    mentions quote the original text.
    """
    gazetteer = load_gazetteer()
    copies = [repair_case(text, gazetteer) for text in texts]
    results = []
    for text, doc in zip(texts, nlp.pipe(copies, batch_size=batch_size)):
        spans = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        results.append(repair_mentions(text, spans, vocab=nlp.vocab))
    return results


def mark_outlet(text: str, mentions: list[Mention], site: str | None) -> list[Mention]:
    """The outlet a document comes from, named in its body, is an organisation.

    "… parvenue à Mondafrique", "Interrogée par TelQuel": each whole-word mention of
    the document's site name (as `clean` read it from the page) becomes an ORG,
    whether the model missed it, cut it or took it for a person; a longer name
    that contains it ("Prix Mondafrique du reportage") is left alone.
    """
    if not site or DOMAIN.match(site) or sum(c.isalnum() for c in site) < 3:
        return mentions
    pattern = r"(?<!\w)" + r"\s+".join(re.escape(w) for w in site.split()) + r"(?!\w)"
    pattern = re.sub(r"['’]", "['’]", pattern)  # either apostrophe
    result = list(mentions)
    for match in re.finditer(pattern, text):
        start, end = match.span()
        overlapping = [m for m in result if m.start < end and start < m.end]
        if any(m.start <= start and end <= m.end and (m.start, m.end) != (start, end) for m in overlapping):
            continue  # inside a longer name
        result = [m for m in result if m not in overlapping]
        result.append(Mention(start, end, text[start:end], "ORG"))
    return sorted(result, key=lambda m: (m.start, m.end))


# --- case repair ---------------------------------------------------------------------------


def repair_case(text: str, gazetteer: Gazetteer | None = None) -> str:
    """Copy of `text` for the model: names in capitals title-cased ("GOÏTA" → "Goïta"),
    the line breaks of hard-wrapped paragraphs turned into spaces.

    Only words of three letters or more inside mixed-case lines are touched, and only
    when they are part of a person's name: next to a capitalised name or after a
    title ("Assimi GOÏTA", "le président POUTINE"), never in parentheses or when the
    gazetteer knows the acronym. A lone shouted word ("ROSATOM") stays as it is: the
    model reads it as an organisation. The copy has the same length, character for
    character, so offsets into it are offsets into `text`.
    """
    gazetteer = gazetteer or load_gazetteer()
    chars = list(text)
    for line in re.finditer(r"[^\n]+", text):
        words = list(WORD.finditer(line.group()))
        long_words = [w for w in words if len(w.group()) >= 2]
        shouted = [w for w in long_words if w.group().isupper()]
        if not shouted or len(shouted) * 2 >= len(long_words):
            continue  # a line in capitals is a heading: nothing tells names from words
        for index in _shouted_names(line.group(), words, gazetteer):
            word = words[index]
            titled = _title(word.group())
            if len(titled) != len(word.group()):
                continue
            begin = line.start() + word.start()
            chars[begin : begin + len(titled)] = titled
    for newline in re.finditer("\n", text):
        if is_wrap(text, newline.start()):
            chars[newline.start()] = " "
    return "".join(chars)


def _title(word: str) -> str:
    """Title-case each part of a word ("JEAN-PIERRE" → "Jean-Pierre", "N'DIAYE" → "N'Diaye")."""
    return "".join(
        part[:1].upper() + part[1:].lower() if part[:1].isalpha() else part
        for part in re.split(r"([-'’])", word)
    )


def _shouted_names(line: str, words: list[re.Match], gazetteer: Gazetteer) -> list[int]:
    """Indexes of the words of a mixed-case line that are names written in capitals."""

    def shouted(i: int) -> bool:
        w = words[i].group()
        return w.isupper() and sum(c.isalpha() for c in w) >= 3 and not ROMAN.match(w)

    def name_like(i: int) -> bool:
        w = words[i].group()
        return w[0].isupper() and not w.isupper() and w.lower() not in french_stop_words()

    def adjacent(i: int, j: int) -> bool:
        first, second = sorted((i, j))
        return line[words[first].end() : words[second].start()] in (" ", "\u00a0", "-")

    candidates = {
        i
        for i in range(len(words))
        if shouted(i)
        and words[i].group() not in gazetteer.acronyms
        and not _in_parentheses(line, words[i].start(), words[i].end())
    }
    names = set()
    for i in sorted(candidates):
        before = words[i - 1].group() if i > 0 else ""
        neighbours = [j for j in (i - 1, i + 1) if 0 <= j < len(words) and adjacent(i, j)]
        if any(name_like(j) for j in neighbours) or fold_key(before) in _title_words():
            names.add(i)
    # a run of capitals next to a name is the rest of the name: "Ibrahim Boubacar KEÏTA DIALLO"
    grew = True
    while grew:
        grew = False
        for i in sorted(candidates - names):
            if any(j in names and adjacent(i, j) for j in (i - 1, i + 1)):
                names.add(i)
                grew = True
    return sorted(names)


def _in_parentheses(line: str, start: int, end: int) -> bool:
    return line[:start].rstrip().endswith("(") and line[end:].lstrip().startswith(")")


def _vowel_share(word: str) -> float:
    letters = [c for c in word.lower() if c.isalpha()]
    return sum(c in VOWELS for c in letters) / max(len(letters), 1)


# --- word lists ------------------------------------------------------------------------------


@functools.cache
def _phrases(kind: str) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Phrases of one words.tsv kind, as token tuples indexed by first token, longest first."""
    index: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for phrase in load_gazetteer().words.get(kind, ()):
        tokens = tuple(fold_key(t) for t in TOKEN.findall(phrase))
        if tokens:
            index[tokens[0]].append(tokens)
    return {first: tuple(sorted(set(p), key=lambda t: (-len(t), t))) for first, p in index.items()}


@functools.cache
def _title_words() -> frozenset[str]:
    """Single words that announce a person: honorifics, ranks and roles ("général", "m.")."""
    words = load_gazetteer().words
    phrases = (
        words.get("honorific", frozenset())
        | words.get("rank", frozenset())
        | words.get("role", frozenset())
    )
    return frozenset(p for p in phrases if " " not in p)


def _match(tokens: list[str], i: int, kind: str) -> int:
    """Length in tokens of the longest `kind` phrase at tokens[i] (folded), 0 if none."""
    for phrase in _phrases(kind).get(tokens[i], ()):
        if tuple(tokens[i : i + len(phrase)]) == phrase:
            return len(phrase)
    return 0


def _words(kind: str) -> frozenset[str]:
    return load_gazetteer().words.get(kind, frozenset())


# --- repair of one span ------------------------------------------------------------------------


def repair_mentions(
    text: str, spans: list[tuple[int, int, str]], *, vocab: Vocab | None = None
) -> list[Mention]:
    """Turn the model's (start, end, label) spans over `text` into clean mentions.

    `vocab` carries the French word lists of `pipeline.nlp.load_nlp`; without it no
    span is dropped or trimmed as a common word, and no adjective extends a name.
    """
    gazetteer = load_gazetteer()
    pieces = [
        _Span(piece_start, piece_end, label)
        for start, end, label in sorted(spans)
        for piece_start, piece_end in _split_blank_lines(text, start, end)
    ]
    pieces = [p for s in pieces for p in _split_compound(text, s, gazetteer)]
    pieces = [p for s in pieces for p in _split_known_alternatives(text, s, gazetteer)]
    pieces = [_organisation_of_misc(text, s, gazetteer) for s in pieces]
    pieces = [p for s in pieces for p in _split_leader(text, s, gazetteer, vocab)]
    pieces = [p for s in pieces for p in _portfolio_holder(text, s, gazetteer, vocab)]
    pieces = [_extend_event_year(text, _extend_elision(text, s)) for s in pieces]
    merged = _extend_portfolios(text, _extend_heads(text, _merge_adjacent(text, pieces), vocab))
    merged = _extend_purposes(text, merged, gazetteer, vocab)
    merged = [part for s in merged for part in _split_ministry_country(text, s, gazetteer)]
    defined = frozenset(m.group(1) for m in PARENTHESIS.finditer(text) if ACRONYM.match(m.group(1)))
    repaired = [
        r for s in merged if (r := _repair_span(text, s, gazetteer, vocab, defined)) is not None
    ]
    repaired = [_label_after_place_feature(text, r, gazetteer) for r in repaired]
    repaired = [r for r in repaired if not _is_heading_phrase(text, r, gazetteer, vocab)]
    repaired = [_extend_to_known_name(text, r, gazetteer) for r in repaired]
    mentions = _without_overlaps(_recover_known_names(text, pieces, repaired, gazetteer))
    mentions = _drop_common_acronyms(text, _apply_acronyms(text, mentions, gazetteer), gazetteer)
    mentions = _label_lone_words(text, mentions, gazetteer, vocab)
    mentions = _club_short_forms(text, _vote_labels(text, mentions, gazetteer))
    mentions = _places_with_region_codes(text, mentions)
    return [Mention(s.start, s.end, text[s.start : s.end], s.label) for s in mentions]


def _places_with_region_codes(text: str, spans: list[_Span]) -> list[_Span]:
    """"Niederbipp (BE)", "Lévis (QC)": a one-word name with a two-capital code in brackets after
    it that does not abbreviate it is a town and its canton, province or state, both places."""
    codes: set[int] = set()
    out = list(spans)
    for k, span in enumerate(spans):
        code = REGION_CODE.match(text, span.end)
        name = text[span.start : span.end]
        if code is None or " " in name or not _is_capitalised(name) or _abbreviates(code.group(1), name):
            continue
        out[k] = replace(span, label="LOC")
        codes.add(code.start(1))
    return [replace(s, label="LOC") if s.start in codes and s.end - s.start == 2 else s for s in out]


def _split_ministry_country(text: str, span: _Span, gazetteer: Gazetteer) -> list[_Span]:
    """ "Ministère de la Santé de Côte d'Ivoire" is the ministry and the country it belongs to."""
    name = text[span.start : span.end]
    m = MINISTRY_COUNTRY.match(name)
    if span.label != "ORG" or m is None:
        return [span]
    ministry_words = [fold_key(w) for w in TOKEN.findall(m.group("ministry"))]
    country = m.group("country")
    if ministry_words[-1] not in _words("portfolio") or gazetteer.label.get(fold_key(country)) != "LOC":
        return [span]
    return [
        _Span(span.start, span.start + m.end("ministry"), "ORG"),
        _Span(span.start + m.start("country"), span.end, "LOC"),
    ]


def _extend_to_known_name(text: str, span: _Span, gazetteer: Gazetteer) -> _Span:
    """A span whose words just before it, on its line, make a known name with it is that name:
    the model reads "Congo" in "la RD Congo" and "Faso" in "au Burkina Faso"."""
    line_start = text.rfind("\n", 0, span.start) + 1
    before = list(TOKEN.finditer(text, max(line_start, span.start - TITLE_WINDOW), span.start))
    for k in range(max(0, len(before) - KNOWN_BEFORE_TOKENS), len(before)):
        start = before[k].start()
        key = fold_key(text[start : span.end])
        # "RD. Congo": an abbreviation's period aside
        key = key if key in gazetteer.label else re.sub(r"\.(?=\s)", "", key)
        if text[start].isupper() and key in gazetteer.label:
            return _Span(start, span.end, gazetteer.label[key])
    return span


def _recover_known_names(
    text: str, pieces: list[_Span], repaired: list[_Span], gazetteer: Gazetteer
) -> list[_Span]:
    """A known place or organisation inside a span the repairs cut is a mention of its own.

    The model reads "la Coupe du monde après l’Afrique du Sud" as one name; the
    repairs cut it at "après", and "Afrique du Sud" would be lost with the tail.
    A span the repairs dropped whole ("© AFP", a credit) stays dropped.
    """
    kept = list(repaired)
    for piece in pieces:
        if not any(s.start < piece.end and piece.start < s.end for s in repaired):
            continue  # dropped whole (a credit, a unit), not cut
        tokens = list(TOKEN.finditer(text, piece.start, piece.end))
        i = 0
        while i < len(tokens):
            found = None
            for j in range(min(len(tokens), i + KNOWN_NAME_TOKENS) - 1, i - 1, -1):
                start, end = tokens[i].start(), tokens[j].end()
                if text[start].isupper() and fold_key(text[start:end]) in gazetteer.label:
                    found = _Span(start, end, gazetteer.label[fold_key(text[start:end])])
                    break
            if found is not None and all(s.end <= found.start or s.start >= found.end for s in kept):
                kept.append(found)
            i = j + 1 if found is not None else i + 1
    return sorted(kept, key=lambda s: (s.start, s.end))


def _is_heading_phrase(text: str, span: _Span, gazetteer: Gazetteer, vocab: Vocab | None) -> bool:
    """A sub-heading the model read as a name: the whole line, led by a common word ("Protection des civils").

    A person's name or a known name alone on its line stays.
    """
    if vocab is None or span.label == "PER":
        return False
    name = text[span.start : span.end]
    if fold_key(name) in gazetteer.canonical:
        return False
    line_start = text.rfind("\n", 0, span.start) + 1
    line_end = text.find("\n", span.end)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    words = WORD.findall(name)
    if not words or WORD.findall(line) != words:  # "12-34" alone on its line: no word to lead it
        return False
    return _is_common_any_accent(vocab, fold_key(words[0]))


def _split_blank_lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A name never runs across a paragraph break: cut the span at blank lines."""
    pieces, cursor = [], start
    for gap in BLANK_LINE.finditer(text, start, end):
        pieces.append((cursor, gap.start()))
        cursor = gap.end()
    pieces.append((cursor, end))
    return [(s, e) for s, e in pieces if e > s]


def _split_compound(text: str, span: _Span, gazetteer: Gazetteer) -> list[_Span]:
    """Known places joined by a dash are each a place: "l'autoroute Yaoundé-Douala",
    "la coopération Mali–Russie" give both places.

    A name of its own stays whole ("Guinée-Bissau", "Bobo-Dioulasso"), and so does an
    event the span names ("Sommet Russie-Afrique"); after an event word ("le sommet
    Russie-Afrique") the pair names the meeting and no place. Words before the first
    place ("autoroute", "axe") are dropped.
    """
    name = text[span.start : span.end]
    if fold_key(name) in gazetteer.canonical:
        return [span]
    dashes = list(DASH.finditer(name))
    if not dashes:
        return [span]
    bounds = [0, *(i for d in dashes for i in (d.start(), d.end())), len(name)]
    parts = [(span.start + a, span.start + b) for a, b in zip(bounds[::2], bounds[1::2])]
    words = [fold_key(w) for w in TOKEN.findall(name)]
    if any(e <= s for s, e in parts) or (words and _match(words, 0, "event_head")):
        return [span]
    if _word_before(text, span.start) in _words("event_head"):
        return []  # "le sommet Russie-Afrique" names a meeting, not the two places
    for (left_start, left_end), (right_start, right_end) in itertools.pairwise(parts):
        # "la route Guinée-Bissau": the words around the dash are one name
        last = max(left_start, text.rfind(" ", left_start, left_end) + 1)
        first = text.find(" ", right_start, right_end)
        if fold_key(text[last : first if first >= 0 else right_end]) in gazetteer.canonical:
            return [span]
    ends = [
        _known_place_edge(text, start, end, gazetteer, suffix=k < len(parts) - 1)
        for k, (start, end) in enumerate(parts)
    ]
    middle_known = all(e == p for e, p in zip(ends[1:-1], parts[1:-1]))
    if all(ends) and middle_known:
        return [_Span(a, b, "LOC") for a, b in ends]
    # "le consortium Bolloré-CMA CGM-CHEC": companies joined by dashes, two of them known
    trimmed = [_trim(text, a, b) for a, b in parts]
    known_orgs = sum(gazetteer.label.get(fold_key(text[a:b])) == "ORG" for a, b in trimmed)
    if known_orgs >= 2 and all(b > a and text[a].isupper() for a, b in trimmed):
        return [_Span(a, b, "ORG") for a, b in trimmed]
    return _route_ends(text, span, parts) or _spaced_dash_parts(text, span) or [span]


def _organisation_of_misc(text: str, span: _Span, gazetteer: Gazetteer) -> _Span:
    """A miscellaneous span that ends on "de" and a known organisation names that organisation:
    "les Casques bleus de la Minusca". An event ("Coupe du monde de la FIFA"), a legal text
    and what is named after a place ("Accord de Paris") stay as they are.
    """
    m = MISC_OF.match(text[span.start : span.end])
    if span.label != "MISC" or m is None:
        return span
    head = [fold_key(w) for w in TOKEN.findall(m.group("head"))]
    tail = fold_key(m.group("tail"))
    if gazetteer.label.get(tail) != "ORG" or _match(head, 0, "event_head") or _match(head, 0, "legal_text"):
        return span
    return _Span(span.start + m.start("tail"), span.end, "ORG")


def _split_known_alternatives(text: str, span: _Span, gazetteer: Gazetteer) -> list[_Span]:
    """Known names joined by a slash are each a mention: "la région Bas-Saint-Laurent/Gaspésie".

    Any other span with a slash is a link, a credit or a pair of alternatives, and the
    repairs drop it.
    """
    name = text[span.start : span.end]
    if "/" not in name or CREDIT.search(text, text.rfind("\n", 0, span.start) + 1, span.start):
        return [span]  # "Photo : AFP/Reuters" is a credit
    # "Port-au-Prince/ Kenscoff: 175 gourdes": no name runs on past a colon
    name = name.split(":")[0]
    parts, cursor = [], span.start
    for part in name.split("/"):
        start, end = _trim(text, cursor, cursor + len(part))
        parts.append((start, end))
        cursor += len(part) + 1
    if not all(fold_key(text[a:b]) in gazetteer.label for a, b in parts):
        return [span]
    return [_Span(a, b, gazetteer.label[fold_key(text[a:b])]) for a, b in parts]


def _spaced_dash_parts(text: str, span: _Span) -> list[_Span]:
    """The parts of a span that a dash spaced on both sides cuts, each keeping the label;
    [] when no dash is spaced. Each part is then repaired, or dropped, on its own.
    """
    name = text[span.start : span.end]
    cuts = list(SPACED_DASH.finditer(name))
    bounds = [0, *(i for d in cuts for i in (d.start(), d.end())), len(name)]
    parts = [(span.start + a, span.start + b) for a, b in zip(bounds[::2], bounds[1::2]) if b > a]
    return [_Span(a, b, span.label) for a, b in parts] if cuts else []


def _portfolio_holder(text: str, span: _Span, gazetteer: Gazetteer, vocab: Vocab | None) -> list[_Span]:
    """The minister named after the portfolio the model joined to the name: "le ministre
    des Finances Pravind Jugnauth" gives PER "Pravind Jugnauth", and no ministry, since
    "ministre des Finances" is a role. The name starts at the first capitalised word past
    the portfolio that is a given name or no common word ("Santé Publique" is the portfolio).
    """
    if not MINISTER_OF.search(text, max(0, span.start - TITLE_WINDOW), span.start):
        return [span]
    tokens = _token_spans(text, span.start, span.end)
    portfolios = _words("portfolio")
    if len(tokens) < 3 or fold_key(text[tokens[0][0] : tokens[0][1]]) not in portfolios:
        return [span]
    for k in range(1, len(tokens) - 1):
        tail = [fold_key(text[s:e]) for s, e in tokens[k:]]
        if not all(_is_capitalised(text[s:e]) for s, e in tokens[k:]) or portfolios.intersection(tail):
            continue
        if tail[0] in gazetteer.first_names or vocab is None or not is_common_word(vocab, tail[0]):
            return [_Span(tokens[k][0], tokens[-1][1], "PER")]
    return [span]


def _route_ends(text: str, span: _Span, parts: list[tuple[int, int]]) -> list[_Span]:
    """The ends of a route named by a route noun ("la route Kaya-Dori", "l'axe Kaya-Dori"),
    each a single capitalised word; [] when the span is not a route.
    """
    first_start, first_end = parts[0]
    words = list(re.finditer(r"\S+", text[first_start:first_end]))
    before = text[max(0, span.start - TITLE_WINDOW) : first_start + words[-1].start()]
    before_words = [fold_key(w) for w in TOKEN.findall(before)]
    routes = _cue_phrases("route_noun")
    if not any(tuple(before_words[-len(r) :]) == r for r in routes if len(r) <= len(before_words)):
        return []
    ends = [(first_start + words[-1].start(), first_end), *parts[1:]]
    # "les routes Bobo-Banfora-frontière": a common noun may close the route
    while len(ends) > 2 and text[ends[-1][0] : ends[-1][1]][:1].islower():
        ends = ends[:-1]
    excluded = _words("generic") | _words("place_qualifier") | french_stop_words()
    for a, b in ends:
        # "Akom II": a place's name may carry a number in Roman numerals
        first, *rest = text[a:b].split()
        if not (_is_capitalised(first) and first.isalpha() and fold_key(first) not in excluded):
            return []
        if len(rest) > 1 or (rest and not ROMAN.match(rest[0])):
            return []
    return [_Span(a, b, "LOC") for a, b in ends]


def _token_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) in `text` of each TOKEN of `text[start:end]`."""
    return [m.span() for m in TOKEN.finditer(text, start, end)]


def _word_before(text: str, start: int) -> str:
    """The word before `start`, folded; "" at the start of the text."""
    words = TOKEN.findall(text[max(0, start - TITLE_WINDOW) : start])
    return fold_key(words[-1]) if words else ""


def _known_place_edge(
    text: str, start: int, end: int, gazetteer: Gazetteer, *, suffix: bool
) -> tuple[int, int] | None:
    """The longest known place that ends (`suffix`) or starts the words of text[start:end]."""
    cuts = [m.start() for m in re.finditer(r"\S+", text[start:end])]
    ends = [m.end() for m in re.finditer(r"\S+", text[start:end])]
    candidates = (
        [(start + c, end) for c in cuts] if suffix else [(start, start + e) for e in reversed(ends)]
    )
    for a, b in candidates:
        if gazetteer.label.get(fold_key(text[a:b])) == "LOC":
            return a, b
    return None


def _split_leader(
    text: str, span: _Span, gazetteer: Gazetteer, vocab: Vocab | None
) -> list[_Span]:
    """A party and the person after it are two names: "la N-VA de Bart De Wever" gives
    ORG "N-VA" and PER "Bart De Wever".

    The head is one acronym or a name no word list knows ("Pastef"), or a known
    name; the tail after "de"/"d'" is at least two capitalised words. Institutions
    ("Centre de Recherche Agronomique") and persons' particles ("Jean de La Fontaine")
    are not heads.
    """
    name = text[span.start : span.end]
    tokens = _token_spans(text, span.start, span.end)
    words = [fold_key(text[s:e]) for s, e in tokens]
    if "de" not in words and "d'" not in words:
        return [span]
    k = next(i for i, w in enumerate(words) if w in ("de", "d'"))
    head, tail = tokens[:k], tokens[k + 1 :]
    # the model may cut the person's name short: "Pastef d'Ousmane" + " Sonko"
    more = NAME_GOES_ON.match(text, span.end)
    if more and tail:
        tail += _token_spans(text, more.start(), more.end())
        tail = [t for t in tail if text[t[0] : t[1]] != "-"]
    tail_words = [text[s:e] for s, e in tail]
    if len(tail) < 2 or not head or not all(
        _is_capitalised(w) or fold_key(w) in NAME_PARTICLES for w in tail_words
    ):
        return [span]
    if not (_is_capitalised(tail_words[0]) and _is_capitalised(tail_words[-1])):
        return [span]
    tail_key = fold_key(text[tail[0][0] : tail[-1][1]])
    if tail_key in gazetteer.canonical or any(
        _match([fold_key(w) for w in tail_words], i, kind)
        for i in range(len(tail_words))
        for kind in ("org_head", "event_head")
    ):
        return [span]
    head_text = text[head[0][0] : head[-1][1]]
    known = gazetteer.label.get(fold_key(head_text))
    acronym = len(head) == 1 and head_text.isupper() and sum(c.isalpha() for c in head_text) >= 2
    plain_head = (
        len(head) == 1
        and span.label != "PER"
        and _is_capitalised(head_text)
        and not _match(words, 0, "org_head")
        and not _match(words, 0, "event_head")
        and words[0] not in _words("place_feature") | _words("place_generic") | _title_words()
        and vocab is not None
        and not is_common_word(vocab, words[0])
    )
    if not (known or acronym or plain_head):
        return [span]
    return [
        _Span(head[0][0], head[-1][1], known or "ORG"),
        _Span(tail[0][0], tail[-1][1], "PER"),
    ]


def _extend_elision(text: str, span: _Span) -> _Span:
    """Put back the elided capital the tokenizer cut from a name: "N’" + "Djaména"."""
    # not L’ or D’, which are the article and the preposition
    if re.search(r"(?:^|[^\w])[A-CE-KM-Z]['’]$", text[max(0, span.start - 3) : span.start]):
        return _Span(span.start - 2, span.end, span.label)
    # "Pascal Affi N" + "’Guessan" (or "Pascal Affi N’" + "Guessan"): the name goes on after the
    # elided capital that ends the span
    end = span.end - 1 if text[span.end - 1 : span.end] in ("'", "’") else span.end
    tail = ELIDED_TAIL.match(text, end)
    if re.search(r"\s[A-CE-KM-Z]$", text[span.start : end]) and tail:
        return _Span(span.start, tail.end(), span.label)
    return span


def _extend_event_year(text: str, span: _Span) -> _Span:
    """An event word the model cut from its year takes it back: "Mondial" + " 2030" is the
    event "Mondial 2030", which the common word alone would not be."""
    name = text[span.start : span.end]
    year = EVENT_YEAR.match(text, span.end)
    if year is None or " " in name or fold_key(name) not in _words("event_head") or not _is_capitalised(name):
        return span
    return _Span(span.start, year.end(), "MISC")


def _label_after_place_feature(text: str, span: _Span, gazetteer: Gazetteer) -> _Span:
    """A name right after a place word and its article is a place: "le barrage Idriss Ier",
    "l'aéroport Blaise Diagne", which the model reads as persons.

    Only after an article, so the word is a noun ("la place" but not "en place"), for
    a name no gazetteer knows, and not before a route's two ends ("la route Kaya-Dori").
    """
    m = PLACE_FEATURE_BEFORE.search(text, max(0, span.start - TITLE_WINDOW), span.start)
    name = text[span.start : span.end]
    if m is None or span.label == "LOC" or not _is_capitalised(name):
        return span
    feature = fold_key(m.group("feature"))
    if (
        feature not in _words("place_feature")
        or feature in _words("route_noun")
        or fold_key(name) in gazetteer.canonical
        or DASH.search(name)
    ):
        return span
    return replace(span, label="LOC")


def _with_room(text: str, spans: list[_Span]) -> Iterator[tuple[_Span, list[str], int]]:
    """Each of the sorted `spans` with its folded words and how far it may grow: the next span's start."""
    for index, span in enumerate(spans):
        words = [fold_key(w) for w in TOKEN.findall(text[span.start : span.end])]
        limit = spans[index + 1].start if index + 1 < len(spans) else len(text)
        yield span, words, limit


def _extend_heads(text: str, spans: list[_Span], vocab: Vocab | None) -> list[_Span]:
    """An institution the model cut short takes its adjectives back.

    "Conseil" + "constitutionnel" → "Conseil constitutionnel"; "… coopération
    économique" + ", commerciale, scientifique et technique" (a list of adjectives
    closed by "et"). Stops at anything that is not an adjective ("Banque mondiale
    annonce", "Forces armées maliennes mènent").
    """
    if vocab is None:
        return spans
    result = []
    for span, words, limit in _with_room(text, spans):
        end = span.end
        if words and _is_capitalised(text[span.start]):
            after_head = bool(_match(words, len(words) - 1, "org_head"))
            after_adjective = span.label == "ORG" and is_adjective(vocab, words[-1])
            if after_head:
                end = _adjectives_after(text, span.end, limit, vocab, lists=False)
            elif after_adjective:
                end = _adjectives_after(text, span.end, limit, vocab, lists=True)
        label = "ORG" if end != span.end else span.label
        if span.label == "LOC" and (side := PLACE_SIDE.match(text, span.end, limit)):
            end = side.end()  # "Logone" + " oriental": the adjective names one half of a region
        result.append(_Span(span.start, end, label))
    return result


def _extend_purposes(text: str, spans: list[_Span], gazetteer: Gazetteer, vocab: Vocab | None) -> list[_Span]:
    """An institution the model cut before its purpose takes it back: "Alliance marocaine" +
    " pour le climat et le développement durable", "Fonds" + " pour l'environnement mondial".

    Only an organisation led by an institution word that no gazetteer knows; the purpose
    is "pour" and an article, then lowercase nouns and adjectives joined by "de", "et" and
    articles, up to the next name or anything else ("qui", a verb, a comma).
    """
    if vocab is None:
        return spans
    result = []
    for span, words, limit in _with_room(text, spans):
        end = span.end
        head = bool(words) and _is_capitalised(text[span.start]) and bool(_match(words, 0, "org_head"))
        if span.label == "ORG" and head and fold_key(text[span.start : span.end]) not in gazetteer.canonical:
            opening = PURPOSE.match(text, span.end, limit)
            cursor = opening.end() if opening else end
            while opening and (m := PURPOSE_WORD.match(text, cursor, limit)):
                word = fold_key(m.group(1))
                if word in PURPOSE_LINKS:
                    cursor = m.end()
                elif (
                    (is_noun(vocab, word) or is_adjective(vocab, word))
                    and not is_finite_verb(vocab, word)
                    and word not in french_stop_words()  # "a", "est"
                ):
                    cursor = end = m.end()
                else:
                    break
        result.append(_Span(span.start, end, span.label))
    return result


def _extend_portfolios(text: str, spans: list[_Span]) -> list[_Span]:
    """A ministry the model cut at its first portfolio takes the others back.

    "ministère des Mines" + " et des hydrocarbures", "ministère des Affaires
    étrangères" + " et européennes": portfolio words listed after the last one,
    with or without their article, up to the "et" that closes the list.
    """
    portfolios = _words("portfolio")
    result = []
    for span, words, limit in _with_room(text, spans):
        end = span.end
        if span.label == "ORG" and len(words) > 1 and words[-1] in portfolios:
            cursor = end
            while (m := LISTED_PORTFOLIO.match(text, cursor, limit)) and fold_key(m.group(1)) in portfolios:
                two_words = m.group(2) and fold_key(m.group(2)) in portfolios  # "Ressources animales"
                cursor = m.end(2) if two_words else m.end(1)
                if " et" in m.group(0)[:4]:
                    end = cursor
                    break
        result.append(_Span(span.start, end, span.label))
    return result


def _adjectives_after(text: str, end: int, limit: int, vocab: Vocab, *, lists: bool) -> int:
    """End of the adjectives that follow `end`: space-separated, or a list closed by "et"."""
    step = LISTED_ADJECTIVE if lists else NEXT_ADJECTIVE
    best = cursor = end
    while (m := step.match(text, cursor, limit)) and is_adjective(vocab, m.group(1)):
        cursor = m.end()
        if not lists or " et" in m.group(0):
            best = cursor
    return best


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    # junk, and a pictogram opening a heading ("🏛️ Budgets"): a symbol or its variation selector
    while start < end and (text[start] in LEADING_JUNK or unicodedata.category(text[start]) in ("So", "Mn")):
        start += 1
    while end > start and text[end - 1] in TRAILING_JUNK:
        # keep the period of an abbreviation that ends a name ("S.A.", "Inc.")
        if text[end - 1] == "." and re.search(r"(?:\b\w\.){2,}$|\bInc\.$", text[start:end]):
            break
        end -= 1
    return start, end


def _at_sentence_start(text: str, start: int) -> bool:
    """Whether `start` opens a sentence, a paragraph, a heading or a quotation.

    A line break inside a hard-wrapped paragraph is a space, not a sentence start.
    """
    k = start - 1
    # a pictogram opening a heading ("🏛️ Budgets") is no word: a symbol or its variation selector
    while k >= 0 and (
        text[k] in " \t\u00a0\u202f«“\"'‘(—–-"
        or unicodedata.category(text[k]) in ("So", "Mn")
        or (text[k] == "\n" and is_wrap(text, k))
    ):
        k -= 1
    return k < 0 or text[k] in ".!?…:;\n"


def is_wrap(text: str, newline: int) -> bool:
    """Whether the line break at `newline` only wraps a paragraph (the sentence goes on).

    It does when the line before is long and ends without sentence punctuation, or
    the next line starts in lowercase; a short line is a heading.
    """
    line_start = text.rfind("\n", 0, newline) + 1
    before = text[line_start:newline].rstrip()
    after = text[newline + 1 :].lstrip(" \t\u00a0")
    if not before or not after or after.startswith("\n") or before[-1] in SENTENCE_END:
        return False
    return after[0].islower() or len(before) >= WRAPPED_LINE


def _is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def _repair_span(
    text: str, span: _Span, gazetteer: Gazetteer, vocab: Vocab | None, defined: frozenset[str]
) -> _Span | None:
    """One span without titles, articles and junk, relabelled; None when it is not an entity.

    `defined` are the acronyms the text defines in parentheses: always names.
    """
    start, end = _trim(text, span.start, span.end)
    if text[start:end].startswith("#"):
        return None  # a hashtag: "#Perenco"
    # "MRE).Les", "Bénin).»«Aussi": a sentence ends inside the span, with no space after it
    glued_end = GLUED_SENTENCE_END.search(text, start, end) or GLUED_SENTENCE_START.search(text, start, end)
    if glued_end is not None:
        end = glued_end.start() + (1 if glued_end.re is GLUED_SENTENCE_START else 0)
    if _inhabitants(text, start, end, gazetteer):
        return None  # "les Montréalais", "Franco-Comoriens": people of a place, not the place
    storm = _storm_name(text, start, end)
    if storm is not None:
        return storm  # "le cyclone Belal", read as a place, an organisation or a person
    if "/" in text[start:end]:
        return None  # a link, a photo credit ("TE/Archives") or a list of alternatives
    if CREDIT.search(text, max(0, text.rfind("\n", 0, start) + 1), start):
        return None  # "Photo : TE", "© AFP"
    party = _party_with_article(text, start, end, gazetteer, vocab)
    if party is not None:
        return party
    tokens = _token_spans(text, start, end)
    first, titled = _strip_prefix(text, tokens, span.label, gazetteer, vocab)
    tokens = tokens[first:]
    words = [fold_key(text[s:e]) for s, e in tokens]
    # "Coupe du monde après l’Afrique du Sud": no name goes on past "après", "selon", "lors";
    # nor past an article that no preposition introduces ("la Caisse le finance")
    cut = next(
        (
            k
            for k, w in enumerate(words)
            if k
            and text[tokens[k][0]].islower()
            and (
                w in CUT_WORDS
                or (w in ARTICLES and words[k - 1] not in PREPOSITIONS)
                # "Banque islamique de développement à hauteur de": "à" before a common word
                or (w == "à" and k + 1 < len(words) and text[tokens[k + 1][0]].islower() and words[k + 1] not in ARTICLES)
            )
        ),
        None,
    )
    if cut is not None:
        tokens, words = tokens[:cut], words[:cut]
    # "le Président de la banque mondiale" read as a person ends on a known name, in lower case
    person = span.label == "PER" and not any(
        fold_key(text[tokens[k][0] : tokens[-1][1]]) in gazetteer.label for k in range(len(tokens) - 1)
    )
    while words and (
        words[-1] in OPEN_ENDINGS | {",", "-", "–"}
        or (len(words) > 1 and (words[-1] in TRAILING_WORDS or SCORE.match(words[-1])))
        or (person and len(words) > 1 and _is_lowercase_tail(text[tokens[-1][0] : tokens[-1][1]]))
        or (len(words) > 1 and _is_verb_tail(text[tokens[-1][0] : tokens[-1][1]], vocab))
    ):
        tokens, words = tokens[:-1], words[:-1]
    if not tokens:
        return None
    start, end = _trim(text, tokens[0][0], tokens[-1][1])
    if end <= start:
        return None
    start, end = _cut_after_known_name(text, start, end, gazetteer)
    if span.label in ("ORG", "MISC") and " " in text[start:end]:
        # "Comité international de la Croix" + "-Rouge": a name goes on past a hyphen and a capital
        while (joined := HYPHEN_CONTINUATION.match(text, end)) is not None:
            end = joined.end()
    state = STATE_OF_COUNTRY.match(text[start:end])
    # "l'État du Sénégal" is Senegal; "l'État de New York", a city's name, is a state of its own
    if state is not None and fold_key(state.group("country")) in gazetteer.countries:
        start += state.start("country")
        span = replace(span, label="LOC")
    name = text[start:end]
    if name[:1].islower():
        lowered = _repair_lowercase_start(text, start, end, span.label, gazetteer)
        if lowered is None:
            return None
        start, end, label = lowered
        span = replace(span, label=label)
        name = text[start:end]
    if titled and _looks_like_person(name, gazetteer):
        span = replace(span, label="PER")  # "Premier ministre Ousmane Sonko" read as MISC
    elif (
        span.label in ("ORG", "MISC")
        and " " in name
        and _title_right_before(text, start, gazetteer)
        and _looks_like_person(name, gazetteer)
    ):
        span = replace(span, label="PER")  # "son homologue ivoirien Téné Birahima Ouattara" read as ORG
    lone_word = _is_plain_word(name) and _is_capitalised(name)
    if span.label == "MISC" and lone_word and _after_place_cue(text, start, weak=False):
        span = replace(span, label="LOC")  # "le terminal pétrolier de Djeno" read as MISC
    # an acronym the text defines is a name, unless it abbreviates a common noun ("(MRE)") or a
    # currency ("francs congolais (CDF)"); so is a common word after a noun of companies ("le groupe
    # pétrolier Total")
    key = fold_key(name)
    named = (name in defined and key not in _words("not_entity") and key not in _words("currency_code")) or (
        _is_capitalised(name) and sum(c.isalpha() for c in name) > 1 and _after_org_cue(text, start, gazetteer, vocab)
    )
    if not named and not _is_entity(name, span.label, gazetteer, vocab):
        return None
    if _is_unit(text, start, end, span.label, gazetteer):
        return None
    group = LETTERS_DIGITS.match(name) and _word_before(text, start) in GROUP_CUES
    if group and key not in gazetteer.label:
        return _Span(start, end, "ORG")  # "les rebelles du M23"; not "la RN7"
    if span.label == "LOC" and CODE.match(name) and key not in gazetteer.label:
        return None  # "les cargaisons SAN027 à SAN030": a code, not a place
    if _after_club_prefix(text, start):
        return _Span(start, end, "ORG")  # "la JS Saint-Pierroise", "l'AS Jeanne d'Arc"
    return _Span(start, end, _relabel(name, span.label, gazetteer))


def _inhabitants(text: str, start: int, end: int, gazetteer: Gazetteer) -> bool:
    """Whether text[start:end] names the inhabitants of a place: a compound of nationalities, or a
    plural demonym after a plural article, inside the span or right before it; not a known name
    ("Les Républicains")."""
    name = text[start:end]
    bare = PLURAL_ARTICLE.sub("", name)
    if any(fold_key(form) in gazetteer.canonical for form in (name, bare, f"les {bare}")):
        return False
    if NATIONALITIES.match(bare):
        return True
    return INHABITANTS.match(bare) is not None and (bare != name or _word_before(text, start) in PLURAL_ARTICLES)


def _storm_name(text: str, start: int, end: int) -> _Span | None:
    """The name of a storm the span holds or follows ("cyclone Belal", "le cyclone | Belal"), as MISC."""
    tokens = _token_spans(text, start, end)
    storm_nouns = _words("storm_noun")
    if len(tokens) > 1 and fold_key(text[tokens[0][0] : tokens[0][1]]) in storm_nouns:
        start = tokens[1][0]
    elif _word_before(text, start) not in storm_nouns:
        return None
    name = text[start:end]
    return _Span(start, end, "MISC") if _is_capitalised(name) and name[:1].isalpha() else None


def _club_short_forms(text: str, spans: list[_Span]) -> list[_Span]:
    """A name led by a club's capitals is the club, and so is that name without them:
    "la JS Saint-Pierroise", then "la Saint-Pierroise"."""
    clubs = set()
    for span in spans:
        m = CLUB_NAME.match(text, span.start, span.end)
        if m is not None and _is_club_prefix(m.group(1)):
            clubs.add(fold_key(text[m.end() : span.end]))
            clubs.add(fold_key(text[span.start : span.end]))
        elif _after_club_prefix(text, span.start):
            clubs.add(fold_key(text[span.start : span.end]))
    if not clubs:
        return spans
    return [replace(s, label="ORG") if fold_key(text[s.start : s.end]) in clubs else s for s in spans]


def _after_club_prefix(text: str, start: int) -> bool:
    """Whether a sports club's capitals ("AS", "JS", "FC") stand right before `start`."""
    m = CLUB_PREFIX.search(text, max(0, start - CLUB_PREFIX_WINDOW), start)
    return m is not None and _is_club_prefix(m.group(1))


def _is_club_prefix(capitals: str) -> bool:
    return fold_key(capitals) in _words("club_prefix")


def _is_unit(text: str, start: int, end: int, label: str, gazetteer: Gazetteer) -> bool:
    """A short word or capitals right after a number, or a short word right before one: a
    unit, a currency ("3 000 Ar", "120 MW", "Rs 35 millions")."""
    name = text[start:end]
    if fold_key(name) in gazetteer.canonical or not name.isalpha():
        return False
    if BEFORE_NUMBER.match(text, end) and len(name) <= UNIT_LETTERS and label != "PER":
        return True  # written before its figure: "Rs 4,1 milliards"; a person may be "Ba"
    return bool(AFTER_NUMBER.search(text[:start])) and (len(name) <= UNIT_LETTERS or name.isupper())


def _party_with_article(
    text: str, start: int, end: int, gazetteer: Gazetteer, vocab: Vocab | None
) -> _Span | None:
    """A capitalised plural common word after a capitalised "Les" is a party or a movement
    whose name holds the article ("Les Engagés", "Les Républicains").

    A common word needs no capital in French unless it names something; nationalities
    ("Les Maliens"), roles and generic words ("Les Autorités") are not names.
    """
    name = text[start:end]
    if name.startswith(("Les ", "Les\u00a0")):
        word_start = start + 4
    elif re.search(r"(?<!\w)Les[ \u00a0]$", text[max(0, start - 5) : start]):
        word_start, start = start, start - 4
    else:
        return None
    word = text[word_start:end]
    key = fold_key(word)
    excluded = _words("generic") | _words("portfolio") | gazetteer.demonyms | _title_words()
    if (
        vocab is None
        or not _is_plain_word(word)
        or not _is_capitalised(word)
        or not word.endswith(("s", "x"))
        or key in gazetteer.canonical
        or key in excluded
        or not is_common_word(vocab, key)
    ):
        return None
    return _Span(start, end, "ORG")


def _is_verb_tail(word: str, vocab: Vocab | None) -> bool:
    """A conjugated verb the model ran into a name ("le Conseil rappelle"); never an adjective of it."""
    key = fold_key(word)
    return (
        vocab is not None
        and word[:1].islower()
        and is_finite_verb(vocab, key)
        and not is_adjective(vocab, key)
        and not is_noun(vocab, key)
    )


def _is_lowercase_tail(word: str) -> bool:
    """A lowercase word ending a person's name is not part of it ("Jean Kaboré lundi"); particles are."""
    return word[:1].islower() and word not in NAME_PARTICLES and fold_key(word) not in NAME_LINKS


def _looks_like_person(name: str, gazetteer: Gazetteer) -> bool:
    """Capitalised words that no gazetteer or institution shape claims: a person after a title."""
    words = TOKEN.findall(name)
    folded = [fold_key(w) for w in words]
    if (
        fold_key(name) in gazetteer.canonical
        or _match(folded, 0, "org_head")
        or _match(folded, 0, "event_head")
    ):
        return False
    return all(_is_capitalised(w) or w in NAME_PARTICLES for w in words)


def _strip_prefix(
    text: str, tokens: list[tuple[int, int]], label: str, gazetteer: Gazetteer, vocab: Vocab | None
) -> tuple[int, bool]:
    """Index of the first token of the name once titles, honorifics and articles are removed,
    and whether a title of a person was removed.
    """
    words = [fold_key(text[s:e]) for s, e in tokens]
    i, titled = 0, False
    sentence_start = bool(tokens) and _at_sentence_start(text, tokens[0][0])
    while i < len(words):
        rest = fold_key(text[tokens[i][0] : tokens[-1][1]])
        if rest in gazetteer.canonical:
            break  # "La Haye", "Le Caire": the article belongs to the name
        word = words[i]
        original = text[tokens[i][0] : tokens[i][1]]
        if word in LEADING_WORDS and (original[:1].islower() or i > 0 or sentence_start):
            i += 1
            continue
        if word in {",", "-", "–", ":"}:
            i += 1
            continue
        n = _match(words, i, "honorific") or _match(words, i, "rank")
        if n:
            i, titled = i + n, True
            continue
        n = _match(words, i, "role")
        if n:
            i, titled = _skip_complement(words, i + n, gazetteer), True
            continue
        # a person's first name may be a common word ("Vladimir", "Pierre"): not for PER
        if (
            i == 0
            and sentence_start
            and label != "PER"
            and _is_sentence_word(text, tokens, words, gazetteer, vocab)
        ):
            i += 1
            continue
        break
    return i, titled


def _skip_complement(words: list[str], i: int, gazetteer: Gazetteer) -> int:
    """After a role: skip nationality adjectives and a portfolio ("malien des Affaires étrangères")."""
    portfolio = _words("portfolio") | _words("generic")
    while i < len(words):
        word = words[i]
        if " ".join(words[i:]) in gazetteer.canonical:
            break  # "Premier ministre de la République démocratique du Congo": the rest is a known name
        if word in gazetteer.demonyms or word in CONNECTORS or word in portfolio:
            i += 1
        else:
            break
    return i


def _is_sentence_word(
    text: str,
    tokens: list[tuple[int, int]],
    words: list[str],
    gazetteer: Gazetteer,
    vocab: Vocab | None,
) -> bool:
    """A capitalised common word that opens the sentence before a name ("Accueillis par Sergueï Lavrov")."""
    if vocab is None or len(words) < 2:
        return False
    word = text[tokens[0][0] : tokens[0][1]]
    if not _is_capitalised(word) or word.isupper() or words[0] in gazetteer.canonical:
        return False
    if _match(words, 0, "org_head") or not is_common_word(vocab, words[0]):
        return False
    # "Accueillis par Sergueï Lavrov", "Présent au Niger"; not "Énergie du Mali"
    following = text[tokens[1][0] : tokens[1][1]]
    # "Orange Mali a lancé …": a noun glued to a place names a company; not "Hier Niamey"
    rest = fold_key(text[tokens[1][0] : tokens[-1][1]])
    glued = text[tokens[0][1] : tokens[1][0]] == " "
    if glued and gazetteer.label.get(rest) == "LOC" and is_noun(vocab, words[0]):
        return False
    return _is_capitalised(following) or words[1] in LEADING_WORDS - NAME_LINKS


def _cut_after_known_name(text: str, start: int, end: int, gazetteer: Gazetteer) -> tuple[int, int]:
    """Drop lowercase words after a known place ("Mali fort" → "Mali", "Afrique francophone")."""
    tokens = _token_spans(text, start, end)
    if fold_key(text[start:end]) in gazetteer.canonical:
        return start, end
    for k in range(len(tokens) - 1, 0, -1):
        tail = text[tokens[k][0] : end]
        if not tail[:1].islower():
            break
        head_end = tokens[k - 1][1]
        if gazetteer.label.get(fold_key(text[start:head_end])) == "LOC":
            return start, head_end
    return start, end


def _repair_lowercase_start(
    text: str, start: int, end: int, label: str, gazetteer: Gazetteer
) -> tuple[int, int, str] | None:
    """A span that starts lowercase: a ministry, a known name, a place with its feature word, or not a name."""
    tokens = _token_spans(text, start, end)
    words = [fold_key(text[s:e]) for s, e in tokens]
    if DOMAIN.match(text[start:end]):
        return start, end, "ORG"
    if words[0] in ("ministère", "ministères") and len(words) > 2:
        return start, end, "ORG"
    known = gazetteer.label.get(fold_key(text[start:end]))
    if known is not None and len(words) > 1:
        # the model read a name there, and a gazetteer knows it: "le président de la banque mondiale"
        return start, end, known
    if (
        len(words) > 1
        and words[0] in _words("place_feature")
        and _is_capitalised(text[tokens[-1][0] :])
    ):
        return start, end, "LOC"
    n = _match(words, 0, "place_generic")
    if n:
        i = n
        while i < len(words) and words[i] in CONNECTORS:
            i += 1
        if i < len(words) and _is_capitalised(text[tokens[i][0] : tokens[i][1]]):
            return tokens[i][0], end, "LOC" if label in ("MISC", "LOC") else label
    return _name_after_common_noun(text, tokens, words, label, gazetteer)


def _name_after_common_noun(
    text: str, tokens: list[tuple[int, int]], words: list[str], label: str, gazetteer: Gazetteer
) -> tuple[int, int, str] | None:
    """The name after "de" in an event the model read whole: "l'attaque de Mondoro",
    "la catastrophe nucléaire de Fukushima" give the place; what happens somewhere is
    named after the place. Up to three lowercase words lead; the name is capitalised.
    """
    k = next((i for i, w in enumerate(words) if w in ("de", "du", "des", "d'")), None)
    if k is None or not 0 < k <= PLACE_NOUN_GAP or not all(text[s:e].isalpha() for s, e in tokens[:k]):
        return None
    i = k + 1
    while i < len(words) and words[i] in ARTICLES:
        i += 1
    rest = [text[s:e] for s, e in tokens[i:]]
    if not rest or not all(_is_capitalised(w) or fold_key(w) in NAME_PARTICLES for w in rest):
        return None
    if not _is_capitalised(rest[0]) or not _is_capitalised(rest[-1]):
        return None
    start, end = tokens[i][0], tokens[-1][1]
    known = gazetteer.label.get(fold_key(text[start:end]))
    return start, end, known or ("LOC" if label in ("MISC", "LOC") else label)


def _is_entity(name: str, label: str, gazetteer: Gazetteer, vocab: Vocab | None) -> bool:
    """Whether a repaired span names something, rather than a role, a nationality or a noun."""
    key = fold_key(name)
    if key in gazetteer.canonical or DOMAIN.match(name):
        return True
    words = [fold_key(t) for t in TOKEN.findall(name)]
    if sum(c.isalnum() for c in name) < 2:
        return False  # a stray letter or sign: "(A)", "°C"
    filler = _fillers(gazetteer.demonyms)
    institution = len(words) > 1 and _match(words, 0, "org_head") and label == "ORG"
    # "Economie maritime", "Etat-major": a portfolio or a common word whose capital lost its accent
    if all(w in filler or _strip_accents(w) in _unaccented_fillers() for w in words) and not institution:
        return False
    currencies = _words("currency")
    if any(w in currencies for w in words):
        return False
    if len(words) == 1 and key in _words("currency_code"):
        return False  # "XOF", "FC"
    if key in LEGAL_FORMS:
        return False  # the "SA" of "Energie du Mali – SA", cut from its name
    if POOL.match(name):
        return False  # "Groupe A", "Poule C": a competition's pool, named by a letter
    if _is_generic_institution(name, words, vocab):
        return False
    if _match(words, 0, "legal_text"):
        return False  # "Loi de finances", "Projet de loi des Finances", "Code minier"
    if key in _words("not_entity"):
        return False  # "GNL", "TVA", "Mpox": a common noun's acronym, a disease
    if words[0] in ORDINALS and not any(_is_capitalised(t) for t in TOKEN.findall(name)[1:]):
        return False  # "Quatrième producteur africain"
    if len(words) == 1 and vocab is not None and _is_plain_word(name):
        # a capitalised common word: "Mines", "Coopération", "Gabonais". A place keeps
        # a name that is also a noun ("Fana", "Karma"), not an adjective ("Grand").
        if label in ("ORG", "MISC") and _is_common_any_accent(vocab, key):
            return False
        if label == "LOC" and is_adjective(vocab, key):
            return False
    if label == "MISC":
        return _is_named_misc(name)
    return True


@functools.cache
def _fillers(demonyms: frozenset[str]) -> frozenset[str]:
    """Words that make no name on their own: generic nouns, portfolios, demonyms, connectors."""
    return _words("generic") | _words("portfolio") | demonyms | CONNECTORS


# a capital often loses its accent: "Energie", "Economie", "Etat"
CAPITAL_ACCENTS = {"e": "éèê", "a": "àâ", "i": "î", "o": "ô", "u": "ù"}


def _is_common_any_accent(vocab: Vocab, key: str) -> bool:
    """Whether `key`, or it with the accent its first letter lost, is a French common word."""
    variants = [key] + [accent + key[1:] for accent in CAPITAL_ACCENTS.get(key[:1], "")]
    return any(is_common_word(vocab, variant) for variant in variants)


def _is_generic_institution(name: str, words: list[str], vocab: Vocab | None) -> bool:
    """An institution every town or region has, named by no proper name: "Parlement régional",
    "Hôpital universitaire de la ville"; not "Conseil régional du Centre" nor "Banque
    régionale de solidarité", whose noun makes a name.
    """
    head = _match(words, 0, "org_head") or (1 if words and words[0] in _words("generic") else 0)
    if not head or len(words) <= head:
        return False
    rest = TOKEN.findall(name)[head:]
    qualifiers = _words("generic_qualifier")
    if any(_is_capitalised(w) for w in rest) or not any(fold_key(w) in qualifiers for w in rest):
        return False
    plain = qualifiers | CONNECTORS | _words("place_noun") | _words("place_generic")
    return all(
        fold_key(w) in plain or (vocab is not None and is_adjective(vocab, fold_key(w)))
        for w in rest
    )


def _is_plain_word(word: str) -> bool:
    """A word in ordinary case: no inner capitals ("FranceAgriMer"), no digits, not shouted;
    a hyphen may join its parts ("Etat-major")."""
    return (
        not word.isupper()
        and not any(c.isupper() or c.isdigit() for c in word[1:])
        and word.replace("-", "").isalpha()
    )


@functools.cache
def _unaccented_fillers() -> frozenset[str]:
    """Generic and portfolio words without accents, for capitals that lost theirs."""
    return frozenset(_strip_accents(w) for w in _words("generic") | _words("portfolio"))


def _is_named_misc(name: str) -> bool:
    """MISC is kept only with a clear name shape: digits ("Covid-19"), two capitalised words,
    a capitalised event word leading it ("Coupe du monde", "Mondial 2030"), or a capitalised
    word and a year, the name of a plan or an edition ("Vision 2030", "Agenda 2063"); not a month.
    """
    tokens = TOKEN.findall(name)
    if any(any(c.isdigit() for c in t) and any(c.isalpha() for c in t) for t in tokens):
        return True
    if (
        len(tokens) == 2
        and _is_capitalised(tokens[0])
        and tokens[0].isalpha()
        and fold_key(tokens[0]) not in MONTHS
        and re.fullmatch(r"(?:19|20)\d\d", tokens[1])
    ):
        return True
    if len(tokens) > 1 and _is_capitalised(tokens[0]) and _match([fold_key(t) for t in tokens], 0, "event_head"):
        return True
    return sum(_is_capitalised(t) and t.isalpha() for t in tokens) >= 2


def _relabel(name: str, label: str, gazetteer: Gazetteer) -> str:
    """The label a span deserves: gazetteer first, then the shape of organisation names."""
    key = fold_key(name)
    if key in gazetteer.label:
        return gazetteer.label[key]
    if DOMAIN.match(name):
        return "ORG"
    if label == "LOC" and _is_short_acronym(name):
        return "ORG"  # "INS", "PNH", "FAMa": a place with an acronym is in the gazetteer ("RDC", "USA")
    words = [fold_key(t) for t in TOKEN.findall(name)]
    if _is_capitalised(name) and _match(words, 0, "event_head") and (len(words) > 1 or name.isupper()):
        return "MISC"  # "Coupe du monde", "Mondial 2030", and a tournament's acronym ("la CAN")
    if _is_capitalised(name) and _match(words, 0, "org_head") and len(words) > 1:
        return "ORG"
    if len(words) > 1 and words[-1] in _words("company_suffix"):
        return "ORG"
    if _is_company_with_place(name, label, gazetteer):
        return "ORG"
    if label != "PER" and _led_by_first_name(name, label, gazetteer):
        return "PER"
    if _is_team_of_country(name, gazetteer):
        return "ORG"
    return label


def _is_team_of_country(name: str, gazetteer: Gazetteer) -> bool:
    """A national team's nickname: a capitalised plural and its country ("Lions de l’Atlas",
    "Étalons du Burkina", "Léopards de la RDC"); not a place feature ("Chutes du Niger")."""
    m = TEAM_OF_COUNTRY.match(name)
    if m is None:
        return False
    nickname = fold_key(m.group("nickname"))
    features = _words("place_feature") | _words("place_generic") | _words("place_qualifier")
    return (
        nickname not in features
        and nickname.rstrip("sx") not in features
        and nickname not in gazetteer.label
        and gazetteer.label.get(fold_key(m.group("country"))) == "LOC"
    )


def _led_by_first_name(name: str, label: str, gazetteer: Gazetteer) -> bool:
    """A known given name and capitalised names after it are a person ("Aliko Dangote"), and
    so is a given name alone that the model took for an organisation ("François").

    Not a name ending in a regnal number ("Mohammed V", as often a boulevard or an
    airport as the king), nor one a gazetteer or an institution word claims.
    """
    words = name.split()
    if not words or fold_key(words[0]) not in gazetteer.first_names or len(words) > 4:
        return False
    if len(words) == 1:
        return label in ("ORG", "MISC")
    if ROMAN.match(words[-1]) or fold_key(words[-1]) in gazetteer.label:
        return False
    return _looks_like_person(name, gazetteer) and fold_key(words[-1]) not in _words("company_suffix")


def _is_short_acronym(name: str) -> bool:
    """Capitals that read as an acronym, not a shouted place: three letters, or few vowels
    ("INS", "FAMa", "MNLA"); "SAVA", a region named by its towns' initials, reads as a word."""
    if PLURAL_ACRONYM.match(name):
        return True
    if not SHORT_ACRONYM.match(name):
        return False
    letters = name.rstrip("abcdefghijklmnopqrstuvwxyz")
    return len(letters) <= 3 or _vowel_share(letters) < MIN_VOWEL_SHARE


def _is_company_with_place(name: str, label: str, gazetteer: Gazetteer) -> bool:
    """A name led by an acronym ("SPF Intérieur", "CNSS Guinée") or a company built on a
    place ("Hydro-Québec", "Air Sénégal", "Orange Mali", "Togo Énergie").

    A qualifier makes a place of it ("Haute Guinée", "Nord-Kivu"), and so does a
    place feature or another place in front ("lac Tchad", "Guinée Conakry"). A person
    stays a person ("Anatole France", "KONATÉ Moussa") unless clear capitals lead
    the name ("SGB Burkina").
    """
    words = name.split()
    if (
        len(words) > 1
        and _is_acronym_head(words[0], gazetteer, strict=label == "PER")
        and any(_is_capitalised(w) and not w.isupper() for w in words[1:])
    ):
        return True
    parts = [p for p in re.split(r"[\s\u00a0]+|[-–]", name) if p]
    if label == "PER" or len(parts) < 2:
        return False
    if not _is_capitalised(parts[0]) or not _is_capitalised(parts[1]):
        return False
    first = fold_key(parts[0])
    if first in _words("company_prefix") or fold_key(parts[-1]) in _words("company_suffix"):
        return True
    rest = name[len(parts[0]) :].lstrip(" \u00a0-–")
    place_words = (
        _words("place_qualifier")
        | _words("place_feature")
        | _words("place_generic")
        | _words("generic")
        | _title_words()
        | french_stop_words()
    )
    return (
        gazetteer.label.get(fold_key(rest)) == "LOC"
        and first not in place_words
        and first not in gazetteer.canonical
    )


def _is_acronym_head(word: str, gazetteer: Gazetteer, *, strict: bool) -> bool:
    """Capitals that abbreviate a name ("SPF", "CNSS"), not a surname in capitals ("KONATÉ").

    `strict` (the model read a person) asks for a known acronym or one with few vowels.
    """
    letters = [c for c in word if c.isalpha()]
    if len(letters) < 2 or not word.isupper() or ROMAN.match(word):
        return False
    if word in gazetteer.acronyms or _vowel_share(word) < MIN_VOWEL_SHARE:
        return True
    return not strict and len(letters) < LONG_CAPS


# --- document-level repairs -------------------------------------------------------------------


def _merge_adjacent(text: str, spans: list[_Span]) -> list[_Span]:
    """Join what the model split: "Assimi" + "Goïta", "Société … du" + "Burkina"."""
    merged: list[_Span] = []
    for span in spans:
        if merged:
            last = merged[-1]
            gap = text[last.end : span.start]
            # "Société … du" + "Burkina", "Semaine des activités minières d'" + "Afrique de l'Ouest"
            ending = LAST_WORD.search(text, last.start, last.end)
            open_org = last.label in ("ORG", "MISC") and ending is not None and fold_key(ending.group()) in OPEN_ENDINGS
            # "Hôpital universitaire" + "Rafic Hariri": an institution named after a person
            named_after = (
                last.label == "ORG"
                and span.label == "PER"
                and gap in (" ", "\u00a0")
                and _is_institution_head(text, last)
            )
            # "Denis Sassou" + "N’Guesso": a surname with an elided capital, read as a place
            elided_surname = last.label == "PER" and gap == " " and ELIDED_CAPITAL.match(text, span.start) is not None
            if gap.strip() == "" and "\n\n" not in gap:
                if open_org or named_after or elided_surname or (last.label == "PER" and span.label == "PER"):
                    merged[-1] = _Span(last.start, span.end, last.label)
                    continue
        merged.append(span)
    return merged


def _is_institution_head(text: str, span: _Span) -> bool:
    """Whether a span is a capitalised institution word and adjectives ("Hôpital universitaire")."""
    words = TOKEN.findall(text[span.start : span.end])
    while words and fold_key(words[0]) in LEADING_WORDS:
        words = words[1:]
    folded = [fold_key(w) for w in words]
    n = _match(folded, 0, "org_head") if folded else 0
    return bool(n) and _is_capitalised(words[0]) and not any(_is_capitalised(w) for w in words[n:])


def _without_overlaps(spans: list[_Span]) -> list[_Span]:
    """Keep the longest of overlapping spans, then the earliest."""
    kept: list[_Span] = []
    for span in sorted(spans, key=lambda s: (-(s.end - s.start), s.start)):
        if all(span.end <= k.start or span.start >= k.end for k in kept):
            kept.append(span)
    return sorted(kept, key=lambda s: (s.start, s.end))


def _apply_acronyms(text: str, spans: list[_Span], gazetteer: Gazetteer) -> list[_Span]:
    """Extend a long form the model cut before "(ACR)", and give ACR the long form's label."""
    spans = list(spans)
    labels: dict[str, str] = {}
    for paren in PARENTHESIS.finditer(text):
        acronym = paren.group(1)
        if not ACRONYM.match(acronym):
            continue
        long_form = _long_form(text, spans, paren.start(), acronym) or _translated_long_form(
            text, spans, paren.start(), acronym, gazetteer
        )
        if long_form is None:
            continue
        index, new_end = long_form
        head = spans[index]
        if new_end != head.end:
            spans = [s for s in spans if not (head.start < s.start < new_end)]
            index = spans.index(head)
            spans[index] = _Span(head.start, new_end, "ORG")
            head = spans[index]
        if _is_unknown_place_with_acronym(text, head, gazetteer):
            spans[index] = head = replace(head, label="ORG")
        if acronym not in gazetteer.acronyms:
            labels[acronym] = head.label
        inside = _Span(paren.start(1), paren.end(1), labels.get(acronym, head.label))
        if all(s.end <= inside.start or s.start >= inside.end for s in spans):
            spans.append(inside)
    spans = [replace(s, label=labels.get(text[s.start : s.end], s.label)) for s in spans]
    return sorted(spans, key=lambda s: (s.start, s.end))


def _is_unknown_place_with_acronym(text: str, span: _Span, gazetteer: Gazetteer) -> bool:
    """Whether a place of several words that defines an acronym is rather an organisation
    ("selon British Petroleum (BP)"): places that have acronyms are in the gazetteer
    ("République démocratique du Congo (RDC)"), and a place word in front keeps a place
    ("aéroport international de Dakar (AID)").
    """
    words = [fold_key(w) for w in TOKEN.findall(text[span.start : span.end])]
    place_words = _words("place_feature") | _words("place_generic") | _words("place_qualifier") | _words("place_noun")
    return (
        span.label == "LOC"
        and len(words) > 1
        and fold_key(text[span.start : span.end]) not in gazetteer.label
        and words[0] not in place_words
        and not any(w in gazetteer.label for w in words)
    )


def _translated_long_form(
    text: str, spans: list[_Span], paren: int, acronym: str, gazetteer: Gazetteer
) -> tuple[int, int] | None:
    """An organisation right before "(ACR)" whose letters ACR does not follow: the acronym of
    its name in another language ("la Compagnie libyenne nationale de pétrole (NOC)").

    Only an organisation of several words, right before the parenthesis, and capitals
    no gazetteer knows: "Paris (AFP)" is a dateline.
    """
    before = text[:paren].rstrip()
    if not acronym.isupper() or acronym in gazetteer.acronyms:
        return None
    for index, span in enumerate(spans):
        if span.end == len(before) and span.label == "ORG" and len(TOKEN.findall(text[span.start : span.end])) > 1:
            return index, span.end
    return None


def _drop_common_acronyms(text: str, spans: list[_Span], gazetteer: Gazetteer) -> list[_Span]:
    """An acronym defined by a phrase of common words names no entity: "aide publique au
    développement (APD)", "millions d'hectolitres (Mhl)". An institution written in lower
    case keeps its acronym ("forces armées maliennes (FAMa)"), and so does a name with digits.
    Nor does a long form the acronym extended that is no entity ("Produit intérieur brut (PIB)").
    """
    common = set()
    for paren in PARENTHESIS.finditer(text):
        acronym = paren.group(1)
        if not ACRONYM.match(acronym) or not acronym.isalpha() or acronym in gazetteer.acronyms:
            continue
        before = text[max(0, paren.start() - 120) : paren.start()]
        phrase = re.split(r"[.;:!?()\n,«»\"“”]", before)[-1].split()
        for size in range(2, min(len(phrase), len(acronym) + 3) + 1):
            words = phrase[-size:]
            first = fold_key(re.sub(r"^[ldLD]['’]", "", words[0]))
            if first[:1] != _strip_accents(acronym[0]).lower() or first in french_stop_words():
                continue
            lower_case = all(w[:1].islower() or w[:1] in "'’" for w in words)
            if lower_case and not _match([fold_key(w) for w in words], 0, "org_head") and _abbreviates(
                acronym, " ".join(words)
            ):
                common.add(acronym)
                break
    not_entity = _words("not_entity")
    return [s for s in spans if text[s.start : s.end] not in common and fold_key(text[s.start : s.end]) not in not_entity]


def _long_form(text: str, spans: list[_Span], paren: int, acronym: str) -> tuple[int, int] | None:
    """(index of the span that starts the long form of `acronym`, end of the long form)."""
    end = paren
    while end > 0 and text[end - 1].isspace():
        end -= 1
    for index in range(len(spans) - 1, -1, -1):
        span = spans[index]
        if span.start >= end:
            continue
        gap = text[span.end : end]
        if re.search(r"[.;:!?()\n]\s|\n\n", gap) or len(gap.split()) > ACRONYM_GAP_WORDS:
            return None
        if span.label == "PER":
            return None
        if _abbreviates(acronym, text[span.start : end]):
            # "l'Us geological survey (Usgs)": a place and lowercase words name an organisation
            named_after_place = span.label == "LOC" and all(w.isalpha() and w.islower() for w in gap.split())
            if span.end == end or span.label == "ORG" or named_after_place:
                return index, end
    return None


def _abbreviates(acronym: str, long_form: str) -> bool:
    """Whether `acronym` can abbreviate `long_form`, whose first letter it shares.

    Either its letters appear in order in the long form ("SAED", "SOPAMIB" for
    "Société de participation minière du Burkina", "EDM-SA" with a legal form after
    the dash), or it holds the initial of every content word of the long form, in any
    order ("SONABEL" for "Société nationale d'électricité du Burkina").
    """
    words = [w for w in re.split(r"[\s'’-]+", _strip_accents(long_form).lower()) if w]
    if not words:
        return False
    letters = "".join(words)
    initials = {w[0] for w in words if len(w) > 3 and w not in french_stop_words()}
    for part in dict.fromkeys((acronym, acronym.split("-")[0])):
        wanted = [c for c in _strip_accents(part).lower() if c.isalnum()]
        if len(wanted) < 2 or wanted[0] != letters[0]:
            continue
        k = 0
        for c in letters:
            if k < len(wanted) and c == wanted[k]:
                k += 1
        if k == len(wanted) or (len(initials) >= 2 and initials <= set(wanted)):
            return True
    return False


@functools.lru_cache(maxsize=1 << 14)
def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _label_lone_words(
    text: str, spans: list[_Span], gazetteer: Gazetteer, vocab: Vocab | None
) -> list[_Span]:
    """Label or drop the lone words: surnames, small places, common words opening a sentence.

    - A word that is the surname of a person named in full is that person ("Diop").
    - A common word that opens a sentence or a heading is no name ("Pénurie de …",
      "Paradoxalement, …") unless a gazetteer knows it.
    - A place or a miscellaneous word after "selon" or a verb of reporting is an outlet or an
      institute ("rapporte Lesoleil"); the short form of an organisation of the text is that
      organisation ("Rutongo"); a name after a noun of companies ("la société Medgaz") or
      followed by a kind of group (", une coalition") is an organisation.
    - A capitalised common noun read as a place after its article is no name ("le Bulletin").
    - A person or an organisation after a place cue ("les habitants de Martissant",
      "vers Andapa") or joined by "et" to a place ("Beyla et de Kérouané") is a place; so
      are two or three capitalised words there ("de Thiaroye et de Keur Massar"), and a
      name alone in parentheses after a place ("Alger (Ben Aknoun)").
    - Any other lone PER word is kept as a person only with a title in front ("le
      président Poutine") or when it is a known given name ("François"); otherwise it
      takes the label the model gives the same word elsewhere in the text, or is an
      organisation ("rapportées par Bamada", "le Pastef"): news introduce people by
      their full name.
    """
    people = [
        s for s in spans if s.label == "PER" and len(TOKEN.findall(text[s.start : s.end])) > 1
    ]
    name_words = {_name_key(w) for s in people for w in TOKEN.findall(text[s.start : s.end])}
    org_heads = _organisation_heads(text, spans)
    other_labels = _labels_besides_person(text, spans)
    result = []
    for span in spans:
        name = text[span.start : span.end]
        key = fold_key(name)
        single = len(TOKEN.findall(name)) == 1
        known = key in gazetteer.canonical
        surname = _name_key(name) in name_words
        plain = _is_plain_word(name)
        if single and not known and (surname or _person_apposition(text, span.end)):
            span = replace(span, label="PER")  # "Diop" of "Awa Diop"; "Dieudonné, assureur, …"
        elif single and not known and span.label in ("LOC", "MISC") and _after_source_cue(text, span.start):
            span = replace(span, label="ORG")  # "rapporte Lesoleil", "relevée par le Statec"
        elif single and not known and span.label != "ORG" and key in org_heads:
            span = replace(span, label="ORG")  # "la Fédération" after "la Fédération des producteurs …"
        elif (
            not known
            and span.label != "ORG"
            and sum(c.isalpha() for c in name) > 1  # "le groupe A" of a tournament
            and (_after_org_cue(text, span.start, gazetteer, vocab) or _org_apposition(text, span.end))
        ):
            span = replace(span, label="ORG")  # "la société Medgaz", "le groupe pétrolier Perenco"
        elif (
            single
            and not known
            and plain
            and vocab is not None
            and is_common_word(vocab, key)
            and _at_sentence_start(text, span.start)
        ):
            continue  # "Pénurie de carburant à l'Est", "Paradoxalement, …"
        elif (
            single
            and not known
            and span.label == "LOC"
            and plain
            and vocab is not None
            and is_noun(vocab, key)
            and not is_adjective(vocab, key)
            and _word_before(text, span.start) in ARTICLES | {"du", "des", "au", "aux"}
            and not (result and _joined_to_place(text, result[-1], span, gazetteer))  # "la Sangha et la Cuvette"
        ):
            continue  # "selon le Bulletin", "la Ville": a capitalised common noun after its article
        elif (
            single
            and not known
            and (plain or _is_hyphenated_name(name))
            and span.label in ("PER", "ORG")
            and (
                _after_place_cue(text, span.start, weak=span.label == "PER")
                or (result and _joined_to_place(text, result[-1], span, gazetteer))
            )
        ):
            span = replace(span, label="LOC")
        elif (
            not single
            and not known
            and span.label in ("PER", "ORG", "MISC")
            and _is_place_shaped(name, span.label, gazetteer)
            and (
                # two words the model read as a person are one after "la ville de" ("la ville de
                # Dany Laferrière"), and after a place and a comma ("le maire de Bambao, Saindou Boura")
                (span.label != "PER" and _after_place_cue(text, span.start, weak=span.label == "MISC"))
                or (
                    result
                    and "," not in text[result[-1].end : span.start]
                    and _joined_to_place(text, result[-1], span, gazetteer)
                )
            )
        ):
            span = replace(span, label="LOC")  # "les travaux de Thiaroye et de Keur Massar", "à Guet Ndar"
        elif (
            not known
            and span.label != "LOC"
            and result
            and (_is_place_shaped(name, "LOC", gazetteer) or (single and (plain or _is_hyphenated_name(name))))
            and _in_parentheses_after_place(text, result[-1], span, gazetteer)
        ):
            span = replace(span, label="LOC")  # "à Alger (Ben Aknoun)": the district of a city
        elif single and span.label == "PER" and not surname:
            if not _has_title_before(text, span.start):
                if vocab is not None and plain and is_common_word(vocab, key):
                    continue  # "Pierre", "Grâce": a first name alone names nobody
                if key not in gazetteer.first_names:  # "François, paysan de la vallée" is a person
                    # "le quai de Kayar … Kayar est gigantesque": the label the model gave it elsewhere
                    span = replace(span, label=other_labels.get(key, "ORG"))
        result.append(span)
    return result


def _is_place_shaped(name: str, label: str, gazetteer: Gazetteer) -> bool:
    """Two or three capitalised plain words that may name a small place ("Keur Massar",
    "Ben Aknoun", "Grand-Tortue Ahmeyim"): no acronym, no word of an institution, a
    company or an event, and no person led by a known given name ("Laurent Gbagbo").
    """
    parts = name.split()
    if not 2 <= len(parts) <= 3 or not all(_is_plain_word(p) and _is_capitalised(p) for p in parts):
        return False
    words = [fold_key(p) for p in parts]
    kinds = ("org_head", "company_suffix", "event_head", "generic")
    if any(w in _words(kind) for w in words for kind in kinds):
        return False
    return label != "PER" or words[0] not in gazetteer.first_names


def _labels_besides_person(text: str, spans: list[_Span]) -> dict[str, str]:
    """The most frequent label other than PER of each name of a text, folded; ties go to
    the first of ORG, LOC, MISC."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for span in spans:
        if span.label != "PER":
            votes[fold_key(text[span.start : span.end])][span.label] += 1
    return {
        key: min(counts.items(), key=lambda kv: (-kv[1], LABELS.index(kv[0])))[0] for key, counts in votes.items()
    }


def _organisation_heads(text: str, spans: list[_Span]) -> frozenset[str]:
    """First words, folded, of the organisations of several words a text names.

    A lone word that starts one of them is its short form: "Rutongo" after "Rutongo
    Mines Ltd", "la Fédération" after "la Fédération des producteurs de lait".
    """
    heads = set()
    for span in spans:
        words = TOKEN.findall(text[span.start : span.end])
        if span.label == "ORG" and len(words) > 1 and _is_capitalised(words[0]) and not words[0].isupper():
            heads.add(fold_key(words[0]))
    return frozenset(heads)


# nouns of groups that are no company, after a name and a comma: "Fajr Libya, une coalition de milices"
ORG_APPOSITIVES = frozenset("coalition milice mouvement organisation parti fédération alliance".split())
ORG_APPOSITION = re.compile(r"[ \u00a0]*,[ \u00a0]+une?[ \u00a0]+([a-zà-ÿ-]+)")
APPOSITION = re.compile(r"[ \u00a0]*,[ \u00a0]+(?:(?:un|une|le|la)[ \u00a0]+|l['’][ \u00a0]*)?([a-zà-ÿ'’-]+)")


def _is_hyphenated_name(name: str) -> bool:
    """Capitalised plain words joined by hyphens: "Canapé-Vert", "Loulo-Gounkoto"."""
    parts = name.split("-")
    return len(parts) > 1 and all(part[:1].isupper() and _is_plain_word(part) for part in parts)


def _org_apposition(text: str, end: int) -> bool:
    """A name followed by what kind of group it is: "Fajr Libya, une coalition de milices".

    Only after "un"/"une": "Dirigé par Awa Diop, le groupe a …" names the subject.
    """
    m = ORG_APPOSITION.match(text, end)
    return m is not None and fold_key(m.group(1)) in _words("org_cue") | ORG_APPOSITIVES


def _person_apposition(text: str, end: int) -> bool:
    """A name followed by who the person is: "Dieudonné, assureur", "Liantsoa, habitante d'Ambohipo"."""
    m = APPOSITION.match(text, end)
    return m is not None and (fold_key(m.group(1)) in _words("person_noun") or fold_key(m.group(1)) in _title_words())


@functools.cache
def _cue_phrases(kind: str) -> frozenset[tuple[str, ...]]:
    """Phrases of a words.tsv kind as folded token tuples, "d'", "du", "des" read as "de"."""
    return frozenset(_cue_tokens(phrase) for phrase in _words(kind))


def _cue_tokens(text: str) -> tuple[str, ...]:
    words = (fold_key(w) for w in TOKEN.findall(text))
    return tuple(CUE_FORMS.get(w, w) for w in words)


def _after_place_cue(text: str, start: int, *, weak: bool) -> bool:
    """Whether the words before `start`, on the same line, announce a place.

    "les habitants de", "vers", "au nord de", or a place noun and "de" with up to
    three lowercase words between them ("quartier de", "mine d'or de"); with `weak`,
    "à" too. Never a phrase that names a beneficiary ("grâce à").
    """
    window = text[max(0, start - CUE_WINDOW) : start]
    window = window[window.rfind("\n") + 1 :]
    # a stand-in for the name, so that an elided "d’" before it is read as one word
    originals = TOKEN.findall(window + "X")[:-1]
    words = tuple(CUE_FORMS.get(fold_key(w), fold_key(w)) for w in originals)
    if not words:
        return False

    def ends_with(phrases: frozenset[tuple[str, ...]]) -> bool:
        return any(len(p) <= len(words) and words[-len(p) :] == p for p in phrases)

    if ends_with(_cue_phrases("not_place_cue")):
        return False
    if ends_with(_cue_phrases("place_cue") - (frozenset() if weak else WEAK_CUES)):
        return True
    if words[-1] != "de":
        return False
    nouns = _words("place_noun")
    for gap in range(PLACE_NOUN_GAP + 1):
        k = len(words) - 2 - gap
        if k < 0:
            break
        between = originals[k + 1 : len(originals) - 1]
        if not all((w.isalpha() and w.islower()) or fold_key(w) in CUE_FORMS for w in between):
            break
        if words[k] in nouns:
            return True
    return False


def _after_source_cue(text: str, start: int) -> bool:
    """Whether a verb of reporting, or "selon", and an article come right before `start`:
    a place does not report, an outlet or an institute does ("rapporte Walfadjri",
    "selon l'Insae", "relevée par le Statec").
    """
    window = text[max(0, start - CUE_WINDOW) : start]
    words = _cue_tokens(window[window.rfind("\n") + 1 :] + "X")[:-1]
    if words and words[-1] in ARTICLES:
        words = words[:-1]
    return any(len(p) <= len(words) and words[-len(p) :] == p for p in _cue_phrases("source_cue"))


def _after_org_cue(text: str, start: int, gazetteer: Gazetteer, vocab: Vocab | None) -> bool:
    """Whether a noun of companies and groups with its article comes right before `start`.

    "la société Medgaz", "l'opérateur Orange", "le groupe pétrolier français Total": up
    to three adjectives or nationalities may come between the noun and the name. The
    noun must be lowercase and after a determiner, so "Société Générale" is no cue.
    """
    window = text[max(0, start - CUE_WINDOW) : start]
    originals = TOKEN.findall(window[window.rfind("\n") + 1 :] + "X")[:-1]
    words = [fold_key(w) for w in originals]
    cues = _words("org_cue")
    for k in range(len(words) - 1, max(0, len(words) - 1 - PLACE_NOUN_GAP), -1):
        word, original = words[k], originals[k]
        if not (original.isalpha() or "-" in original) or not original.islower():
            return False
        if word in cues and words[k - 1] in DETERMINERS:
            return True
        if word not in gazetteer.demonyms and (vocab is None or not is_adjective(vocab, word)):
            return False
    return False


def _in_parentheses_after_place(text: str, previous: _Span, span: _Span, gazetteer: Gazetteer) -> bool:
    """Whether `span` alone in parentheses follows a place: "Alger (Ben Aknoun)", "Kindia
    (Friguiagbé)" name a district or a town of it. Capitals are an agency ("Dakar (APS)")."""
    label = gazetteer.label.get(fold_key(text[previous.start : previous.end]), previous.label)
    gap = text[previous.end : span.start]
    return (
        label == "LOC"
        and re.fullmatch(r"[ \u00a0]*\([ \u00a0]*", gap) is not None
        and re.match(r"[ \u00a0]*\)", text[span.end :]) is not None
        and not text[span.start : span.end].isupper()
    )


def _joined_to_place(text: str, previous: _Span, span: _Span, gazetteer: Gazetteer) -> bool:
    """Whether `span` is coordinated with the place before it ("Beyla et de Kérouané") or
    locates it ("le stade Alassane-Ouattara d'Ebimpé").

    A comma joins places only inside a list that goes on ("Dori, Djibo et Gorom"); after
    a place that opens a sentence it ends the phrase ("En Côte d'Ivoire, Sifca …"). Only
    a place no gazetteer knows is located by "de": "la Russie de Poutine" names a leader.
    """
    label = gazetteer.label.get(fold_key(text[previous.start : previous.end]), previous.label)
    gap = text[previous.end : span.start]
    if label != "LOC" or not COORDINATION.match(gap):
        return False
    if "," not in gap and "et" not in gap:
        # a known country or city "de" someone is a leader's: "la Russie de Poutine"
        return fold_key(text[previous.start : previous.end]) not in gazetteer.canonical
    return "," not in gap or bool(LIST_GOES_ON.match(text, span.end))


def _name_key(word: str) -> str:
    return _strip_accents(fold_key(word))


def _title_right_before(text: str, start: int, gazetteer: Gazetteer) -> bool:
    """A title, or a title and a nationality, right before the name: "le chanteur jamaïcain Shaggy";
    not "l'attaquant du Borussia Dortmund", where the name is the title's complement.
    """
    before = [fold_key(w) for w in TOKEN.findall(text[max(0, start - TITLE_WINDOW) : start])]
    titles = _title_words()
    if before and before[-1] in gazetteer.demonyms:
        before = before[:-1]
    return bool(before) and before[-1] in titles


def _has_title_before(text: str, start: int) -> bool:
    before = [fold_key(w) for w in TOKEN.findall(text[max(0, start - TITLE_WINDOW) : start])]
    titles = _title_words()
    return any(w in titles for w in before[-3:])


def _vote_labels(text: str, spans: list[_Span], gazetteer: Gazetteer) -> list[_Span]:
    """One label per name within a document: the gazetteer's, else the most frequent.

    Ties go to the first of PER, ORG, LOC, MISC.
    """
    votes: dict[str, Counter] = defaultdict(Counter)
    keys = [name_key(text[span.start : span.end]) for span in spans]
    for span, key in zip(spans, keys):
        votes[key][span.label] += 1
    # "le gouvernement Legault" read as ORG: a lone surname of a person named in full is that person
    surnames = {key.split(" ")[-1] for span, key in zip(spans, keys) if span.label == "PER" and " " in key}
    result = []
    for span, key in zip(spans, keys):
        name = text[span.start : span.end]
        ranked = sorted(votes[key].items(), key=lambda kv: (-kv[1], LABELS.index(kv[0])))
        label = "PER" if " " not in key and key in surnames else ranked[0][0]
        result.append(replace(span, label=gazetteer.label.get(fold_key(name), label)))
    return result


# --- canonical names ---------------------------------------------------------------------------


def display_name(text: str, label: str) -> str:
    """A mention as a name to show: spaces folded, shouted words title-cased ("GOÏTA" → "Goïta").

    Acronyms keep their capitals; a person's name and a long single shouted word
    ("ROSATOM") do not.
    """
    name = " ".join(text.split())
    words = name.split(" ")
    if label == "PER":
        words = [
            (
                _title(w)
                if w.isupper() and sum(c.isalpha() for c in w) >= 2 and not ROMAN.match(w)
                else w
            )
            for w in words
        ]
    elif (
        len(words) == 1
        and name.isalpha()
        and name.isupper()
        and len(name) >= LONG_CAPS
        and _vowel_share(name) >= MIN_VOWEL_SHARE
    ):
        if name not in load_gazetteer().acronyms:
            words = [_title(name)]
    return " ".join(words)


def name_key(name: str) -> str:
    """Key that identifies a name across documents: no case, accents, apostrophe style."""
    return _strip_accents(fold_key(name))


def assign_canonicals(mentions: list[tuple[str, Mention]]) -> list[str]:
    """The canonical name of each (doc_id, mention) pair of the whole corpus, in input order.

    Within a document a surname or short form links to the full name already met
    ("Poutine" → "Vladimir Poutine"), an acronym defined in parentheses to its long
    form; gazetteer aliases map to their common name ("Fédération de Russie" →
    "Russie"); across documents one spelling is chosen per name, by frequency, then
    length, then alphabet.
    """
    by_doc: dict[str, list[int]] = defaultdict(list)
    for i, (doc_id, _) in enumerate(mentions):
        by_doc[doc_id].append(i)
    documents = []
    for _, indexes in sorted(by_doc.items()):
        doc_mentions = [mentions[i][1] for i in indexes]
        documents.append((indexes, document_names(doc_mentions), lambda m=doc_mentions: m))
    return corpus_canonicals(documents, [m.label for _, m in mentions])


@dataclass(frozen=True)
class DocumentNames:
    """What `assign_canonicals` decides within one document, one entry per mention.

    It depends only on the document's mentions, so it can be computed, and cached,
    with them; `corpus_canonicals` does the rest across documents.
    """

    displays: tuple[str, ...]  # the mention as a name to show
    keys: tuple[str, ...]  # the key of the name it gives, the gazetteer's where it knows the mention
    known: tuple[str | None, ...]  # the gazetteer's canonical name of the mention, if any
    linked: tuple[str, ...]  # keys after linking within the document, only its own known names fixed


def document_names(mentions: list[Mention]) -> DocumentNames:
    """A document's `DocumentNames`, from its mentions in text order."""
    gazetteer = load_gazetteer()
    displays = [display_name(m.text, m.label) for m in mentions]
    known = [gazetteer.canonical.get(fold_key(m.text)) for m in mentions]
    keys = [name_key(k if k is not None else d) for d, k in zip(displays, known)]
    fixed = {key: k for key, k in zip(keys, known) if k is not None}
    linked = list(keys)
    _link_within_document(mentions, list(range(len(mentions))), linked, fixed)
    return DocumentNames(tuple(displays), tuple(keys), tuple(known), tuple(linked))


def corpus_canonicals(
    documents: list[tuple[Sequence[int], DocumentNames, Callable[[], list[Mention]]]], labels: list[str]
) -> list[str]:
    """The canonical name of each mention of the corpus, whose labels are `labels`.

    `documents` gives each document's indexes into `labels`, its `DocumentNames` and
    a function returning its mentions. A document's own linking stands unless a key
    of it is a name the gazetteer fixed only in another document; then its mentions
    are asked for and linked again knowing it.
    """
    n = len(labels)
    displays: list[str] = [""] * n
    keys: list[str] = [""] * n
    known: list[str | None] = [None] * n
    for indexes, names, _ in documents:
        for i, display, key, k in zip(indexes, names.displays, names.keys, names.known):
            displays[i], keys[i], known[i] = display, key, k
    fixed: dict[str, str] = {}  # key -> gazetteer canonical name, the last mention's in input order
    for key, k in zip(keys, known):
        if k is not None:
            fixed[key] = k
    for indexes, names, mentions_of in documents:
        own = {key for key, k in zip(names.keys, names.known) if k is not None}
        if any(key in fixed and key not in own for key in names.keys):
            _link_within_document(mentions_of(), indexes, keys, fixed)
        else:
            for i, key in zip(indexes, names.linked):
                keys[i] = key
    _link_lone_surnames(labels, keys, fixed)
    names_of = _choose_names(displays, keys, fixed)
    return [names_of[k] for k in keys]


def _link_within_document(
    doc_mentions: list[Mention], indexes: list[int], keys: list[str], fixed: dict[str, str]
) -> None:
    """Point short forms, surnames and defined acronyms at the full name of the same document."""
    local = {i: keys[i] for i in indexes}
    words_of = {i: keys[i].split(" ") for i in indexes}
    people = [i for i, m in zip(indexes, doc_mentions) if m.label == "PER"]
    orgs = [i for i, m in zip(indexes, doc_mentions) if m.label in ("ORG", "LOC", "MISC")]
    labels = {i: m.label for i, m in zip(indexes, doc_mentions)}
    for i, m in zip(indexes, doc_mentions):
        if keys[i] in fixed:
            continue
        if m.label == "PER":
            longer = {
                keys[j]
                for j in people
                if len(words_of[j]) > len(words_of[i])
                and _is_part_of_name(words_of[i], words_of[j])
            }
            local[i] = _unique_longest(longer) or local[i]
        else:
            # a lone word links only an organisation to an organisation: "Rutongo" to "Rutongo Mines Ltd"
            longer = {
                keys[j]
                for j in orgs
                if len(words_of[j]) > len(words_of[i])
                and (len(words_of[i]) >= 2 or m.label == labels[j] == "ORG")
                and words_of[j][: len(words_of[i])] == words_of[i]
            }
            local[i] = _unique_longest(longer) or local[i]
    # "Long form (ACR)": the acronym mention follows the long form after " ("
    ordered = sorted(zip(indexes, doc_mentions), key=lambda p: p[1].start)
    for (i, m), (j, n) in zip(ordered, ordered[1:]):
        gap = n.start - m.end
        if (
            1 <= gap <= 3
            and ACRONYM.match(n.text)
            and _abbreviates(n.text, m.text)
            and keys[j] not in fixed
        ):
            acronym_key = keys[j]
            for k in indexes:
                if keys[k] == acronym_key:
                    local[k] = local[i]
    for i in indexes:
        keys[i] = local[i]


def _is_part_of_name(short: list[str], full: list[str]) -> bool:
    """Whether `short` is the end or the middle of `full` ("goita" of "assimi goita")."""
    n = len(short)
    return any(full[k : k + n] == short for k in range(1, len(full) - n + 1))


def _unique_longest(candidates: set[str]) -> str | None:
    """The longest candidate if the others are parts of it; None when two full names compete."""
    if not candidates:
        return None
    best = max(candidates, key=lambda c: (len(c.split(" ")), len(c), c))
    words = best.split(" ")
    if all(
        c == best
        or _is_part_of_name(c.split(" "), words)
        or words[: len(c.split(" "))] == c.split(" ")
        for c in candidates
    ):
        return best
    return None


def _link_lone_surnames(labels: list[str], keys: list[str], fixed: dict[str, str]) -> None:
    """A person named by one word links to the one full name of the corpus that ends with it."""
    full_names = sorted({key for label, key in zip(labels, keys) if label == "PER" and " " in key})
    by_last: dict[str, set[str]] = defaultdict(set)
    for key in full_names:
        by_last[key.split(" ")[-1]].add(key)
    for i, label in enumerate(labels):
        if label == "PER" and " " not in keys[i] and keys[i] not in fixed:
            candidates = by_last.get(keys[i], set())
            if len(candidates) == 1:
                keys[i] = next(iter(candidates))


def _choose_names(displays: list[str], keys: list[str], fixed: dict[str, str]) -> dict[str, str]:
    """One spelling per key: the gazetteer's, else the most frequent full form, then the
    longest, then the first in alphabetical order.
    """
    counts: dict[str, Counter] = defaultdict(Counter)
    for display, key in zip(displays, keys):
        if name_key(display) == key:
            counts[key][display] += 1
    names = {}
    for key in sorted(set(keys)):
        if key in fixed:
            names[key] = fixed[key]
        elif counts[key]:
            ranked = sorted(counts[key].items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))
            names[key] = ranked[0][0]
        else:
            names[key] = key
    return names
