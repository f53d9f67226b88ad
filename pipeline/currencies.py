"""Which currency a bare "$", "francs" or "dinars" means, from what the article says elsewhere.

Many currencies share a name: "francs" is CFA in Bamako, Swiss in Berne and
Congolese in Kinshasa; "$" is Canadian in a Québec paper. An article that means
one of them says so somewhere: it qualifies the currency once ("francs suisses",
"$ CA"), or it is about a country that uses it. `resolve_families` reads those
clues from the whole article and gives one ISO 4217 code per ambiguous name:

1. the qualified spellings of that name in the article, the most frequent one
   winning (first seen on a tie);
2. otherwise the places the article names at least twice, each counting for the
   currency its country uses (the most mentioned wins, first seen on a tie);
3. otherwise the name's usual meaning in French-language news.

Dollars take the places first: a Canadian paper writes a bare "$" for its own
dollar and qualifies only the other one ("$ US"), so there a qualified spelling
is a contrast, not a clue.

A clue may point to another family instead of a code: "francs CFA", or a bare
"francs" in a Bamako or Yaoundé article, is the CFA franc, and the `cfa` family
then tells the zone (ANNOTATION.md): XAF when the article is about the Central
African zone (Cameroun, Gabon, Tchad, Congo, Centrafrique, Guinée équatoriale,
CEMAC, BEAC), XOF when it is about the West African one or does not say. One
mention of a zone is enough there, since the currency is already known to be
CFA; the most mentioned zone wins. An explicit "XAF" or "XOF" after a figure is
not ambiguous and never comes here; written elsewhere in an article that names
no zone, it tells the zone of the bare "FCFA".
"""

import re
from dataclasses import dataclass
from re import _constants as sre_constants
from re import _parser as sre_parse

_SP = r"[^\S\n]"
# A code starting with "~" names a family ("~franc"): the article tells which currency it is.
FAMILY_MARK = "~"

# The two CFA franc zones: countries, demonyms, cities and institutions.
_XOF_PLACES = (
    rf"Mali|Sénégal|Côte{_SP}d['’]Ivoire|Burkina(?:{_SP}Faso)?|Niger(?!ia)|Bénin|Togo|Guinée-Bissau"
    r"|(?i:malien(?:ne)?s?|sénégalais(?:es?)?|ivoirien(?:ne)?s?|burkinab[èée]s?|nigérien(?:ne)?s?"
    r"|béninois(?:es?)?|togolais(?:es?)?|bissau-guinéen(?:ne)?s?)"
    r"|Bamako|Dakar|Abidjan|Yamoussoukro|Ouagadougou|Bobo-Dioulasso|Niamey|Cotonou|Porto-Novo|Lomé"
    r"|Bissau|UEMOA|BCEAO|BOAD|BRVM"
)
_XAF_PLACES = (
    rf"Cameroun|Gabon|Tchad|Centrafrique|République{_SP}+centrafricaine|Guinée{_SP}+équatoriale"
    rf"|Congo-Brazzaville|République{_SP}+du{_SP}+Congo"
    r"|(?i:camerounais(?:es?)?|gabonais(?:es?)?|tchadien(?:ne)?s?|centrafricain(?:e)?s?"
    r"|équato-guinéen(?:ne)?s?)"
    r"|Yaoundé|Douala|Libreville|Port-Gentil|N['’]Djamena|Bangui|Brazzaville|Pointe-Noire|Malabo"
    r"|CEMAC|BEAC|COBAC|BDEAC"
)
# Alone, "Congo" and "congolais" can mean Kinshasa as well (CDF): they count only once the currency
# is known to be CFA, and never in "République démocratique du Congo" or "Congo-Kinshasa" ("du Congo"
# and "Congo-" names are left to the full names above).
_CONGO_CFA = rf"(?<!du{_SP})Congo(?!-)|(?i:congolais(?:es?)?)"
# Rupees, named by the word ("roupies") or written "Rs" before the figure.
_RUPEE_QUALIFIED = (
    (rf"(?i:roupies?{_SP}+indiennes?)|INR", "INR"),
    (rf"(?i:roupies?{_SP}+pakistanaises?)|PKR", "PKR"),
    (rf"(?i:roupies?{_SP}+mauriciennes?)|MUR", "MUR"),
    (rf"(?i:roupies?{_SP}+seychelloises?)|SCR", "SCR"),
    (rf"(?i:roupies?{_SP}+srilankaises?)|LKR", "LKR"),
)
_RUPEE_PLACES = (
    (rf"Inde|(?i:indien(?:ne)?s?)|New{_SP}Delhi|Bombay|Mumbai", "INR"),
    (r"Pakistan|(?i:pakistanais(?:es?)?)|Islamabad|Karachi", "PKR"),
    (r"Maurice|(?i:mauricien(?:ne)?s?)|Port-Louis", "MUR"),
    (r"Seychelles|(?i:seychellois(?:es?)?)|Victoria", "SCR"),
)


@dataclass(frozen=True)
class Family:
    """Currencies sharing one bare name."""

    name: str
    default: str | None  # ISO code or "~family"; None: with no clue the figure is not read as money
    qualified: tuple[tuple[str, str], ...]  # (regex of a qualified spelling, ISO code or "~family")
    places: tuple[tuple[str, str], ...]  # (regex of a place or demonym, ISO code or "~family")
    places_first: bool = False
    min_place_mentions: int = 2  # a place named once is often a passing mention


FAMILIES: dict[str, Family] = {
    f.name: f
    for f in (
        Family(
            "dollar",
            "USD",
            qualified=(
                (rf"(?i:dollars?{_SP}+canadiens?)|\${_SP}?CA(?![\w])|C\$|CA\$|CAD", "CAD"),
                (rf"(?i:dollars?{_SP}+(?:américains?|US)|dollars?{_SP}+des{_SP}+États-Unis)|\${_SP}?US|US\$|USD", "USD"),
                (rf"(?i:dollars?{_SP}+australiens?)|A\$|AUD", "AUD"),
                (rf"(?i:dollars?{_SP}+libériens?)|LRD", "LRD"),
                (rf"(?i:dollars?{_SP}+namibiens?)|NAD", "NAD"),
                (rf"(?i:dollars?{_SP}+zimbabwéens?)|ZWL", "ZWL"),
            ),
            places=(
                (r"Canada|(?i:canadien(?:ne)?s?)|Québec|(?i:québécois(?:es?)?)|Ontario|Montréal|Ottawa"
                 r"|Toronto|Vancouver|Manitoba|Alberta|Nouveau-Brunswick|Acadie|Gatineau|Sherbrooke", "CAD"),
                (r"Australie|(?i:australien(?:ne)?s?)|Sydney|Canberra|Melbourne", "AUD"),
                (r"Liberia|(?i:libérien(?:ne)?s?)|Monrovia", "LRD"),
            ),
            places_first=True,
        ),
        Family(
            "franc",
            "~cfa",
            qualified=(
                (rf"(?i:francs?{_SP}+CFA|F\.?{_SP}?CFA)|FCFA|XOF|XAF", "~cfa"),
                (rf"(?i:francs?{_SP}+suisses?)|CHF", "CHF"),
                (rf"(?i:francs?{_SP}+guinéens?)|GNF", "GNF"),
                (rf"(?i:francs?{_SP}+congolais)|CDF", "CDF"),
                (rf"(?i:francs?{_SP}+rwandais)|RWF", "RWF"),
                (rf"(?i:francs?{_SP}+burundais)|BIF", "BIF"),
                (rf"(?i:francs?{_SP}+comoriens?)|KMF", "KMF"),
                (rf"(?i:francs?{_SP}+djiboutiens?)|DJF", "DJF"),
                (rf"(?i:francs?{_SP}+(?:CFP|pacifique)|F\.?{_SP}?CFP)|XPF", "XPF"),
            ),
            places=(
                (r"Suisse|(?i:suisses?)|(?i:helvétiques?)|Berne|Genève|Zurich|Lausanne|Bâle|Lucerne"
                 rf"|Fribourg|Neuchâtel|Tessin|Valais|Vaud|Conseil{_SP}fédéral"
                 r"|(?i:vaudois(?:es?)?|valaisan(?:ne)?s?|genevois(?:es?)?|fribourgeois(?:es?)?|neuchâtelois(?:es?)?"
                 r"|tessinois(?:es?)?|bernois(?:es?)?|zurichois(?:es?)?|bâlois(?:es?)?)", "CHF"),
                (rf"Guinée(?!{_SP}*-?{_SP}*(?:Bissau|équatoriale))|(?i:guinéen(?:ne)?s?)|Conakry", "GNF"),
                (r"RDC|R\.D\.C\.|Kinshasa|Lubumbashi|Goma|Bukavu|Kisangani|Kasaï|Katanga"
                 rf"|République{_SP}+démocratique{_SP}+du{_SP}+Congo", "CDF"),
                (r"Rwanda|(?i:rwandais(?:es?)?)|Kigali", "RWF"),
                (r"Burundi|(?i:burundais(?:es?)?)|Bujumbura|Gitega", "BIF"),
                (r"Comores|(?i:comorien(?:ne)?s?)|Moroni", "KMF"),
                (r"Djibouti|(?i:djiboutien(?:ne)?s?)", "DJF"),
                (r"Nouvelle-Calédonie|Polynésie|Nouméa|Papeete|Wallis", "XPF"),
                (rf"{_XAF_PLACES}|{_XOF_PLACES}", "~cfa"),
            ),
        ),
        Family(
            "cfa",
            "XOF",
            qualified=(("XAF", "XAF"), ("XOF", "XOF")),
            places=((_XAF_PLACES, "XAF"), (_CONGO_CFA, "XAF"), (_XOF_PLACES, "XOF")),
            places_first=True,
            min_place_mentions=1,
        ),
        Family(
            "dinar",
            "DZD",
            qualified=(
                (rf"(?i:dinars?{_SP}+algériens?)|DZD|DA(?![\w])", "DZD"),
                (rf"(?i:dinars?{_SP}+tunisiens?)|TND|DT(?![\w])", "TND"),
                (rf"(?i:dinars?{_SP}+libyens?)|LYD", "LYD"),
                (rf"(?i:dinars?{_SP}+irakiens?)|IQD", "IQD"),
                (rf"(?i:dinars?{_SP}+jordaniens?)|JOD", "JOD"),
                (rf"(?i:dinars?{_SP}+koweïtiens?)|KWD", "KWD"),
                (rf"(?i:dinars?{_SP}+serbes?)|RSD", "RSD"),
            ),
            places=(
                (r"Algérie|(?i:algérien(?:ne)?s?)|Alger|Oran|Constantine|Annaba|Sonatrach", "DZD"),
                (r"Tunisie|(?i:tunisien(?:ne)?s?)|Tunis|Sfax|Sousse|Bizerte", "TND"),
                (r"Libye|(?i:libyen(?:ne)?s?)|Tripoli|Benghazi", "LYD"),
                (r"Irak|(?i:irakien(?:ne)?s?)|Bagdad|Bassora", "IQD"),
                (r"Jordanie|(?i:jordanien(?:ne)?s?)|Amman", "JOD"),
                (r"Koweït|(?i:koweïtien(?:ne)?s?)", "KWD"),
                (r"Serbie|(?i:serbes?)|Belgrade", "RSD"),
            ),
        ),
        Family(
            "dirham",
            "MAD",
            qualified=(
                (rf"(?i:dirhams?{_SP}+marocains?)|MAD", "MAD"),
                (rf"(?i:dirhams?{_SP}+(?:émiratis?|des{_SP}+Émirats))|AED", "AED"),
            ),
            places=(
                (r"Maroc|(?i:marocain(?:e)?s?)|Rabat|Casablanca|Tanger|Marrakech|Fès|Agadir", "MAD"),
                (rf"Émirats|(?i:émiratis?)|Dubaï|Abou{_SP}Dhabi", "AED"),
            ),
        ),
        Family(
            "centime",
            "EUR",
            qualified=(
                (rf"(?i:centimes?{_SP}+d['’]euros?)|€|(?i:euros?)", "EUR"),
                (rf"(?i:centimes?{_SP}+de{_SP}+franc)|CHF|(?i:francs?{_SP}+suisses?)|(?i:rappen)", "CHF"),
            ),
            places=(
                (r"Suisse|(?i:suisses?)|(?i:helvétiques?)|Berne|Genève|Zurich|Lausanne|Bâle|Vaud|Valais"
                 r"|(?i:vaudois(?:es?)?|valaisan(?:ne)?s?|genevois(?:es?)?|fribourgeois(?:es?)?)", "CHF"),
            ),
            min_place_mentions=1,  # euros, when the article writes them, decide first
        ),
        Family(
            "livre",
            None,  # a bare "livres" is as often a weight or books
            qualified=(
                (rf"(?i:livres?{_SP}+sterling)|£|GBP", "GBP"),
                (rf"(?i:livres?{_SP}+égyptiennes?)|EGP", "EGP"),
                (rf"(?i:livres?{_SP}+libanaises?)|LBP", "LBP"),
                (rf"(?i:livres?{_SP}+soudanaises?)|SDG", "SDG"),
                (rf"(?i:livres?{_SP}+turques?)|TRY", "TRY"),
                (rf"(?i:livres?{_SP}+syriennes?)|SYP", "SYP"),
            ),
            # where the article is about a country of the pound, two mentions make "livres" its money
            places=(
                (rf"Liban|(?i:libanais(?:es?)?)|Beyrouth|Banque{_SP}du{_SP}Liban", "LBP"),
                (rf"Égypte|Egypte|(?i:égyptien(?:ne)?s?)|Le{_SP}Caire", "EGP"),
                (rf"Royaume-Uni|(?i:britanniques?)|Londres|Angleterre|Banque{_SP}d['’]Angleterre", "GBP"),
                (r"Syrie|(?i:syrien(?:ne)?s?)|Damas", "SYP"),
                (r"Soudan|(?i:soudanais(?:es?)?)|Khartoum", "SDG"),
            ),
        ),
        Family("roupie", "INR", qualified=_RUPEE_QUALIFIED, places=_RUPEE_PLACES),
        # "Rs 4,1 milliards": French-language papers that write "Rs" before the figure are
        # Mauritian, where the local rupee needs no name; elsewhere the word "roupies" is used
        Family("rs", "MUR", qualified=_RUPEE_QUALIFIED, places=_RUPEE_PLACES),
        Family(
            "shilling",
            "KES",
            qualified=(
                (rf"(?i:shillings?{_SP}+kényans?)|KES", "KES"),
                (rf"(?i:shillings?{_SP}+ougandais)|UGX", "UGX"),
                (rf"(?i:shillings?{_SP}+tanzaniens?)|TZS", "TZS"),
                (rf"(?i:shillings?{_SP}+somaliens?)|SOS", "SOS"),
            ),
            places=(
                (r"Kenya|(?i:kényan(?:e)?s?)|Nairobi|Mombasa", "KES"),
                (r"Ouganda|(?i:ougandais(?:es?)?)|Kampala", "UGX"),
                (rf"Tanzanie|(?i:tanzanien(?:ne)?s?)|Dodoma|Dar{_SP}es{_SP}Salaam", "TZS"),
                (r"Somalie|(?i:somalien(?:ne)?s?)|Mogadiscio", "SOS"),
            ),
        ),
        Family(
            "peso",
            None,
            qualified=(
                (rf"(?i:pesos?{_SP}+argentins?)|ARS", "ARS"),
                (rf"(?i:pesos?{_SP}+mexicains?)|MXN", "MXN"),
                (rf"(?i:pesos?{_SP}+colombiens?)|COP", "COP"),
                (rf"(?i:pesos?{_SP}+chiliens?)|CLP", "CLP"),
                (rf"(?i:pesos?{_SP}+cubains?)|CUP", "CUP"),
            ),
            places=(
                (rf"Argentine|(?i:argentin(?:e)?s?)|Buenos{_SP}Aires", "ARS"),
                (r"Mexique|(?i:mexicain(?:e)?s?)|Mexico", "MXN"),
                (r"Colombie|(?i:colombien(?:ne)?s?)|Bogota", "COP"),
                (r"Chili|(?i:chilien(?:ne)?s?)|Santiago", "CLP"),
                (rf"Cuba|(?i:cubain(?:e)?s?)|La{_SP}Havane", "CUP"),
            ),
        ),
    )
}

_WORD_EDGE = r"(?<![\w$])(?:{})(?![^\W\d_])"
# Characters that re.IGNORECASE matches to a letter of a clue but that str.lower() does not fold to
# it: "İ" and "ı" match "i", "ſ" matches "s" (the tests check this against re over all of Unicode).
_FOLD_FIXES = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})
_FOLD_FIXES_RE = re.compile("[İıſ]")

# A clue pattern, its code, and literals one of which each of its matches contains: ("Suisse", False)
# is looked for as written, ("suisse", True) in the folded text; None when no literal is known.
_Clue = tuple[re.Pattern, str, frozenset[tuple[str, bool]] | None]


def _fold(text: str) -> str:
    """`text` lowercased so that a literal matched ignoring case is found in it by `in`."""
    if _FOLD_FIXES_RE.search(text):
        text = text.translate(_FOLD_FIXES)
    return text.lower()


def _shortest(needles: frozenset[tuple[str, bool]] | None) -> int:
    return min((len(n) for n, _ in needles), default=0) if needles else 0


def _needles(parsed, ignorecase: bool = False) -> frozenset[tuple[str, bool]] | None:
    """Literals one of which every match of a parsed regex contains, the longest such set found.

    A run of literals in a sequence is always matched; a group, a repeat done at least once and
    every branch of an alternation pass theirs up. Optional parts, classes and lookarounds give none.
    """
    best, run = None, ""
    for op, av in [*parsed, (None, None)]:  # the sentinel ends the last run
        if op is sre_constants.LITERAL:
            run += chr(av)
            continue
        found = frozenset({(_fold(run) if ignorecase else run, ignorecase)}) if run else None
        run = ""
        if op is sre_constants.SUBPATTERN:
            _, add_flags, del_flags, sub = av
            sub_ignorecase = (ignorecase or bool(add_flags & re.IGNORECASE)) and not del_flags & re.IGNORECASE
            inner = _needles(sub, sub_ignorecase)
        elif op is sre_constants.BRANCH:
            branches = [_needles(branch, ignorecase) for branch in av[1]]
            inner = None if None in branches else frozenset().union(*branches)
        elif op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT) and av[0] >= 1:
            inner = _needles(av[2], ignorecase)
        else:
            inner = None
        for candidate in (found, inner):
            if candidate and _shortest(candidate) > _shortest(best):
                best = candidate
    return best


def _compile(pairs: tuple[tuple[str, str], ...]) -> list[_Clue]:
    clues = []
    for pattern, code in pairs:
        edged = _WORD_EDGE.format(pattern)
        parsed = sre_parse.parse(edged)
        clues.append((re.compile(edged), code, _needles(parsed, bool(parsed.state.flags & re.IGNORECASE))))
    return clues


_COMPILED = {name: (_compile(f.qualified), _compile(f.places)) for name, f in FAMILIES.items()}


def _most_frequent(text: str, folded: str, clues: list[_Clue], least: int = 1) -> str | None:
    """The code whose patterns match most often (at least `least` times) in `text`; the first seen wins a tie.

    A pattern none of whose literals is in the text cannot match, and is not run: most articles
    name few of the places, and scanning for each one costs far more than looking for its name.
    """
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    for pattern, code, needles in clues:
        if needles is not None and not any(n in (folded if ic else text) for n, ic in needles):
            continue
        for m in pattern.finditer(text):
            counts[code] = counts.get(code, 0) + 1
            first[code] = min(first.get(code, m.start()), m.start())
    best = min(counts, key=lambda code: (-counts[code], first[code]), default=None)
    return best if best is not None and counts[best] >= least else None


def resolve_family(name: str, text: str) -> str | None:
    """ISO code a bare currency name of family `name` stands for in `text`; None when it cannot be told.

    A clue naming another family ("francs CFA" -> "~cfa") is resolved in that family.
    """
    return _resolve_family(name, text, _fold(text))


def _resolve_family(name: str, text: str, folded: str) -> str | None:
    """`resolve_family`, with `text` already folded for the literal checks."""
    qualified, places = _COMPILED[name]
    family = FAMILIES[name]
    by_spelling = _most_frequent(text, folded, qualified)
    by_place = _most_frequent(text, folded, places, family.min_place_mentions)
    clues = (by_place, by_spelling) if family.places_first else (by_spelling, by_place)
    code = next((code for code in clues if code), family.default)
    if code is not None and code.startswith(FAMILY_MARK):
        return _resolve_family(code[len(FAMILY_MARK) :], text, folded)
    return code


def resolve_families(text: str, names) -> dict[str, str | None]:
    """`resolve_family` for each of `names`, folding `text` once."""
    folded = _fold(text)
    return {name: _resolve_family(name, text, folded) for name in set(names)}
