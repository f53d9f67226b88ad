"""Amounts in French news text: money, quantities with a unit, durations and counts of a noun.

A rule grammar over the raw string, with no model: numbers are found first
(digits with French separators, number words through text2num, multipliers),
then what follows them decides what they quantify. What is not an amount
(dates, years, clock times, phone numbers, ordinals, names, the article un/une,
anaphoric pairs, vague quantities) is ruled out before anything is emitted.
A bare figure whose unit the sentence leaves out ("112 voix contre 80") borrows
the unit of the amount it refers back to, and a bare "$" or "francs", like
"FCFA" (XOF or XAF by zone), is resolved from the whole article by
`pipeline.currencies`.
Semantics follow the "Amounts" section of ANNOTATION.md, and the conventions of
tests/gold/README.md where it is silent.
"""

import functools
import itertools
import math
import re
from dataclasses import dataclass, replace
from pathlib import Path

from text_to_num import text2num

from pipeline.currencies import FAMILY_MARK, resolve_families

# Horizontal whitespace only: an amount never runs over a line break.
# Python's \s already covers U+00A0 and U+202F, which French uses around numbers.
_SP = r"[^\S\n]"
_LETTER = r"[^\W\d_]"
_APOS = r"['’]"

# Thousands grouped by a space, a no-break space (U+00A0, U+202F, U+2009) or a dot;
# decimal comma, or a dot before one or two digits ("2.5 %").
_DIGITS_RE = re.compile(
    r"(?<![\w])(?<!\d[.,])"
    r"(?P<int>\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?!\d)|\d{1,3}(?:\.\d{3})+(?![\d])|\d{1,3}(?:['’]\d{3})+(?!\d)|\d+)"
    r"(?P<dec>,\d+|\.\d{1,2}(?![\d.]))?"
    r"(?!\d)"
)
# Where a figure in digits can start: a digit with no letter or digit before it, as `_DIGITS_RE`'s
# lookbehind wants. With the lookbehind after the digit, the engine skips from digit to digit.
_DIGIT_START_RE = re.compile(r"\d(?<!\w\d)")
_GROUP_SEPARATOR_RE = re.compile(r"[ .'’\u00a0\u202f\u2009]")
# the press's common misspellings of the multipliers: "98 millards de mètres cubes"
_MISSPELT_SCALES = {
    "millard": "milliard", "millards": "milliards", "miliard": "milliard", "miliards": "milliards",
    "milliars": "milliards", "milion": "million", "milions": "millions",
}
_MISSPELT_SCALE = "|".join(sorted(_MISSPELT_SCALES, key=len, reverse=True))  # longest first, as "millards?" was
_NUMBER_WORD = (
    r"zéro|une?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze"
    r"|quinze|seize|vingts?|trente|quarante|cinquante|soixante|septante|huitante|octante"
    rf"|nonante|cents?|mille|millions?|milliards?|{_MISSPELT_SCALE}"
)
_WORD_TOKEN_RE = re.compile(rf"(?i:{_NUMBER_WORD})(?![\w])")
# Every number word starts with one of these letters: checking it first spares the engine trying
# each of the words at every word start.
_NUMBER_INITIALS = "".join(sorted({word[0] for word in _NUMBER_WORD.split("|")}))
# A run of number words; "et" only joins "vingt et un", "soixante et onze"...
_WORDS_RE = re.compile(
    rf"(?<![\w-])(?=(?i:[{_NUMBER_INITIALS}]))(?i:{_NUMBER_WORD})(?:(?:-|{_SP}+)(?i:{_NUMBER_WORD})"
    rf"|(?:{_SP}+et{_SP}+|-et-)(?i:une?|onze))*(?![\w-])"
)
# "le milliard de dollars", "la barre du million de barils": one multiplier, read as one of it
_ONE_SCALE_BEFORE_RE = re.compile(rf"(?<![\w])(?i:le|du|au){_SP}+$")
_SCALES = {"mille": 1e3, "million": 1e6, "millions": 1e6, "milliard": 1e9, "milliards": 1e9}
_SCALES |= {wrong: _SCALES[right] for wrong, right in _MISSPELT_SCALES.items()}
# French "billion" is 10^12; text2num does not know it.
_BILLION_RE = re.compile(rf"{_SP}+(?i:billions?)(?![\w])")
_SCALE_WORD_RE = re.compile(
    rf"{_SP}+(?P<w>(?i:mille|millions?|milliards?|billions?|{_MISSPELT_SCALE}))(?![\w-])"
)
# "trois (03) accords": the figure repeated in brackets, common in West African administrative prose
_ECHO_RE = re.compile(rf"{_SP}*\(0*(?P<n>\d+)\)")
# Abbreviated multipliers only count when a unit follows ("300 M€", "5 mds de FCFA").
_ABBR_SCALE_RE = re.compile(rf"{_SP}?(?P<m>Mds|Mrds|Mrd|Md|mds|mrds|mrd|md|M|G|k|K)(?![^\W\d_])")
_ABBR_SCALES = {"m": 1e6, "k": 1e3}

_MONEY = "money"
_PERCENT = "percent"
_MEASURE = "measure"
_DURATION = "duration"
_DURATION_UNITS = frozenset({"decade", "year", "month", "week", "day", "hour", "minute"})

# (pattern, unit code, factor, kind); within one entry and across entries, longer spellings first.
_UNITS: tuple[tuple[str, str, float, str], ...] = (
    (r"(?i:dollars?\s+(?:américains|US|des\s+États-Unis))|US\s?\$|\$\s?US|USD", "USD", 1, _MONEY),
    (r"(?i:dollars?\s+canadiens)|\$\s?CA|CA?\$|CAD", "CAD", 1, _MONEY),
    (r"(?i:dollars?\s+australiens)|A\$|AUD", "AUD", 1, _MONEY),
    (r"(?i:dollars?)|\$", "~dollar", 1, _MONEY),
    (r"(?i:euros?)|€|EUR", "EUR", 1, _MONEY),
    # FCFA is XOF or XAF by the article's zone; a code as written stays as written
    (r"(?i:francs?\s+CFA|F\.?\s?CFA)", "~cfa", 1, _MONEY),
    (r"XOF", "XOF", 1, _MONEY),
    (r"XAF", "XAF", 1, _MONEY),
    (r"(?i:francs?\s+suisses)|CHF", "CHF", 1, _MONEY),
    (r"(?i:francs?\s+guinéens)|GNF|FG", "GNF", 1, _MONEY),
    (r"(?i:francs?\s+congolais)|CDF|FC", "CDF", 1, _MONEY),
    (r"(?i:francs?\s+rwandais)|RWF|FRW|Frw", "RWF", 1, _MONEY),
    (r"(?i:francs?\s+burundais)|BIF|FBu", "BIF", 1, _MONEY),
    (r"(?i:francs?\s+comoriens)|KMF", "KMF", 1, _MONEY),
    (r"(?i:francs?\s+djiboutiens)|DJF", "DJF", 1, _MONEY),
    # the Pacific franc: "3000 Fcfp", "5 000 F CFP", "10 000 francs Pacifique"
    (r"(?i:francs?\s+(?:CFP|pacifique)|F\.?\s?CFP)|XPF", "XPF", 1, _MONEY),
    (r"(?i:francs?)(?!-)", "~franc", 1, _MONEY),
    (r"(?i:centimes?(?:\s+d['’]euros?)?)|cts", "~centime", 0.01, _MONEY),  # "21 centimes le litre"
    (r"(?i:roubles?)|₽|RUB", "RUB", 1, _MONEY),
    (r"(?i:yuans?|renminbis?)|CNY", "CNY", 1, _MONEY),
    (r"(?i:livres?\s+sterling)|£|GBP", "GBP", 1, _MONEY),
    (r"(?i:livres?\s+égyptiennes)|EGP", "EGP", 1, _MONEY),
    (r"(?i:livres?\s+libanaises)|LBP", "LBP", 1, _MONEY),
    (r"(?i:livres?\s+soudanaises)|SDG", "SDG", 1, _MONEY),
    (r"(?i:livres?\s+turques|lires?\s+turques)|TRY", "TRY", 1, _MONEY),
    (r"(?i:dirhams?\s+(?:émiratis|des\s+Émirats))|AED", "AED", 1, _MONEY),
    (r"(?i:dirhams?\s+marocains)|MAD", "MAD", 1, _MONEY),
    # Maghreb papers' millions and milliards of the local currency: "2553,9 MD", "12 MDH", "3 MMDH"
    (r"MMDH|MMDhs", "MAD", 1e9, _MONEY),
    (r"MDH|MDhs", "MAD", 1e6, _MONEY),
    (r"(?i:dirhams?)|DH|Dh", "~dirham", 1, _MONEY),
    (r"(?i:nairas?)|₦|NGN", "NGN", 1, _MONEY),
    (r"(?i:yens?)|JPY", "JPY", 1, _MONEY),
    (r"(?i:roupies?\s+indiennes)|INR", "INR", 1, _MONEY),
    (r"(?i:roupies?\s+mauriciennes)|MUR", "MUR", 1, _MONEY),
    (r"(?i:roupies?\s+pakistanaises)|PKR", "PKR", 1, _MONEY),
    (r"(?i:roupies?)", "~roupie", 1, _MONEY),
    (r"(?i:rands?)|ZAR", "ZAR", 1, _MONEY),
    (r"(?i:cedis?)|GHS", "GHS", 1, _MONEY),
    (r"MDA", "DZD", 1e6, _MONEY),
    (r"MDT|MD", "TND", 1e6, _MONEY),
    (r"(?i:dinars?\s+algériens)|DZD|DA", "DZD", 1, _MONEY),
    (r"(?i:dinars?\s+tunisiens)|TND|DT", "TND", 1, _MONEY),
    (r"(?i:dinars?\s+libyens)|LYD", "LYD", 1, _MONEY),
    (r"(?i:dinars?\s+irakiens)|IQD", "IQD", 1, _MONEY),
    (r"(?i:dinars?\s+jordaniens)|JOD", "JOD", 1, _MONEY),
    (r"(?i:dinars?)", "~dinar", 1, _MONEY),
    (r"(?i:shillings?\s+kényans)|KES", "KES", 1, _MONEY),
    (r"(?i:shillings?\s+ougandais)|UGX", "UGX", 1, _MONEY),
    (r"(?i:shillings?\s+tanzaniens)|TZS", "TZS", 1, _MONEY),
    (r"(?i:shillings?)", "~shilling", 1, _MONEY),
    (r"(?i:pesos?\s+argentins)|ARS", "ARS", 1, _MONEY),
    (r"(?i:pesos?\s+mexicains)|MXN", "MXN", 1, _MONEY),
    (r"(?i:pesos?)", "~peso", 1, _MONEY),
    (r"(?i:riyals?\s+qataris)|QAR", "QAR", 1, _MONEY),
    (r"(?i:riyals?(?:\s+saoudiens)?)|SAR", "SAR", 1, _MONEY),
    (r"(?i:ouguiyas?)|MRU|UM", "MRU", 1, _MONEY),
    (r"(?i:ariary)|MGA|Ar", "MGA", 1, _MONEY),
    (r"(?i:gourdes)|HTG", "HTG", 1, _MONEY),
    (r"(?i:birrs?)|ETB", "ETB", 1, _MONEY),
    (r"(?i:kwanzas?)|AOA", "AOA", 1, _MONEY),
    (r"(?i:dalasis?)|GMD", "GMD", 1, _MONEY),
    (r"(?i:hryvnias?)|UAH", "UAH", 1, _MONEY),
    (r"(?i:zlotys?)|PLN", "PLN", 1, _MONEY),
    (r"(?i:réals?|reais)|BRL", "BRL", 1, _MONEY),
    (r"%|(?i:pour\s?cent)", "%", 1, _PERCENT),
    (r"(?i:points?\s+de\s+pourcentage)", "pp", 1, _PERCENT),  # "une hausse de 9,2 points de pourcentage"
    (r"(?i:tonnes?(?:\s+métriques)?)|t", "t", 1, _MEASURE),
    (r"Mt", "t", 1e6, _MEASURE),
    (r"(?i:kilogrammes?|kilos?)|kg", "kg", 1, _MEASURE),
    (r"(?i:grammes?)|g", "g", 1, _MEASURE),
    # "onces d'or"; the number "onze" is a different word
    (r"(?i:onces?(?:\s+troy)?)|oz", "oz", 1, _MEASURE),
    (r"(?i:carats?)|ct", "ct", 1, _MEASURE),
    (r"(?i:kilomètres?\s+carrés?)|km²|km2", "km²", 1, _MEASURE),
    (r"(?i:kilomètres?\s+(?:par\s+heure|à\s+l['’]heure))|km/h", "km/h", 1, _MEASURE),
    (r"(?i:kilomètres?)|km", "km", 1, _MEASURE),
    (r"(?i:mètres?\s+carrés?)|m²|m2", "m²", 1, _MEASURE),
    (r"(?i:mètres?\s+cubes?)|m³|m3", "m³", 1, _MEASURE),
    # gas volumes and floor areas; a bare "pieds" is not read as a unit and stays a count
    (r"(?i:pieds?\s+cubes?)|ft³", "ft³", 1, _MEASURE),
    (r"(?i:pieds?\s+carrés?)|ft²", "ft²", 1, _MEASURE),
    (r"(?i:centimètres?)|cm", "cm", 1, _MEASURE),
    (r"(?i:millimètres?)|mm", "mm", 1, _MEASURE),
    (r"(?i:mètres?)|m", "m", 1, _MEASURE),
    # energy, also as the press often misspells it: "6 262 GW/h", "5 000 KWh"
    (r"(?i:térawatts?-heures?)|TWh|TW/h", "TWh", 1, _MEASURE),
    (r"(?i:mégawatts?-heures?)|MWh|MW/h", "MWh", 1, _MEASURE),
    (r"(?i:gigawatts?-heures?)|GWh|GW/h", "GWh", 1, _MEASURE),
    (r"(?i:kilowatts?-heures?)|[kK]Wh|[kK]W/h", "kWh", 1, _MEASURE),
    (r"(?i:mégawatts?)|MW", "MW", 1, _MEASURE),
    (r"(?i:gigawatts?)|GW", "GW", 1, _MEASURE),
    (r"(?i:kilowatts?)|kW", "kW", 1, _MEASURE),
    (r"(?i:barils?)|bbl", "bbl", 1, _MEASURE),
    (r"TEU|EVP", "TEU", 1, _MEASURE),  # twenty-foot containers (équivalent vingt pieds)
    (r"mbj|Mbj|mb/j", "bbl", 1e6, _MEASURE),  # millions de barils par jour
    (r"Mhl|MhL", "hL", 1e6, _MEASURE),
    (r"(?i:hectolitres?)|hl|hL", "hL", 1, _MEASURE),
    (r"(?i:quintaux|quintal)", "q", 1, _MEASURE),
    # "5 L", "20 l d'eau", not the elided article of "2 L'État"
    (r"(?i:litres?)|[Ll](?![’'])", "L", 1, _MEASURE),
    (r"(?i:hectares?)|ha", "ha", 1, _MEASURE),
    (r"°\s?C|(?i:degrés?(?:\s+Celsius)?)", "°C", 1, _MEASURE),
    (r"(?i:années?|ans?)", "year", 1, _DURATION),
    (r"(?i:décennies?)", "decade", 1, _DURATION),  # "deux décennies"; "une décennie" is the article
    (r"(?i:mois)", "month", 1, _DURATION),
    (r"(?i:semaines?)", "week", 1, _DURATION),
    (r"(?i:journées?|jours?)", "day", 1, _DURATION),
    (r"(?i:heures?)|h|H", "hour", 1, _DURATION),
    (r"(?i:minutes?)|min", "minute", 1, _DURATION),
)
_UNIT_RE = re.compile(
    "|".join(rf"(?P<u{i}>{pattern})(?![^\W\d_])" for i, (pattern, *_) in enumerate(_UNITS))
)
# The same alternation without its groups: where no unit starts, which is most places tried,
# it fails three times faster than `_UNIT_RE`, which then only says which unit it is.
_ANY_UNIT_RE = re.compile("|".join(rf"(?:{pattern})(?![^\W\d_])" for pattern, *_ in _UNITS))
# "10 milliards des dollars": a slip the press makes between a multiplier and its unit
_DE = rf"(?:{_SP}+(?:des?{_SP}+|d{_APOS}{_SP}*))"
_DE_RE = re.compile(_DE)
# a minus sign glued to the figure, after a space or a bracket: not "3-0", "Covid-19" or "2020-2021"
_SIGN_RE = re.compile(r"[\s(\[:][-−]")
# a change in brackets, its sign spaced or a dash: "(+ 3 cts sur le prix)", "(– 2 cts)", "(–27,59 %)"
_BRACKET_SIGN_RE = re.compile(r"\(([-−–+])\s?$")
# a price per unit after the currency: "0,19 euro/kWh", "400 FCFA/kg", "665 dollars/TM" (tonne métrique)
_PER_UNIT_RE = re.compile(
    r"\s?/\s?(?P<per>kWh|MWh|kg|Kg|KG|tonnes?|TM|tm|t|litres?|L|l|m²|m³|barils?|bbl)(?![^\W\d_])"
)
_PER_UNITS = {
    "Kg": "kg", "KG": "kg", "tonne": "t", "tonnes": "t", "TM": "t", "tm": "t", "litre": "L", "litres": "L", "l": "L",
    "baril": "bbl", "barils": "bbl",
}
# a count of "livres" is the pound where the article is about a country of the pound
POUND_OBJECTS = frozenset({"livre", "livres"})
_SPACES_RE = re.compile(rf"{_SP}*")
# Currency written before the figure: "$100 millions", "US$ 5 millions", "€20".
_PREFIX_RE = re.compile(
    rf"(?:(?P<USD>US{_SP}?\$)|(?P<CAD>CA?\$)|(?P<dollar>\$)|(?P<EUR>€)|(?P<GBP>£)|(?P<NGN>₦)|(?P<RUB>₽)"
    rf"|(?<![\w])(?P<code>USD|CAD|EUR|CHF|GBP|XOF|XAF|NGN|CNY|RUB|MAD|DZD|TND|GNF|CDF|FCFA)"
    rf"|(?<![\w])(?P<rupee>Rs\.?))({_SP}?)$"  # "Rs 4,1 milliards", "Rs. 500": the rupee
)
_PREFIX_SYMBOLS = ("USD", "CAD", "dollar", "EUR", "GBP", "NGN", "RUB", "rupee")
_PREFIX_CODES = {"FCFA": "~cfa", "dollar": "~dollar", "rupee": "~rs"}
# "100 $ 200 tonnes": a symbol right after another figure belongs to that figure.
_FIGURE_BEFORE_RE = re.compile(rf"\d{_SP}?$")

_MONTHS = (
    r"janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre"
    r"|novembre|décembre|decembre|janv\.|févr?\.|avr\.|juil\.|sept\.|oct\.|nov\.|déc\."
)
_MONTH_AFTER_RE = re.compile(rf"{_SP}+(?i:{_MONTHS})(?![\w])")
# Spans in which no number is an amount, each pattern with a cue: a part every match contains.
# The cue starts with a plain character class, which the regex engine skips to, where the pattern's
# leading lookbehind makes it try every position: most texts lack the cue and skip the pattern.
_BLOCK_RES = (
    (  # 23/06/2025, 2025-06-23
        re.compile(r"(?<![\d.,])\d{1,4}[/.\-]\d{1,2}[/.\-]\d{2,4}(?!\d)"),
        re.compile(r"\d[/.\-]\d{1,2}[/.\-]\d\d"),
    ),
    (  # 2024-2025
        re.compile(r"(?<![\d.,])(?:1[89]|20)\d{2}\s?[-–/]\s?(?:(?:1[89]|20)\d{2}|\d{2})(?![\d])"),
        re.compile(r"\d\d\s?[-–/]\s?\d\d"),
    ),
    (  # 10h30, 10 h 30, 14:05
        re.compile(rf"(?<![\d.,])\d{{1,2}}{_SP}?[hH:]{_SP}?\d{{2}}(?!\d)"),
        re.compile(rf"\d{_SP}?[hH:]{_SP}?\d\d"),
    ),
    (  # 18 heures 30
        re.compile(rf"(?<![\d.,])\d{{1,2}}{_SP}+(?i:heures?){_SP}+\d{{2}}(?!\d)"),
        re.compile(rf"\d{_SP}+(?i:heures?){_SP}+\d\d"),
    ),
    (  # 24h/24, 7j/7
        re.compile(rf"\d+{_SP}?[hHjJ]{_SP}?/{_SP}?\d+"),
        re.compile(rf"\d{_SP}?[hHjJ]{_SP}?/{_SP}?\d"),
    ),
    (  # 76 12 34 56
        re.compile(rf"(?<![\d.,])\d{{2}}(?:(?:{_SP}|[.\-])\d{{2}}){{3,}}(?![\d])"),
        re.compile(rf"\d\d(?:(?:{_SP}|[.\-])\d\d){{3}}"),
    ),
)
_PHONE_RE = re.compile(rf"(?:\(?\+{_SP}?\d{{1,4}}\)?|\b00{_SP}?\d{{1,4}})(?:(?:{_SP}|[.\-])?\d{{2,4}}){{3,}}")
# "+", or the "\b00" form, written with its lookbehind after the first "0" so that the engine skips
# to the next "+" or "0"; the digits after the "00" rule out the thousands in "1 000 000"
_PHONE_CUE_RE = re.compile(rf"\+|0(?<!\w0)0{_SP}?\d{{1,4}}(?:(?:{_SP}|[.\-])?\d{{2,4}}){{3}}")
_PHONE_MIN_DIGITS = 8

# Words before a figure that make it a reference, not a quantity ("article 5", "n° 12").
_LABEL_RE = re.compile(
    r"(?:(?<![\w])(?i:articles?|art\.|alinéas?|chapitres?|résolutions?|décrets?|lois?|numéros?"
    r"|no\.|pages?|p\.|paragraphes?|sections?|titres?|tomes?|volumes?|vol\.|lots?|routes?|salles?"
    r"|portes?|lignes?|niveaux?|phases?|catégories?|classes?|covid|cop|ligue|formule|versets?"
    r"|sourates?|années?|an|l['’]an|vision|agenda|horizon)|[nN][°º]|№)" + rf"{_SP}*$"
)
# A letter glued before the figure: "G5", "RN7", "Su-24", "Covid-19".
_GLUED_BEFORE_RE = re.compile(rf"(?:{_LETTER}-?|[/°²³]|\d/)$")
_GLUED_AFTER_RE = re.compile(rf"(?:-{_LETTER}|/\d)")
_ORDINAL_RE = re.compile(r"(?:e|è|ème|eme|èmes|er|ère|re|nd|nde|nds|ndes)(?![\w])")
_PERCENT_WORD_BEFORE_RE = re.compile(rf"(?i:pour){_SP}*$")

_QUALIFIER_BEFORE_RE = re.compile(
    rf"(?<![\w])(?:"
    rf"(?P<approx>environ|près{_SP}+d{_APOS}?e?|quelques?|presque|autour{_SP}+d{_APOS}?e?"
    rf"|approximativement|quasiment|pratiquement|aux{_SP}+alentours{_SP}+d{_APOS}?e?"
    rf"|à{_SP}+peu{_SP}+près|de{_SP}+l{_APOS}ordre{_SP}+d{_APOS}?e?|plus{_SP}+ou{_SP}+moins)"
    rf"|(?P<min>plus{_SP}+d{_APOS}?e?|au{_SP}+moins|au(?:-|{_SP}+)delà{_SP}+d{_APOS}?e?"
    rf"|un{_SP}+minimum{_SP}+d{_APOS}?e?|au{_SP}+minimum|minimum|supérieure?s?{_SP}+à)"
    rf"|(?P<max>jusqu{_APOS}{_SP}*à|jusqu{_APOS}{_SP}*au|moins{_SP}+d{_APOS}?e?|au{_SP}+plus"
    rf"|un{_SP}+maximum{_SP}+d{_APOS}?e?|au{_SP}+maximum|maximum|inférieure?s?{_SP}+à)"
    rf"){_SP}*$",
    re.IGNORECASE,
)
_QUALIFIER_AFTER_RE = re.compile(
    rf"{_SP}+(?:(?P<approx>environ)|(?P<min>au{_SP}+moins|au{_SP}+minimum)"
    rf"|(?P<max>au{_SP}+plus|au{_SP}+maximum))(?![\w])(?!{_SP}*\d)",
    re.IGNORECASE,
)
_WINDOW = 40

_RANGE_OPEN_RE = re.compile(rf"(?<![\w])(?P<w>entre|de|d{_APOS}|du)(?:{_SP}+)?$", re.IGNORECASE)
_LIST_COMMA_RE = re.compile(rf"{_SP}*,{_SP}*")
_LIST_END_RE = re.compile(rf"{_SP}*,?{_SP}+(?i:et|ou|puis|voire){_SP}+")
# a price then, with its currency left for the price now: "acheté à 500 coûte maintenant 1000 FCFA"
_PRICE_AT_RE = re.compile(rf"(?<![\w])(?i:à){_SP}+$")
_PRICE_NOW_RE = re.compile(
    rf"{_SP}*,?{_SP}+(?i:coûtent|coûte|valent|vaut|se{_SP}+vendent|se{_SP}+vend|s{_APOS}achètent|s{_APOS}achète)"
    rf"(?:{_SP}+(?i:maintenant|actuellement|désormais|aujourd{_APOS}hui|déjà))?(?:{_SP}+(?i:à))?{_SP}+"
)
_RANGE_LINK_RE = re.compile(rf"{_SP}+(?P<w>et|à|ou){_SP}+|{_SP}?(?P<dash>[-–]){_SP}?", re.IGNORECASE)
# "est passé de 3 % à 5 %": two values of a change, not a range.
_CHANGE_VERB = (
    r"(?<![\w])(?i:(?:pass|augment|grimp|chut|baiss|recul|progress|hauss|relev|diminu|évolu|gliss"
    r"|multipli|port|ramen)(?:é|ée|és|ées|e|es|ent|ant|er|era|eront|ait|aient|erait)"
    r"|bondi|tombée?s?|réduite?s?|montée?s?|descendue?s?|fléchi)(?![\w])"
)
_CHANGE_VERB_RE = re.compile(_CHANGE_VERB)
_CHANGE_RE = re.compile(rf"{_CHANGE_VERB}(?:{_SP}+\w+)?{_SP}+(?i:de|d{_APOS}){_SP}*$")
_SENTENCE_END_RE = re.compile(r"[.!?;](?!\d)|\n")
_SENTENCE_WINDOW = 160
# "les deux pays", "ces trois accords", "chacun des trois pays": a set the text has already
# introduced, named by a pair or by a small number in words. A figure in digits after the
# determiner ("les 5 survivants", "ces 8 nouveaux ouvrages") counts afresh.
_ANAPHORA_RE = re.compile(
    rf"(?<![\w])(?i:les|des|ces|aux|leurs|nos|vos){_SP}+$"
)
_ANAPHORA_MAX = 10
_YEAR_CUE_RE = re.compile(
    rf"(?:(?<![\w])(?i:en|depuis|dès|avant|après|jusqu{_APOS}en|fin|début|mi|l{_APOS}an|{_MONTHS})"
    rf"|[–-]){_SP}*$"
)
_YEAR_MIN, _YEAR_MAX = 1900, 2100

# Clock times with "heures" or "h": "à 10 heures", "vers 18h".
_CLOCK_CUE_RE = re.compile(
    rf"(?<![\w])(?i:à|vers|dès|avant|jusqu{_APOS}{_SP}*à|aux{_SP}+alentours{_SP}+de|autour{_SP}+de){_SP}+$"
)
_DURATION_CUE_RE = re.compile(
    rf"(?<![\w])(?i:pendant|durant|en|dans|depuis|sous|d{_APOS}ici|bout{_SP}+de|plus{_SP}+de"
    rf"|moins{_SP}+de|près{_SP}+de|environ|toutes{_SP}+les|les|des|quelque){_SP}+$"
)
_CLOCK_AFTER_RE = re.compile(
    rf"{_SP}*(?:GMT|TU|UTC|(?i:heure{_SP}+locale|du{_SP}+matin|du{_SP}+soir"
    rf"|de{_SP}+l{_APOS}après-midi))(?![\w])"
)
_CLOCK_MAX = 24
_CLOCK_SPAN_RE = re.compile(rf"{_SP}+(?i:à|et){_SP}+\d{{1,2}}{_SP}*(?:h|H|(?i:heures?))(?![^\W\d_])")
_CLOCK_OPEN_RE = re.compile(rf"(?<![\w])(?i:de|entre){_SP}+$")
_FIGURE_END_RE = re.compile(rf"(?:\d|(?<![\w])(?i:{_NUMBER_WORD})){_SP}*$")

_LETTERS_RE = re.compile(rf"{_LETTER}+")
_NOUN = rf"(?P<w>{_LETTER}+(?:-{_LETTER}+)*)(?![\w'’-])"
_WORD_RE = re.compile(rf"{_SP}+{_NOUN}")
_OBJECT_RE = re.compile(rf"{_DE}{_NOUN}")
# Percentages take their object with an article: "35 % des électeurs", "10 % de la population".
_PERCENT_OPENER = (
    rf"{_SP}+(?i:des|du|de{_SP}+la|de{_SP}+l{_APOS}|de|d{_APOS}){_SP}*"
    rf"(?:(?i:leurs?|son|sa|ses|notre|nos|votre|vos|cette|cet|ce|ces){_SP}+)?"
)
_PERCENT_OBJECT_RE = re.compile(rf"{_PERCENT_OPENER}{_NOUN}")
# Where the object noun starts, for a multi-word noun read from the lexicon.
_PERCENT_OBJECT_START_RE = re.compile(_PERCENT_OPENER)
# Time adjectives between a figure and its duration unit: "les deux prochaines années".
_DURATION_ADJECTIVE_RE = re.compile(
    rf"{_SP}+(?i:prochaine?s|derni(?:er|ère)s|premi(?:er|ère)s|longue?s|longs|bonnes|courte?s){_SP}*(?=\w)"
)
_PLURAL_ENDINGS = ("s", "x", "z")
# A figure with its unit left implicit: a cue before it, nothing noun-like after it.
_IMPLICIT_WINDOW = 300
# the unit of an amount of money: an ISO 4217 code, or a family ("~franc") the article resolves later
_CURRENCY_CODE_RE = re.compile(r"[A-Z]{3}|~[a-z]+")
_IMPLICIT_CUE_RE = re.compile(
    rf"(?<![\w])(?i:contre|soit|dont|au{_SP}+lieu{_SP}+de|plutôt{_SP}+que)"
    rf"(?:{_SP}+(?i:seulement|déjà|encore|désormais|aujourd{_APOS}hui))?{_SP}+$"
)
# "et"/"ou" only joins a figure to an amount just before: "contre 19 pour les uns et 14 pour les autres"
_IMPLICIT_JOIN_RE = re.compile(rf"(?<![\w])(?i:et|ou){_SP}+$")
_IMPLICIT_JOIN_GAP = 60
# the pronoun "en" and its verb: "le Vlaams Belang en obtient 20"
_EN_CUE_RE = re.compile(rf"(?<![\w])(?i:en){_SP}+{_LETTER}+{_SP}+$")
_COUNT_CUE_RE = re.compile(rf"(?<![\w])(?i:au{_SP}+nombre{_SP}+de|un{_SP}+total{_SP}+de){_SP}+$")
_AUXILIARIES = (
    r"sont|est|ont|a|seront|sera|restent|reste|étaient|était|devraient|doivent|vont|iront|proviennent"
)
_IMPLICIT_AFTER_RE = re.compile(
    rf"{_SP}*(?:[,.;:!?)»\"”\n]|$)"
    rf"|{_SP}+(?i:qu{_APOS}|l{_APOS}an(?![\w])|aujourd{_APOS}hui"
    rf"|(?:de{_SP}+plus|de{_SP}+moins|au|aux|à|en|dans|pour|par|que|selon|sur|et|ou|contre|cette|cet|ce"
    rf"|hier|depuis|avant|après|lors|il|elle|ils|elles|on|{_AUXILIARIES})(?![\w]))"
)
# A past participle right after a figure stands for the noun left out: "contre 284 milliards prévus".
_PARTICIPLE_STEMS = (
    "prév attend annonc promi estim espér budgétis budgét programm engag décaiss mobilis investi allou "
    "débloqu dépens vers collect lev récolt export import vend livr construi réalis recens enregistr "
    "déclar confirm sign approuv obten perd gagn détrui endommag touch affect vaccin test "
    "prélev réserv consacr inscri initialement"
).split()
# A stem ending in a consonant needs its participle ending: "programmées", but "programmes",
# "récoltes" and "réserves" are nouns.
_OPEN_STEMS = "|".join(s for s in _PARTICIPLE_STEMS if s[-1] in "aeiouy" or s.endswith("ment"))
_CLOSED_STEMS = "|".join(s for s in _PARTICIPLE_STEMS if not (s[-1] in "aeiouy" or s.endswith("ment")))
_PARTICIPLE_RE = re.compile(
    rf"{_SP}+(?P<w>(?i:(?:(?:{_CLOSED_STEMS})(?:u|é|i|is|it|ts?)|(?:{_OPEN_STEMS})(?:u|é|i|is|it|ts?)?)e?s?))"
    rf"(?![\w])"
)
# After a multiplier word the noun needs "de", so a lowercase word agreeing with it (-é, -i, -u, -t)
# is a participle or an adjective standing for the noun left out: "dont 67 milliards destinés à l'État".
_AGREEING_RE = re.compile(rf"{_SP}+(?P<w>[^\W\d_A-ZÀ-Þ]+(?:é|i|u|t)e?s?)(?![\w'’-])")
# "cinq de nos soldats", "deux de leurs complices": a count taken from a set named by its owner
_OWNED_RE = re.compile(rf"{_SP}+(?i:de){_SP}+(?i:nos|vos|leurs|ses|ces|mes|tes)(?={_SP})")
# "20 des 150 sièges", "deux de ses sept salles": a part of a counted whole.
_PARTITIVE_RE = re.compile(rf"{_SP}+(?i:des|de{_SP}+(?:ses|leurs|nos|vos|ces)){_SP}+")
# "le modèle se vend 35 000 FCFA, la copie 5 000.", "2,2 millions de tonnes, et le Ghana 650 000.":
# a list with the unit said once.
_PARALLEL_GAP = 80
_PARALLEL_MIN = 100
_PARALLEL_END_RE = re.compile(rf"{_SP}*[,.;](?!\d)")
# "le Mali (729 000 tonnes), le Burkina (612 000)": a figure alone in brackets
_BRACKETED_RE = re.compile(r"\((?P<n>[^()]*)\)")


def _load_compounds() -> dict[str, list[str]]:
    """Multi-word nouns that stay whole as an object, by first word, longest first."""
    path = Path(__file__).parent / "data" / "compound_nouns.txt"
    by_first: dict[str, list[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        phrase = line.split("#", 1)[0].strip()
        if phrase:
            key = _fold_apostrophes(phrase.lower())
            by_first.setdefault(re.split(r"[\s'-]", key, maxsplit=1)[0], []).append(key)
    return {k: sorted(v, key=len, reverse=True) for k, v in by_first.items()}


def _fold_apostrophes(text: str) -> str:
    return text.replace("’", "'").replace("\u00a0", " ").replace("\u202f", " ")


_COMPOUNDS = _load_compounds()
# Adjectives that come between a number and its noun: "quatre nouveaux accords".
_PRE_ADJECTIVES = frozenset(
    """nouveaux nouvelles grands grandes petits petites autres principaux principales jeunes
    gros grosses vieux vieilles anciens anciennes hauts hautes bons bonnes mauvais mauvaises
    longs longues meilleurs meilleures premiers premières derniers dernières prochains
    prochaines seuls seules beaux belles vrais vraies véritables importants importantes
    différents différentes divers diverses récents récentes vastes énormes immenses
    puissants puissantes modestes simples""".split()
)
# Words that look like plural nouns after a number but do not name what is counted.
_NON_NOUNS = frozenset(
    """plus moins mais puis depuis dans sans sous vers chez alors lors dès près après très assez
    tous toutes les des ces ses mes tes nos vos leurs nous vous ils elles eux aux jamais toujours
    parfois ailleurs désormais néanmoins pas hors certes fois reprises tiers quarts temps égards
    compris précis mis pris dizaines douzaines quinzaines vingtaines trentaines quarantaines
    cinquantaines soixantaines centaines milliers millions milliards sommes êtes avons avez
    étions étiez serons serez aurons aurez pouvons devons voulons quelques plusieurs mêmes uns
    unes suivants suivantes précédents précédentes restants restantes ceux celles lesquels
    lesquelles auxquels desquels dont leur aussi ainsi encore plutôt tant trop bien mieux déjà
    enfin ensuite long large haut hauteur longueur largeur profondeur superficie distance suite
    sorte façon manière nouveau rang là ici ci hausse baisse côtés autant environ
    le la l un une ce cet cette son sa leur notre votre mon ma ton ta
    chaque tout toute certains certaines abord ailleurs habitude autres même""".split()
)
# After a duration, words that name the measure itself or make an adverb, not what lasted:
# "12 ans d'âge", "trois jours d'affilée", "dix ans de cela" ("de plus", "de suite" are in _NON_NOUNS).
_DURATION_NON_OBJECTS = frozenset("âge durée affilée cela ça".split())
_MONTH_WORDS = frozenset(
    """janvier février fevrier mars avril mai juin juillet août aout septembre octobre novembre
    décembre decembre""".split()
)


@dataclass(frozen=True)
class AmountMatch:
    """One amount: offsets into the text, end exclusive; `text` includes the object phrase."""

    start: int
    end: int
    text: str
    value: float
    unit: str
    object: str | None
    qualifier: str | None
    range_id: int | None


@dataclass(frozen=True)
class _Number:
    """A figure as written, before we know what it quantifies."""

    start: int
    end: int
    value: float
    scale: float  # the multiplier it ends with (mille, million...), 1 when none
    takes_de: bool  # "deux millions de", "5 000 000 de": the unit follows after "de"
    article: bool  # a lone "un"/"une"
    plain_year: bool  # four bare digits between 1900 and 2100


@dataclass(frozen=True)
class _Reading:
    """What a figure quantifies: unit, full value and where the amount text starts and ends."""

    start: int
    end: int
    value: float
    unit: str
    kind: str
    obj: str | None
    unit_end: int  # end of the unit, before any object phrase
    scale: float


# What `_read` returns for a clock time: not an amount, and not the first bound of a range either.
_CLOCK = "clock"


def parse_number(text: str) -> float | None:
    """Value of a number written in digits, words or both ("1,5 milliard", "vingt-cinq"); None otherwise.

    The whole string must be the number, so "3 tonnes" or "deux pays" give None.
    """
    stripped = text.strip()
    numbers = _find_numbers(stripped)
    if len(numbers) != 1 or numbers[0].start != 0:
        return None
    number = numbers[0]
    if number.end == len(stripped):
        return number.value
    abbr = _ABBR_SCALE_RE.match(stripped, number.end)
    if abbr and abbr.end() == len(stripped):
        return number.value * _abbr_scale(abbr.group("m"))
    return None


def find_amounts(text: str, context: str = "") -> list[AmountMatch]:
    """Every amount in `text`, sorted by start and non-overlapping.

    Ranges ("entre 10 et 15 tonnes") give two matches sharing a `range_id`; the
    first bound takes the unit, object and multiplier of the second. A bare
    "$", "francs" or "dinars" takes the currency that `text` and `context` (the
    headline, say) point to, and "FCFA" its zone (XAF or XOF); with no clue and
    no usual meaning it is dropped.
    """
    matches = _find_matches(text)
    # "~cfa/kg": a family, and the unit a price is per
    families = {m.unit[1:].partition("/")[0] for m in matches if m.unit.startswith(FAMILY_MARK)}
    pounds = [i for i, m in enumerate(matches) if m.unit == "count" and m.object in POUND_OBJECTS]
    if pounds:
        families.add("livre")
    if not families:
        return matches
    codes = resolve_families(f"{context}\n{text}", families)
    if pounds and codes["livre"]:
        # "50 milliards de livres" in an article about Lebanon: the pound, not books
        for i in pounds:
            matches[i] = replace(matches[i], unit=codes["livre"], object=None)
    resolved = []
    for m in matches:
        if not m.unit.startswith(FAMILY_MARK):
            resolved.append(m)
            continue
        family, slash, per = m.unit[1:].partition("/")
        if codes[family]:
            resolved.append(replace(m, unit=codes[family] + slash + per))
    return resolved


def _find_matches(text: str) -> list[AmountMatch]:
    """The amounts of `find_amounts`, currency families still unresolved."""
    blocked = _find_blocked(text)
    numbers = [n for n in _find_numbers(text) if not _is_excluded(text, n, blocked)]
    readings = [_read(text, n) for n in numbers]
    # a run of hundreds of digits (a serial, a hash) overflows a double: it is no figure
    finite = [math.isfinite(r.value if isinstance(r, _Reading) else n.value) for n, r in zip(numbers, readings)]
    numbers, readings = list(itertools.compress(numbers, finite)), list(itertools.compress(readings, finite))
    matches: list[AmountMatch] = []
    last_end = 0
    last_scale: dict[int, float] = {}  # multiplier of each plain amount, by its end
    next_range = 0
    i = 0
    while i < len(numbers):
        number, reading = numbers[i], readings[i]
        start = reading.start if isinstance(reading, _Reading) else number.start
        if start < last_end or reading is _CLOCK:
            i += 1
            continue
        if i + 1 < len(numbers):
            pair = _pair_range(text, number, reading, numbers[i + 1], readings[i + 1])
            if pair is not None:
                first, second, is_range = pair
                if is_range:
                    qualifier = _qualify_range(text, first.start)
                    matches.append(_to_match(text, first, qualifier, next_range))
                    matches.append(_to_match(text, second, qualifier, next_range))
                    next_range += 1
                else:
                    matches.append(_to_match(text, first, _qualify(text, first), None))
                    matches.append(_to_match(text, second, _qualify(text, second), None))
                last_end = second.end
                last_scale[first.end], last_scale[second.end] = first.scale, second.scale
                i += 2
                continue
        if isinstance(reading, _Reading) and _is_amount(text, number, reading):
            matches.append(_to_match(text, reading, _qualify(text, reading), None))
            last_end = reading.end
            last_scale[reading.end] = reading.scale
        elif reading is None:
            implicit = (
                _read_partitive(text, number, numbers, readings, i)
                or _read_listed(text, number, numbers, readings, i)
                or _read_former_price(text, number, numbers, readings, i)
                or _read_implicit(text, number, _antecedent(number, matches, last_scale))
            )
            if implicit is not None:
                matches.append(_to_match(text, implicit, _qualify(text, implicit), None))
                last_end = implicit.end
                last_scale[implicit.end] = implicit.scale
        i += 1
    return matches


def _read_partitive(text: str, number: _Number, numbers: list, readings: list, i: int) -> _Reading | None:
    """"20 des 150 sièges": the part takes the unit of the whole that follows, with no object."""
    if i + 1 >= len(numbers) or number.article:
        return None
    whole, reading = numbers[i + 1], readings[i + 1]
    link = _PARTITIVE_RE.match(text, number.end)
    if not (link and link.end() == whole.start and isinstance(reading, _Reading)):
        return None
    return _Reading(number.start, number.end, number.value, reading.unit, "implicit", None, number.end, number.scale)


def _read_listed(text: str, number: _Number, numbers: list, readings: list, i: int) -> _Reading | None:
    """"à 6, 8, 9 et 15 mois": a figure listed before the one that carries the unit takes it, no object.

    The list is bare figures joined by commas, closed by "et"/"ou" before the last one.
    """
    if number.article or number.plain_year:
        return None
    j = i
    while j + 1 < len(numbers):
        gap = text[numbers[j].end : numbers[j + 1].start]
        last = isinstance(readings[j + 1], _Reading)
        if _LIST_COMMA_RE.fullmatch(gap) and not last:
            j += 1
            continue
        if (_LIST_COMMA_RE.fullmatch(gap) and j > i or _LIST_END_RE.fullmatch(gap)) and last:
            unit = readings[j + 1]
            if unit.kind in (_MONEY, _PERCENT, _MEASURE, _DURATION):
                # "2, 3 et 5 millions de dollars": the listed figures are in millions too
                inherit = number.scale == 1 and number.value < 1000 and unit.scale > 1
                value = number.value * (unit.scale if inherit else 1)
                scale = unit.scale if inherit else 1.0
                return _Reading(number.start, number.end, value, unit.unit, "implicit", None, number.end, scale)
        return None
    return None


def _read_former_price(text: str, number: _Number, numbers: list, readings: list, i: int) -> _Reading | None:
    """"acheté à 500 coûte maintenant 1000 FCFA": a price then takes the currency of the price now."""
    if number.article or number.plain_year or i + 1 >= len(numbers):
        return None
    now = readings[i + 1]
    if not (isinstance(now, _Reading) and now.kind == _MONEY and numbers[i + 1].scale == 1):
        return None
    if not _PRICE_AT_RE.search(text, max(0, number.start - _WINDOW), number.start):
        return None
    if not _PRICE_NOW_RE.fullmatch(text, number.end, numbers[i + 1].start):
        return None
    return _Reading(number.start, number.end, number.value, now.unit, "implicit", None, number.end, 1.0)


def _antecedent(
    number: _Number, matches: list[AmountMatch], scales: dict[int, float]
) -> tuple[AmountMatch, float] | None:
    """The amount a bare figure refers back to: the nearest before it whose unit can take that figure.

    A figure in millions does not refer back to a percentage or a duration.
    """
    large = number.scale >= 1e6 or number.value >= 1e6
    for previous in reversed(matches):
        if number.start - previous.end > _IMPLICIT_WINDOW:
            return None
        if large and (previous.unit == "%" or previous.unit in _DURATION_UNITS):
            continue
        return previous, scales.get(previous.end, 1.0)
    return None


def _read_implicit(text: str, number: _Number, antecedent: tuple[AmountMatch, float] | None) -> _Reading | None:
    """A bare figure whose unit the sentence leaves out because the amount just before gave it.

    "7,2 millions d'électeurs, soit environ 550 000 de plus", "112 voix contre 80",
    "643 milliards de francs CFA, contre 284 milliards prévus": the figure needs a
    cue (a qualifier, "contre", "soit", "dont", a participle after it, "et" right
    after an amount, or a price list), nothing noun-like after it, and the previous
    amount in the same paragraph close before. "au nombre de 3 400" is a count even
    with no amount before.
    """
    if number.article or number.plain_year:
        return None
    previous, previous_scale = antecedent or (None, 1.0)
    before = text[max(0, number.start - _WINDOW) : number.start]
    participle = _PARTICIPLE_RE.match(text, number.end) or (
        _AGREEING_RE.match(text, number.end) if number.scale >= 1e6 else None
    )
    close = previous is not None and "\n" not in text[previous.end : number.start]
    if not close:
        if _COUNT_CUE_RE.search(before) and _IMPLICIT_AFTER_RE.match(text, number.end):
            return _Reading(number.start, number.end, number.value, "count", "implicit", None, number.end, number.scale)
        return None
    gap = text[previous.end : number.start]
    cue = (
        participle is not None
        or _IMPLICIT_CUE_RE.search(before)
        or _QUALIFIER_BEFORE_RE.search(before)
        or _COUNT_CUE_RE.search(before)
        or _EN_CUE_RE.search(before)
        # "1 000 milliards de FCFA. Mille milliards pour…": a figure in millions or billions needs a unit,
        # and the paragraph's last amount in millions or billions gave it
        or (number.scale >= 1e6 and previous_scale >= 1e6 and _CURRENCY_CODE_RE.fullmatch(previous.unit or ""))
        or (_IMPLICIT_JOIN_RE.search(before) and len(gap) <= _IMPLICIT_JOIN_GAP and not _SENTENCE_END_RE.search(gap))
        or (
            previous.unit not in _DURATION_UNITS
            and number.value >= _PARALLEL_MIN
            and len(gap) <= _PARALLEL_GAP
            and not _SENTENCE_END_RE.search(gap)
            and (_PARALLEL_END_RE.match(text, number.end) or _is_bracketed(text, number))
        )
    )
    if not cue or not (participle or _IMPLICIT_AFTER_RE.match(text, number.end)):
        return None
    inherit = number.scale == 1 and number.value < 1000 and previous_scale > 1
    value = number.value * (previous_scale if inherit else 1)
    scale = previous_scale if inherit else number.scale
    return _Reading(number.start, number.end, value, previous.unit, "implicit", None, number.end, scale)


def _is_bracketed(text: str, number: _Number) -> bool:
    """Whether the figure stands alone in brackets: "l'Inde (612 000)"."""
    m = _BRACKETED_RE.match(text, max(0, number.start - 1))
    return m is not None and m.span("n") == (number.start, number.end)


def _to_match(text: str, reading: _Reading, qualifier: str | None, range_id: int | None) -> AmountMatch:
    """The public match for a reading; the text is sliced here so it always equals the offsets."""
    return AmountMatch(
        start=reading.start,
        end=reading.end,
        text=text[reading.start : reading.end],
        value=float(reading.value),
        unit=reading.unit,
        object=reading.obj,
        qualifier=qualifier,
        range_id=range_id,
    )


def _find_blocked(text: str) -> bytearray:
    """Characters inside dates, clock times, phone numbers and references, where no figure is an amount."""
    spans = [m.span() for block, cue in _BLOCK_RES if cue.search(text) for m in block.finditer(text)]
    for m in _PHONE_RE.finditer(text) if _PHONE_CUE_RE.search(text) else ():
        if sum(c.isdigit() for c in m.group()) >= _PHONE_MIN_DIGITS:
            spans.append(m.span())
    return _cover(text, spans)


def _find_numbers(text: str) -> list[_Number]:
    """Every figure in digits or words, with its multiplier, sorted by start."""
    digits = list(_find_digit_numbers(text))
    # "25 mille": the digits carry the word; "trois (03)": the words carry the digits
    in_digits = _cover(text, digits)
    kept = [w for w in _find_word_numbers(text) if not in_digits[w.start]]
    in_words = _cover(text, kept)
    kept += [d for d in digits if not in_words[d.start]]
    return sorted(kept, key=lambda n: n.start)


def _cover(text: str, spans) -> bytearray:
    """One byte per character of `text`, set inside any of the spans; overlap tests in linear time."""
    mask = bytearray(len(text) + 1)
    for span in spans:
        start, end = (span.start, span.end) if isinstance(span, _Number) else span
        mask[start:end] = b"\x01" * (end - start)
    return mask


def _find_digit_numbers(text: str):
    """Figures in digits, with a multiplier word after them ("1,5 milliard", "25 mille")."""
    for m in _digit_matches(text):
        integer = _GROUP_SEPARATOR_RE.sub("", m.group("int"))
        decimal = (m.group("dec") or "")[1:]
        value = float(f"{integer}.{decimal}" if decimal else integer)
        end, scale = m.end(), 1.0
        scale_word = _SCALE_WORD_RE.match(text, end)
        if scale_word:
            word = scale_word.group("w").lower()
            scale = 1e12 if word.startswith("billion") else _SCALES[word]
            value *= scale
            end = scale_word.end()
        plain = m.group("int") == m.group() and len(m.group()) == 4 and scale == 1
        start = m.start()
        bracket = _BRACKET_SIGN_RE.search(text, max(0, start - 3), start)
        if bracket is not None:
            value, start = (value if bracket.group(1) == "+" else -value), bracket.start(1)
        elif _SIGN_RE.match(text, max(0, start - 2), start) or (start == 1 and text[0] in "-−"):
            value, start = -value, start - 1  # "-5,55 %", "(-8,5 %)": a fall written with its sign
        yield _Number(
            start=start,
            end=end,
            value=value,
            scale=scale,
            takes_de=scale >= 1e6 or (value >= 1e6 and value % 1e6 == 0),
            article=False,
            plain_year=plain and _YEAR_MIN <= value <= _YEAR_MAX,
        )


def _digit_matches(text: str):
    """`_DIGITS_RE.finditer(text)`, tried only where a figure can start (it never matches empty)."""
    pos = 0
    while (cue := _DIGIT_START_RE.search(text, pos)) is not None:
        m = _DIGITS_RE.match(text, cue.start())
        if m is None:
            pos = cue.end()
            continue
        yield m
        pos = m.end()


def _find_word_numbers(text: str):
    """Figures in words, each run cut into the longest pieces text2num accepts."""
    for run in _WORDS_RE.finditer(text):
        base = run.start()
        tokens = [(t.start() + base, t.end() + base) for t in _WORD_TOKEN_RE.finditer(run.group())]
        i = 0
        while i < len(tokens):
            for j in range(len(tokens) - 1, i - 1, -1):
                value = _words_value(text[tokens[i][0] : tokens[j][1]])
                if value is not None:
                    break
            else:
                i += 1
                continue
            start = tokens[i][0]
            first = text[start : tokens[i][1]].lower()
            if first not in _SCALES or first == "mille":
                yield _word_number(text, tokens[i][0], tokens[j][1], value)
            elif i == j and _ONE_SCALE_BEFORE_RE.search(text, _article_before(text, start), start):
                yield _word_number(text, tokens[i][0], tokens[i][1], _SCALES[first])
            i = j + 1


def _article_before(text: str, end: int) -> int:
    """Where a two-letter word before the spaces that end at `end` would start.

    `_ONE_SCALE_BEFORE_RE` can only match there, so it need not be searched for from the text's start.
    Its "$" also matches before a line break that ends the searched span.
    """
    start = end - 1 if end > 0 and text[end - 1] == "\n" else end
    while start > 0 and text[start - 1] != "\n" and text[start - 1].isspace():
        start -= 1
    return max(0, start - 2)


@functools.lru_cache(maxsize=4096)
def _words_value(words: str) -> float | None:
    """text2num on a run of French number words; None when it is not one number."""
    try:
        spelt = re.sub(_LETTER + "+", lambda m: _MISSPELT_SCALES.get(m.group(), m.group()), words.lower())
        return float(text2num(re.sub(r"\s+", " ", spelt), "fr"))
    except ValueError:
        return None


def _word_number(text: str, start: int, end: int, value: float) -> _Number:
    """A figure in words, extended by "billion(s)" and a bracketed echo "(03)"."""
    last = re.split(r"[\s-]+", text[start:end].lower())[-1]
    scale = _SCALES.get(last, 1.0)
    billion = _BILLION_RE.match(text, end)
    if billion:
        value, scale, end = value * 1e12, 1e12, billion.end()
    echo = _ECHO_RE.match(text, end)
    if echo and float(echo.group("n")) == value:
        end = echo.end()
    return _Number(
        start=start,
        end=end,
        value=value,
        scale=scale,
        takes_de=scale >= 1e6,
        article=text[start:end].lower() in ("un", "une"),
        plain_year=False,
    )


def _is_excluded(text: str, number: _Number, blocked: bytearray) -> bool:
    """Whether the figure is a date, clock time, phone number, ordinal or part of a name."""
    if any(blocked[number.start : number.end]):
        return True
    before = text[max(0, number.start - _WINDOW) : number.start]
    after = text[number.end : number.end + 12]
    # a glued character is one or two before the end, a line break aside ("$" matches before it)
    if _GLUED_BEFORE_RE.search(before, max(0, len(before) - 3)) or _GLUED_AFTER_RE.match(after):
        return True
    if _LABEL_RE.search(before, _last_word_start(before)) or _MONTH_AFTER_RE.match(after):
        return True
    if text[number.end - 1].isdigit() and _ORDINAL_RE.match(after):
        return True
    if text[number.start : number.end].lower() == "cent" and _PERCENT_WORD_BEFORE_RE.search(before):
        return True
    return False


def _last_word_start(text: str) -> int:
    """Start of the last run of non-space characters in `text`, spaces at its end aside.

    A label before a figure holds no space and only spaces follow it, so it lies in that run:
    `_LABEL_RE` need not be tried anywhere before.
    """
    core = text.rstrip()
    return len(core) - len(core.rsplit(None, 1)[-1]) if core else 0


def _read(text: str, number: _Number) -> _Reading | str | None:
    """What the figure quantifies: a unit, a currency, a duration or a counted noun; None if nothing."""
    prefix = _PREFIX_RE.search(text, max(0, number.start - 6), number.start)
    if prefix and not _FIGURE_BEFORE_RE.search(text, max(0, prefix.start() - 2), prefix.start()):
        return _read_prefixed(text, number, prefix)
    reading = _read_unit(text, number)
    if reading is not None:
        return reading
    if text[number.end : number.end + 1].isalpha():
        return None  # "5G", "4x4": letters glued to the figure that are no unit
    return _read_count(text, number)


def _read_prefixed(text: str, number: _Number, prefix: re.Match) -> _Reading:
    """An amount with its currency before the figure: "$100 millions", "€20"."""
    code = prefix.group("code") or next(k for k in _PREFIX_SYMBOLS if prefix.group(k))
    unit = _PREFIX_CODES.get(code, code)
    value, end, scale = number.value, number.end, number.scale
    abbr = _ABBR_SCALE_RE.match(text, end)
    if abbr:
        factor = _abbr_scale(abbr.group("m"))
        value, end, scale = value * factor, abbr.end(), factor
    obj, obj_end = _find_object(text, end, _MONEY)
    return _Reading(prefix.start(), obj_end or end, value, unit, _MONEY, obj, end, scale)


def _abbr_scale(abbr: str) -> float:
    """Multiplier of an abbreviation: M = million, Md/Mds/Mrd = milliard, k = mille."""
    lower = abbr.lower()
    return _ABBR_SCALES.get(lower, 1e9)


def _read_unit(text: str, number: _Number) -> _Reading | str | None:
    """A unit right after the figure, after an abbreviation ("300 M€") or after "de" ("2 millions de dollars")."""
    candidates = [(number.end, 1.0, False)]
    abbr = _ABBR_SCALE_RE.match(text, number.end)
    if abbr:
        candidates.insert(0, (abbr.end(), _abbr_scale(abbr.group("m")), True))
    adjective = _DURATION_ADJECTIVE_RE.match(text, number.end)
    if adjective:
        candidates.append((adjective.end(), 1.0, False))
    for pos, factor, abbreviated in candidates:
        after_adjective = adjective is not None and pos == adjective.end()
        for link in ("", "de") if (number.takes_de or abbreviated) else ("",):
            gap = (_DE_RE if link else _SPACES_RE).match(text, pos)
            if not gap:
                continue
            at = gap.end()
            m = _UNIT_RE.match(text, at) if _ANY_UNIT_RE.match(text, at) else None
            if not m:
                continue
            index = int(m.lastgroup[1:])
            _, unit, unit_factor, kind = _UNITS[index]
            if (abbreviated and kind != _MONEY) or (after_adjective and kind != _DURATION):
                continue
            if unit == "hour" and _is_clock(text, number, m.end()):
                return _CLOCK
            unit_end = m.end()
            per = _PER_UNIT_RE.match(text, unit_end) if kind == _MONEY else None
            if per is not None:
                unit, unit_end = f"{unit}/{_PER_UNITS.get(per.group('per'), per.group('per'))}", per.end()
            obj, obj_end = _find_object(text, unit_end, kind)
            return _Reading(
                start=number.start,
                end=obj_end or unit_end,
                value=number.value * factor * unit_factor,
                unit=unit,
                kind=kind,
                obj=obj,
                unit_end=unit_end,
                scale=number.scale * factor,
            )
    return None


def _is_clock(text: str, number: _Number, unit_end: int) -> bool:
    """Whether "10 heures", "18h" tells the time of day rather than a duration."""
    if number.value > _CLOCK_MAX:
        return False
    if _CLOCK_AFTER_RE.match(text, unit_end):
        return True
    before = text[max(0, number.start - _WINDOW) : number.start]
    abbreviated = text[unit_end - 1] in "hH"
    if abbreviated:
        return not _DURATION_CUE_RE.search(before)
    if _CLOCK_SPAN_RE.match(text, unit_end) and _CLOCK_OPEN_RE.search(before):
        return True  # "de 8 heures à 17 heures"
    obj, _ = _find_object(text, unit_end, _DURATION)
    cue = _CLOCK_CUE_RE.search(before)
    # "de 3 à 5 heures": the "à" links a range, it does not tell the time
    in_range = cue is not None and _FIGURE_END_RE.search(before, 0, cue.start())
    return obj is None and cue is not None and not in_range


def _find_object(text: str, pos: int, kind: str) -> tuple[str | None, int | None]:
    """The noun after "de"/"d'" that the amount is of ("tonnes de blé" -> "blé"), and its end.

    A duration takes its object the same way ("65 ans de relations" -> "relations"),
    except a word that only restates what the duration measures ("12 ans d'âge").
    """
    opener = (_PERCENT_OBJECT_START_RE if kind == _PERCENT else _DE_RE).match(text, pos)
    if opener:
        compound_end = _compound_end(text, opener.end())
        if compound_end:
            return text[opener.end() : compound_end], compound_end
    pattern = _PERCENT_OBJECT_RE if kind == _PERCENT else _OBJECT_RE
    m = pattern.match(text, pos)
    if not m:
        return None, None
    word = m.group("w")
    acronym = kind == _PERCENT and word.isupper() and 2 <= len(word) <= 6  # "99,7 % du PIB"
    if not (acronym or _is_object_noun(word)) or _is_unit_word(word):
        return None, None
    if kind == _DURATION and word.lower() in _DURATION_NON_OBJECTS:
        return None, None
    return word, m.end()


def _compound_end(text: str, start: int) -> int | None:
    """End of a lexicon multi-word noun starting at `start` ("chiffre d'affaires"), else None."""
    first = _LETTERS_RE.match(text, start)
    if not first:
        return None
    for phrase in _COMPOUNDS.get(first.group().lower(), ()):
        end = start + len(phrase)
        if _fold_apostrophes(text[start:end].lower()) == phrase and not re.match(r"[\w-]", text[end : end + 1]):
            return end
    return None


@functools.lru_cache(maxsize=8192)
def _is_unit_word(word: str) -> bool:
    """Whether the whole word is a unit ("tonnes", "FCFA"); cached, as the same nouns come back often."""
    return _ANY_UNIT_RE.fullmatch(word) is not None


def _is_object_noun(word: str) -> bool:
    """A lowercase common noun that can be what an amount is of (not "plus", not "Bamako")."""
    lower = word.lower()
    return (
        word[0].islower()
        and len(word) > 1
        and lower not in _NON_NOUNS
        and lower not in _PRE_ADJECTIVES
        and lower not in _MONTH_WORDS
        and not _WORDS_RE.fullmatch(word)
    )


def _read_count(text: str, number: _Number) -> _Reading | None:
    """A count of a plural noun, with up to two adjectives before it ("quatre nouveaux accords").

    The noun may follow the set it is taken from: "cinq de nos soldats".
    """
    if number.takes_de:
        # after "millions de" the noun is plural even when it does not look it ("Burkinabè")
        de = _OBJECT_RE.match(text, number.end)
        if de and _is_count_noun(de.group("w"), invariable=True):
            end = _compound_end(text, de.start("w")) or de.end()
            noun = text[de.start("w") : end]
            return _Reading(number.start, end, number.value, "count", "count", noun, end, number.scale)
    if number.scale >= 1e6:
        return None  # "67 milliards destinés à": with no "de", what follows is not the noun
    # "la tranche 2022 de ces appuis": a year, not a part of the set
    owned = None if number.plain_year else _OWNED_RE.match(text, number.end)
    pos = owned.end() if owned else number.end
    for _ in range(3):
        m = _WORD_RE.match(text, pos)
        if not m:
            return None
        word = m.group("w")
        if word.lower() in _PRE_ADJECTIVES:
            pos = m.end()
            continue
        # after an adjective a participle is a noun: "1.885.000 nouveaux inscrits"
        participle = pos == number.end and _PARTICIPLE_RE.fullmatch(text, m.start(), m.end())
        if not _is_count_noun(word) or participle:
            return None
        end = _compound_end(text, m.start("w")) or m.end()
        noun = text[m.start("w") : end]
        return _Reading(number.start, end, number.value, "count", "count", noun, end, number.scale)
    return None


def _is_count_noun(word: str, invariable: bool = False) -> bool:
    """A plural noun that can be counted; proper plurals ("Maliens") pass, acronyms do not.

    `invariable` also lets through nouns that do not look plural, as after "millions de".
    """
    lower = word.lower()
    if word.isupper() or len(word) < 3 or not (invariable or lower.endswith(_PLURAL_ENDINGS)):
        return False
    if lower in _NON_NOUNS or lower in _PRE_ADJECTIVES or _is_unit_word(word):
        return False
    return not _WORDS_RE.fullmatch(word)


def _is_amount(text: str, number: _Number, reading: _Reading) -> bool:
    """Whether a figure with a reading stands as an amount on its own (not "un", a year, "les deux pays")."""
    if number.article:
        return False
    before = text[max(0, number.start - _WINDOW) : number.start]
    if number.plain_year and reading.kind == "count" and _YEAR_CUE_RE.search(before):
        return False
    if reading.kind == "count" and _is_anaphoric(text, number, before):
        return False
    return True


def _is_anaphoric(text: str, number: _Number, before: str) -> bool:
    """A figure that names a set already introduced ("les deux pays", "ces trois accords")."""
    if number.value == 2 and _ANAPHORA_RE.search(before):
        return True
    in_words = not text[number.start].isdigit()
    return in_words and number.value <= _ANAPHORA_MAX and bool(_ANAPHORA_RE.search(before))


def _pair_range(
    text: str, first: _Number, first_reading, second: _Number, second_reading
) -> tuple[_Reading, _Reading, bool] | None:
    """Both bounds of "entre 10 et 15 t", "de 3 à 5 ans", "10-15 %"; None when the figures are no pair.

    A change ("est passé de 775 à 850 FCFA") shares the unit like a range but gives two
    plain amounts: the flag says whether the pair is a range.
    """
    if not isinstance(second_reading, _Reading) or first_reading is _CLOCK:
        return None
    if not _is_amount(text, second, second_reading) and not second.article:
        return None
    bare = not isinstance(first_reading, _Reading)
    gap_start = first.end if bare else first_reading.end
    if gap_start > second.start:
        return None
    link = _RANGE_LINK_RE.fullmatch(text, gap_start, second.start)
    if not link:
        return None
    word = (link.group("w") or "").lower()
    opener = _RANGE_OPEN_RE.search(text, max(0, first.start - _WINDOW), first.start)
    before_first = text[max(0, first.start - _WINDOW) : first.start]
    if word == "et" and not (opener and opener.group("w").lower() == "entre"):
        return None
    if link.group("dash") and not (bare and text[first.start].isdigit() and text[second.start].isdigit()):
        return None
    change = word == "à" and _is_change(text, first.start, opener)
    if bare and first.plain_year and _YEAR_CUE_RE.search(before_first):
        return None  # "passé de 19 tonnes en 2017 à 29 tonnes": a year, not a bound
    if bare:
        inherit = first.scale == 1 and first.value < 1000 and second_reading.scale > 1
        value = first.value * (second_reading.scale if inherit else 1)
        first_reading = _Reading(
            first.start, first.end, value, second_reading.unit, second_reading.kind,
            second_reading.obj, first.end, second_reading.scale,
        )
    else:
        if first_reading.unit != second_reading.unit:
            return None
        if change:
            return None
        if not _is_amount(text, first, first_reading):
            return None
    if second_reading.kind == "count" and _is_anaphoric(text, second, before_first):
        return None
    return first_reading, second_reading, not change


def _is_change(text: str, start: int, opener: re.Match | None) -> bool:
    """Whether "de X à Y" is a change ("est passé de 3 à 5 %") rather than a range.

    Either the verb comes right before, or it came earlier in the sentence and this
    clause elides it ("..., et le riz de 250 à 300 FCFA").
    """
    if _CHANGE_RE.search(text, max(0, start - _WINDOW), start):
        return True
    if opener is None or opener.group("w").lower() == "entre":
        return False
    lo = max(0, start - _SENTENCE_WINDOW)
    ends = [m.end() for m in _SENTENCE_END_RE.finditer(text, lo, start)]
    return _CHANGE_VERB_RE.search(text, ends[-1] if ends else lo, start) is not None


def _qualify(text: str, reading: _Reading) -> str | None:
    """approx, min or max from the words just before the amount, or just after it ("300 soldats environ")."""
    before = _QUALIFIER_BEFORE_RE.search(text, max(0, reading.start - _WINDOW), reading.start)
    if before:
        return before.lastgroup
    after = _QUALIFIER_AFTER_RE.match(text, reading.end)
    return after.lastgroup if after else None


def _qualify_range(text: str, start: int) -> str | None:
    """Qualifier of a range, read before its first bound or before "entre"/"de"."""
    before = _QUALIFIER_BEFORE_RE.search(text, max(0, start - _WINDOW), start)
    if before:
        return before.lastgroup
    opener = _RANGE_OPEN_RE.search(text, max(0, start - _WINDOW), start)
    if opener:
        before = _QUALIFIER_BEFORE_RE.search(text, max(0, opener.start() - _WINDOW), opener.start())
        return before.lastgroup if before else None
    return None
