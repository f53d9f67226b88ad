"""Stage `clean`: scraped article text to a clean body, with title, date and site.

Boilerplate is recognised by its shape, never by one site's literal strings: short
lines without sentence punctuation, runs of capitalised tokens, teaser, share and
credit markers, byline and date patterns, URLs, initials, and where a line sits
(before the first or after the last body paragraph). Whatever the rules do not
recognise is body, so an unusual paragraph is kept rather than lost. Every dropped
line is returned with a reason code for the `removed` audit table.
"""

import datetime
import functools
import re
import re._parser  # the standard parser of `re`, to read ftfy's badness regex (`_badness_keys`)
import time
import unicodedata
from collections.abc import Iterator
from dataclasses import asdict, dataclass, fields
from pathlib import Path

import ftfy
import ftfy.badness
import ftfy.fixes
import pandas as pd

from pipeline import schema
from pipeline.cache import ResultCache, content_key, fingerprint
from pipeline.engine import EngineParams, engine_params, run_cached
from pipeline.furniture import FurnitureParams, groups_of, line_hashes, repeated_lines_from_hashes
from pipeline.io import load_params, log, read_table, setup_logging, write_table
from pipeline.neardup import NearDupParams, Signature, near_duplicates_from_signatures, signature

# per-document results kept between runs (a DVC output with persist: true)
CACHE = "data/cache/clean/results.sqlite"
# A row of a table of figures: a short label, a colon, a figure and its unit ("Est : 21 300 tonnes")
FIGURE_ROW = re.compile(
    r"^[^\W\d_][^\W_]*(?:[ '’-][^\W_]+){0,5}[ \u00a0]?:[ \u00a0]*[-+]?\d[\d \u00a0\u202f.,]*"
    r"(?:[ \u00a0]?(?:[%$€£]|[^\W\d_]+\.?)){0,4}$"
)
FIGURE_ROW_KEYS = (":",)
TABLE_MIN_ROWS = 3
# what the shape rules call rows of a table that ends a page or follows a heading
TABLE_LOST_REASONS = ("footer", "teaser", "menu")
# Undo broken decoding ("Ã©" -> "é") and HTML entities, and nothing else: curly
# quotes, full-width characters and line breaks stay as the source wrote them.
# Ligature repair only touches presentation forms (ﬁ, ﬂ), never œ or æ.
FTFY_CONFIG = ftfy.TextFixerConfig(
    unescape_html="auto",
    fix_encoding=True,
    restore_byte_a0=True,
    replace_lossy_sequences=True,
    decode_inconsistent_utf8=True,
    fix_c1_controls=True,
    fix_latin_ligatures=True,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    fix_surrogates=True,
    remove_control_chars=True,
    normalization="NFC",
    explain=False,
)
# The characters ftfy's ligature and control-character fixes replace, read from ftfy's own tables
FTFY_CHARS = re.compile(
    "[" + "".join(re.escape(chr(c)) for c in sorted({*ftfy.fixes.LIGATURES, *ftfy.fixes.CONTROL_CHARS})) + "]"
)
# ftfy's one badness pattern anchored at the start ("^[ÃÂ][ ]"): checked at every line start
LINE_START_MOJIBAKE = re.compile(r"^[ÃÂ] ", re.MULTILINE)
# the letters of French words: keys of ftfy's badness test among them would send most texts to the search
# (`_badness_keys`), though any keys chosen from the test's own classes give the same answers
FRENCH_LETTERS = frozenset("àâäçéèêëîïôöùûüÿœæ")
# French typography puts U+00A0 / U+202F inside numbers ("25 000") and before ":;?!"
SPACE_CHARS = r"\t\u00a0\u202f\u2000-\u200a\u205f\u3000"  # besides the plain space
SPACES = re.compile(rf"[ {SPACE_CHARS}]+")
OTHER_SPACE = re.compile(rf"[{SPACE_CHARS}]")
ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff]")

WORD = re.compile(r"[^\W_]+(?:[-.][^\W_]+)*")
ALNUM = re.compile(r"[^\W_]")  # a letter or a digit
TOKEN = re.compile(r"\S+")  # what `str.split()` returns: both split on the characters `str.isspace` tells
LETTERS = re.compile(r"[^\W\d_]+")
# re.IGNORECASE matches "ı" and "İ" to "i" and "ſ" to "s", where str.lower() keeps them apart
REGEX_CASE = str.maketrans({"ı": "i", "İ": "i", "ſ": "s"})
STOPWORDS = frozenset(
    """a à au aux avec ce ces cet cette c ça d dans de des du elle elles en entre et est
    été être il ils j je l la le les leur leurs lui m ma mais me même mes mon n ne ni nos
    notre nous on ont ou où par pas pour qu que qui s sa sans se ses si son sont sous sur t
    ta te tes ton tu un une vos votre vous y était sera avait ainsi aussi après avant depuis
    lors selon vers chez dont cela ceci plus très tout tous toute toutes comme car donc or""".split()
)
SENT_END = re.compile(r"[.!?…](?:\s*[»\"”’)\]])*\s*$")
ENDS_PERIOD = re.compile(r"(?<!\.)\.(?:\s*[»\"”’)\]])*\s*$")
ENDS_COLON = re.compile(r":\s*$")
MENU_PUNCT = re.compile(r"[:?!;«»\"“”()]")
INITIAL_END = re.compile(r"(?:^|\s)[A-ZÀ-Ý]\.$")

# Dates, French and numeric
MONTHS = {
    "janvier": 1, "janv": 1, "février": 2, "fevrier": 2, "févr": 2, "fevr": 2, "fév": 2,
    "mars": 3, "avril": 4, "avr": 4, "mai": 5, "juin": 6, "juillet": 7, "juil": 7,
    "août": 8, "aout": 8, "septembre": 9, "sept": 9, "octobre": 10, "oct": 10,
    "novembre": 11, "nov": 11, "décembre": 12, "decembre": 12, "déc": 12, "dec": 12,
    # the English names a CMS template may print in a French page's header ("of Friday, 25 April 2025")
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}  # fmt: skip
MONTH_RE = "|".join(sorted(map(re.escape, MONTHS), key=len, reverse=True))
WEEKDAY_RE = (
    r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
)
WEEKDAY_ABBR_RE = r"\b(?:lun|mar|mer|jeu|ven|sam|dim)\b\.?"  # "mar 17/09/2024 - 10:29", in a dateline only
YEAR_RE = r"(?:19|20)\d\d"
DATE_PATTERNS = (
    re.compile(rf"(?<!\w)(?P<d>1er|[0-3]?\d)\.?\s+(?P<m>{MONTH_RE})\.?,?\s+(?P<y>{YEAR_RE})(?!\d)", re.I),
    re.compile(rf"(?<![\w/.-])(?P<y>{YEAR_RE})-(?P<m>[01]?\d)(?:-(?P<d>[0-3]?\d))?(?![\w/-])"),
    re.compile(rf"(?<![\w/.-])(?P<y>{YEAR_RE})/(?P<m>[01]?\d)/(?P<d>[0-3]?\d)(?![\w/])"),
    re.compile(rf"(?<![\w/.-])(?P<d>[0-3]?\d)[/.-](?P<m>[01]?\d)[/.-](?P<y>{YEAR_RE})(?![\w/])"),
    re.compile(rf"(?<!\w)(?P<m>{MONTH_RE})\.?\s+(?P<y>{YEAR_RE})(?!\d)", re.I),
    # "Oct 26, 2018": month first, as English templates print it
    re.compile(rf"(?<!\w)(?P<m>{MONTH_RE})\.?\s+(?P<d>[0-3]?\d),?\s+(?P<y>{YEAR_RE})(?!\d)", re.I),
    # "26 - Septembre - 2016"
    re.compile(rf"(?<!\w)(?P<d>1er|[0-3]?\d)\s*[-–/|]\s*(?P<m>{MONTH_RE})\.?\s*[-–/|]\s*(?P<y>{YEAR_RE})(?!\d)", re.I),
    # "2024-06-19T14:09+0200": an ISO timestamp
    re.compile(rf"(?<![\w/.-])(?P<y>{YEAR_RE})-(?P<m>[01]\d)-(?P<d>[0-3]\d)T\d\d:\d\d(?::\d\d)?(?:[.,]\d+)?(?:Z|[+-]\d\d:?\d\d)?(?!\w)"),
)
TIME = re.compile(
    r"(?<!\w)\d{1,2}\s*[hH:]\s*\d{0,2}(?:\s*(?:min|mn))?(?!\w)|(?<!\w)(?:GMT|UTC)(?:\s*[+-]\s*\d+)?(?!\w)"
)
CLOCK = re.compile(r"(?<!\w)\d{1,2}\s*[hH:]\s*\d\d(?!\w)")  # "10:45", "10 h 45", not "24 h"
DATELINE_FILLER = frozenset("le la à a et du h min mn gmt utc heure heures mis jour publié édition of on".split())
AGO = re.compile(
    r"^\W*il\s+y\s+a\s+\d+\s+(?:secondes?|minutes?|min|heures?|h|jours?|semaines?|mois|ans?)\W*$", re.I
)
UPDATE_WORDS = re.compile(r"mis\w*\s+à\s+jour|màj|maj\b|modifi|actualis|updated", re.I)

# "date 2025-10-17 …" header written by the scraper before the text
DATE_HEADER = re.compile(r"^\s*date(?:\s+de\s+(?:publication|parution|mise\s+en\s+ligne))?\s*:?\s*", re.I)
# "DAKAR, 4 mars 2024 (APS) – " / "BAMAKO (AFP) - " opening the first paragraph
PLACE_RE = r"[A-ZÀ-Ý][\w'’.-]*(?:[ -][A-ZÀ-Ý][\w'’.-]*){0,2}"
PAREN_RE = r"\([A-ZÀ-Ý][^()]{1,30}\)"
# "Haïti standard, le 17 novembre 2022.-": an outlet's name may be in lower case after its first word
DATELINE_PLACE_RE = r"[A-ZÀ-Ý][\w'’.-]*(?:[ -](?!(?i:le|la|les|et|à|au|aux|en|un|une|ce|il|elle)\b)[\w'’.-]+){0,2}"
# "Vallée de l’Artibonite, 6 nov. 08 [AlterPresse] ---": a two-digit year, the outlet in square brackets
BRACKET_RE = r"\[[A-ZÀ-Ý][^\[\]]{1,30}\]"
WIRE_DATED_HEAD = (
    rf"^(?P<place>{DATELINE_PLACE_RE})\s*(?:{PAREN_RE})?\s*,\s*(?i:le\s+)?(?i:{WEEKDAY_RE}\s+)?"
    rf"(?P<date>(?:1er|[0-3]?\d)\s+(?i:{MONTH_RE})\.?(?:\s+{YEAR_RE}|\s+\d\d(?=\s*{BRACKET_RE}))?"
    rf"|[0-3]?\d[/.][01]?\d[/.]{YEAR_RE})"
    rf"\s*(?:{PAREN_RE}|{BRACKET_RE})?\s*(?:\.?[-–—]{{1,3}}|\.?:|\.?_)"
)
# "BAMAKO (AFP) - ", "QUÉBEC — ": a capitalised place, then an agency or a dash
WIRE_PLAIN_HEAD = (
    r"^(?P<place>[A-ZÀ-Ý]{3,}(?:[ -][A-ZÀ-Ý]{2,}){0,2})(?:\s*\([^()]{1,30}\)\s*[-–—:]|\s+[–—]|\s+-(?=\s))"
)
# "Conakry (AGP) – ": a one-word place in lower case needs the agency; "Le Mali (ouest) –" is no dateline
WIRE_AGENCY_HEAD = (
    rf"^(?!(?i:le|la|les|l|un|une|des|en|au)\b)(?P<place>[A-ZÀ-Ý][\w'’.-]*)\s*{PAREN_RE}\s*[-–—]"
)
# "Sainte-Anne, France | AFP | jeudi 17/01/2024 - ": place, agency and date between bars
WIRE_BAR_HEAD = (
    rf"^(?P<place>{PLACE_RE}(?:\s*,\s*{PLACE_RE})?)\s*\|\s*[A-ZÀ-Ý][\w.&-]{{1,15}}\s*\|\s*(?i:{WEEKDAY_RE}\s+)?"
    rf"(?P<date>(?:1er|[0-3]?\d)\s+(?i:{MONTH_RE})\.?(?:\s+{YEAR_RE})?|[0-3]?\d[/.][01]?\d[/.]{YEAR_RE})"
    rf"(?:\s*(?:à\s*)?\d{{1,2}}\s*[h:]\s*\d\d)?\s*[-–—|]"
)
WIRE_HEADS = (WIRE_DATED_HEAD, WIRE_PLAIN_HEAD, WIRE_AGENCY_HEAD, WIRE_BAR_HEAD)
WIRE_PREFIXES = tuple(re.compile(head + r"(?:\s+|(?<=_))(?=\S)") for head in WIRE_HEADS)
# "Suivez-nous sur TRT Afrika via notre chaîne WhatsApp": the outlet asks to be followed on a network
FOLLOW_OUTLET = re.compile(
    r"suivez[- ]nous\s+sur\s+(?P<site>[A-ZÀ-Ý][\w'’.-]*(?:\s+[A-ZÀ-Ý][\w'’.-]*){0,3})\s+(?:via|sur)\b", re.I
)
# "Texte par : RFI": the outlet signs as the author; a wire agency signing is the source, not the site
BYLINE_ACRONYM = re.compile(r"^\W*(?:Texte\s+)?(?:Par|PAR|par)\s*:?\s*(?P<site>[A-Z]{2,5})\b(?![.'’-])")
WIRE_AGENCIES = frozenset(
    "AFP AP APS ANP AIP ABP AGP APA MAP ATS ACP ATOP AZP AMAP TAP BELGA DPA ANSA EFE AA APF ANG AMI".split()
)
OUTLET_DATELINE = re.compile(r"^(?:LE|LA|LES|L['’]|Le|La|Les|L)\s?[A-ZÀ-Ý]")
# "RFI | Plafonné à 1 000 francs…": the outlet the story comes from, before a bar
SOURCE_PREFIX = re.compile(
    r"^(?P<site>[A-ZÀ-Ý][\w'’.&-]*(?:\s+[\w'’.&-]+){0,3})\s*\|\s+(?=\S)"
    # "Ouestafnews – ": a dash after a name that says it is an outlet, where a place would be a dateline
    r"|^(?P<outlet>[A-ZÀ-Ý][\w'’.&-]*(?i:news|infos?|presse|press|actu|actus|matin|soir|hebdo|médias?|tv|fm|radio))"
    r"\s*[-–—]\s+(?=\S)"
    # "(Sahel Matin Info) – ": the outlet in brackets opening the story
    r"|^\((?P<bracketed>[A-ZÀ-Ý][^()]{1,40})\)\s*[-–—:]\s+(?=\S)"
)
# "vendredi 16 août 2013 à 18:57 Par …": a full date, and maybe its time, before a byline
DATED_PREFIX = re.compile(
    rf"^\W*(?:(?i:{WEEKDAY_RE}),?\s+)?(?:1er|[0-3]?\d)\s+(?i:{MONTH_RE})\.?\s+{YEAR_RE}"
    rf"(?:\s*(?:à|,|-)?\s*\d{{1,2}}\s*[h:]\s*\d\d)?\s*[-–—|,]?\s+(?=\S)"
)
# "Par Awa Diop – Après …": the author's byline opening the story's first paragraph, before a spaced
# dash (hyphen, en or em dash, or the non-breaking and plain Unicode hyphens)
BYLINE_PREFIX = re.compile(
    r"^(?:Par|PAR)\s+[A-ZÀ-Ý][\w'’.-]*(?:\s+(?:de\s+|d['’]|van\s+|von\s+|ben\s+|ould\s+)?[A-ZÀ-Ý][\w'’.-]*){1,3}"
    r"\s+[-–—‐‑]\s+(?=[A-ZÀ-Ý«\"“])"
)
# "Keystone/Jean DupontLe gouvernement …": a photo credit, agency and photographer, glued to
# the first word of a paragraph or of a sentence (the name's last letter runs into its capital)
CREDIT_PREFIX = re.compile(
    r"(?:^|(?<=[.!?)»]\s))\w[\w.-]{1,24}/[A-ZÀ-Ý][a-zà-ÿ'’-]+(?:\s+[A-ZÀ-Ý][a-zà-ÿ'’-]+){0,2}(?=[A-ZÀ-Ý][a-zà-ÿ])"
)
# "Lire aussi : <headline>Le pays compte …": a teaser the scrape glued to the paragraph after it;
# the headline's last letter or figure runs into the capitalised first word of a sentence
GLUED_TEASER = re.compile(
    r"^[\W_]*(?:(?i:[àa])\s+)?(?i:lire|relire|voir)(?:\s+(?i:aussi|également|egalement|encore))?\s*:\s*"
    r"\S.{8,200}?[a-zà-ÿ0-9»\"”?!)]"
    r"(?=(?:Le|La|Les|L['’]|Un|Une|Des|Du|Ce|Cet|Cette|Ces|Il|Ils|Elle|Elles|On|Nous|Selon|Dans|En|Au|Aux"
    r"|Pour|Par|Depuis|Après|Lors|Mais|Alors|Ainsi|C['’]|D['’]|Son|Sa|Ses|Leur|Leurs)(?=[\s'’]))"
)
GLUED_TEASER_KEYS = ("lire", "voir")
# "… au cœur de l'action publique ». FIN": a dispatch's end mark after its last sentence
END_MARK = re.compile(
    r"(?<=[.!?»\"”…])\s+(?:(?:[-–—/]\s*)?FIN(?:\s*[-–—/])?"
    # "… ces dernières années. (ats/nxp)": the agency and the desk's initials closing the story
    r"|\((?:[a-z]{2,6}/)+[a-z]{2,6}\))\s*$"
)
# "L'Express de Madagascar (Antananarivo)": an outlet and its city, above the story
OUTLET_PLACE = re.compile(r"^\W*(?P<site>[A-ZÀ-Ý][^()]{1,40}?)\s*\((?P<place>[A-ZÀ-Ý][\w'’ -]{1,30})\)\s*$")
OUTLET_PLACE_KEYS = ("(",)
# the dateline alone on its line, the paragraph starting on the next one
WIRE_LINES = tuple(re.compile(head + r"\s*$") for head in WIRE_HEADS)
SHORT_YEAR_DATE = re.compile(rf"(?<!\w)(?P<d>1er|[0-3]?\d)\s+(?P<m>{MONTH_RE})\.?\s+(?P<y>\d\d)$", re.I)
SHORT_YEAR_PIVOT = 70  # "08" is 2008, "95" is 1995
DAY_MONTH = re.compile(rf"(?<!\w)(?P<d>1er|[0-3]?\d)\s+(?P<m>{MONTH_RE})(?!\w)", re.I)

# "Title - site.com", "Title | Site Name"
SUFFIX_SEP = re.compile(r"\s+(?P<sep>[-–—|•·]|::)\s+")
DOMAIN = re.compile(
    r"^(?:https?://)?(?:www\.)?(?P<d>[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,12})(?:[/?#]\S*)?$", re.I
)
URL_TOKEN = re.compile(
    r"^(?:https?://\S+|www\.\S+|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,12}(?:[/?#]\S*)?)$", re.I
)
# "Lien :", "Lien permanent :", "Pour en savoir plus :": a label of up to four words, not "https:"
URL_LABEL = re.compile(r"^\W*(?:[^\W\d_][\w'’-]*\s+){0,3}[^\W\d_][\w'’-]*\s*:(?!//)\s*", re.I)
URL_LEAD = re.compile(r"^[^\w]+(?=(?:https?://|www\.|[a-z0-9]))", re.I)  # "🔗https://", "➜www."
SOCIAL_DOMAINS = frozenset(
    "facebook.com twitter.com x.com t.co wa.me whatsapp.com linkedin.com youtube.com youtu.be "
    "instagram.com tiktok.com t.me telegram.me bit.ly goo.gl google.com".split()
)

TEASER = re.compile(
    r"""^[\W_]*(?P<marker>
      (?:[àa]\s+)?(?:lire|relire|voir|revoir|découvrir|decouvrir|écouter|ecouter|regarder)
          \s+(?:aussi|également|egalement|encore)
    | lire\s+la\s+suite | lire\s+plus | voir\s+plus | en\s+savoir\s+plus | read\s+more | see\s+also
    | lire(?=\s*:) | [àa]\s+lire | [àa]\s+voir | [àa]\s+découvrir
    | sur\s+le\s+même\s+(?:sujet|thème|theme) | dans\s+la\s+même\s+rubrique | du\s+même\s+auteur
    | articles?\s+(?:similaires|liés|lies|connexes|recommandés|associés|en\s+relation)
    | vous\s+(?:aimerez|pourriez)(?:\s+aussi)?(?:\s+aimer)?
    | (?:ces|d['’]autres|nos|les)\s+(?:articles|sujets|actualités|contenus)\s+(?:devraient|pourraient|peuvent|vont)\s+vous\s+intéresser
    | les\s+plus\s+(?:lus|populaires|partagés|commentés) | à\s+la\s+une
    | (?:nos\s+|les\s+|ses\s+|leurs\s+)?(?:derni(?:er|ère)s?|autres)\s+(?:actualités|actus|infos|nouvelles|articles|publications|posts|dépêches|vidéos)
    | (?:les\s+)?(?:articles|actualités|publications|infos)\s+(?:les\s+plus\s+(?:lus|populaires|partagés|commentés)
          |récents|récentes|populaires)
    | dans\s+la\s+même\s+(?:catégorie|section|thématique) | à\s+ne\s+pas\s+manquer
    | pour\s+aller\s+plus\s+loin | plus\s+d['’](?:articles|actualités|infos)
    | (?:article|post|billet)\s+(?:précédent|suivant)
    | related(?:\s+(?:articles|posts))?
    )(?!\w)
    |^\s*(?P<arrows>>>|»»|››)\s*\S""",
    re.I | re.X,
)
# Teaser headings that open a list of related headlines
TEASER_LIST = re.compile(
    r"sur\s+le\s+même|même\s+rubrique|même\s+auteur|articles?\s|vous\s|les\s+plus|dernières?\s"
    r"|aller\s+plus\s+loin|plus\s+d|related|aussi|également|egalement|encore|précédent|suivant"
    r"|derni|autres|récent|populaires|catégorie|section|thématique|manquer",
    re.I,
)
TEASER_SEP = re.compile(r"^\s*[:\-–—»|>.…›]")
# "Flash info : …", "Dernière minute ▸ …", "EN DIRECT | …": a news ticker, never the headline
TICKER = re.compile(
    r"^[\W_]*(?:flash(?:\s+(?:info|infos|actu|actus|spécial))?|derni[èe]re\s+minute|derni[èe]re\s+heure"
    r"|en\s+direct|en\s+continu|breaking(?:\s+news)?|urgent|alerte\s+info|info\s+express|à\s+chaud)"
    r"\s*(?:[:▸►▶|»>•●▪]|\s[-–—])\s*(?=\S)",
    re.I,
)
TICKER_ITEM_SEP = re.compile(r"\s*[●•▪◆■]\s*")  # "Transport : … • Santé : … • Sport : …"

SOCIAL = frozenset(
    """facebook twitter x whatsapp linkedin telegram messenger pinterest reddit instagram
    youtube tiktok snapchat flipboard viber skype threads bluesky mastodon google email e-mail
    mail courriel sms imprimer print tweet tweeter retweet retweeter partager partagez partage
    partages share shares copier lien url envoyer aime like likes""".split()
)
SHARE_VERBS = frozenset(
    "partager partagez partage share tweet tweeter imprimer envoyer copier enregistrer "
    "sauvegarder écouter ecouter recommander republier".split()
)
SHARE_OBJECTS = frozenset("article lien page contenu publication post info ami amis vidéo".split())
# reading tools next to the share buttons: "Taille du texte A- A+ | Imprimer | PDF"
TOOLS = frozenset(
    "a pdf taille texte police caractères zoom agrandir réduire favoris signaler télécharger "
    "version imprimable email e-mail mail".split()
)
SHARE_TOOLS = SOCIAL | SHARE_VERBS | SHARE_OBJECTS | TOOLS
SHARE_PHRASE = re.compile(
    r"cliquez?\s+pour\s+partager|partager\s+(?:sur|via|par)\s|share\s+on\s"
    r"|^\W*(?:suivez|rejoignez|retrouvez|abonnez)[- ]nous\b",
    re.I,
)
SHARE_COUNT = re.compile(
    r"^\W*\d[\d\s.,kK]*\s+(?:partages?|shares?|vues|likes?|j['’]aime|visites?|visiteurs?|lecteurs?|lectures?)"
    r"(?:\s+(?:en\s+ce\s+moment|en\s+ligne|aujourd['’]hui))?\W*$",
    re.I,
)

# an icon font's ligature name the scrape kept as text before a label ("photo_camera", "camera_alt")
ICON_NAME = r"(?:[a-z]+(?:_[a-z]+)+\s+)?"
CREDIT = re.compile(
    rf"^[\W_]*{ICON_NAME}(?:crédits?|credits?)(?:\s+(?:photos?|images?|vidéos?|illustrations?))?\s*[:©/–—-]"
    rf"|^[\W_]*{ICON_NAME}(?:photos?|images?|illustrations?|infographie|vidéo|ph\.?)"
    r"(?:\s+(?:d['’]illustration|d['’]archives?|de\s+une|archives?))?\s*[:©/–—-]\s*\S"
    r"|^\s*©\s*\S",
    re.I,
)
CREDIT_SHORT = re.compile(r"^[\W_]*(?:photos?|images?|illustrations?)\b", re.I)
CREDIT_END = re.compile(
    r"(?:\((?:(?i:photos?|crédits?|credits?|images?|illustrations?|archives?|ph\.?(?![a-zà-ÿ]))|©)[^()]*\)"
    r"|\((?i:images?|photos?)\s+d['’](?i:illustration|archives?)\)\.?"
    r"|(?:(?<=\s)|(?<=[.)]))/\s*[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3}"
    r"|©\s*[^\s©][^©]{0,40}"
    r"|[-–—(/]\s*DR\)?|(?<=[.)])\s+D\.\s?R\.)\s*$"
)
# Every match of a regex holds one of its *_KEYS (lower-cased, for a regex that ignores case): a line
# holding none is not searched. Keep them in step with the regex.
CREDIT_END_KEYS = ("(", "/", "©", "DR", "D.")
# "Le port de Lomé. Photo : Studio K": a caption whose last words credit the picture
CREDIT_TAIL = re.compile(
    r"(?:[.,;!?)]\s*|\s[-–—/|]\s*)"
    r"(?:(?i:crédits?|credits?)(?:\s+(?i:photos?|images?))?|(?i:photos?|images?|illustrations?|ph\.))"
    r"(?:(?:\s*[:©/–—-]\s*|\s+)(?:[A-Z0-9À-Ý©@][^!?]{0,40}?)|\s+d['’](?i:archives?|illustration))?\s*$"
)
CREDIT_TAIL_KEYS = ("crédit", "credit", "ph", "image", "illustration")
COPYRIGHT = re.compile(
    rf"©[^©]{{0,60}}(?<!\d){YEAR_RE}(?!\d)|(?<!\d){YEAR_RE}\s*©|\(c\)\s*{YEAR_RE}|\bcopyright\b"
    r"|tous\s+droits\s+(?:de\s+reproduction\s+)?(?:sont\s+)?réservés|all\s+rights\s+reserved"
    r"|reproduction\s+(?:strictement\s+)?interdite|reproduction\s+(?:totale\s+ou\s+partielle|partielle\s+ou\s+totale)",
    re.I,
)
COPYRIGHT_KEYS = ("©", "(c)", "copyright", "droits", "rights", "reproduction")
COPYRIGHT_NOISE = re.compile(
    rf"©|\(c\)|copyright|{YEAR_RE}(?:\s*[-–]\s*{YEAR_RE})?|tous\s+droits\s+(?:de\s+reproduction\s+)?(?:sont\s+)?réservés"
    r"|all\s+rights\s+reserved|reproduction\s+(?:strictement\s+)?interdite"
    r"|reproduction\s+(?:totale\s+ou\s+partielle|partielle\s+ou\s+totale)(?:\s+interdite)?|sans\s+autorisation\w*",
    re.I,
)
COOKIE = re.compile(r"\bcookies?\b|\btraceurs\b", re.I)
COOKIE_KEYS = ("cookie", "traceurs")
COOKIE_CONTEXT = re.compile(
    r"\b(?:vous|votre|vos|nous|notre|accept\w*|refus\w*|consent\w*|paramétr\w*)\b", re.I
)
COOKIE_BUTTON = re.compile(
    r"^\W*(?:(?:tout\s+)?(?:accepter|refuser)(?:\s+(?:tout|et\s+fermer|et\s+continuer|les\s+cookies))?"
    r"|j['’](?:accepte|ai\s+compris)|je\s+refuse|ok,?\s+j['’]ai\s+compris|continuer\s+sans\s+accepter"
    r"|(?:paramétrer|personnaliser|gérer)\s+(?:les\s+|mes\s+)?(?:cookies|choix|préférences|paramètres))\W*$",
    re.I,
)
NEWSLETTER = re.compile(
    r"\bnewsletters?\b|\blettres?\s+d['’]information\b|\binfolettres?\b|\babonnez[- ]vous\b"
    r"|\binscrivez[- ]vous\b|\bs['’](?:abonner|inscrire)\b|\bje\s+m['’](?:abonne|inscris)\b"
    r"|\badresse\s+(?:e-?mail|électronique|courriel)\b|\bbo[iî]te\s+(?:mail|e-?mail|de\s+réception)\b"
    r"|\bvotre\s+(?:e-?mail|courriel)\b|^\W*restez\s+informée?s?\b"
    r"|^\W*recevez\s+(?:gratuitement|chaque|tous\s+les|toute|nos|notre|l['’]essentiel)"
    r"|^\W*merci\s+de\s+vous\s+être\s+(?:inscrite?s?|abonnée?s?)",
    re.I,
)
NEWSLETTER_KEYS = (
    "newsletter", "lettre", "abonn", "inscri", "adresse", "boite", "boîte", "votre", "restez", "recevez", "merci"
)
PERSONAL = re.compile(
    r"\b(?:vous|votre|vos|nous|notre|nos|je)\b|\b[jm]['’]"
    r"|\b(?:recevez|abonnez|inscrivez|profitez|découvrez|téléchargez|cliquez|soutenez|rejoignez|suivez|testez|essayez)\b",
    re.I,
)
# Paywall and subscription offers
PAYWALL = re.compile(
    r"\bréservée?s?\s+aux\s+(?:abonnés|inscrits|membres)\b"
    r"|\babonn(?:é|ée|és|ées|ement|ements|er|ez)\b|\boffre\s+(?:numérique|spéciale|d['’]essai|découverte|intégrale)"
    r"|\barticles?\s+gratuits?\b|\bsans\s+engagement\b|\bessai\s+gratuit\b|\bpremium\b"
    r"|\d\s*(?:€|euros?|\$|dollars?|fcfa|francs?(?:\s+cfa)?)\s*(?:par|/|le\s+premier)\s*mois",
    re.I,
)
PAYWALL_KEYS = ("réserv", "abonn", "offre", "gratuit", "engagement", "premium", "mois")
PAYWALL_STRONG = re.compile(
    r"réservée?s?\s+aux\s+(?:abonnés|inscrits|membres)|disponible\s+que\s+pour\s+(?:les|nos)\s+(?:abonnés|inscrits)"
    r"|sans\s+engagement|\d\s*(?:€|euros?|\$|fcfa)\s*(?:par|/|le\s+premier)\s*mois",
    re.I,
)
# Asked to donate, turn alerts on, join a channel or install the app
PROMPT = re.compile(
    r"^[\W_]*(?:soutenez|aidez|activez|autorisez|téléchargez|installez|rejoignez|abonnez|suivez|faites|retrouvez)(?:-(?:nous|vous))?\b"
    r"[^.!?]{0,80}?\b(?:dons?|notifications?|alertes?|appli\w*|cha[iî]nes?|canal|groupe|communauté|journalisme"
    r"|comptes?|réseaux\s+sociaux)\b"
    # "Suivez-nous sur Facebook, Telegram, WhatsApp pour ne rien rater …": the networks alone say it
    r"|^[\W_]*(?:suivez|retrouvez|rejoignez)[- ]nous\s+sur\s+(?:facebook|twitter|x|instagram|telegram|whatsapp"
    r"|linkedin|youtube|tiktok|threads|bluesky)\b[^.!?]{0,80}\bpour\b"
    r"|(?:^|[.!?:]\s+)[\W_]*fai(?:re|tes)\s+un\s+don\W*$"
    # "Restez à jour en vous abonnant à notre chaîne WhatsApp": the outlet's own channel on a network,
    # and the reader asked to join it
    r"|\b(?:abonn\w*|suiv\w*|rejoign\w*|inscri\w*|restez|retrouvez)\b[^.!?]{0,60}?\b(?:notre|nos)\s+"
    r"(?:cha[iî]nes?|canal|canaux|pages?|comptes?|groupes?)\s+(?:whatsapp|telegram|facebook|youtube|tiktok"
    r"|instagram|twitter|x|linkedin|threads)\b"
    r"|^\W*(?:ton|votre)\s+(?:avis|commentaire|message|réaction)\s+sera\s+(?:publiée?|visible|modérée?|validée?)\b",
    re.I,
)
PROMPT_KEYS = ("ez", "faites", "don", "sera", "notre", "nos")  # "soutenez", "abonnez"… end in "ez"
# "Vous êtes témoin ? Envoyez-nous vos photos au …": the outlet asks its readers for pictures and accounts;
# prose saying that someone sent photos has no imperative, and a quoted call is body (see `_pattern_reason`)
CONTRIBUTION = re.compile(
    r"\b(?:envoyez|partagez|transmettez|adressez|confiez)(?:-nous)?\s+(?:tou(?:te)?s\s+)?(?:vos|votre)\s+"
    r"(?:photos?|vidéos?|videos?|images?|clichés?|témoignages?)\b"
    r"|\bfaites-nous\s+parvenir\s+(?:vos|votre)\s+(?:photos?|vidéos?|videos?|images?|clichés?|témoignages?)\b"
    r"|^\W*(?:vous\s+êtes|êtes-vous)\s+témoins?\b[^«»]{0,80}\?",
    re.I,
)
CONTRIBUTION_KEYS = ("photo", "vidéo", "video", "image", "cliché", "témoi")
# A reader addressed and asked to act: "Vous avez repéré une erreur ? Écrivez-nous."
READER_PROMPT = re.compile(
    r"^\W*vous\s+(?:avez|aimez|souhaitez|voulez|pouvez|désirez)\b[^«»]*\?"
    r"|\b(?:écrivez|signalez|contactez|partagez|suivez|rejoignez|soutenez|aidez|alertez|informez)-(?:nous|le|la|les)\b",
    re.I,
)
COMMENTS = re.compile(
    r"^\W*(?:\d+\s+)?(?:commentaires?|réactions?)\W*(?:\d+\W*)?$"
    r"|^\W*(?:laisser|laissez|ajouter|ajoutez|écrire|écrivez|poster|publier|voir|afficher|lire)"
    r"\s+(?:un|les|des|vos|votre|le)\s+(?:commentaires?|réactions?)\b"
    r"|^\W*(?:vos|votre)\s+(?:commentaires?|réactions?)\b"
    r"|^\W*(?:ton|votre|vos|donnez\s+votre|donne\s+ton)\s+(?:opinion|avis)\W*$"
    r"|^\W*(?:réagir|réagissez|commenter|aucun\s+commentaire|soyez\s+le\s+premier\s+à\s+(?:commenter|réagir)"
    r"|connectez-vous\s+pour\s+(?:commenter|réagir))\b",
    re.I,
)
TAGS = re.compile(
    r"^\W*(?:mots?[- ]cl[ée]s?|tags?|étiquettes?|thèmes?|sujets?|keywords?|catégories?|rubriques?"
    r"|classé\s+(?:dans|sous))\s*:",
    re.I,
)
AD = re.compile(
    r"^\W*(?:publicité|pub|sponsorisé|contenu\s+sponsorisé|article\s+sponsorisé|contenu\s+partenaire"
    r"|advertisement|advertising|sponsored)\W*$",
    re.I,
)
SITE_LINK = re.compile(
    r"^\W*(?:mentions\s+légales|politique\s+de\s+confidentialité|conditions\s+(?:générales\s+)?d['’]utilisation"
    r"|cgu|cgv|contactez-nous|nous\s+contacter|contact|qui\s+sommes-nous|à\s+propos|plan\s+du\s+site"
    r"|flux\s+rss|rss|faire\s+un\s+don|se\s+connecter|connexion|s['’]identifier|mon\s+compte|menu"
    r"|rechercher|recherche|fermer|retour\s+en\s+haut|haut\s+de\s+page|accueil|home"
    r"|(?:close|open|fermer|ouvrir)\s+(?:le\s+)?menu"
    # the text-size buttons: "Taille de police", "Taille du texte", "A+ A-"
    r"|taille\s+(?:de\s+(?:la\s+)?police|du\s+texte|des\s+caractères|du\s+texte\s*:)|a\s*\+\s*a\s*-|a\s*-\s*a\s*\+"
    r"|(?:passer|aller|sauter)\s+au\s+contenu(?:\s+principal)?|(?:début|fin)\s+du\s+contenu(?:\s+principal)?"
    r"|skip\s+to\s+(?:main\s+)?content"
    r"|retour\s+(?:à|a|au|aux|vers)\s+(?:la\s+|l['’])?(?:liste|accueil|rubrique|sommaire|articles?|actualités?)[^.]*)\W*$",
    re.I,
)
READING_TIME = re.compile(
    r"^\W*(?:temps\s+de\s+)?lecture\s*:?\s*\d+\s*(?:min\w*|['’′])\W*$|^\W*\d+\s*min(?:utes?)?\s+(?:de\s+)?lecture\W*$",
    re.I,
)
DASH_SIGNATURE = re.compile(
    r"^\s*[—–-]\s*[A-ZÀ-Ý][\w'’.-]*(?:\s+[A-ZÀ-Ý][\w'’.-]*){0,3}(?:\s*,\s*[^.,]{1,40})?\s*$"
)
# "(pp/L'essentiel)", "(ats/ac)": the desk's initials and the outlet, in brackets at the end
# "HS/Le Quotidien": without brackets, capital initials and a slash
DESK_SIGNATURE = re.compile(
    r"^\s*\(\s*[a-zA-Z]{1,4}(?:\s*[/,]\s*[A-Za-zÀ-ÿ][\w'’. -]{0,30}){1,3}\s*\)\s*$"
    r"|^\s*[A-Z]{1,4}\s*/\s*[A-ZÀ-Ý][\w'’.-]*(?:\s+[\w'’.-]+){0,3}\s*$"
)
# "• Le 20 février 2023 à 19:51, par Awa": the head of a reader's comment
COMMENT_HEAD = re.compile(
    rf"^\W*(?:le\s+)?(?:1er|[0-3]?\d)\s+(?:{MONTH_RE})\.?\s+{YEAR_RE}(?:\s*(?:à|-)\s*\d{{1,2}}\s*[:h]\s*\d\d)?\s*,?\s+par\s+\S"
    r"|\bEn\s+réponse\s+à\b",
    re.I,
)
COMMENT_HEAD_KEYS = ("19", "20", "réponse")  # the year, or "En réponse à"
# "Il n'y a pas encore de commentaire", "Vous devez vous connecter pour ajouter un commentaire"
COMMENT_PROMPT = re.compile(
    r"\bpas\s+(?:encore\s+)?de\s+(?:commentaires?|réactions?)\b"
    r"|\b(?:ajouter|poster|laisser|écrire|publier|rédiger)\s+(?:un|votre|le\s+premier)\s+(?:commentaire|avis)\b"
    r"|\bconnecte[rz]\s+pour\s+(?:pouvoir\s+)?(?:commenter|réagir)\b"
    r"|\bvotre\s+commentaire\s+a\s+(?:bien\s+)?été\b",
    re.I,
)
COMMENT_PROMPT_KEYS = ("commentaire", "réaction", "avis", "connecte")
GLUED_TAG = re.compile(r"[a-zà-ÿ]{3}[A-ZÀ-Ý][a-zà-ÿ]")  # "Sécurité alimentaireBurkina Faso": two tags glued
# "Tombouctou : un pont culturel entre le Mali et l'Espagne grâce à Irène Lopez de…": a teaser cut short
SNIPPET_END = re.compile(r"[^\W\d_]\s?(?:…|\.\.\.|\[…\])\s*$")
# "… jeudi assure... (Le Soleil, Erick Labbé)": a caption cut short, its picture's credit in brackets after it
CAPTION_SNIPPET = re.compile(r"[^\W\d_]\s?(?:…|\.\.\.)\s*\([A-ZÀ-Ý][^()]{1,40}\)(?:\s*-\s*image\s*[\d.]+)?\s*$")
SNIPPET_END_KEYS = ("…", "...")
# "- Insécurité : des armes remises à Dame-Marie - 29 août 2024": a listed headline and its date
DATED_ITEM = re.compile(rf"^\s*[-•▪·]\s+\S.*\s[-–—|]\s+(?:1er|[0-3]?\d)\s+(?:{MONTH_RE})\.?\s+{YEAR_RE}\s*$", re.I)
# function words of the languages a French page's furniture is often left in
FOREIGN = {
    "en": frozenset("the is are was of to and your you it this that has have may not with for on how all us by our we "
                    "please if be at from an as".split()),
    "de": frozenset("die der das und mit für von zu den dem sich ist nicht auf im ein eine einer durch über "
                    "neuesten wie auch sind werden wird hat haben oder aber als bei nach vor zum zur".split()),
}
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+|\[email\s*protected\]", re.I)
# "(+228) 98 95 28 38", "+33 1 23 45 67 89": a phone number in international form
PHONE = re.compile(r"\(?\+\d{2,3}\)?[\s.]?\d{1,3}(?:[\s.]?\d{2,3}){3,}")
# "Mensah correspondant permanent de KOACI au Togo": the author's box, a name and the outlet's title for them
CORRESPONDENT = re.compile(
    r"^\W*[A-ZÀ-Ý][\w'’-]+(?:\s+[A-ZÀ-Ý][\w'’-]+){0,2},?\s+(?:notre\s+|votre\s+)?"
    r"(?:correspondante?|envoyée?\s+spéciale?|journaliste|reporter)\b[^.!?«»]*$"
)
# "+ Le Maroc accueille la Coupe du monde +": a related link between plus signs
PLUS_TEASER = re.compile(r"^\s*\+\s+\S.*\S\s+\+\s*$")
# "(lire nos informations …)." closing a paragraph: a teaser inside the body line
INLINE_TEASER = re.compile(r"\s*\((?:[àa]\s+)?(?:lire|relire|voir)\b[^()]{3,200}\)(?=[.!?…]?\s*$)", re.I)
INLINE_TEASER_KEYS = ("(",)
# "… un début de plateau. (Photos rb/www.exemple.re)": a picture's credit glued to the paragraph above it.
# Someone must be credited (a capital, "/", "©" or "@"): "(photo de famille)" points at a picture and stays
INLINE_CREDIT = re.compile(
    r"\s*\((?i:photos?|crédits?|credits?|images?|illustrations?)(?:\s+(?i:photos?|images?))?"
    r"(?:\s+d['’](?i:illustration|archives?))?(?:\s*[:©/–—-]\s*|\s+)(?=[^()]*[A-ZÀ-Ý©/@])[^()\s][^()]{0,60}\)\s*$"
)
# "Fabrice Floch •", "Awa Koné |": an author's name before the share bar
NAME_BULLET = re.compile(r"^\s*[A-ZÀ-Ý][\w'’.-]+(?:\s+[A-ZÀ-Ý][\w'’.-]+){0,3}\s*[•|·]\s*$")
# "M.F. Boissy": a photographer's initials and name
INITIALS_NAME = re.compile(r"^\s*(?:[A-ZÀ-Ý]\.\s?-?){1,3}\s?[A-ZÀ-Ý][\w'’-]+\s*$")
# "… (image d'illustration). AFP/Patrick Mercier": an agency and a photographer ending a caption
AGENCY_CREDIT_END = re.compile(
    r"(?:^|[\s.)])[A-Z]{2,8}/\s?[A-ZÀ-Ý][a-zà-ÿ][\w.'’-]*(?:\s+[A-ZÀ-Ý][\w.'’-]+){0,2}\s*$"
    # "La conseillère d'État Nathalie Fontanet. FRANK MENTHA": a caption, then its photographer
    r"|(?<=[.)])\s+[A-ZÀ-Ý]{2,}(?:[\s-][A-ZÀ-Ý]{2,}){1,2}\s*$"
)
# "Benjamin Kaboré, ministre de la Santé": a person and a role, under a picture
ROLE_WORDS = (
    "ministre|président|présidente|directeur|directrice|secrétaire|gouverneur|gouverneure|maire|préfet|chef"
    "|porte-parole|pdg|p-dg|dg|coordonnateur|coordonnatrice|coordinateur|coordinatrice|représentant|représentante"
    "|ambassadeur|ambassadrice|conseiller|conseillère|commissaire|député|députée|sénateur|sénatrice|général"
)
PERSON_CAPTION = re.compile(
    rf"^\s*(?:(?:M|Mme|Dr|Pr|Me)\.?\s+)?[A-ZÀ-Ý][\w'’.-]+(?:\s+(?:(?:de|du|des|da|dos|ben|ould|ag|el|al|van|von)\s+)?[A-ZÀ-Ý][\w'’.-]+){{1,3}}\s*,\s+"
    rf"(?:le\s+|la\s+|l['’])?(?i:{ROLE_WORDS})\b[^!?;:«»]*$"
)
# "Vous êtes libres de republier gratuitement cet article": a syndication notice
# "Je me nomme Awa Koné, journaliste…": the author's box under the article
# "Le Soleil, Erick Labbé": an outlet and its photographer, alone on a line under a picture
OUTLET_PHOTOGRAPHER = re.compile(
    r"^\s*(?:(?:Le|La|Les)\s+|L['’])?[A-ZÀ-Ý][\w'’.&-]*(?:\s+(?:(?:du|de|des)\s+|d['’])?[A-ZÀ-Ý][\w'’.&-]*){0,2},\s+"
    r"[A-ZÀ-Ý][a-zà-ÿ'’]+(?:-[A-ZÀ-Ý][a-zà-ÿ'’]+)?(?:\s+[A-ZÀ-Ý][\w'’-]+){1,2}\s*$"
)
# the photographer's name after a caption: "… de Lomé Awa Koné"
CAPTION_CREDIT = re.compile(r"^\s+[A-ZÀ-Ý][\w'’.-]+(?:\s+[A-ZÀ-Ý][\w'’.-]+){0,3}\s*$")
GALLERY_BULLETS = "•·▪◦"
# "Anouk Lebel": a name alone on its line, two or three capitalised words, is the author's signature
NAME_ALONE = re.compile(
    r"^\s*[A-ZÀ-Ý][a-zà-ÿ'’]+(?:-[A-ZÀ-Ý][a-zà-ÿ'’]+)?"
    r"(?:\s+(?:(?:de|du|da|dos|ben|ould|ag|van|von)\s+)?[A-ZÀ-Ý][\w'’]*[a-zà-ÿ'’](?:-[A-ZÀ-Ý][\w'’]+)?){1,2}\s*$"
)
AUTHOR_BIO = re.compile(r"^\W*(?:je\s+me\s+nomme|je\s+m['’]appelle|à\s+propos\s+de\s+l['’]auteur)\b.*", re.I)
REPUBLISH = re.compile(r"\brepublier\b.*\b(?:article|contenu)s?\b|\b(?:article|contenu)s?\b.*\brepublier\b", re.I)
REPUBLISH_KEYS = ("republier",)
# "Label : Le Monde Date d'ajout : 27/04/2017 Description : …": a video player's fields
# "le Quotidien du Sahel en ligne | 01.08.2017 14h54": the outlet, then the date
OUTLET_DATE = re.compile(r"^\W*(?P<site>(?:(?:le|la|les|l['’])\s*)?[A-ZÀ-Ý][^|]{1,40}?)\s*\|\s*(?P<date>[^|]+)$")
# "FR | EN", "Español English French Kwéyol": the language switch
LANGUAGES = frozenset(
    "fr en ar es de it pt fra eng ara français francais english anglais español espagnol deutsch arabe "
    "kreyòl kwéyol créole wolof malagasy lingala french spanish german creole العربية".split()
)
# "/ Sahel Info": the outlet credited for a text, a video or a picture
SLASH_CREDIT = re.compile(r"^\s*/\s*(?P<site>[A-ZÀ-Ý][\w'’.&-]*(?:\s+[\w'’.&-]+){0,3})\s*$")
# "Texte :", "Reportage vidéo :": the label of a credit on the next line
CREDIT_LABEL = re.compile(
    r"^\W*(?:texte|textes|reportage(?:\s+vidéo)?|vidéo|photos?|images?|montage|rédaction|auteurs?)\s*:\s*$", re.I
)
# "Voyez le reportage de Awa Koné dans la vidéo de cet article"
VIDEO_PROMPT = re.compile(
    r"^\W*(?:voyez|regardez|écoutez|ecoutez|visionnez|réécoutez)\s+(?:le\s|la\s|l['’]\s*|notre\s|nos\s|ce\s|cette\s|cet\s)\s*"
    r"(?:reportage|vidéo|video|entrevue|émission|interview|entretien|podcast|chronique|intégralité)s?\b",
    re.I,
)
# "Retrouvez les images de cette rencontre :": the reader invited to the embedded media below. A verb
# addressed to the reader and a media word: "Retrouvez ci-dessous les mesures :" opens a list of the body
MEDIA_LEAD = re.compile(
    r"^[\W_]*(?:retrouvez|découvrez|decouvrez|regardez|visionnez|revoyez|revivez|écoutez|ecoutez|réécoutez"
    r"|voir|revoir|suivez)\b[^.,!?:;«»“”]*?\b(?:images?|photos?|vidéos?|videos?|reportages?|diaporamas?|galeries?"
    r"|albums?|interviews?|entretiens?|émissions?|podcasts?|replay|extraits?|séquences?|temps\s+forts|résumé"
    r"|direct|live|documentaires?|films?)\b[^.,!?:;«»“”]*:\s*$",
    re.I,
)
WEATHER = re.compile(r"^\s*-?\d{1,2}(?:[.,]\d)?\s*°?\s*[CF]\s*$")  # "34.2 C": the weather widget
# "6 min", "4 mn": a reading time alone
MINUTES_ALONE = re.compile(r"^\W*\d{1,2}\s*(?:min|mn|minutes?)\.?\W*$", re.I)
# "Publié le , mis à jour": a date label whose dates the scrape lost
_DATE_LABEL = r"(?:publié|publiée|mis\s+à\s+jour|mise\s+à\s+jour|modifié|actualisé|màj|maj)(?:\s+(?:le|à|il\s+y\s+a))?"
EMPTY_DATE_LABEL = re.compile(rf"^\W*{_DATE_LABEL}(?:[\s,|•·–—-]+(?:et\s+)?{_DATE_LABEL})*\W*$", re.I)
# "L'intégralité de cette interview, c'est ici", "Pour lire la suite, cliquez ici": a link the scrape
# left without its address
LINK_HERE = re.compile(
    r"^(?!.*[«»“”])(?=.*\b(?:intégral|suite|lire|voir|détail|vidéo|video|interview|entretien|article|dossier"
    r"|document|rapport|programme|télécharg|inscri|cliqu))"
    r"[\W_]*(?:.{0,80}?[,:]\s*)?(?:c['’]est|cliquez|cliquer|rendez-vous|voir|lire)\s*(?:par\s+)?ici\W*$"
    r"|^[\W_]*(?:cliquez|cliquer|appuyez|touchez)\s+ici\b",
    re.I,
)
EMBED_FIELDS = re.compile(r"(?:^|\s)[A-ZÀ-Ý][\w'’]*(?:\s[\w'’]+){0,2}\s:\s")
LOWER_TAG = re.compile(r"^\s*[a-zà-ÿ][^\W\d_]*(?:[\s'’-][^\W\d_]+)?\s*$")  # "terroristes": a tag left alone
COUNTER = re.compile(r"^\W*\d[\d\s.,]*\W*$")  # "0", "2 879": view and comment counters
SPACED_LETTERS = re.compile(r"^\s*(?:[^\W\d_]\s){3,}[^\W\d_]\s*$")  # "M A G H R E B": a logo's letters
# "port-douala-cameroun", "IMG_2034": an image's file name or slug left where the picture was
SLUG = re.compile(r"^\s*[^\W_]+(?:[-_][^\W_]+){2,}\s*$|^\s*[^\W_]+(?:_[^\W_]+)+\s*$")
DESK_CODE = re.compile(r"^\s*[a-z]{1,5}(?:[-/][a-z]{1,5}){1,4}\s*$")  # "ab-mk/jlb": editors' initials
# "MOO/te/APA", "KS/APS": the desk's initials, then the agency in capitals, closing a dispatch.
# Letters only, each group in one case: no date, fraction or ratio ("12/05/2024", "3/4"), no "Paris/Dakar"
DISPATCH_CODE = re.compile(
    r"^\s*(?:[A-ZÀ-Ý]{1,5}|[a-zà-ÿ]{1,5})(?:/(?:[A-ZÀ-Ý]{1,5}|[a-zà-ÿ]{1,5})){0,3}/(?P<agency>[A-ZÀ-Ý]{2,5})\s*$"
)
INITIALS = re.compile(
    r"^\W*(?:[A-ZÀ-Ý]\.\s?-?){1,4}(?:\s*/\s*(?:[A-ZÀ-Ý]\.?){1,4})*\W*$"
    r"|^\W*[A-ZÀ-Ý]{1,3}\.[A-ZÀ-Ý]{1,3}\.?(?:\s*/\s*[A-ZÀ-Ý.]{1,6})?\W*$"
)
BY_NAME = re.compile(r"^\W*(?:Par|PAR|By|BY|par(?=\s+[A-ZÀ-Ý]))(?:\s*:\s*|\s+)(?P<rest>\S.*)$")
BY_ROLE = re.compile(
    r"^\W*(?:De\s+notre\s+(?:envoyée?|correspondante?)|Propos\s+recueillis\s+par|Rédigé\s+par|Écrit\s+par"
    r"|Ecrit\s+par|Texte\s+de|Texte\s+par|Un\s+article\s+de|Reportage\s+de|Traduit\s+par|Traduction\s*:)(?!\w)"
)
BY_TEAM = re.compile(
    r"^(?:la|notre|nos|l['’]|les)\s*(?:rédaction|redaction|correspondant|envoyé|équipe|agence|service)", re.I
)
# "Aminata Touré pour Sahel Matin", "Par A. Touré, pour L'Écho du Fleuve": an author writing for the outlet
PERSON_RE = (
    r"(?!(?:Un|Une|Le|La|Les|Des|Du|De|En|Au|Aux|Pour|Par|Deux|Trois|Quatre|Cinq|Six|Sept|Huit|Neuf|Dix|Cent|Mille)\b)"
    r"[A-ZÀ-Ý][\w'’.-]*(?:\s+(?:(?:de|du|des|d['’]|le|la|ben|ould|van|von|ibn|bin)\s*)?[A-ZÀ-Ý][\w'’.-]*){1,3}"
)
BY_OUTLET = re.compile(
    rf"^\W*(?:(?:Par|PAR|By|BY)\s+)?{PERSON_RE}\s*,?\s+(?:pour|POUR)\s+(?P<site>\S.*?)[\s.]*$"
)
# "Rédaction Sahel Matin", "La rédaction de L'Écho du Fleuve": the desk signs with the outlet's name
DESK_OUTLET = re.compile(
    r"^\W*(?:(?:Par\s+)?(?:La|la)\s+)?(?:Rédaction|RÉDACTION|Redaction|rédaction)\s+(?:(?:de|du|des)\s+|d['’])?"
    r"(?P<site>[A-ZÀ-Ý].*?)[\s.]*$"
)
SOURCE_LINE = re.compile(
    r"^\W*(?P<label>Sources?(?:\s+(?i:officielles?|originales?|principales?))?|SOURCES?|Auteurs?|Texte|Textes|Rédaction"
    r"|Reportage|Correspondance|Avec)\s*:\s*(?P<src>\S.*)$"
)
TEAM_LINE = re.compile(r"^\W*(?:Par\s+)?(?:la|notre)\s+(?:rédaction|redaction)\W*$", re.I)
AGENCY_ALONE = re.compile(
    r"^\W*\(\s*[A-Z][A-Za-z.&-]{1,8}(?:\s*[/,]\s*[A-Z][A-Za-z.&-]{1,8})*\s*\)\W*$"
    # "(ats/nxp)": an agency and the desk's initials, in lower case
    r"|^\W*\(\s*[a-z]{2,6}(?:\s*/\s*[a-z]{2,6})+\s*\)\W*$"
)
WITH_AGENCY = re.compile(
    r"^\W*(?:avec|Avec|AVEC)\s+(?:l['’])?(?:agences?|[A-Z][A-Za-z]{1,7})(?:\s*(?:et|,)\s*[A-Z][A-Za-z]{1,7})*\W*$"
)
PUBLISHED = re.compile(
    r"(?:Publié|Publiée|Publication|Posté|Postée|Mis\s+en\s+ligne|Mis\s+à\s+jour|Mise\s+à\s+jour"
    r"|Dernière\s+mise\s+à\s+jour|Modifié|Modifiée|Actualisé|Actualisée|Màj|Published|Updated)(?!\w)"
    rf"\s*(?:le|:|à|en|il\s+y\s+a|on)?\s*:?\s*(?=(?:{WEEKDAY_RE}|hier|aujourd|\d))",
    re.I,
)
PUBLISHED_KEYS = ("publi", "post", "mis", "modifi", "actualis", "màj", "updated")
PUBLISHED_LEAD = re.compile(
    r"^\W*(?:Publié|Publiée|Posté|Postée|Mis\s+en\s+ligne|Mise\s+en\s+ligne|Mis\s+à\s+jour|Mise\s+à\s+jour|Édition|Edition)\b"
)
SEGMENT_SEP = re.compile(r"\s+[|•·–—-]\s+|\s*\|\s*")
SEGMENT_SEP_KEYS = ("|", "•", "·", "–", "—", "-")
BREADCRUMB_SEP = re.compile(r"\s+(?:>>?|»|›|/|\||·|•|→)\s+")
BREADCRUMB_HOME = re.compile(r"^\W*(?:accueil|home|actualités?|news|à\s+la\s+une)\W*$", re.I)
HASHTAG = re.compile(r"^#[^\W_][\w-]*$")
LIST_ITEM = re.compile(r"^\s*(?:[-•*–—▪►]|\d+[.)])\s")
WRAP_JOINERS = frozenset(
    "de des du la le les l d à au aux et ou en un une pour par sur dans avec que qui"
    # a site's English lines on a French page wrap the same way: "A WEEKLY EDITION CURATED AND"
    " and of the to for with".split()
)
CUT_SHORT = re.compile(r"\s?(?:…|\.\.\.)\s*$")
FULL_HEADLINE_WINDOW = 3  # lines below a headline cut short that may print it in full
FULL_HEADLINE_MIN_CHARS = 20  # of the cut headline's end that the full line must start with
# a capitalised article or pronoun right after a lower-case word, no punctuation between: a new sentence
GLUED_SENTENCE = re.compile(
    r"(?<=[a-zà-ÿ0-9])\s+(?=(?:Le|La|Les|Un|Une|Des|Ce|Cette|Ces|Il|Elle|Ils|Elles|Selon|Depuis)\s|L['’]\w)"
)
# "Orages violents – La grêle …", "Gabon : …": the kicker's mark a headline carries and a lead's first words do not
KICKER_MARK = re.compile(r"\s[–—-]\s|\s:\s|^[^\s:]+\s?:\s")
GLUED_HEADLINE_MIN_WORDS = 4
# "… du Conseil d’État. L’an dernier", "… nationale n°2. Depuis": not "M. Diop"
INNER_SENTENCE_END = re.compile(r"[a-zà-ÿ0-9][.!?]\s+[A-ZÀ-Ý«\"]")
LEAD_TITLE_SHARE = 0.5  # of a headline's content words that its lead, printed above it, uses
AUTHOR_NAME_WORDS = (2, 4)  # a byline's name that may stand alone on a line of the author's box
SIGNATURE_LINKS = frozenset("avec de du la le des et d".split())

META_REASONS = ("byline", "dateline", "date_header")
WIRE_DATE_RANK = 3  # a wire dateline's date serves when no byline or header states one as precise
ABOVE_TITLE_RANK = 2  # a date above the headline yields to one as precise below it
# Where the site name comes from, best first: a name the page prints beats a bare domain
SITE_PRIORITY = {
    "title": 0,
    "copyright": 1,
    "masthead": 2,
    "byline": 3,
    "breadcrumb": 4,
    "url": 5,
    "copyright_domain": 6,
    "source": 7,
    "hint_title": 8,
}


@dataclass(frozen=True)
class CleanParams:
    """Thresholds of the boilerplate line classifier: the keys of params.yaml `clean:`."""

    wrap_min_words: int = 4  # a line shorter than this is never soft-wrapped into the next
    prose_min_words: int = 12  # unpunctuated line this long with enough function words is prose
    prose_min_stop_ratio: float = 0.2
    title_min_words: int = 2
    title_max_words: int = 22
    # of several headline candidates, the first at least this long relative to the longest
    title_min_length_ratio: float = 0.6
    site_max_words: int = 5  # "Title | Site Name" suffix at most this long
    menu_min_cap_ratio: float = 0.7  # share of content words capitalised in a menu line
    menu_max_stop_ratio: float = 0.15  # share of function words in a menu line
    menu_strong_min_words: int = 5  # a menu line this long and this capitalised is a menu
    menu_strong_min_cap_ratio: float = 0.9  # even between paragraphs, where a short one is a subheading
    menu_long_min_words: int = 7  # a menu-shaped line this long above the headline is a menu, not the title
    menu_run_min_lines: int = 3  # this many short lines in a row are a menu
    menu_run_max_words: int = 3
    breadcrumb_min_items: int = 3
    breadcrumb_item_max_words: int = 4
    share_max_words: int = 12
    teaser_max_words: int = 30
    teaser_list_max_lines: int = 8  # listed under "Sur le même sujet" in the body; none below it
    teaser_list_max_words: int = 20
    credit_max_words: int = 25
    byline_max_words: int = 12
    meta_line_max_words: int = 40  # unpunctuated line holding "Publié le <date>" anywhere
    dateline_max_words: int = 10
    notice_max_words: int = 40  # cookie, newsletter and copyright notices
    comments_max_words: int = 10
    signature_max_words: int = 4
    signature_max_chars: int = 40
    footer_max_words: int = 8  # short unpunctuated line below other boilerplate after the body
    # lines recurring across documents of one site or folder (pipeline/furniture.py)
    repeat_min_docs: int = 2
    repeat_prose_min_docs: int = 3
    repeat_prose_min_share: float = 0.5
    # near-duplicate documents: MinHash over word shingles of the clean text (pipeline/neardup.py)
    near_duplicate_threshold: float = 0.8
    near_duplicate_shingle_words: int = 5
    near_duplicate_num_perm: int = 128
    near_duplicate_min_words: int = 20


@dataclass(frozen=True)
class RemovedLine:
    line_no: int  # 0-based line of the input text, newlines normalised
    text: str
    reason: str


@dataclass(frozen=True)
class CleanResult:
    text: str
    title: str | None
    published: str | None
    site: str | None
    removed: tuple[RemovedLine, ...]


@dataclass(frozen=True)
class DateMatch:
    start: int
    end: int
    iso: str
    precision: int  # 3 day, 2 month, 1 year


@dataclass(frozen=True)
class _Shape:
    words: int
    stop: int
    content: int  # words starting with a letter that are not function words
    capitalised: int

    @property
    def stop_ratio(self) -> float:
        return self.stop / self.words if self.words else 0.0

    @property
    def cap_ratio(self) -> float:
        return self.capitalised / self.content if self.content else 0.0


# (-precision, priority, line number, ISO date): the smallest is the publication date
_DateCandidate = tuple[int, int, int, str]
# (priority, line number, site): the smallest names the site
_SiteCandidate = tuple[int, int, str]
# (month, day, line number): a wire dateline's "3 mars", waiting for a year
_DayMonth = tuple[int, int, int]


@dataclass
class _Line:
    """One logical line: a physical line, or soft-wrapped physical lines joined."""

    parts: list[tuple[int, str]]
    text: str
    shape: _Shape
    reason: str | None = None
    heading: bool = False  # a teaser heading that opens a list of headlines
    in_run: bool = False  # one of a run of short lines taken as a menu
    subheading: bool = False  # a capitalised line between two prose paragraphs


# ---------------------------------------------------------------- text repair


def repair_text(text: str, *, sound: bool = False) -> str:
    """Repair mojibake and entities, turn every kind of space into one plain space, trim.

    Applied line by line so line numbers stay those of the input. ftfy leaves printable
    ASCII without "&" (no entity, no control character, no mojibake) as it is, and so
    every line of a text `_ftfy_keeps`: the caller says so with `sound`.
    """
    if not (sound or (text.isascii() and text.isprintable() and "&" not in text)):
        text = ftfy.fix_text(text, FTFY_CONFIG)
    text = ZERO_WIDTH.sub("", text).replace("\n", " ")
    if "  " in text or OTHER_SPACE.search(text):  # else every space is one plain space already
        text = SPACES.sub(" ", text)
    return text.strip()


def repair_lines(text: str) -> list[str]:
    """`repair_text` of each line of `text`, any line ending taken as one."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not _ftfy_keeps(text):
        # most lines of such a text are sound still: `_ftfy_keeps` tells them as it tells a text
        return [repair_text(line, sound=_ftfy_keeps(line)) for line in text.split("\n")]
    # ftfy leaves every line as it is, and no space or zero-width character is a line end:
    # the rest of `repair_text` is done on the whole text at once, each line trimmed after
    text = ZERO_WIDTH.sub("", text)
    if "  " in text or OTHER_SPACE.search(text):
        text = SPACES.sub(" ", text)
    return [line.strip() for line in text.split("\n")]


def _ftfy_keeps(text: str) -> bool:
    """Whether ftfy with FTFY_CONFIG leaves each line of `text` as it is, told from one look at
    the whole text instead of one call a line (the calls cost more than the rest of the cleaning).

    ftfy changes a line only for an entity ("&"), mojibake (which starts with its badness
    test; a match in a line is a match in the text, but for the one pattern anchored at a
    line start), a C1 control (a badness match too), a ligature, a surrogate, a terminal
    escape, a control character or a text not in NFC: each is a property of characters,
    so the whole text has it when one line has.
    """
    return not (
        "&" in text
        or FTFY_CHARS.search(text)
        or ftfy.fixes.SURROGATE_RE.search(text)
        or ftfy.fixes.ANSI_RE.search(text)
        or (("Ã" in text or "Â" in text) and LINE_START_MOJIBAKE.search(text))
        or not unicodedata.is_normalized("NFC", text)
        or _is_bad(text)
    )


def _is_bad(text: str) -> bool:
    """`ftfy.badness.is_bad(text)`, searched only around the characters every match holds one of.

    The one search of ftfy's badness test over a whole text costs more than the rest
    of the cleaning, yet almost no French text holds a key of `_badness_keys`; a match
    holding a key at `p` lies within `width` characters of it.
    """
    found = _badness_keys()
    if found is None:
        return ftfy.badness.is_bad(text)
    keys, width = found
    return any(
        ftfy.badness.BADNESS_RE.search(text, max(0, m.start() - width + 1), m.start() + width)
        for m in keys.finditer(text)
    )


def _is_local(op, av) -> bool:
    """Whether an item of a parsed regex looks at no characters but those it consumes (or at the text's start)."""
    if op in (re._parser.MAX_REPEAT, re._parser.MIN_REPEAT):
        return all(_is_local(*item) for item in av[2].data)
    if op is re._parser.AT:
        return av is re._parser.AT_BEGINNING  # "^" without re.MULTILINE: only where the text starts
    return op in (re._parser.LITERAL, re._parser.IN, re._parser.ANY)


def _class_chars(op, av) -> frozenset[str] | None:
    """The characters one item of a parsed regex matches, when it is a literal or a class of literals and ranges."""
    if op is re._parser.LITERAL:
        return frozenset(chr(av))
    if op is re._parser.IN and all(kind in (re._parser.LITERAL, re._parser.RANGE) for kind, _ in av):
        codes = (range(a[0], a[1] + 1) if kind is re._parser.RANGE else (a,) for kind, a in av)
        return frozenset(chr(code) for group in codes for code in group)
    return None


@functools.cache
def _badness_keys() -> tuple[re.Pattern, int] | None:
    """(a class of characters every match of ftfy's badness test holds one of, its longest match), read from its regex.

    Each alternative of the test ("[ÂÃÎÐ][€œŠš…]", "[bad][upper_accented]"…) needs one
    character of each of its classes: the class with the fewest ASCII and French
    letters stands for it, and the keys are those classes together. None, and the
    whole text searched, when an alternative has no such class or looks beyond what it
    matches (a lookaround, "$", "\\b"), or when the test ignores case.
    """
    pattern = ftfy.badness.BADNESS_RE
    parsed = re._parser.parse(pattern.pattern, pattern.flags)
    width = parsed.getwidth()[1]
    if pattern.flags & re.IGNORECASE or len(parsed.data) != 1 or parsed.data[0][0] is not re._parser.BRANCH:
        return None
    keys: set[str] = set()
    for branch in parsed.data[0][1][1]:
        if not all(_is_local(op, av) for op, av in branch.data):
            return None
        classes = [chars for chars in (_class_chars(op, av) for op, av in branch.data) if chars]
        if not classes:
            return None
        keys |= min(classes, key=lambda chars: (sum(c.isascii() or c in FRENCH_LETTERS for c in chars), len(chars)))
    return re.compile("[" + "".join(map(re.escape, sorted(keys))) + "]"), width


@functools.lru_cache(maxsize=4096)
def _shape(text: str) -> _Shape:
    """Word counts of a line; cached, as the rules and passes ask for the same lines' shapes many times."""
    tokens = WORD.findall(text)
    stop = content = capitalised = 0
    for token in tokens:
        if token.lower() in STOPWORDS:
            stop += 1
        elif token[0].isalpha():
            content += 1
            capitalised += token[0].isupper()
    return _Shape(len(tokens), stop, content, capitalised)


def _squeezed(text: str) -> str:
    """`_fold` without spaces: "Luxembourg – 353" and a copy glued as "Luxembourg353" compare equal."""
    return _fold(text).replace(" ", "")


@functools.lru_cache(maxsize=4096)
def _fold(text: str) -> str:
    """Compare headlines without case, accents, punctuation or spacing; cached like `_shape`."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    kept = "".join(c if c.isalnum() else " " for c in decomposed if not unicodedata.combining(c))
    return " ".join(kept.split())


# ---------------------------------------------------------------- dates and sites


def find_dates(text: str) -> list[DateMatch]:
    """Every valid date in `text`, in order: French month names, numeric and ISO forms.

    Numeric dates are day first ("12/03/2024"), as French writes them; a date that
    does not exist ("31/02/2024") is skipped. Overlaps keep the longest match.
    """
    if "19" not in text and "20" not in text:  # every pattern holds a year, 19xx or 20xx
        return []
    found: list[DateMatch] = []
    for pattern in DATE_PATTERNS:
        for m in pattern.finditer(text):
            date = _date_from_groups(m.groupdict())
            if date is not None:
                found.append(DateMatch(m.start(), m.end(), *date))
    found.sort(key=lambda d: (d.start, -(d.end - d.start)))
    kept: list[DateMatch] = []
    for d in found:
        if not kept or d.start >= kept[-1].end:
            kept.append(d)
    return kept


def _date_from_groups(groups: dict) -> tuple[str, int] | None:
    year = int(groups["y"])
    month_text = groups["m"].lower().rstrip(".")
    month = MONTHS.get(month_text) if not month_text.isdigit() else int(month_text)
    if month is None or not 1 <= month <= 12:
        return None
    day_text = groups.get("d")
    if day_text is None:
        return f"{year:04d}-{month:02d}", 2
    day = 1 if day_text.lower() == "1er" else int(day_text)
    try:
        datetime.date(year, month, day)
    except ValueError:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}", 3


def _normalise_date(text: str | None) -> tuple[str, int] | None:
    """An ISO date of any precision from a metadata string ("2025-06-23T10:00:00Z", "2025")."""
    if not text:
        return None
    iso = re.match(rf"\s*({YEAR_RE})-([01]\d)(?:-([0-3]\d))?(?:[T ]|$)", text)
    if iso is not None:
        found = _date_from_groups({"y": iso.group(1), "m": iso.group(2), "d": iso.group(3)})
        if found is not None:
            return found
    dates = find_dates(text)
    if dates:
        best = max(dates, key=lambda d: d.precision)
        return best.iso, best.precision
    year = re.fullmatch(rf"\s*({YEAR_RE})\s*", text)
    return (year.group(1), 1) if year else None


def _domain(token: str) -> str | None:
    m = DOMAIN.match(token.strip(" .,;:()[]<>\"'"))
    return m.group("d").lower() if m else None


def split_site_suffix(
    title: str, params: CleanParams = CleanParams(), *, known_sites: tuple[str, ...] = ()
) -> tuple[str, str | None]:
    """Split "Headline - site.com" or "Headline | Site Name" into headline and site.

    A " - " suffix counts only when it is a domain or a site already known from
    elsewhere, so "Bamako - Moscou" inside a headline is left alone.
    """
    matches = list(SUFFIX_SEP.finditer(title))
    if not matches:
        return title.strip(), None
    m = matches[-1]
    head, suffix = title[: m.start()].strip(), title[m.end() :].strip()
    if not head or not suffix:
        return title.strip(), None
    domain = _domain(suffix)
    if domain is not None and " " not in suffix:
        return head, domain
    known = {_squeezed(s) for s in known_sites if s}
    known |= {_squeezed(s.split(".")[0]) for s in known_sites if s and "." in s}
    if _squeezed(suffix) in known:
        return head, suffix
    shape = _shape(suffix)
    if (
        m.group("sep") in ("|", "•", "·", "::")
        and 1 <= shape.words <= params.site_max_words
        and not SENT_END.search(suffix)
        and suffix[0].isupper()
        and shape.cap_ratio >= 0.5
    ):
        return head, suffix
    return title.strip(), None


# ---------------------------------------------------------------- line shapes


@functools.lru_cache(maxsize=4096)
def _ends_sentence(text: str) -> bool:
    """Whether `SENT_END` finds sentence punctuation ending `text`; cached like `_shape`, as the
    passes over the lines and the rules ask it of the same paragraphs many times."""
    return SENT_END.search(text) is not None


def _is_prose(line: _Line, params: CleanParams) -> bool:
    text, shape = line.text, line.shape
    if _ends_sentence(text) or ENDS_COLON.search(text):
        return True
    return shape.words >= params.prose_min_words and shape.stop_ratio >= params.prose_min_stop_ratio


def _menu_shaped(text: str, shape: _Shape, params: CleanParams) -> bool:
    """Capitalised tokens, few function words, no sentence punctuation: a menu or a kicker."""
    return (
        shape.content >= 1
        and shape.cap_ratio >= params.menu_min_cap_ratio
        and shape.stop_ratio <= params.menu_max_stop_ratio
        and not MENU_PUNCT.search(text)
        and not SENT_END.search(text)
    )


def _strong_menu(text: str, shape: _Shape, params: CleanParams) -> bool:
    return (
        shape.words >= params.menu_strong_min_words
        and shape.cap_ratio >= params.menu_strong_min_cap_ratio
        and _menu_shaped(text, shape, params)
    )


def _headline_shaped(text: str, params: CleanParams) -> bool:
    words = _shape(text).words
    return (
        params.title_min_words <= words <= params.title_max_words
        and not ENDS_PERIOD.search(text)
        and not ENDS_COLON.search(text)
    )


def _signature_shaped(text: str, shape: _Shape, params: CleanParams) -> bool:
    """A name, initials or an agency alone: "LFL", "A.T.", "Moussa Traoré", "(AFP)"."""
    if INITIALS.match(text):
        return True
    if not 1 <= shape.words <= params.signature_max_words or len(text) > params.signature_max_chars:
        return False
    if re.search(r"[:?!;«»\"“”,]", text) or (ENDS_PERIOD.search(text) and not INITIAL_END.search(text)):
        return False
    tokens = WORD.findall(text)
    return any(t[0].isupper() for t in tokens) and all(
        t[0].isupper() or t.lower() in SIGNATURE_LINKS for t in tokens
    )


# ---------------------------------------------------------------- pattern rules


def _lowered(text: str) -> str:
    """`text` in lower case as a regex ignoring case reads it, for the *_KEYS tests of `_mentions`."""
    if "ı" in text or "İ" in text or "ſ" in text:
        text = text.translate(REGEX_CASE)
    return text.lower()


def _mentions(text: str, keys: tuple[str, ...]) -> bool:
    """Whether `text` holds one of a regex's keys: a test far cheaper than the search it spares.

    A plain loop: it is asked of every line for every keyed regex, and `any(map(...))` costs more.
    """
    for key in keys:
        if key in text:
            return True
    return False


def _glued_teaser(text: str, params: CleanParams) -> re.Match | None:
    """The "Lire aussi : <headline>" glued in front of a paragraph's first sentence, if there is one."""
    if not _mentions(_lowered(text[:24]), GLUED_TEASER_KEYS):
        return None
    m = GLUED_TEASER.match(text)
    if m is None:
        return None
    rest = _shape(text[m.end() :])
    prose = _ends_sentence(text) or rest.stop_ratio >= params.prose_min_stop_ratio
    return m if prose and rest.words >= params.prose_min_words else None


def _teaser(text: str, shape: _Shape, params: CleanParams) -> tuple[bool, bool]:
    """(is a teaser, is a heading opening a list of teasers)."""
    m = TEASER.match(text)
    if m is None or _glued_teaser(text, params) is not None:  # the paragraph after it is the body's
        return False, False
    if shape.words > params.teaser_max_words:
        # "Ses derniers articles: <headline> <headline> …": a list heading glued to its headlines
        glued_list = TEASER_LIST.search(m.group("marker")) and re.match(r"\s*:", text[m.end() :])
        return bool(glued_list and not ENDS_PERIOD.search(text)), False
    if m.group("arrows"):  # ">> Le Niger rouvre sa frontière"
        return True, False
    rest = text[m.end() :]
    if not rest.strip(" :-–—»|>.…›!()[]"):
        return True, bool(TEASER_LIST.search(m.group("marker")))
    marker = m.group("marker")
    if TEASER_SEP.match(rest) or marker.isupper() or not ENDS_PERIOD.search(text):
        return True, False
    return False, False


def _is_share(text: str, shape: _Shape, params: CleanParams) -> bool:
    if shape.words == 0 or shape.words > params.share_max_words or ENDS_PERIOD.search(text):
        return False
    lead = [t.lower().rstrip("+") for t in text.split()[:3]]
    if sum(t in SOCIAL for t in lead) >= 2 and lead[0] in SOCIAL:
        return True  # "Facebook Twitter Google+ Les dernières actualités …": the share bar leads the line
    if SHARE_COUNT.match(text) or SHARE_PHRASE.search(text):
        return True
    tokens = [t.lower() for t in re.findall(r"[^\W_]+(?:-[^\W_]+)*", re.sub(r"\([^()]*\)", " ", text))]
    content = [t for t in tokens if t not in STOPWORDS]
    if not content:
        return False
    if content[0] in SHARE_VERBS and all(t in SOCIAL or t in SHARE_OBJECTS for t in content[1:]):
        return True
    if all(t in SOCIAL for t in content):
        return True
    # a tool bar: share buttons among reading tools ("Taille du texte A- A+ | Imprimer | PDF")
    return all(t in SHARE_TOOLS for t in content) and any(t in SOCIAL or t in SHARE_VERBS for t in content)


def _is_credit(text: str, shape: _Shape, params: CleanParams) -> bool:
    if shape.words > params.credit_max_words:
        return False
    if CREDIT.match(text):
        return True
    if CREDIT_SHORT.match(text) and shape.words <= 4 and (not SENT_END.search(text) or shape.words <= 3):
        return True
    return bool(
        (_mentions(text, CREDIT_END_KEYS) and CREDIT_END.search(text))
        or (_mentions(_lowered(text), CREDIT_TAIL_KEYS) and CREDIT_TAIL.search(text))
    )


def _outlet_byline(text: str, params: CleanParams) -> str | None:
    """The outlet in "Aminata Touré pour Sahel Matin" or "Rédaction Sahel Matin", if the line is one.

    An acronym alone ("pour AFP") is a wire agency, the source rather than the site.
    """
    if _shape(text).words > params.byline_max_words:
        return None
    for pattern in (BY_OUTLET, DESK_OUTLET):
        m = pattern.match(text)
        if m is None:
            continue
        site = m.group("site").strip()
        if _domain(site) is not None:
            return _site_name(site)
        if _looks_like_name(site, params, min_words=1) and not (" " not in site and _all_caps(site)):
            return site
    return None


def _is_byline(text: str, shape: _Shape, params: CleanParams) -> bool:
    """An author, desk, source, reading time or publication line.

    An outlet's byline ("… pour Sahel Matin") and a row of metadata segments are bylines
    too, but `_pattern_reason` tests them before, as they may be datelines instead.
    """
    if READING_TIME.match(text) or TEAM_LINE.match(text):
        return True
    dated = DATED_PREFIX.match(text)
    if dated is not None and BY_NAME.match(rest := text[dated.end() :]):
        return _is_byline(rest, _shape(rest), params)
    if shape.words <= params.byline_max_words and (BY_ROLE.match(text) or SOURCE_LINE.match(text)):
        return True
    by = BY_NAME.match(text)
    if by is not None and shape.words <= params.byline_max_words + 1:
        rest = by.group("rest")
        name = re.split(r"\s*[,|(]\s*|\s+[-–—]\s+", rest)[0]
        name_shape = _shape(name)
        ends_sentence = ENDS_PERIOD.search(text) and not INITIAL_END.search(text)
        if not ends_sentence and (
            BY_TEAM.match(name) or (name[:1].isupper() and name_shape.cap_ratio >= 0.5)
        ):
            return True
    sentence = _ends_sentence(text)
    # a sentence longer than a dateline meets none of the cases below, wherever "Publié" sits in it
    if (not sentence or shape.words <= params.dateline_max_words) and _mentions(_lowered(text), PUBLISHED_KEYS):
        for m in PUBLISHED.finditer(text):
            at_start = not text[: m.start()].strip(" -–—|([•·")
            if not m.group()[0].isupper() and not at_start:
                continue
            if at_start and not sentence:
                return True
            if at_start and shape.words <= params.dateline_max_words and not re.search(r",\s+[a-zà-ÿ]", text):
                return True
            if not sentence and shape.words <= params.meta_line_max_words:
                return True
    lead = PUBLISHED_LEAD.match(text)
    return bool(lead and find_dates(text) and not sentence and shape.words <= params.meta_line_max_words)


def _is_meta_segments(text: str, params: CleanParams) -> bool:
    """ "12 mars 2024 | Par Awa Koné | 3 min de lecture": every segment is metadata."""
    if _shape(text).words > params.meta_line_max_words or not _mentions(text, SEGMENT_SEP_KEYS):
        return False
    segments = [s for s in SEGMENT_SEP.split(text) if s.strip()]
    # "… | Arena R.", "… | Lecture : 9 min.": an initial or an abbreviation, not a sentence
    if len(segments) < 2 or (
        SENT_END.search(text) and not INITIAL_END.search(text) and not re.search(r"\bmin\.$", text)
    ):
        return False
    meta = 0
    for segment in segments:
        shape = _shape(segment)
        if _is_dateline(segment, shape, params) or _is_byline_segment(segment, shape, params):
            meta += 1
        elif not (
            (_menu_shaped(segment, shape, params) or _signature_shaped(segment, shape, params))
            and shape.words <= params.menu_run_max_words
        ):
            return False
    return meta >= 1


def _is_byline_segment(text: str, shape: _Shape, params: CleanParams) -> bool:
    return bool(
        READING_TIME.match(text)
        or TEAM_LINE.match(text)
        or _outlet_byline(text, params)
        or SOURCE_LINE.match(text)
        or BY_ROLE.match(text)
        or (BY_NAME.match(text) and shape.words <= params.byline_max_words)
        or (PUBLISHED.match(text.strip()) and text.strip()[0].isupper())
        or COMMENTS.match(text)
    )


LEADING_LINK = re.compile(r"^\s*(?:https?://|www\.)\S+")


def _is_dateline(text: str, shape: _Shape, params: CleanParams) -> bool:
    """A line that is only a date, with weekday, time or place: "Bamako, le 12 mars 2024 à 10h"."""
    if shape.words == 0 or shape.words > params.dateline_max_words:
        return False
    if AGO.match(text):
        return True
    dates = find_dates(text)
    if not dates:  # a time alone: "10:45", "à 10h45 GMT"
        if not CLOCK.search(text):
            return False
        residue = TIME.sub(" ", CLOCK.sub(" ", text))
        return not [w for w in WORD.findall(residue) if w.lower() not in DATELINE_FILLER]
    residue = text
    for d in reversed(dates):
        residue = residue[: d.start] + " " + residue[d.end :]
    residue = TIME.sub(" ", residue)
    residue = re.sub(WEEKDAY_RE, " ", residue, flags=re.I)
    residue = LEADING_LINK.sub(" ", residue)  # "https://www.exemple.org mardi 29 octobre 2019 13:06"
    if re.match(rf"^\W*{WEEKDAY_ABBR_RE}", residue, re.I):
        residue = re.sub(rf"^\W*{WEEKDAY_ABBR_RE}", " ", residue, flags=re.I)
    # a blog's date icon beside the date: "29 octobre 2019 2 29 /10 /octobre /2019 17:44"
    words = [w for w in WORD.findall(residue) if not w.isdigit() and w.lower() not in DATELINE_FILLER and w.lower() not in MONTHS]
    if not words:
        return True
    place = re.match(rf"^\W*{PLACE_RE}\s*,", text)
    if place is not None and len(words) <= 3 and all(w[0].isupper() for w in words):
        return True
    # "Actualités of Friday, 25 April 2025", "Économie 12 mars 2024": the section the date is filed under
    return len(words) == 1 and words[0][0].isupper() and dates[0].start > 0 and text[: dates[0].start].strip().startswith(words[0])


def _url_tokens(text: str) -> Iterator[str]:
    """The tokens of a line that could be links, without a leading "Lien :" label, arrow or emoji.

    Found one by one (`TOKEN` splits as `str.split()` does): `_is_url` stops at a paragraph's first word.
    """
    words = (m.group() for m in TOKEN.finditer(URL_LABEL.sub("", text)))
    tokens = (URL_LEAD.sub("", t) for t in words if ALNUM.search(t))
    return (t.strip("()[]<>,;") for t in tokens)


def _is_url(text: str) -> bool:
    """Whether every token is a link; a sentence fails at its first word, so tokens are read lazily."""
    tokens = _url_tokens(text)
    first = next(tokens, None)
    return first is not None and bool(URL_TOKEN.match(first)) and all(URL_TOKEN.match(t) for t in tokens)


def _is_ticker(text: str, shape: _Shape, params: CleanParams) -> bool:
    """A news ticker: "Flash info : …", or headlines strung together by bullets ("… • Santé : … • …")."""
    if shape.words > params.teaser_max_words or ENDS_PERIOD.search(text):
        return False
    if TICKER.match(text):
        return True
    items = [item for item in TICKER_ITEM_SEP.split(text) if item.strip()]
    return (
        len(items) >= 2
        and all(_shape(item).words >= 3 for item in items)
        and any(_shape(item).words >= 4 for item in items)
    )


def _is_breadcrumb(text: str, params: CleanParams) -> bool:
    if _ends_sentence(text):
        return False
    items = [i for i in BREADCRUMB_SEP.split(text) if i.strip()]
    if len(items) < 2:
        return False
    if len(items) < params.breadcrumb_min_items and not BREADCRUMB_HOME.match(items[0]):
        return False
    if _breadcrumb_headline(text, params) is not None:
        return True
    return all(_shape(i).words <= params.breadcrumb_item_max_words and i.strip()[:1].isupper() for i in items)


def _breadcrumb_headline(text: str, params: CleanParams) -> str | None:
    """The headline that ends "Accueil » Économie » Le Niger adopte sa loi sur l'eau", if the line is one."""
    items = [i.strip() for i in BREADCRUMB_SEP.split(text) if i.strip()]
    if len(items) < 2 or not BREADCRUMB_HOME.match(items[0]):
        return None
    if not all(_shape(i).words <= params.breadcrumb_item_max_words for i in items[:-1]):
        return None
    last = items[-1]
    return last if _headline_shaped(last, params) and _shape(last).words > params.breadcrumb_item_max_words else None


def _is_hashtags(text: str) -> bool:
    if "#" not in text:  # most lines: no token to try
        return False
    tokens = text.split()
    tags = [t for t in tokens if HASHTAG.match(t.rstrip(",;"))]
    return bool(tags) and (len(tags) == len(tokens) or (len(tags) >= 2 and not SENT_END.search(text)))


def _is_language_switch(text: str) -> bool:
    """ "FR | EN", "Español English French Kwéyol": only names or codes of languages.

    Read word by word, as a sentence fails at its first word.
    """
    count = 0
    for m in LETTERS.finditer(text):
        if m.group().lower() not in LANGUAGES:
            return False
        count += 1
    return count >= 2


def _outlet_date(text: str, params: CleanParams) -> str | None:
    """The outlet of "le Quotidien du Sahel en ligne | 01.08.2017 14h54", if the line is one."""
    m = OUTLET_DATE.match(text) if "|" in text else None
    if m is None or _shape(m.group("site")).words > params.site_max_words + 2:
        return None
    date = m.group("date")
    if not _is_dateline(date, _shape(date), params) or not find_dates(date):
        return None
    return re.sub(r"^(?:le|la|les)\s+", "", m.group("site").strip(), flags=re.I)


def _is_foreign(text: str, shape: _Shape) -> bool:
    """A line in another language ("Your browser is out of date…", "Die neuesten Artikel"): its
    function words, and no French ones. A French sentence quoting a foreign title keeps French words.
    """
    if shape.words < 3 or shape.stop > 0.05 * shape.words:
        return False
    words = [w.lower() for w in WORD.findall(text)]
    return any(sum(w in table for w in words) >= 0.25 * len(words) for table in FOREIGN.values())


def _mark_printed_twice(candidates: list[tuple[str, _Line]], reason: str, *, except_key: str | None = None) -> None:
    """Give `reason` to every candidate line whose key another candidate shares."""
    copies: dict[str, list[_Line]] = {}
    for key, line in candidates:
        copies.setdefault(key, []).append(line)
    for key, group in copies.items():
        if len(group) > 1 and key != except_key:
            for line in group:
                line.reason = reason


def _mark_duplicate_captions(lines: list[_Line], params: CleanParams) -> None:
    """A short line a page prints twice is a picture's caption and its alt text, not body.

    The copies are compared without a trailing credit in brackets ("… monde entier. (Reuters)").
    A headline printed twice is handled by the title rules, and long paragraphs never repeat.
    """
    candidates = []
    for line in lines:
        if line.reason is not None or line.shape.words > params.credit_max_words or line.shape.words < 3:
            continue
        text = re.sub(r"\s*\([^()]{1,40}\)\W*$", "", line.text)
        if ENDS_PERIOD.search(text):
            candidates.append((_fold(text), line))
    _mark_printed_twice(candidates, "caption")
    # "• Le port de Lomé" then "Le port de Lomé Awa Koné": a gallery's bulleted caption, then the same caption
    # signed by its photographer
    for previous, line in zip(lines, lines[1:]):
        if previous.reason is not None or line.reason not in (None, "teaser"):
            continue
        if not 2 <= previous.shape.words <= params.credit_max_words:
            continue
        caption = previous.text.strip()
        if caption[:1] not in GALLERY_BULLETS:
            continue
        caption = caption.lstrip(GALLERY_BULLETS + " ")
        rest = line.text.strip()
        if rest.startswith(caption) and CAPTION_CREDIT.match(rest[len(caption) :]):
            previous.reason = line.reason = "caption"


def _complete(text: str) -> bool:
    """Whether a line ends on a whole word, not cut short mid-phrase ("… les autorités dans", "soit e")."""
    last = WORD.findall(text)[-1:] or [""]
    return len(last[0]) > 2 and last[0].lower() not in STOPWORDS


def _mark_repeated_headlines(lines: list[_Line], title: str | None, params: CleanParams) -> None:
    """Another article's headline printed twice (its picture's alt text, then its link) is a teaser."""
    candidates = [
        (_squeezed(line.text), line)
        for line in lines
        if line.reason is None and _headline_shaped(line.text, params) and not SENT_END.search(line.text)
    ]
    _mark_printed_twice(candidates, "teaser", except_key=_squeezed(title) if title else None)


def _mark_slug_captions(lines: list[_Line], params: CleanParams) -> None:
    """The short line under a picture's file name ("port-douala-cameroun") is its caption."""
    for previous, line in zip(lines, lines[1:]):
        if (
            line.reason is None
            and previous.reason == "caption"
            and SLUG.match(previous.text)
            and line.shape.words <= params.credit_max_words // 2
        ):
            line.reason = "caption"


def _source_line(text: str) -> re.Match | None:
    """A "Source : …" line (not "Texte :", "Avec :", the other labels of `SOURCE_LINE`)."""
    m = SOURCE_LINE.match(text)
    return m if m is not None and m.group("label").lower().startswith("source") else None


def _story_end(lines: list[_Line], last_anchor: int) -> int:
    """The last line of the story: its source line when one closes what follows the last paragraph.

    "Source : Le Républicain" under a list of fixtures or figures says the list was the
    story's; the first other boilerplate line after the last paragraph leaves it there.
    """
    for k in range(last_anchor + 1, len(lines)):
        line = lines[k]
        if line.reason is None:
            continue
        if line.reason == "byline" and _source_line(line.text) is not None:
            return k
        break
    return last_anchor


def _mark_trailing_foreign(lines: list[_Line]) -> None:
    """Lines in another language closing a French page, below its furniture, are the site's own
    prompts ("DAWNS Digest has been the trusted essential morning read for …").

    Anywhere in a page such a line needs a quarter of foreign function words (`_is_foreign`);
    in this closing block two are enough, with no French one. The run is read up from the end,
    over lines already removed; it needs furniture between it and the last French line, and a
    line with quotation marks (a statement quoted in the story) ends it.
    """
    run: list[_Line] = []
    furniture_above = False
    for line in reversed(lines):
        if line.reason is not None:
            furniture_above = bool(run)
            continue
        if not _foreign_words(line.text):
            break
        furniture_above = False
        run.append(line)
    else:
        return  # no French line at all
    if run and furniture_above:
        for line in run:
            line.reason = "footer"


def _foreign_words(text: str) -> bool:
    """Two function words of another language and no French one, and no quotation marks."""
    if re.search(r"[«»“”\"]", text):
        return False
    words = [w.lower() for w in WORD.findall(text)]
    if len(words) < 4:
        return False
    for table in FOREIGN.values():
        # letters alone ("a", the "s" of "day's") and "on", "or" are words of both languages
        french = (w for w in words if len(w) > 1 and w not in table and w not in ("on", "or"))
        if sum(w in table for w in words) >= 2 and not any(w in STOPWORDS for w in french):
            return True
    return False


def _mark_trailing_headlines(lines: list[_Line], title_index: int | None, params: CleanParams) -> None:
    """Headlines listed below the last paragraph, with no heading over them, are teasers.

    Three or more headline-shaped lines after the last prose paragraph (capitalised,
    no closing period), or two with dates or times among them, are a related-articles
    block; fewer may be a sub-heading and a paragraph cut short, and stay.
    """
    anchors = [
        i
        for i, line in enumerate(lines)
        if line.reason is None
        and i != title_index
        and _is_prose(line, params)
        and not (_headline_shaped(line.text, params) and not ENDS_PERIOD.search(line.text))
    ]
    if not anchors:
        return
    end = _story_end(lines, anchors[-1])
    tail = [
        line
        for line in lines[end + 1 :]
        if line.reason is None and not line.subheading
    ]
    run = [
        line
        for line in tail
        if _headline_shaped(line.text, params)
        and line.text.lstrip("«“\"' ")[:1].isupper()
        and not ENDS_PERIOD.search(line.text)
        and line.shape.words <= params.teaser_list_max_words
        and _complete(line.text)
    ]
    # two may be a sub-heading and a cut-off last paragraph, unless dates or times sit between them
    dated = any(line.reason == "dateline" for line in lines[end + 1 :])
    if len(run) >= (2 if dated else 3) and len(run) == len(tail):
        for line in run:
            line.reason = "teaser"


def _pattern_reason(text: str, shape: _Shape, params: CleanParams) -> tuple[str | None, bool]:
    """The reason a line is boilerplate from its own shape alone, and whether it opens a teaser list."""
    lowered = _lowered(text)
    if _is_url(text):
        return "url", False
    if shape.words <= params.teaser_list_max_words and ICON_LABEL_ITEM.match(text):
        return "menu", False
    if IMAGE_BUTTON.match(text):
        return "widget", False
    if shape.words <= params.notice_max_words and _mentions(lowered, COPYRIGHT_KEYS) and COPYRIGHT.search(text):
        return "copyright", False
    if TICKER.match(text) and _is_ticker(text, shape, params):  # "Flash info : À lire aussi …" is a ticker
        return "teaser", False
    is_teaser, heading = _teaser(text, shape, params)
    if is_teaser:
        return "teaser", heading
    if shape.words <= params.notice_max_words:
        if COOKIE_BUTTON.match(text) or (
            _mentions(lowered, COOKIE_KEYS)
            and COOKIE.search(text)
            and (COOKIE_CONTEXT.search(text) or not SENT_END.search(text))
        ):
            return "cookie", False
        if _mentions(lowered, PROMPT_KEYS) and PROMPT.search(text) and not PAYWALL_STRONG.search(text):
            return "prompt", False
        if (
            _mentions(lowered, CONTRIBUTION_KEYS)
            and CONTRIBUTION.search(text)
            and not re.search(r"[«»“”\"]", text)  # "« Envoyez-nous vos photos », a lancé le maire"
        ):
            return "prompt", False
        if (
            _mentions(lowered, NEWSLETTER_KEYS)
            and NEWSLETTER.search(text)
            and not _strong_menu(text, shape, params)
            and (PERSONAL.search(text) or shape.words <= 6 or not SENT_END.search(text))
        ):
            return "newsletter", False
        if _mentions(lowered, PAYWALL_KEYS) and PAYWALL.search(text) and (
            PAYWALL_STRONG.search(text)
            or PERSONAL.search(text)
            or (shape.words <= 8 and not SENT_END.search(text))
        ):
            return "paywall", False
    if _is_share(text, shape, params):
        return "share", False
    if shape.words <= params.share_max_words and READER_PROMPT.search(text) and not re.search(r"[«»]", text):
        return ("share" if re.search(r"partag", text, re.I) else "prompt"), False
    if _is_breadcrumb(text, params):
        return "menu", False
    if _is_credit(text, shape, params):
        return "credit", False
    if _outlet_date(text, params) is not None:
        return "byline", False
    if _outlet_byline(text, params) or _is_meta_segments(text, params):
        # before the menu rule: "10h45 • Aminata Touré pour Sahel Hebdo" is capitalised
        return ("dateline" if _is_dateline(text, shape, params) else "byline"), False
    if _strong_menu(text, shape, params):
        return "menu", False
    if shape.words <= params.comments_max_words and not ENDS_PERIOD.search(text) and COMMENTS.match(text):
        return "comments", False
    if TAGS.match(text) or _is_hashtags(text):
        return "tags", False
    if AD.match(text):
        return "ad", False
    if WITH_AGENCY.match(text) or AGENCY_ALONE.match(text):
        return "signature", False
    if _is_dateline(text, shape, params) or any(p.match(text) for p in WIRE_LINES):
        return "dateline", False
    if _is_byline(text, shape, params):
        return "byline", False
    outlet = OUTLET_PLACE.match(text) if _mentions(text, OUTLET_PLACE_KEYS) else None
    if outlet is not None and _looks_like_name(outlet.group("site"), params, min_words=1):
        return "byline", False  # the outlet the story comes from, and its city
    if _is_ticker(text, shape, params):
        return "teaser", False
    if SITE_LINK.match(text):
        return "menu", False
    if (
        INITIALS.match(text)
        or DASH_SIGNATURE.match(text)
        or DESK_CODE.match(text)
        or DISPATCH_CODE.match(text)
        or DESK_SIGNATURE.match(text)
    ):
        return "signature", False
    if COUNTER.match(text):
        return "counter", False
    if WEATHER.match(text):
        return "widget", False
    if MINUTES_ALONE.match(text):
        return "byline", False
    if EMPTY_DATE_LABEL.match(text):
        return "dateline", False
    if shape.words <= params.share_max_words and LINK_HERE.match(text):
        return "prompt", False
    if SLASH_CREDIT.match(text) or CREDIT_LABEL.match(text) or OUTLET_PHOTOGRAPHER.match(text):
        return "credit", False
    if shape.words <= params.notice_max_words and VIDEO_PROMPT.match(text):
        return "prompt", False
    if shape.words <= params.share_max_words and MEDIA_LEAD.match(text):
        return "prompt", False
    if _is_language_switch(text):
        return "languages", False
    if shape.words <= params.byline_max_words and not SENT_END.search(text) and EMAIL.search(text):
        return "contact", False
    if shape.words <= params.notice_max_words and EMAIL.search(text) and PHONE.search(text):
        return "contact", False  # "Joindre la rédaction à Lomé : (+228) 98 95 28 38 ou redaction@…"
    if shape.words <= params.byline_max_words + 4 and CORRESPONDENT.match(text):
        return "author", False
    if SPACED_LETTERS.match(text):
        return "masthead", False
    if SLUG.match(text) and (not re.search(r"\d{4}", text) or "_" in text):
        return "caption", False
    if shape.words <= 2 and LOWER_TAG.match(text):
        return "tags", False
    if shape.words <= 6 and not SENT_END.search(text) and not MENU_PUNCT.search(text) and GLUED_TAG.search(text):
        return "tags", False
    if shape.words <= params.notice_max_words and (
        (_mentions(lowered, COMMENT_HEAD_KEYS) and COMMENT_HEAD.search(text))
        or (_mentions(lowered, COMMENT_PROMPT_KEYS) and COMMENT_PROMPT.search(text))
    ):
        return "comments", False
    # "Vous souhaitez ajouter un commentaire à l'article <its headline>, … ajoutez votre
    # commentaire": the form's prompt quotes the headline, so it runs long
    if (
        shape.words <= 2 * params.notice_max_words
        and lowered.count("commentaire") >= 2
        and COMMENT_PROMPT.search(text)
        and PERSONAL.search(text)
    ):
        return "comments", False
    if shape.words <= params.teaser_max_words and DATED_ITEM.match(text):
        return "teaser", False
    if (
        shape.words <= params.meta_line_max_words
        and _mentions(text, SNIPPET_END_KEYS)
        and not re.match(r"^\W*[«\"“]", text)
    ):
        if SNIPPET_END.search(text):
            return "snippet", False
        if CAPTION_SNIPPET.search(text):
            return "caption", False
    if _is_foreign(text, shape):
        return "notice", False
    if not shape.words and not re.search(r"\d", text):
        return "punctuation", False  # "-", "* * *": nothing but signs
    if shape.words <= params.teaser_max_words and PLUS_TEASER.match(text):
        return "teaser", False
    if NAME_BULLET.match(text) or INITIALS_NAME.match(text):
        return "byline", False
    if shape.words <= params.credit_max_words // 2 + 3 and PERSON_CAPTION.match(text):
        return "caption", False
    if shape.words <= params.meta_line_max_words and not re.search(r"[«»“”]", text) and AGENCY_CREDIT_END.search(text):
        return "credit", False
    if shape.words <= params.notice_max_words and _mentions(lowered, REPUBLISH_KEYS) and REPUBLISH.search(text):
        return "notice", False
    if AUTHOR_BIO.match(text) and re.search(r"journalis|rédact|reporter|auteur", text, re.I):
        return "author", False
    if (
        text.count(":") >= 3  # each field holds a " : ": fewer colons, no player
        and len(EMBED_FIELDS.findall(text)) >= 3
        and re.search(r"\b(?:vidéo|video|label|description|durée)\b", text, re.I)
    ):
        return "embed", False
    return None, False


# ---------------------------------------------------------------- the classifier


def _split_date_header(text: str) -> tuple[str, str, DateMatch] | None:
    """("date 2025-06", rest of the line, date) when the line opens with a `date` header."""
    m = DATE_HEADER.match(text)
    if m is None:
        return None
    rest = text[m.end() :]
    dates = find_dates(rest)
    if dates and dates[0].start == 0:
        date = dates[0]
    else:
        year = re.match(rf"({YEAR_RE})(?!\w)", rest)
        if year is None:
            return None
        date = DateMatch(0, year.end(), year.group(1), 1)
    header = text[: m.end() + date.end].strip()
    body = rest[date.end :].lstrip(" |,;:-–—").rstrip()  # "… les chiffres clés :" keeps its colon
    return header, body, date


def _soft_wrapped(previous: str, following: str, params: CleanParams) -> bool:
    """Whether `following` continues the paragraph of `previous` (a line broken mid-sentence)."""
    if SENT_END.search(previous) or ENDS_COLON.search(previous) or LIST_ITEM.match(following):
        return False
    if re.search(r"[^\W\d_]-$", previous) and following[0].islower():
        return True  # a word hyphenated across the break
    shape = _shape(previous)
    if shape.words < params.wrap_min_words or _is_dateline(previous, shape, params):
        return False  # "mar 17/09/2024 - 10:29" ends with its time, not mid-sentence
    if following[0].islower():
        return True
    last = previous.split()[-1].lower()
    return previous[-1] in ",;(-" or last in WRAP_JOINERS


def _join(previous: str, following: str) -> str:
    if re.search(r"[^\W\d_]-$", previous) and following[0].islower():
        return previous + following  # "socio-" + "économique"
    return previous + " " + following


def _logical_lines(lines: list[str], params: CleanParams) -> list[_Line]:
    logical: list[_Line] = []
    blank_before = True
    for line_no, text in enumerate(lines):
        if not text:
            blank_before = True
            continue
        if logical and not blank_before and _soft_wrapped(logical[-1].text, text, params):
            last = logical[-1]
            last.parts.append((line_no, text))
            last.text = _join(last.text, text)
            last.shape = _shape(last.text)
        else:
            logical.append(_Line([(line_no, text)], text, _shape(text)))
        blank_before = False
    return logical


def _split_glued_headline(lines: list[_Line], params: CleanParams) -> list[_Line]:
    """The text's first line cut in two where the scrape glued the headline to the standfirst.

    "Orages violents – La grêle a fait près de 100 millions de dégâts Les assureurs
    estiment que …": a sentence starts with a capitalised function word right after
    a lower-case word, with no punctuation between them. The cut is made only where
    the part before it is headline-shaped and carries a kicker's mark (" – ", " : "),
    and the part after it is prose that ends a sentence.
    """
    if not lines or len(lines[0].parts) != 1 or _headline_shaped(lines[0].text, params):
        return lines
    first = lines[0]
    for m in GLUED_SENTENCE.finditer(first.text):
        head, rest = first.text[: m.start()].rstrip(), first.text[m.end() :]
        words = _shape(head).words
        if words < GLUED_HEADLINE_MIN_WORDS:
            continue
        if words > params.title_max_words:
            break
        last = WORD.findall(head)[-1].lower()
        rest_shape = _shape(rest)
        if (
            last not in STOPWORDS
            and KICKER_MARK.search(head)
            and _headline_shaped(head, params)
            and rest_shape.words >= params.prose_min_words
            and (SENT_END.search(rest) or INNER_SENTENCE_END.search(rest))
        ):
            line_no = first.parts[0][0]
            return [_Line([(line_no, head)], head, _shape(head)), _Line([(line_no, rest)], rest, rest_shape), *lines[1:]]
    return lines


def _find_title(lines: list[_Line], params: CleanParams) -> int | None:
    """Index of the headline among the headline-shaped lines above the first body paragraph.

    Mastheads, slogans, kickers and agency names sit around the headline; they are
    shorter than it. When the first line that is not boilerplate is already body
    (a long sentence), the text has no headline.
    """
    candidates: list[int] = []
    for i, line in enumerate(lines):
        if line.reason not in (None, "snippet") or _kicker_or_menu(line, params):
            continue
        if line.reason == "snippet" and INNER_SENTENCE_END.search(line.text):
            continue  # "… par la route nationale n°2. Depuis quelques mois, on…": the lead cut short, not a headline
        head, _ = split_site_suffix(line.text, params)
        if not _headline_shaped(head, params):
            return _best_candidate(lines, candidates, params) if candidates else _title_after_lead(lines, i, params)
        candidates.append(i)
        # "… ?", "… !": a headline or a lead; below a sentence comes body, never a headline
        if SENT_END.search(head) and any(later.reason is None for later in lines[i + 1 :]):
            return _best_candidate(lines, candidates, params)
    # no body line after the candidates: only a first candidate followed by body can be a title
    for i in candidates:
        if any(later.reason is None for later in lines[i + 1 :]):
            return i
    return None


def _is_story_paragraph(line: _Line, params: CleanParams) -> bool:
    """Prose that ends as a sentence does: a paragraph of a story, not a teaser's headline."""
    return _is_prose(line, params) and ENDS_PERIOD.search(line.text) is not None


def _title_after_lead(lines: list[_Line], lead: int, params: CleanParams) -> int | None:
    """The headline a page prints right after its lead paragraph, with no story below it, or None.

    A scrape that keeps the standfirst and then the headline ("Le gouvernement
    annonce le décaissement de 197 millions de dollars …", then "Le gouvernement
    annonce …"), and below it at most the site's short lines, has a headline-shaped
    line there whose words the lead mostly uses.
    """
    rest = [j for j in range(lead + 1, len(lines)) if lines[j].reason is None]
    if not rest or rest[0] != lead + 1 or any(_is_story_paragraph(lines[j], params) for j in rest[1:]):
        return None
    head = lines[rest[0]].text
    if not _headline_shaped(head, params) or SENT_END.search(head):
        return None
    words = [w for w in WORD.findall(_fold(head)) if w not in STOPWORDS and len(w) > 2]
    lead_words = set(WORD.findall(_fold(lines[lead].text)))
    if len(words) >= 3 and sum(w in lead_words for w in words) >= LEAD_TITLE_SHARE * len(words):
        return rest[0]
    return None


# "Coupes budgétairesMoins d'argent suisse…": a section kicker glued to the headline by the scrape
GLUED_KICKER = re.compile(r"^(?P<kicker>(?:\S+\s+){0,3}\S*[a-zà-ÿ]{3})(?=[A-ZÀ-Ý][a-zà-ÿ'’])")


# "DÉPARTEMENT Malgré les difficultés, …": a section kicker in capitals before the headline's first word
SHOUTED_KICKER = re.compile(r"^(?P<kicker>[A-ZÀ-Ý]{4,}(?:[\s-][A-ZÀ-Ý]{2,}){0,2})\s+(?=[A-ZÀ-Ý][a-zà-ÿ'’])")


def _without_glued_kicker(title: str, params: CleanParams) -> str:
    """The headline without a short kicker glued in front of it, or in capitals before it, if it has one."""
    m = GLUED_KICKER.match(title) or SHOUTED_KICKER.match(title)
    if m is None:
        return title
    rest = title[m.end() :]
    return rest if _shape(rest).words >= params.title_min_words + 1 else title


def _best_candidate(lines: list[_Line], candidates: list[int], params: CleanParams) -> int:
    """The headline among headline-shaped lines above the body.

    Not candidates when another line is: the page's masthead ("Le Courrier de Kaya -
    L'info au quotidien"), a slogan followed by the menu, names under the headline
    (author, agency). Of the rest, the first that is nearly as long as the longest:
    a kicker ("Politique fédérale") is much shorter than the headline, a standfirst
    comes after it. A repeated headline is taken at its first occurrence.
    """
    first = next(i for i, line in enumerate(lines) if line.reason is None or line.in_run)
    # a first line printed again below (glued to a kicker, say) is the headline, not a masthead
    printed_again = any(_squeezed(lines[i].text) == _squeezed(lines[first].text) for i in candidates if i != first)
    others = [
        i
        for i in candidates
        if not (i == first and not printed_again and _masthead_name(lines[i].text, params))
        and not _signature_shaped(lines[i].text, lines[i].shape, params)
        and not (i + 1 < len(lines) and lines[i + 1].reason == "menu")
    ]
    candidates = others or candidates
    heads = {i: split_site_suffix(lines[i].text, params)[0] for i in candidates}
    longest = max(_shape(h).words for h in heads.values())
    best = next(i for i in candidates if _shape(heads[i]).words >= params.title_min_length_ratio * longest)
    return next(i for i in candidates if _fold(heads[i]) == _fold(heads[best]))


def _kicker_or_menu(line: _Line, params: CleanParams) -> bool:
    """A menu or section kicker above the headline; names-only headlines ("Macron reçoit Faye") are not."""
    if not _menu_shaped(line.text, line.shape, params) or SUFFIX_SEP.search(line.text):
        return False
    return (
        line.shape.cap_ratio >= params.menu_strong_min_cap_ratio
        or line.shape.words >= params.menu_long_min_words
    )


def _mark_teaser_lists(lines: list[_Line], title_index: int | None, params: CleanParams) -> None:
    """Headlines listed under a "Sur le même sujet" heading are teasers too, up to the next prose paragraph.

    Inside the body a list is cut at `teaser_list_max_lines`; below the last prose
    paragraph it runs to the end, whatever its length. The dates and bylines of the
    listed articles are teasers as well: they must not date this one.
    """
    last_prose = max(
        (
            i
            for i, line in enumerate(lines)
            if line.reason is None
            and i != title_index
            and _is_prose(line, params)
            and not _headline_shaped(line.text, params)  # "Faut-il craindre une pénurie ?" may be listed
        ),
        default=-1,
    )
    for i, line in enumerate(lines):
        if not line.heading:
            continue
        marked = 0
        meta: list[_Line] = []  # metadata between the listed headlines
        closed = False  # by prose, the headline or the length cap, rather than by the end of the page
        for j in range(i + 1, len(lines)):
            other = lines[j]
            if j == title_index or (j < last_prose and marked >= params.teaser_list_max_lines):
                closed = True
                break
            if other.reason in META_REASONS:
                meta.append(other)
                continue
            if other.reason is not None:
                continue
            if other.shape.words > params.teaser_list_max_words or ENDS_PERIOD.search(other.text):
                closed = True
                break
            for listed in meta:
                listed.reason = "teaser"
            meta.clear()
            other.reason = "teaser"
            marked += 1
        if marked and not closed:
            for listed in meta:
                listed.reason = "teaser"


# a sidebar item whose label was an icon: "  • : Le blog de Kaya", "• : informations générales sur …"
ICON_LABEL_ITEM = re.compile(r"^\s*[•·▪◦‣*]\s*:\s*\S")
# a photo viewer's button, alone on its line
IMAGE_BUTTON = re.compile(
    r"^\W*(?:agrandir(?:\s+(?:l['’]image|la\s+photo|l['’]illustration))?|voir\s+en\s+plein\s+écran|plein\s+écran"
    r"|zoom(?:er)?|voir\s+(?:la\s+photo|l['’]image)(?:\s+en\s+grand)?)\W*$",
    re.I,
)


def _mark_button_captions(lines: list[_Line], params: CleanParams) -> None:
    """The line between a photo viewer's button and the photo's credit is the photo's caption."""
    for i in range(len(lines) - 2):
        button, caption, credit = lines[i : i + 3]
        if (
            button.reason == "widget"
            and IMAGE_BUTTON.match(button.text)
            and caption.reason is None
            and caption.shape.words <= params.notice_max_words
            and credit.reason == "credit"
        ):
            caption.reason = "caption"


# the quoted titles a line prints: « L'essentiel du jour », "Le Matin", “Bonjour”
QUOTED = re.compile(r"«\s*([^«»]{3,80}?)\s*»|\"([^\"]{3,80})\"|“([^“”]{3,80})”")
NEWSLETTER_PITCH_MAX_LINES = 3
# the publisher a sign-up notice names as using the reader's address: "Le Journal utilise votre adresse e-mail"
DATA_CONTROLLER = re.compile(
    r"^\W*(?!(?:Ce|Cet|Cette|Il|Elle|On|Notre|Nous|Qui|Le\s+site|Ce\s+site|Le\s+service)\b)"
    r"(?P<site>[A-Z][\w'’&.-]*(?:\s+[\w'’&.-]+){0,3}?)\s+(?:utilise|traite|collecte|conserve)\s+(?:votre|vos)\b"
)


def _mark_newsletter_blocks(lines: list[_Line], params: CleanParams) -> None:
    """The newsletter's name and pitch printed just above the sign-up line that quotes that name.

    "L'essentiel du jour", "Chaque jour, notre rédaction vous réserve…", then "… vous envoyer
    la newsletter « L'essentiel du jour »": the line named by the quote and the lines between,
    each speaking to the reader, go with the sign-up line, wherever the block sits.
    """
    for i, line in enumerate(lines):
        if line.reason != "newsletter" or not any(q in line.text for q in "«\"“"):
            continue
        names = {_squeezed(next(g for g in m.groups() if g)) for m in QUOTED.finditer(line.text)}
        for k in range(i - 1, max(-1, i - 1 - NEWSLETTER_PITCH_MAX_LINES), -1):
            if _squeezed(lines[k].text) not in names:
                continue
            between = lines[k + 1 : i]
            pitch = (b.reason is not None or (b.shape.words <= params.notice_max_words and PERSONAL.search(b.text)) for b in between)
            if all(pitch):
                for b in (lines[k], *between):
                    b.reason = b.reason or "newsletter"
            break


def _mark_glued_breadcrumbs(lines: list[_Line], params: CleanParams) -> None:
    """A breadcrumb whose separators the scrape dropped, ending with the headline printed on its own line.

    "Home Vie politique Dossier Le port rouvre" above "Le port rouvre": the trail starts at the
    site's home and holds a few section names before the headline it repeats.
    """
    texts = {}
    for line in lines:
        if line.reason is None and line.shape.words >= params.title_min_words + 2:
            texts.setdefault(line.text, line)
    for line in lines:
        words = line.text.split()
        if line.reason is not None or not words or not BREADCRUMB_HOME.match(words[0]):
            continue
        for cut in range(2, min(len(words), 2 + params.breadcrumb_item_max_words * params.breadcrumb_min_items)):
            headline = texts.get(" ".join(words[cut:]))
            if headline is not None and headline is not line:
                line.reason = "menu"
                break


def _mark_menu_digests(lines: list[_Line], params: CleanParams) -> None:
    """A line that strings together the items of a menu printed elsewhere on the page is that menu
    ("Corse Auvergne-Rhône-Alpes Grand Est …" above "• Corse", "• Grand Est", …).

    Three items or more, each a short line of its own, must cover four fifths of its letters: a headline
    naming three of them ("Bretagne, Normandie et Corse sous la neige") has words of its own.
    """
    items = {
        key
        for line in lines
        if line.shape.words <= params.menu_run_max_words
        and len(key := line.text.strip(" •·-–—|>*\t")) >= 3
    }
    if len(items) < 3:
        return
    for line in lines:
        if line.reason is not None or line.shape.words < 2 * params.menu_run_max_words or SENT_END.search(line.text):
            continue
        covered = bytearray(len(line.text))
        found = 0
        for item in items:
            if item not in line.text or item == line.text.strip():
                continue  # the plain substring test spares a pattern per item on most lines
            for m in re.finditer(rf"(?<![\w'’-]){re.escape(item)}(?![\w'’-])", line.text):
                covered[m.start() : m.end()] = b"\1" * (m.end() - m.start())
                found += 1
        letters = sum(c.isalpha() for c in line.text)
        share = sum(1 for c, on in zip(line.text, covered) if on and c.isalpha()) / max(letters, 1)
        if found >= 3 and share >= 0.8:
            line.reason = "menu"


def _mark_dated_lists(lines: list[_Line], title_index: int | None, params: CleanParams) -> None:
    """Headlines each followed by a date line of their own, twice or more to the end of the page,
    are a list of other articles ("Mondial 2026 : … / 19/01/2026 / AG de la FFRIM … / 04/10/2025").

    The list may end with one last headline whose date the page cut off. Its dates are teasers
    too: they must not date this article.
    """

    def listed(k: int) -> bool:
        line = lines[k]
        return (
            k != title_index
            and line.reason in (None, "teaser")
            and line.shape.words <= params.teaser_list_max_words
            and not ENDS_PERIOD.search(line.text)
        )

    i = 0
    while i < len(lines):
        j = i
        while j + 1 < len(lines) and listed(j) and lines[j + 1].reason == "dateline":
            j += 2
        rest = [k for k in range(j, len(lines)) if lines[k].reason is None]
        last_headline = rest == [j] and j == len(lines) - 1 and listed(j)
        if (j - i) // 2 >= 2 and (not rest or last_headline):
            for k in [*range(i, j), *rest]:
                lines[k].reason = "teaser"
            return
        i = max(j, i + 1)


def _mark_runs(lines: list[_Line], params: CleanParams) -> None:
    """Runs of short unpunctuated lines are a menu spread over lines, unless a ":" line introduces them."""
    run: list[int] = []

    def close() -> None:
        if len(run) >= params.menu_run_min_lines:
            previous = run[0] - 1
            while previous >= 0 and lines[previous].reason is not None:
                previous -= 1
            if previous < 0 or not ENDS_COLON.search(lines[previous].text):
                for k in run:
                    lines[k].reason = "menu"
                    lines[k].in_run = True
        run.clear()

    for i, line in enumerate(lines):
        if line.reason is not None:
            continue
        short = (
            1 <= line.shape.words <= params.menu_run_max_words
            and not re.search(r"[:?!;.,«»\"“”]", line.text)
            and not LIST_ITEM.match(line.text)
        )
        if short:
            run.append(i)
        else:
            close()
    close()


def _repeats_title(text: str, folded_title: str, params: CleanParams) -> bool:
    """The headline again, alone or with a site suffix ("… - Sahel Mines Hebdo")."""
    if not _may_open_with(text, folded_title):
        return False
    folded = _fold(text)
    if folded == folded_title or folded.replace(" ", "") == folded_title.replace(" ", ""):
        return True
    suffix = _title_suffix(text, folded_title)
    return suffix is not None and _shape(suffix).words <= params.site_max_words


def _may_open_with(text: str, folded_title: str) -> bool:
    """Whether `text` may open with the headline, spaces aside: a cheap test before folding all of it.

    A line's fold is its words' folds in turn (what follows a space folds apart), so the
    first word with a letter or digit must agree with the headline's start: that rules out
    most lines, paragraphs among them, at the cost of folding a word or two.
    """
    squeezed_title = folded_title.replace(" ", "")
    for word in text.split():
        first = _squeezed(word)
        if first:
            return first.startswith(squeezed_title) or squeezed_title.startswith(first)
    return True


def _title_suffix(text: str, folded_title: str) -> str | None:
    """What follows the headline and a separator in `text`, if `text` starts with the headline."""
    if not _may_open_with(text, folded_title):
        return None
    for m in SUFFIX_SEP.finditer(text):
        if _fold(text[: m.start()]) == folded_title:
            return text[m.end() :].strip() or None
    return None


def _classify_by_context(
    lines: list[_Line], title_index: int | None, title: str | None, params: CleanParams
) -> None:
    """Classify the lines no pattern recognised by where they sit.

    Above the first body paragraph, menu-shaped lines are navigation and names
    are bylines; below the last, names and initials are signatures and short lines
    under other boilerplate are footer. Between paragraphs a short line is a
    subheading and stays, unless it is a long capitalised menu or a repeated headline;
    a capitalised line set directly between two prose paragraphs is a subheading
    ("Vlaams Belang 22 %, N-VA 24 %"), as a menu comes with other boilerplate.
    """
    anchors = [
        i
        for i, line in enumerate(lines)
        if line.reason is None and i != title_index and _is_prose(line, params)
    ]
    for i in range(1, len(lines) - 1):
        line = lines[i]
        if (
            (line.reason is None or (line.reason == "menu" and not line.in_run))
            and not _name_alone(line, params)
            and _is_subheading(lines, i, title_index, params)
        ):
            line.reason = None
            line.subheading = True
    first_anchor = anchors[0] if anchors else len(lines)
    last_anchor = _story_end(lines, anchors[-1]) if anchors else -1
    folded_title = _fold(title) if title else None
    for i, line in enumerate(lines):
        if line.reason is not None or i == title_index:
            continue
        text, shape = line.text, line.shape
        if folded_title and _repeats_title(text, folded_title, params):
            line.reason = "duplicate_headline"
        elif line.subheading:
            continue
        elif _strong_menu(text, shape, params):
            line.reason = "menu"
        elif (
            title_index is not None
            and title_index < i < first_anchor
            and _signature_shaped(text, shape, params)
        ):
            line.reason = "byline"  # author or agency under the headline
        elif i < first_anchor and _menu_shaped(text, shape, params):
            near_byline = any(0 <= k < len(lines) and lines[k].reason in META_REASONS for k in (i - 1, i + 1))
            named = _signature_shaped(text, shape, params) and shape.words <= 3
            line.reason = "byline" if near_byline and named else "menu"
        elif i > last_anchor:
            after_boilerplate = any(lines[k].reason is not None for k in range(last_anchor + 1, i))
            if _signature_shaped(text, shape, params):
                line.reason = "signature"
            elif _menu_shaped(text, shape, params):
                line.reason = "menu"
            elif (
                after_boilerplate and shape.words <= params.footer_max_words and not ENDS_PERIOD.search(text)
            ):
                line.reason = "footer"  # short lines below the share/tag/comment blocks
        elif _name_alone(line, params):
            line.reason = "signature"  # "Anouk Lebel" between the standfirst and the story: its author


def _name_alone(line: _Line, params: CleanParams) -> bool:
    """Whether the line is only a person's name: two or three capitalised words, particles aside."""
    return line.shape.words <= params.signature_max_words and NAME_ALONE.match(line.text) is not None


def _is_subheading(lines: list[_Line], i: int, title_index: int | None, params: CleanParams) -> bool:
    """A short headline-shaped line with a prose body paragraph right above and right below it.

    A capitalised one ("Vlaams Belang 22 %, N-VA 24 %") needs a comma or a figure,
    which a row of section names ("Accueil Politique Économie Sport") never has.
    """
    line = lines[i]
    if (
        not _headline_shaped(line.text, params)
        or _is_breadcrumb(line.text, params)
        or SITE_LINK.match(line.text)
    ):
        return False
    if _strong_menu(line.text, line.shape, params) and not re.search(r"[,\d]", line.text):
        return False
    return all(
        0 <= k < len(lines)
        and k != title_index
        and lines[k].reason is None
        and not lines[k].subheading
        and _is_prose(lines[k], params)
        and not _headline_shaped(lines[k].text, params)
        for k in (i - 1, i + 1)
    )


# ---------------------------------------------------------------- the core


def clean_text(
    text: str,
    params: CleanParams = CleanParams(),
    *,
    title_hint: str | None = None,
    published_hint: str | None = None,
    site_hint: str | None = None,
    source_domain: str | None = None,
    furniture: frozenset[int] = frozenset(),
) -> CleanResult:
    """Split scraped article text into clean body, title, publication date and site.

    The hints come from HTML metadata; each is used only when the text itself does
    not state the field (a more precise hint date that agrees with the text wins).
    `source_domain` is the host the file's folder is named after: when neither the
    text's own site lines nor the HTML name the site, a mention of the outlet that
    spells that host is the site.
    `furniture` holds the 0-based numbers of lines the site repeats on other pages
    (`pipeline.furniture`): those no shape rule recognised go as "repeated".
    """
    physical = repair_lines(text)
    removed: list[RemovedLine] = []
    dates: list[_DateCandidate] = []
    partials: list[_DayMonth] = []
    sites: list[_SiteCandidate] = []
    _strip_date_headers(physical, removed, dates)

    lines = _split_glued_headline(_logical_lines(physical, params), params)
    for line in lines:
        line.reason, line.heading = _pattern_reason(line.text, line.shape, params)
        if line.reason is None and furniture and all(line_no in furniture for line_no, _ in line.parts):
            line.reason = "repeated"
    _mark_author_names(lines)
    _mark_runs(lines, params)
    _mark_duplicate_captions(lines, params)
    _mark_slug_captions(lines, params)
    _mark_menu_digests(lines, params)
    _mark_glued_breadcrumbs(lines, params)
    _mark_button_captions(lines, params)
    _mark_newsletter_blocks(lines, params)
    if not (title_hint and title_hint.strip()):
        # a breadcrumb ending with the headline says which line the headline is
        title_hint = next((h for line in lines if line.reason == "menu" and (h := _breadcrumb_headline(line.text, params))), None)
    title_index, title = _resolve_title(lines, params, title_hint, site_hint, sites)
    for line in lines:
        if line.reason == "snippet":  # not the headline: a teaser cut short
            line.reason = "teaser"
    _mark_repeated_headlines(lines, title, params)
    _mark_teaser_lists(lines, title_index, params)
    _mark_dated_lists(lines, title_index, params)
    _classify_by_context(lines, title_index, title, params)
    _mark_trailing_headlines(lines, title_index, params)
    _mark_trailing_foreign(lines)
    _keep_figure_tables(lines)

    first_body = next((i for i, line in enumerate(lines) if line.reason is None), len(lines))
    for i, line in enumerate(lines):
        if line.reason is None:
            continue
        position = line.parts[0][0]
        if line.reason in META_REASONS or (line.reason == "menu" and i < first_body):
            priority = 0 if line.reason != "menu" else 1
            if title_index is not None and i < title_index:
                priority += ABOVE_TITLE_RANK  # the site's "today" over its menu, not the article's date
            dates.extend(_dates_with_priority(line.text, priority, position))
        wire_line = _match_any(WIRE_LINES, line.text) if line.reason == "dateline" else None
        if wire_line is not None:  # its full date, if any, is in `dates` already
            partials.extend(_wire_dates(wire_line.groupdict().get("date") or "", position)[1])
        site = _site_from_line(line, params)
        if site is not None:
            sites.append((site[0], position, site[1]))
        removed.extend(RemovedLine(line_no, part, line.reason) for line_no, part in line.parts)

    paragraphs = _body_paragraphs(
        [line for line in lines if line.reason is None], params, removed, dates, partials, sites
    )
    if partials:
        _complete_wire_date(dates, partials[0], published_hint)
    removed.sort(key=lambda r: r.line_no)
    return CleanResult(
        text="\n\n".join(paragraphs),
        title=title or None,
        published=_pick_date(dates, published_hint),
        site=_pick_site(sites, site_hint) or (_site_named_like(physical, source_domain) if source_domain else None),
        removed=tuple(removed),
    )


def _mark_author_names(lines: list[_Line]) -> None:
    """A line that is only the name a byline signs ("Awa Koné" above "Par Awa Koné") is the
    author's box, not the article."""
    names = set()
    for line in lines:
        by = BY_NAME.match(line.text) if line.reason == "byline" else None
        if by is not None:
            name = re.split(r"\s*[,|(]\s*|\s+[-–—]\s+", by.group("rest"))[0]
            if AUTHOR_NAME_WORDS[0] <= _shape(name).words <= AUTHOR_NAME_WORDS[1]:
                names.add(_fold(name))
    for line in lines:
        if names and line.reason is None and _fold(line.text) in names:
            line.reason = "byline"


def _keep_figure_tables(lines: list[_Line]) -> None:
    """A run of "Label : figure unit" rows is a table of the article, whatever rule took it.

    Short unpunctuated lines after the body read as a footer, under a heading as
    a teaser list; rows that each pair a label with a figure are data, so a run of
    TABLE_MIN_ROWS of them goes back to the body, unless the site repeats them.
    """
    run: list[_Line] = []
    for line in [*lines, None]:
        if (
            line is not None
            and _mentions(line.text, FIGURE_ROW_KEYS)
            and FIGURE_ROW.match(line.text)
            and line.reason in (None, *TABLE_LOST_REASONS)
        ):
            run.append(line)
            continue
        if len(run) >= TABLE_MIN_ROWS and any(r.reason is not None for r in run):
            for row in run:
                row.reason = None
        run = []


def _strip_date_headers(physical: list[str], removed: list[RemovedLine], dates: list[_DateCandidate]) -> None:
    """Cut a leading `date 2025-06` header off its line, keeping whatever follows it."""
    for line_no, line in enumerate(physical):
        header = _split_date_header(line) if line else None
        if header is not None:
            header_text, rest, date = header
            removed.append(RemovedLine(line_no, header_text, "date_header"))
            dates.append((-date.precision, 0, line_no, date.iso))
            physical[line_no] = rest


def _resolve_title(
    lines: list[_Line],
    params: CleanParams,
    title_hint: str | None,
    site_hint: str | None,
    sites: list[_SiteCandidate],
) -> tuple[int | None, str | None]:
    """(index of the headline line, headline without site suffix); marks what sits above it.

    With an HTML title the headline line is the one repeating it, if any; without,
    it is found by shape. A " — Casablanca Éco" suffix is a site when it is a domain,
    follows "|", or names a site the page names elsewhere (masthead, copyright).
    """
    hint_title = hint_site = None
    if title_hint and title_hint.strip():
        hint_title, hint_site = split_site_suffix(
            repair_text(title_hint), params, known_sites=(site_hint or "",)
        )
    if hint_site:
        sites.append((SITE_PRIORITY["hint_title"], 0, _site_name(hint_site)))
    title_index = _match_hint(lines, hint_title, params) if hint_title else _find_title(lines, params)
    if title_index is None:
        return None, hint_title
    title_index = _headline_in_full(lines, title_index, params)
    title_line = lines[title_index]
    masthead = _masthead_site(lines, title_index, params)
    known = [site_hint or ""]
    if masthead is not None:
        sites.append(masthead)
        known.append(masthead[2])
    known += [found[1] for found in (_site_from_line(line, params) for line in lines) if found]
    title, suffix_site = split_site_suffix(title_line.text, params, known_sites=tuple(known))
    title = _without_glued_kicker(title, params)
    title_line.reason = "headline"
    if suffix_site is None:  # the headline repeated further down may carry the site
        repeats = (_title_suffix(line.text, _fold(title)) for line in lines[title_index + 1 :])
        suffix_site = next((r for r in repeats if r and _looks_like_name(r, params, min_words=1)), None)
    if suffix_site:
        sites.append((SITE_PRIORITY["title"], title_line.parts[0][0], _site_name(suffix_site)))
    above = [line for line in lines[:title_index] if line.reason is None]
    # a headline printed under its lead, with no story below it (`_title_after_lead`), leaves the prose above it
    printed_last = any(_is_prose(line, params) for line in above) and not any(
        line.reason is None and _is_story_paragraph(line, params) for line in lines[title_index + 1 :]
    )
    for line in above:
        if not (printed_last and _is_prose(line, params)):
            # masthead, slogan or kicker: the article starts at its headline
            line.reason = "menu" if _menu_shaped(line.text, line.shape, params) else "masthead"
    return title_index, title


def _headline_in_full(lines: list[_Line], title_index: int, params: CleanParams) -> int:
    """The line that prints in full a headline the chosen line cuts short, else the chosen line.

    A breadcrumb ending with the headline cut short ("AccueilPolitiqueBudget 2022 : un
    budget à plus de 2 milliards,...") sits above the headline itself; the line just
    below that starts with the words the cut one ends with is the headline.
    """
    cut = CUT_SHORT.search(lines[title_index].text)
    if cut is None:
        return title_index
    text = lines[title_index].text[: cut.start()].rstrip(" ,;:")
    # where the words the full line may start with begin: a glued breadcrumb may come before them
    tails = [
        tail
        for m in re.finditer(r"(?:^|(?<=\s)|(?<=[a-zà-ÿ])(?=[A-ZÀ-Ý]))\S", text)
        if len(tail := _fold(text[m.start() :])) >= FULL_HEADLINE_MIN_CHARS
    ]
    for j in range(title_index + 1, min(len(lines), title_index + 1 + FULL_HEADLINE_WINDOW)):
        if lines[j].reason not in (None, "snippet") or not _headline_shaped(lines[j].text, params):
            continue
        full = _fold(lines[j].text)
        if any(full.startswith(tail) and len(full) > len(tail) for tail in tails):
            lines[title_index].reason = "menu"
            return j
    return title_index


def _replace_line(line: _Line, text: str) -> _Line:
    return _Line(line.parts, text, _shape(text), line.reason)


def _body_paragraphs(
    body: list[_Line],
    params: CleanParams,
    removed: list[RemovedLine],
    dates: list[_DateCandidate],
    partials: list[_DayMonth],
    sites: list[_SiteCandidate],
) -> list[str]:
    """The body lines as paragraphs, the story's first without its wire dateline ("DAKAR, 4 mars 2024 (APS) –")."""
    paragraphs = [line.text for line in body]
    for k, line in enumerate(body):
        teaser = _glued_teaser(paragraphs[k], params)
        if teaser is not None:
            removed.append(RemovedLine(line.parts[0][0], teaser.group().strip(), "teaser"))
            paragraphs[k] = paragraphs[k][teaser.end() :]
        inline = INLINE_TEASER.search(paragraphs[k]) if _mentions(paragraphs[k], INLINE_TEASER_KEYS) else None
        if inline is not None and inline.start() > 0:
            removed.append(RemovedLine(line.parts[-1][0], inline.group().strip(), "teaser"))
            paragraphs[k] = paragraphs[k][: inline.start()] + paragraphs[k][inline.end() :]
        glued = CREDIT_PREFIX.search(paragraphs[k]) if "/" in paragraphs[k] else None
        if glued is not None:
            at = next((n for n, part in line.parts if glued.group() in part), line.parts[0][0])
            removed.append(RemovedLine(at, glued.group(), "credit"))
            paragraphs[k] = paragraphs[k][: glued.start()] + paragraphs[k][glued.end() :]
        credit = INLINE_CREDIT.search(paragraphs[k]) if paragraphs[k].endswith(")") else None
        if credit is not None and credit.start() > 0:
            removed.append(RemovedLine(line.parts[-1][0], credit.group().strip(), "credit"))
            paragraphs[k] = paragraphs[k][: credit.start()]
    end = END_MARK.search(paragraphs[-1]) if body and paragraphs[-1].endswith(("FIN", "-", "/", ")")) else None
    if end is not None:
        removed.append(RemovedLine(body[-1].parts[-1][0], end.group().strip(), "signature"))
        paragraphs[-1] = paragraphs[-1][: end.start()]
    if body:
        source = SOURCE_PREFIX.match(body[0].text)
        name = source and (source.group("site") or source.group("outlet") or source.group("bracketed"))
        if source is not None and _looks_like_name(name, params, min_words=1):
            line_no = body[0].parts[0][0]
            removed.append(RemovedLine(line_no, source.group().strip(), "source"))
            sites.append((SITE_PRIORITY["source"], line_no, _site_name(name)))
            paragraphs[0] = paragraphs[0][source.end() :]
            body = [_replace_line(body[0], paragraphs[0]), *body[1:]]
    byline = BYLINE_PREFIX.match(paragraphs[0]) if body else None
    if byline is not None:
        removed.append(RemovedLine(body[0].parts[0][0], byline.group().strip(), "byline"))
        paragraphs[0] = paragraphs[0][byline.end() :]
        body = [_replace_line(body[0], paragraphs[0]), *body[1:]]
    wire = _wire_dateline(body, params)
    if wire is not None:
        k, m = wire
        line_no = body[k].parts[0][0]
        removed.append(RemovedLine(line_no, m.group().strip(), "dateline"))
        paragraphs[k] = paragraphs[k][m.end() :].strip()
        full, partial = _wire_dates(m.groupdict().get("date") or "", line_no)
        dates.extend(full)
        partials.extend(partial)
        place = m.groupdict().get("place") or ""
        # "LE FACTEUR HAÏTI, le 19 novembre 2024 –": a paper signs its dateline with its own name
        if OUTLET_DATELINE.match(place) and _shape(place).words >= 3:
            sites.append((SITE_PRIORITY["source"], line_no, _site_name(place)))
    return [p for p in paragraphs if p]


def _match_any(patterns: tuple[re.Pattern, ...], text: str) -> re.Match | None:
    return next((m for m in (p.match(text) for p in patterns) if m), None)


def _wire_dateline(body: list[_Line], params: CleanParams) -> tuple[int, re.Match] | None:
    """(index in `body`, match) of the wire dateline opening the story ("DAKAR, 4 mars 2024 (APS) –").

    It opens the first paragraph of the story, which may sit below a standfirst or a
    caption the rules kept; past the second prose paragraph a dateline belongs to a
    dispatch the article quotes, and stays.
    """
    prose_seen = 0
    for k, line in enumerate(body):
        wire = _match_any(WIRE_PREFIXES, line.text)
        if wire is not None and line.text[wire.end() :].strip():
            return k, wire
        prose_seen += _is_prose(line, params)
        if prose_seen >= 2:
            return None
    return None


def _wire_dates(text: str, line_no: int) -> tuple[list[_DateCandidate], list[_DayMonth]]:
    """(dates, dates without year) of a wire dateline; its dates rank below the metadata's."""
    found = find_dates(text)
    if found:
        return [(-d.precision, WIRE_DATE_RANK, line_no, d.iso) for d in found], []
    short = SHORT_YEAR_DATE.search(text)  # "6 nov. 08", a dateline's two-digit year
    if short is not None:
        century = 2000 if int(short.group("y")) < SHORT_YEAR_PIVOT else 1900
        full = _date_from_groups({"d": short.group("d"), "m": short.group("m"), "y": str(century + int(short.group("y")))})
        if full is not None:
            return [(-full[1], WIRE_DATE_RANK, line_no, full[0])], []
    m = DAY_MONTH.search(text)
    if m is None:
        return [], []
    day = 1 if m.group("d").lower() == "1er" else int(m.group("d"))
    return [], [(MONTHS[m.group("m").lower()], day, line_no)]


def _complete_wire_date(dates: list[_DateCandidate], partial: _DayMonth, hint: str | None) -> None:
    """A wire date without its year takes it from a less precise date of the page, when no day is known.

    "CONAKRY, 3 mars (AGP)" under a `date 2025-03` header is 2025-03-03; a month that
    disagrees leaves the dateline out.
    """
    if any(-d[0] == 3 for d in dates):
        return
    hinted = _normalise_date(hint)
    base = min(dates)[3] if dates else (hinted[0] if hinted else None)
    if base is None or len(base) >= 10:
        return
    month, day, line_no = partial
    if len(base) == 7 and int(base[5:7]) != month:
        return
    found = _date_from_groups({"y": base[:4], "m": str(month), "d": str(day)})
    if found is not None:
        dates.append((-found[1], WIRE_DATE_RANK, line_no, found[0]))


def _match_hint(lines: list[_Line], hint_title: str, params: CleanParams) -> int | None:
    """The line above the body that states the HTML title, if the text repeats it."""
    target = _fold(hint_title)
    for i, line in enumerate(lines):
        if _fold(line.text) == target or _fold(split_site_suffix(line.text, params)[0]) == target:
            return i
        if line.reason is None and ENDS_PERIOD.search(line.text):
            return None
    return None


def _dates_with_priority(text: str, priority: int, position: int) -> list[_DateCandidate]:
    """Dates of a metadata line; one after "Mis à jour" ranks below the publication date."""
    out = []
    ranks: set[int] = set()
    for d in find_dates(text):
        segment = re.split(r"[|•·]", text[: d.start])[-1]
        rank = priority + (2 if UPDATE_WORDS.search(segment) else 0)
        # a second date of the same standing on the line comes after the first, not by its value
        out.append((-d.precision, rank + (rank in ranks), position, d.iso))
        ranks.add(rank)
    return out


def _pick_date(dates: list[_DateCandidate], hint: str | None) -> str | None:
    """The most precise date the text states; the hint only fills in or refines it."""
    hinted = _normalise_date(hint)
    if not dates:
        return hinted[0] if hinted else None
    best = min(dates)[3]
    if hinted and len(hinted[0]) > len(best) and hinted[0].startswith(best):
        return hinted[0]
    return best


def _pick_site(sites: list[_SiteCandidate], hint: str | None) -> str | None:
    """The best-ranked site; a masthead in capitals takes its spelling from elsewhere or is title-cased."""
    if not sites:
        return _site_name(hint.strip()) if hint and hint.strip() else None
    best = min(sites)[2]
    if not _all_caps(best) or len(best.split()) < 2:  # "APS" is an acronym, not a shouted name
        return best
    key = _squeezed(best)
    spelled = [
        name for _, _, name in sorted(sites) if not _all_caps(name) and _squeezed(name) == key
    ]
    return spelled[0] if spelled else _title_case(best)


# Host labels that name no outlet: "www.", mobile and language sub-domains, second-level registries
HOST_LABELS_IGNORED = frozenset("www www2 m mobile amp fr en ar news com co org net gov gouv ac edu".split())
HOST_FOLDER = re.compile(r"^(?:[a-z0-9-]+\.)+[a-z]{2,12}$", re.I)
# a host as a page writes it: "www.exemple.re" in a credit, "exemple.re" after the "@" of an e-mail
HOST_WRITTEN = re.compile(r"(?:(?<=@)|(?<![\w@.-]))(?:[a-z0-9-]+\.)+[a-z]{2,12}(?![\w@-])", re.I)
SITE_WORD = re.compile(r"[^\W_][\w'’&-]*")
SITE_ARTICLES = ("", "le", "la", "les", "l")
SITE_MAX_WORDS = 5


def source_domain(source: str | None) -> str | None:
    """The host a scraped file's folder is named after ("lemonde.fr/2024/a.txt" -> "lemonde.fr"), if any.

    The innermost folder named like a host wins; the file's own name never counts.
    """
    if not isinstance(source, str):
        return None
    folders = Path(source).parts[:-1]
    hosts = [part for part in folders if HOST_FOLDER.match(part) and not part.lower().endswith((".txt", ".html", ".htm"))]
    return hosts[-1].lower() if hosts else None


def _host_keys(domain: str) -> set[str]:
    """The labels of a host that may be an outlet's name, folded: "la1ere.francetvinfo.fr" -> la1ere, francetvinfo."""
    labels = domain.split(".")[:-1]
    return {key for label in labels if label not in HOST_LABELS_IGNORED and len(key := _squeezed(label)) >= 2}


def _site_named_like(lines: list[str], domain: str) -> str | None:
    """The outlet's name as the text writes it, where it spells the host it was scraped from.

    "Mondafrique" for mondafrique.com, "La Nation d'Afrique" for lanationdafrique.net,
    "Tchadanthropus-Tribune" for letchadanthropus-tribune.com, "Tribune de Genève"
    (initials) for tdg.ch. A name with a capital or digit first beats a single
    lower-case word ("woxx"); the first such mention wins. The host itself, written
    in the page, comes first (`_host_as_written`), then an outlet signing its
    dispatches with its host's initials (`_agency_named_like`).
    """
    written = _host_as_written(lines, domain)
    if written is not None:
        return written
    keys = _host_keys(domain)
    if not keys:
        return None
    agency = _agency_named_like(lines, keys)
    if agency is not None:
        return agency
    compact_text = _squeezed("\n".join(lines))
    cores = {key[len(article) :] for key in keys for article in SITE_ARTICLES if key.startswith(article)}
    if not any(core and core in compact_text for core in cores) and not any(3 <= len(key) <= 5 for key in keys):
        return None  # the text spells no label of the host, and no label is short enough for initials
    lower_case = None
    for line in lines:
        words = list(SITE_WORD.finditer(line))
        compacts = [_squeezed(w.group()) for w in words]
        for i, first in enumerate(words):
            # "en Gruyère" is a place, not the outlet "La Gruyère": a host's article may be left
            # out only by a name of several words or parts, and not when the text has it in lower case
            before = compacts[i - 1] if i and not line[words[i - 1].end() : first.start()].strip() else None
            articles = [a for a in SITE_ARTICLES[1:] if a != before]
            joined = initials = ""
            for j in range(i, min(i + SITE_MAX_WORDS, len(words))):
                if j > i and line[words[j - 1].end() : words[j].start()].strip():
                    break  # a name does not run across punctuation
                joined += compacts[j]
                initials += compacts[j][:1]
                several = j > i or "-" in words[j].group()
                named = (
                    joined in keys
                    or (several and any(article + joined in keys for article in articles))
                    or (j > i and len(initials) >= 3 and initials in keys and words[j].group()[:1].isupper())
                )
                if not named:
                    continue
                name = line[first.start() : words[j].end()].rstrip("'’-")
                # "aDakar.com NEWS" on news.adakar.com: the name written as a domain keeps its suffix
                tld = TLD_AFTER.match(line, words[j].end()) if name == line[first.start() : words[j].end()] else None
                if tld is not None:
                    name += tld.group()
                if name[:1].isupper() or name[:1].isdigit():
                    return name
                if lower_case is None and j == i and len(joined) >= 4:
                    lower_case = name
    return lower_case


TLD_AFTER = re.compile(r"\.[a-z]{2,12}(?![\w.-])")


def _host_as_written(lines: list[str], domain: str) -> str | None:
    """The host as the page first writes it ("www.exemple.re", "exemple.re" in "redaction@exemple.re").

    A page that writes its domain is named by it as written, not by the bare outlet
    word of the host; a leading "www." on either side is no other host.
    """
    bare = domain.lower().removeprefix("www.")
    for line in lines:
        if "." not in line:
            continue
        for m in HOST_WRITTEN.finditer(line):
            if m.group().lower().removeprefix("www.") == bare:
                return m.group()
    return None


def _agency_named_like(lines: list[str], keys: set[str]) -> str | None:
    """The agency closing a dispatch code ("MOO/te/APA") when a label of the host begins with it (apanews).

    A wire agency's code on another outlet's page ("AB/cd/AFP") names no site.
    """
    for line in lines:
        m = DISPATCH_CODE.match(line) if "/" in line else None
        if m is not None and len(agency := m.group("agency")) >= 3:
            if any(key.startswith(agency.lower()) for key in keys):
                return agency
    return None


def _all_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters)


def _title_case(name: str) -> str:
    """ "L'ÉCLAIREUR D'ABIDJAN" -> "L'Éclaireur d'Abidjan": particles lower case after the first word."""
    words = []
    for n, word in enumerate(name.lower().split()):
        elided = re.match(r"^([^\W\d_])(['’])(.+)$", word)
        if elided:
            head = elided.group(1) if n > 0 and elided.group(1) in "ld" else elided.group(1).upper()
            words.append(head + elided.group(2) + _capitalise(elided.group(3)))
        elif n > 0 and word in SIGNATURE_LINKS | {"les", "en", "au", "aux", "sur"}:
            words.append(word)
        else:
            words.append(_capitalise(word))
    return " ".join(words)


def _capitalise(word: str) -> str:
    return "-".join(part[:1].upper() + part[1:] for part in word.split("-"))


def _site_name(site: str) -> str:
    domain = _domain(site) if " " not in site.strip() else None
    return domain or site.strip()


def _site_from_line(line: _Line, params: CleanParams) -> tuple[int, str] | None:
    """(priority, site) named by a removed line: copyright holder, breadcrumb root, URL domain, source.

    A name the page prints ("Le Onze Africain") ranks above a bare domain.
    """
    text = line.text
    if line.reason == "url":
        for token in _url_tokens(text):
            domain = _domain(token)
            if (
                domain
                and domain not in SOCIAL_DOMAINS
                and not any(domain.endswith("." + s) for s in SOCIAL_DOMAINS)
            ):
                return SITE_PRIORITY["url"], domain
        return None
    if line.reason == "copyright":
        holder = _copyright_holder(text, params)
        if holder is not None:
            return SITE_PRIORITY["copyright"], holder
        for token in text.split():
            domain = _domain(token)
            if domain and domain not in SOCIAL_DOMAINS:
                return SITE_PRIORITY["copyright_domain"], domain
        return None
    if line.reason == "menu" and _is_breadcrumb(text, params):
        root = BREADCRUMB_SEP.split(text)[0].strip()
        if not BREADCRUMB_HOME.match(root) and _looks_like_name(root, params):
            return SITE_PRIORITY["breadcrumb"], root
        return None
    if line.reason == "signature" and DESK_SIGNATURE.match(text):
        outlet = re.split(r"\s*[/,]\s*", text.strip(" ()"))[-1].strip()
        # "L'essentiel" is a name though its word is not capitalised
        if outlet[:1].isupper() and 1 <= _shape(outlet).words <= params.site_max_words:
            return SITE_PRIORITY["source"], outlet
        return None
    controller = DATA_CONTROLLER.match(text) if line.reason == "newsletter" else None
    if controller is not None and _looks_like_name(controller.group("site"), params, min_words=1):
        return SITE_PRIORITY["source"], controller.group("site")
    slash = SLASH_CREDIT.match(text) if line.reason == "credit" else None
    if slash is not None:
        return SITE_PRIORITY["source"], slash.group("site").strip()
    outlet = _outlet_date(text, params) if line.reason == "byline" else None
    if outlet is not None:
        return SITE_PRIORITY["byline"], outlet
    if line.reason == "byline" and OUTLET_PLACE.match(text):
        return SITE_PRIORITY["source"], OUTLET_PLACE.match(text).group("site").strip()
    follow = FOLLOW_OUTLET.search(text) if line.reason in ("share", "prompt") else None
    if follow is not None and follow.group("site").casefold() not in SOCIAL:
        return SITE_PRIORITY["source"], follow.group("site").strip()
    author = BYLINE_ACRONYM.match(text) if line.reason == "byline" else None
    if author is not None and author.group("site").upper() not in WIRE_AGENCIES:
        return SITE_PRIORITY["byline"], author.group("site")
    if line.reason == "byline":
        for segment in (text, *SEGMENT_SEP.split(text)):
            outlet = _outlet_byline(segment.strip(), params)
            if outlet is not None:
                return SITE_PRIORITY["byline"], outlet
        m = _source_line(text)
        if m is not None:
            source = re.split(r"\s*[,|(]\s*|\s+[-–—]\s+", m.group("src"))[0].strip(" .")
            # a wire agency is where the story came from, not who publishes it
            if source and _shape(source).words <= params.site_max_words and source.upper() not in WIRE_AGENCIES:
                return SITE_PRIORITY["source"], _site_name(source)
    return None


def _copyright_holder(text: str, params: CleanParams) -> str | None:
    """The name in "© 2024 Le Onze Africain — onzeafricain.com | Contact"."""
    for segment in re.split(r"\s+[|•·–—-]\s+|\s*\|\s*|\.\s+|,\s+", COPYRIGHT_NOISE.sub(" ", text)):
        holder = " ".join(segment.split()).strip(" .-–—:,")
        if holder and _domain(holder) is None and _looks_like_name(holder, params, min_words=1):
            return holder
    return None


def _looks_like_name(text: str, params: CleanParams, *, min_words: int = 2) -> bool:
    """A short capitalised name ("Dakar Matin", "L'ÉCLAIREUR D'ABIDJAN"), not a phrase or a sentence."""
    shape = _shape(text)
    if not min_words <= shape.words <= params.site_max_words or re.search(r"[:?!;.«»\"]$|[:?!;«»]", text):
        return False
    return text[:1].isupper() and (_all_caps(text) or shape.cap_ratio >= 0.5)


def _masthead_site(lines: list[_Line], title_index: int, params: CleanParams) -> _SiteCandidate | None:
    """The outlet's name when the first line of the page, above the headline, is a short name."""
    for line in lines[:title_index]:
        if line.reason not in (None, "repeated") and not line.in_run:
            continue
        name = _masthead_name(line.text, params)
        return None if name is None else (SITE_PRIORITY["masthead"], line.parts[0][0], name)
    return None


def _masthead_name(text: str, params: CleanParams) -> str | None:
    """The name in a masthead line: "DAKAR MATIN", "Le Courrier de Kaya - L'info au quotidien"."""
    if BREADCRUMB_HOME.match(text.split()[0] if text.split() else "") or EMAIL.search(text):
        return None
    # every word capitalised: "Maghreb Émergent", not a kicker such as "Métaux précieux";
    # no figure, which an advertising banner has ("Camon 40 Banner")
    if re.search(r"\d", text):
        return None
    if _looks_like_name(text, params) and (_all_caps(text) or _shape(text).cap_ratio == 1):
        return text
    m = re.match(r"^(.+?)(?:\s+[-–—|•·]\s+|,\s+)", text)
    if m is not None and _looks_like_name(m.group(1), params):
        return m.group(1)
    return None


# ---------------------------------------------------------------- the shell


def params_from_dict(d: dict) -> CleanParams:
    """Build CleanParams from the `clean:` section (or a dict nesting it); unknown keys fail loudly."""
    section = (d["clean"] if "clean" in d else d) or {}
    known = {f.name: f for f in fields(CleanParams)}
    unknown = sorted(set(section) - set(known))
    if unknown:
        raise ValueError(f"clean: unknown params.yaml keys {unknown}; known keys: {sorted(known)}")
    kwargs = {}
    for key, value in section.items():
        cast = int if known[key].type in (int, "int") else float
        kwargs[key] = cast(value)
    return CleanParams(**kwargs)


def _hint(value) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _clean_batch(
    params: CleanParams, batch: list[tuple]
) -> list[tuple[CleanResult, Signature, tuple[tuple[int, int, bool], ...]]]:
    """Clean each (raw_text, html_title, html_published, html_site, source_domain, furniture) of a batch.

    Each result comes with the MinHash signature of its clean text, which tells
    near-duplicates, and the hashes of its raw lines, which tell the furniture.
    """
    near_params = near_duplicate_params(params)
    results = []
    for raw_text, title, published, site, domain, furniture in batch:
        result = clean_text(
            raw_text,
            params,
            title_hint=_hint(title),
            published_hint=_hint(published),
            site_hint=_hint(site),
            source_domain=domain,
            furniture=furniture,
        )
        results.append(
            (result, signature(result.text, near_params), line_hashes(raw_text, params.prose_min_words))
        )
    return results


def near_duplicate_params(params: CleanParams) -> NearDupParams:
    return NearDupParams(
        threshold=params.near_duplicate_threshold,
        shingle_words=params.near_duplicate_shingle_words,
        num_perm=params.near_duplicate_num_perm,
        min_words=params.near_duplicate_min_words,
    )


def furniture_params(params: CleanParams) -> FurnitureParams:
    return FurnitureParams(
        min_docs=params.repeat_min_docs,
        prose_min_words=params.prose_min_words,
        prose_min_docs=params.repeat_prose_min_docs,
        prose_min_share=params.repeat_prose_min_share,
    )


def run(
    params: CleanParams,
    ingested: pd.DataFrame,
    engine: EngineParams = EngineParams(n_process=1),
    cache: ResultCache | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Clean every ingested document; return (cleaned, removed, rejects) frames.

    Two passes: each document alone first, which tells its site; then the lines
    each site or folder repeats across its documents are furniture, and the
    documents where some of it survived the shape rules, or was taken for the
    headline, are cleaned again knowing it ("repeated" names only the lines that
    went for that reason). Both passes take their results from `cache` where they
    can: a document's result depends only on its text, its HTML hints, the
    furniture lines it holds and the params. Last, a document whose clean text
    nearly equals an earlier one's (in doc_id order) gets `duplicate_of`.
    """
    if cache is None:
        cache = ResultCache(":memory:", "")
    rows = list(ingested.sort_values("doc_id", kind="stable").itertuples(index=False))
    inputs = [
        (
            row.raw_text,
            _hint(row.html_title),
            _hint(row.html_published),
            _hint(row.html_site),
            source_domain(row.source),
            frozenset(),
        )
        for row in rows
    ]
    keys = [content_key(*item[:5]) for item in inputs]
    work = functools.partial(_clean_batch, params)
    first_pairs, stats = run_cached(work, inputs, keys, cache, engine, "clean", light=True)
    first = [result for result, _, _ in first_pairs]
    furniture = repeated_lines_from_hashes(
        (
            (row.doc_id, groups_of(row.source, result.site), hashes)
            for row, (result, _, hashes) in zip(rows, first_pairs)
        ),
        furniture_params(params),
    )
    # a page whose repeated lines the shape rules already dropped, none of them taken
    # for its headline, is cleaned once
    again = []
    for i, (row, result) in enumerate(zip(rows, first)):
        repeated = furniture.get(row.doc_id, frozenset())
        if repeated - {r.line_no for r in result.removed if r.reason != "headline"}:
            again.append(i)
    second_inputs = [(*inputs[i][:5], furniture[rows[i].doc_id]) for i in again]
    second_keys = [content_key(keys[i], ",".join(map(str, sorted(item[5])))) for i, item in zip(again, second_inputs)]
    second, second_stats = run_cached(
        work, second_inputs, second_keys, cache, engine, "clean: furniture", light=True
    )
    pairs = list(first_pairs)
    for i, pair in zip(again, second):
        pairs[i] = pair
    cache.retain([*keys, *second_keys])
    log.info("clean: first pass %s; second pass on %d documents, %s", stats, len(again), second_stats)
    kept = [(row.doc_id, sig) for row, (result, sig, _) in zip(rows, pairs) if result.text.strip()]
    duplicates = near_duplicates_from_signatures(
        [doc_id for doc_id, _ in kept], [sig for _, sig in kept], near_duplicate_params(params)
    )
    return _tables(rows, [result for result, _, _ in pairs], duplicates)


def _tables(
    rows: list, results: list[CleanResult], duplicates: dict[str, str]
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    cleaned_rows: list[dict] = []
    removed_rows: list[dict] = []
    reject_rows: list[dict] = []
    for row, result in zip(rows, results):
        removed_rows.extend(
            {"doc_id": row.doc_id, "line_no": r.line_no, "text": r.text, "reason": r.reason}
            for r in result.removed
        )
        if not result.text.strip():
            reject_rows.append({"source": row.source, "reason": "empty after cleaning: no body text left"})
            continue
        cleaned_rows.append(
            {
                "doc_id": row.doc_id,
                "source": row.source,
                "sha256": row.sha256,
                "title": result.title,
                "published": result.published,
                "site": result.site,
                "language": row.language,
                "duplicate_of": duplicates.get(row.doc_id),
                "text": result.text,
            }
        )
    cleaned = pd.DataFrame(cleaned_rows, columns=schema.CLEANED.names)
    removed = pd.DataFrame(removed_rows, columns=schema.REMOVED.names)
    removed = removed.sort_values(["doc_id", "line_no"], kind="stable").reset_index(drop=True)
    rejects = pd.DataFrame(reject_rows, columns=schema.REJECTS.names)
    return cleaned, removed, rejects


def fingerprint_of(params: CleanParams) -> str:
    """What a document's clean result depends on besides its own content."""
    here = Path(__file__).parent
    files = [here / "clean.py", here / "neardup.py", here / "schema.py"]
    return fingerprint(files, asdict(params), f"ftfy {ftfy.__version__}")


def main() -> None:
    setup_logging()
    started = time.monotonic()
    stage = load_params("clean")
    params = params_from_dict(stage.get("clean") or {})
    engine = engine_params(stage.get("engine"))
    ingested = read_table("data/ingest/ingested.parquet")
    with ResultCache(CACHE, fingerprint_of(params)) as cache:
        cleaned, removed, rejects = run(params, ingested, engine, cache)
    write_table(cleaned, schema.CLEANED, "data/clean/cleaned.parquet")
    write_table(removed, schema.REMOVED, "data/clean/removed.parquet")
    write_table(rejects, schema.REJECTS, "data/clean/rejects.parquet")
    log.info(
        "clean: %d documents in, %d out, %d rejected, %d lines removed, %.1f s",
        len(ingested),
        len(cleaned),
        len(rejects),
        len(removed),
        time.monotonic() - started,
    )


if __name__ == "__main__":
    # run under the package's name: the results the workers return and the cache pickles are then
    # "pipeline.clean.…", which any program can load back, not "__main__.…"
    from pipeline.clean import main as stage_main

    stage_main()
