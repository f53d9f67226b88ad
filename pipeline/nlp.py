"""The spaCy pipeline, loaded once per process, and the gazetteers of `pipeline/data/`.

Two entity rulers surround the statistical `ner`:
- `veille_patterns`, before `ner`: shapes the model splits or mislabels (ministries,
  armed forces, "Banque centrale de …", web domains) and the multi-word names of the
  organisations gazetteer and official state names. `ner` keeps these spans and
  predicts around them, so they win.
- `veille_gazetteer`, after `ner`, without overwriting: every gazetteer name, so a
  country, city or organisation the model missed is still found. It never cuts a
  longer name the model found ("Banque centrale de Tunisie" stays whole).
Labels of spans the model found are corrected in `pipeline.entities`.
"""

from __future__ import annotations

import csv
import functools
import json
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy is imported where a model is loaded: the corpus-level steps need none
    from spacy.language import Language
    from spacy.tokens import Token
    from spacy.vocab import Vocab

# The variable that tells `pipeline.preload`, in a fork server, which model to load for the workers
PRELOAD_MODEL_ENV = "VEILLE_PRELOAD_MODEL"
# Components of spaCy's trained pipelines whose output ner never reads: not even loaded
NOT_FOR_NER = ("parser", "morphologizer", "tagger", "attribute_ruler", "senter")
LOWER_CASE_MIN_WORDS = 4  # a name this long is known by its words even in lower case
BEFORE_NER = "veille_patterns"
AFTER_NER = "veille_gazetteer"
# The model component whose French word lists tell common words from names: its files are
# read, the component itself is not loaded
LEMMATIZER = "lemmatizer"
# vocab.lookups entries that load_nlp fills from the lemmatizer's French word lists: sets of
# spaCy string hashes, and a dict from an inflected form's hash to its lemmas
NOUNS_TABLE = "veille_nouns"
VERBS_TABLE = "veille_verbs"
ADJECTIVES_TABLE = "veille_adjectives"
ADVERBS_TABLE = "veille_adverbs"
FORMS_TABLE = "veille_forms"
ADJECTIVE_ATTR = "veille_adj"
# Official state names: long forms that cannot be cut by the model
STATE_FORM = re.compile(
    r"^(?:République|Royaume|Fédération|État|États|Union|Principauté|Grand-Duché|"
    r"Commonwealth|Sultanat|Confédération)\b"
)
# present, imperfect and future endings of -er verbs, third persons
FINITE_ER_ENDINGS = ("e", "es", "ent", "a", "ait", "aient", "era", "eront", "ons", "ez")
# feminine ending -> masculine ending, longest first
FEMININE_ENDINGS = (
    ("ière", "ier"),
    ("ère", "er"),
    ("enne", "en"),
    ("elle", "el"),
    ("euse", "eux"),
    ("ive", "if"),
    ("ée", "é"),
    ("e", ""),
)


@dataclass(frozen=True)
class Gazetteer:
    """Known names from `pipeline/data/`, keyed by `fold_key` of each name and alias."""

    canonical: dict[str, str]  # any name or alias → canonical name
    label: dict[str, str]  # any name or alias → LOC or ORG
    acronyms: frozenset[str]  # acronyms exactly as written ("ONU", "CEDEAO")
    demonyms: frozenset[str]  # lowercase nationality adjectives, every gender and number
    names: tuple[tuple[str, str, str], ...]  # (surface, label, canonical) for the rulers
    words: dict[str, frozenset[str]]  # words.tsv: kind -> lowercase phrases (apostrophes ')
    first_names: frozenset[str] = frozenset()  # first_names.txt, folded
    countries: frozenset[str] = frozenset()  # every name and alias of a country, folded


@functools.lru_cache(maxsize=1 << 16)
def fold_key(text: str) -> str:
    """Lookup key for a name: casefolded, typographic apostrophes and spaces unified.

    Cached: the repairs fold the same words hundreds of thousands of times a corpus.
    """
    return " ".join(text.replace("’", "'").replace("\u00a0", " ").split()).casefold()


def _data_lines(filename: str) -> list[str]:
    """Non-comment lines of a file of `pipeline/data/`, read as package data."""
    text = resources.files("pipeline").joinpath("data", filename).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def read_table(filename: str) -> list[dict[str, str]]:
    """Rows of a tab-separated data file whose first non-comment line is the header."""
    reader = csv.DictReader(_data_lines(filename), delimiter="\t", quoting=csv.QUOTE_NONE)
    return [{k: (v or "").strip() for k, v in row.items()} for row in reader]


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


def inflect_demonym(word: str) -> set[str]:
    """Masculine singular nationality adjective → its four forms ("malien" → "maliennes")."""
    if word.endswith("e"):
        return {word, word + "s"}
    if word.endswith(("ais", "ois")):
        return {word, word + "e", word + "es"}
    feminine = word + "ne" if word.endswith(("ien", "éen")) else word + "e"
    return {word, word + "s", feminine, feminine + "s"}


def _variants(name: str) -> set[str]:
    """Spellings of a name in running text: both apostrophes, unaccented capital É, and for a
    long name its first word in lower case, as the press often writes an institution."""
    forms = {name, name.replace("'", "’"), name.replace("’", "'")}
    forms |= {f.replace("É", "E") for f in forms}
    if len(name.split()) >= LOWER_CASE_MIN_WORDS:  # "l'organisation internationale pour les migrations"
        forms |= {f[:1].lower() + f[1:] for f in forms}
    return forms


@functools.cache
def load_gazetteer() -> Gazetteer:
    """Read countries, places, organisations, parties, armed movements, companies and given names once per process."""
    canonical: dict[str, str] = {}
    label: dict[str, str] = {}
    acronyms: set[str] = set()
    demonyms: set[str] = set()
    names: list[tuple[str, str, str]] = []

    def add(surface: str, entity_label: str, name: str) -> None:
        # the first file to name a spelling keeps it (countries before cities of the same name)
        for variant in sorted(_variants(surface)):
            canonical.setdefault(fold_key(variant), name)
            label.setdefault(fold_key(variant), entity_label)
            names.append((variant, entity_label, name))

    countries: set[str] = set()
    for row in read_table("countries.tsv"):
        for surface in [row["name"], *_split(row["aliases"])]:
            add(surface, "LOC", row["name"])
            countries.add(fold_key(surface))
        for word in _split(row["demonyms"]):
            demonyms |= inflect_demonym(word.lower())
    for row in read_table("places.tsv"):
        for surface in [row["name"], *_split(row["aliases"])]:
            add(surface, "LOC", row["name"])
    for row in [*read_table("organisations.tsv"), *read_table("parties.tsv"), *read_table("companies.tsv")]:
        for surface in [row["name"], *_split(row["aliases"])]:
            add(surface, "ORG", row["name"])
        for acronym in _split(row["acronyms"]):
            add(acronym, "ORG", row["name"])
            acronyms.add(acronym)
    for line in _data_lines("adjectives.txt"):
        demonyms |= inflect_demonym(line.strip().lower())
    words: dict[str, set[str]] = {}
    for row in read_table("words.tsv"):
        words.setdefault(row["kind"], set()).add(fold_key(row["phrase"]))
    return Gazetteer(
        canonical=canonical,
        label=label,
        acronyms=frozenset(acronyms),
        demonyms=frozenset(demonyms),
        names=tuple(dict.fromkeys(names)),
        words={kind: frozenset(phrases) for kind, phrases in sorted(words.items())},
        first_names=frozenset(fold_key(line) for line in _data_lines("first_names.txt")),
        countries=frozenset(countries),
    )


def _read_patterns() -> list[dict]:
    """EntityRuler patterns of org_patterns.jsonl, without the keys spaCy does not know."""
    patterns = []
    for line in _data_lines("org_patterns.jsonl"):
        entry = json.loads(line)
        patterns.append({"label": entry["label"], "pattern": entry["pattern"]})
    return patterns


def _store_word_lists(nlp: Language, demonyms: frozenset[str]) -> None:
    """Put the model's French word lists on the vocab, for `is_common_word` and `is_adjective`.

    Names are not in these lists, so a capitalised token whose lowercase form is
    there is a common word ("Coopération", "Mines") unless a gazetteer knows it.
    The lists are the lemmatizer's, read from the model's files as they are
    stored: the lemmatizer itself is not loaded, which would build them into
    spaCy tables entry by entry (about a second of every worker's start). Keys
    are spaCy's string hashes, as in those files. A model without a
    lemmatizer leaves the lists empty, and those checks answer False.
    """
    from spacy.strings import get_string_id

    stored = _lemmatizer_lookups(nlp)
    index = stored.get("lemma_index", {})
    for pos, name in (
        ("noun", NOUNS_TABLE),
        ("verb", VERBS_TABLE),
        ("adj", ADJECTIVES_TABLE),
        ("adv", ADVERBS_TABLE),
    ):
        words = set(map(get_string_id, index.get(get_string_id(pos), ())))
        if name == ADJECTIVES_TABLE:
            words.update(map(get_string_id, demonyms))
        nlp.vocab.lookups.set_table(name, frozenset(words))
    # inflected form -> lemmas ("étrangères" -> ["étranger"])
    nlp.vocab.lookups.set_table(FORMS_TABLE, stored.get("lemma_lookup", {}))


def _lemmatizer_lookups(nlp: Language) -> dict:
    """The lemmatizer's lookup tables as the model stores them (name -> {hash: value}), or {}."""
    import srsly

    if nlp.path is None:
        return {}
    path = nlp.path / LEMMATIZER / "lookups" / "lookups.bin"
    if not path.is_file():
        return {}
    stored = srsly.msgpack_loads(path.read_bytes())
    return {name: table for name, table in stored.items() if isinstance(table, dict)}


def _lemmas(vocab: Vocab, word: str) -> list[str]:
    from spacy.strings import get_string_id

    forms = vocab.lookups.get_table(FORMS_TABLE, None)
    return [word, *(forms.get(get_string_id(word), ()) if forms is not None else ())]


def _in_table(vocab: Vocab, table_name: str, words: list[str]) -> bool:
    from spacy.strings import get_string_id

    table = vocab.lookups.get_table(table_name, None)
    return table is not None and any(get_string_id(w) in table for w in words)


def is_common_word(vocab: Vocab, word: str) -> bool:
    """Whether lowercase `word` (or the lemma of it) is a French noun, verb, adjective or adverb."""
    # every inflected form in the lemmatizer's table is a French word ("accueillis")
    tables = (NOUNS_TABLE, VERBS_TABLE, ADJECTIVES_TABLE, ADVERBS_TABLE, FORMS_TABLE)
    return any(_in_table(vocab, t, [word]) for t in tables)


def is_noun(vocab: Vocab, word: str) -> bool:
    """Whether lowercase `word` is a French noun and no adverb ("orange", "air"; not "hier")."""
    lemmas = _lemmas(vocab, word)
    return _in_table(vocab, NOUNS_TABLE, lemmas) and not _in_table(vocab, ADVERBS_TABLE, [word])


@functools.lru_cache(maxsize=1 << 16)
def is_adjective(vocab: Vocab, word: str) -> bool:
    """Whether lowercase `word` can be an adjective ("étrangères", "minière", "maliennes").

    The model's adjective list also holds verbs, so a finite verb form ("assure",
    "indique") is not an adjective: it ends a name rather than extending it.
    """
    forms = [*_lemmas(vocab, word), *_masculine_singular(word)]
    return _in_table(vocab, ADJECTIVES_TABLE, forms) and not is_finite_verb(vocab, word)


def is_finite_verb(vocab: Vocab, word: str) -> bool:
    """Whether lowercase `word` is a conjugated verb form ("annonce", "dément"), not a participle."""
    # the verb list is incomplete ("mener" is missing): an -er/-ir/-re lemma is enough
    for lemma in _lemmas(vocab, word)[1:]:
        if lemma == word:
            continue
        # accents aside: "mènent" is a form of "mener"
        stem = _strip_accents(lemma[:-2])
        # "rappelle", "jettent": appeler and jeter double their consonant
        doubled = stem + stem[-1:] if stem.endswith(("l", "t")) else stem
        if lemma.endswith("er") and _strip_accents(word) in {s + e for s in (stem, doubled) for e in FINITE_ER_ENDINGS}:
            return True
        if lemma.endswith(("ir", "re")) and word.endswith(("t", "d", "ent")):
            return True
    for ending in FINITE_ER_ENDINGS:
        if word.endswith(ending):
            stem = word[: len(word) - len(ending)]
            # "mènent" → "mener", "cèdent" → "céder"
            infinitives = {
                stem + "er",
                stem.replace("è", "e") + "er",
                stem.replace("è", "é") + "er",
                *((stem[:-1] + "er",) if stem.endswith(("ll", "tt")) else ()),  # "rappellent" → "rappeler"
            }
            if _in_table(vocab, VERBS_TABLE, sorted(infinitives)):
                return True
    return False


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _masculine_singular(word: str) -> set[str]:
    """Candidate base forms of an inflected adjective; the word lists hold base forms."""
    singular = {word}
    if word.endswith("aux"):
        singular.add(word[:-3] + "al")
    if word.endswith(("s", "x")):
        singular.add(word[:-1])
    bases = set(singular)
    for form in singular:
        for feminine, masculine in FEMININE_ENDINGS:
            if form.endswith(feminine):
                bases.add(form[: len(form) - len(feminine)] + masculine)
    return bases


@functools.cache
def load_nlp(name: str, disable: tuple[str, ...]) -> Language:
    """Load model `name` once per process and add the entity rulers around `ner`.

    Only `ner` and what it listens to run: the parser and morphologizer cost time
    and, by setting sentence starts, change what `ner` finds, so they are not even
    loaded (`NOT_FOR_NER`, most of a second of each worker's start), nor is the
    lemmatizer, whose word lists are read from its files; any other component ner
    does not listen to is switched off whatever `disable` says, and `disable`
    switches off further components.
    """
    import spacy
    from spacy.tokens import Token

    nlp = spacy.load(name, exclude=[*NOT_FOR_NER, LEMMATIZER])
    needed = {"ner"} | {
        n for n, c in nlp.pipeline if "ner" in getattr(c, "listening_components", ())
    }
    for component in nlp.pipe_names:
        if component not in needed or component in disable:
            nlp.disable_pipe(component)
    gazetteer = load_gazetteer()
    _store_word_lists(nlp, gazetteer.demonyms)
    # the patterns ask it of most tokens: each word's answer is looked up once per process
    adjectives: dict[str, bool] = {}

    def adjective(token: Token) -> bool:
        word = token.lower_
        known = adjectives.get(word)
        if known is None:
            known = adjectives[word] = is_adjective(token.vocab, word)
        return known

    Token.set_extension(ADJECTIVE_ATTR, getter=adjective, force=True)

    before = [*_read_patterns()]
    after = []
    for surface, label, canonical in gazetteer.names:
        # a string pattern goes to the PhraseMatcher, fast on thousands of names
        pattern = {"label": label, "pattern": surface, "id": canonical}
        multiword = len(nlp.make_doc(surface)) > 1
        if multiword and (label == "ORG" or STATE_FORM.match(surface)):
            before.append(pattern)
        after.append(pattern)
    around_ner = "ner" in nlp.pipe_names
    nlp.add_pipe("entity_ruler", name=BEFORE_NER, **({"before": "ner"} if around_ner else {}))
    _add_patterns(nlp, BEFORE_NER, before)
    nlp.add_pipe(
        "entity_ruler",
        name=AFTER_NER,
        config={"overwrite_ents": False},
        **({"after": "ner"} if around_ner else {}),
    )
    _add_patterns(nlp, AFTER_NER, after)
    return nlp


def _add_patterns(nlp: Language, ruler_name: str, patterns: list[dict]) -> None:
    """Add `patterns` to the ruler with only the tokenizer running on them.

    An entity ruler runs every component before it over each phrase pattern, but
    its phrase matcher compares token texts alone: the model's tok2vec and ner over
    the thousands of gazetteer names would cost a second of every worker's start.
    """
    others = [name for name in nlp.pipe_names if name != ruler_name]
    with nlp.select_pipes(disable=others):
        nlp.get_pipe(ruler_name).add_patterns(patterns)
