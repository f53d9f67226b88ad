"""Stage `ingest`: read every file of the input folder into one table of decoded text.

Each file ends either in `data/ingest/ingested.parquet` or, with a reason a user
understands, in `data/ingest/rejects.parquet`; none is dropped silently.
"""

import functools
import gzip
import hashlib
import io
import json
import os
import re
import time
import unicodedata
import zlib
from dataclasses import asdict, dataclass
from importlib import metadata
from pathlib import Path, PurePosixPath

import pandas as pd
from lingua import ConfidenceValue, IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder

from pipeline import schema
from pipeline.cache import ResultCache, content_key, fingerprint
from pipeline.engine import EngineParams, engine_params, run_cached
from pipeline.io import load_params, log, setup_logging, write_table, write_text

CACHE = "data/cache/ingest/results.sqlite"
# the sha256 of each input file, with the size, times and inode it had when read
DIGESTS = "data/cache/ingest/digests.json"
# a file changed this recently when read may change again within its clock's resolution
# unseen: its digest is not kept, and the next run reads it again
RACY_NS = 2_000_000_000

TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
GZIP_SUFFIX = ".gz"
# Every suffix read, longest first so that `.txt.gz` wins over `.gz`
DOCUMENT_SUFFIXES = tuple(
    sorted((s + z for s in TEXT_SUFFIXES + HTML_SUFFIXES for z in ("", GZIP_SUFFIX)), key=len, reverse=True)
)
HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)\b", re.I | re.S)
# Control characters other than tab, newline, carriage return and form feed
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# Line breaks by another name: form feed, vertical tab, NEL, line and paragraph separators
LINE_BREAKS = re.compile(r"[\f\v\x85\u2028\u2029]")
# Control characters (category Cc) that remain once newlines, tabs and line breaks are mapped
CONTROLS_LEFT = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Unicode format characters (category Cf, as of Unicode 14) but U+200B: soft hyphen, bidi marks,
# embeddings and isolates, zero-width joiners, word joiner, BOM. They render as nothing.
FORMAT = re.compile(
    "[\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200c-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U00013438"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]"
)
# A zero-width space inside a word ("inter\u200bnational") is a break hint: it renders as nothing
ZWSP_IN_WORD = re.compile(r"(?<=\w)\u200b+(?=\w)")
# Between a word and punctuation ("Kayes,\u200bKita") it is the only mark of a word boundary
ZWSP_BOUNDARY = re.compile(r"(?<=[^\s\u200b])\u200b+(?=[^\s\u200b])")

# Languages the detector tells apart: those a French-language press corpus meets. A text is
# only ever labelled with one of these (or one of ingest.languages, which is added to them).
DETECTED_LANGUAGES = ("fr", "en", "ar", "es", "pt", "de", "it", "nl", "ru", "zh", "tr")
# Characters of a text the detector reads at most: a long page costs no more than a short one
LANGUAGE_SAMPLE_CHARS = 3000
# A mixed text is judged passage by passage: runs of sentences of about this many characters
LANGUAGE_PASSAGE_CHARS = 300
PASSAGE_BREAK = re.compile(r"(?<=[.!?…])\s+|\n+")
# Function words only French writes. A sample where they make this share of the words is French
# without asking the detector, which costs about 2 ms a page: an article in another language
# holds next to none of them, French news one word in eight to fifteen
FRENCH_ONLY_WORDS = frozenset(
    "les du est une dans pour qui pas aux avec cette sont ont été ses leur leurs nous vous ils elles"
    " être aussi selon depuis après très était ces cet".split()
)
FRENCH_ONLY_MIN_SHARE = 0.05
SAMPLE_WORD = re.compile(r"[^\W\d_]+")
# Quoted passages are set aside for detection: a French article quoting at length in English is French
QUOTED = re.compile(r"«[^»]*»|“[^”]*”|\"[^\"\n]*\"")


@dataclass(frozen=True)
class IngestParams:
    input_dir: str
    max_bytes: int
    max_control_ratio: float
    languages: tuple[str, ...] = ("fr",)
    language_min_confidence: float = 0.9
    language_min_letters: int = 200


@dataclass(frozen=True)
class LanguageGuess:
    """The language a text is taken to be in; `detected` is False when it was assumed."""

    language: str  # ISO 639-1
    confidence: float
    detected: bool


@dataclass(frozen=True)
class Decoded:
    """Text of one file, or the reason it cannot be used (then `text` is empty)."""

    text: str
    encoding: str
    reject_reason: str | None = None


@dataclass(frozen=True)
class HtmlArticle:
    text: str
    title: str | None
    published: str | None
    site: str | None


def normalise_text(text: str) -> str:
    """Unify newlines to `\\n`, drop invisible characters and compose Unicode (NFC).

    Equal-looking text then compares equal, and no offset computed downstream counts
    a character nobody sees: a soft hyphen goes ("Ma\\u00adli" -> "Mali"), a tab is a
    space, a form feed a newline. Composition comes last, as removing a joiner can
    bring a letter and its accent together.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = LINE_BREAKS.sub("\n", text).replace("\t", " ")
    text = FORMAT.sub("", CONTROLS_LEFT.sub("", text))
    text = ZWSP_BOUNDARY.sub(" ", ZWSP_IN_WORD.sub("", text)).replace("\u200b", "")
    return unicodedata.normalize("NFC", text)


def decode_bytes(raw: bytes, *, max_control_ratio: float = 0.01) -> Decoded:
    """Decode raw file bytes to text, recording the encoding that worked.

    A NUL byte or many control characters mean the file is not text at all;
    a UTF-16 file carries a BOM, so it is recognised before looking for NULs.
    """
    if not raw.strip():
        return Decoded("", "", "empty: the file has no text")
    for bom, encoding in ((b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if raw.startswith(bom):
            try:
                return _checked(raw.decode(encoding), encoding, max_control_ratio)
            except UnicodeDecodeError:
                return Decoded("", "", "not text: invalid UTF-16 content")
    if b"\x00" in raw:
        return Decoded("", "", "not text: binary content")
    if raw.startswith(b"\xef\xbb\xbf"):
        encoding = "utf-8-sig"
    else:
        encoding = "utf-8"
    try:
        return _checked(raw.decode(encoding), encoding, max_control_ratio)
    except UnicodeDecodeError:
        pass
    try:
        return _checked(raw.decode("cp1252"), "cp1252", max_control_ratio)
    except UnicodeDecodeError:
        # cp1252 leaves five bytes undefined; latin-1 maps every byte
        return _checked(raw.decode("latin-1"), "latin-1", max_control_ratio)


def _checked(text: str, encoding: str, max_control_ratio: float) -> Decoded:
    if len(CONTROL.findall(text)) > max_control_ratio * len(text):
        return Decoded("", encoding, "not text: binary content")
    text = normalise_text(text)
    if not text.strip():
        return Decoded("", encoding, "empty: the file has no text")
    return Decoded(text, encoding)


def is_html(name: str, raw: bytes) -> bool:
    """Tell HTML by the file name or, for a misnamed file, by its opening tag."""
    return name.lower().endswith(HTML_SUFFIXES) or bool(HTML_START.match(raw[:2048]))


def extract_html(html: str) -> HtmlArticle | None:
    """Extract the article text and metadata of an HTML page with trafilatura.

    Returns None when the page holds no article text. Paragraphs come out one per
    line; the headline is returned as `title`, not inside the text.
    """
    import trafilatura  # only HTML inputs pay for the import

    text = trafilatura.extract(
        html,
        include_comments=False,
        include_tables=False,
        include_images=False,
        deduplicate=False,
        output_format="txt",
    )
    if not text or not text.strip():
        return None
    meta = trafilatura.extract_metadata(html, extensive=True)
    title = site = published = None
    if meta is not None:
        title = meta.title or None
        published = meta.date or None
        site = meta.sitename or meta.hostname or None
    return HtmlArticle(normalise_text(text), title, published, site)


@functools.cache
def load_detector(languages: tuple[str, ...]) -> LanguageDetector:
    """The language detector for these ISO 639-1 codes, built once per process.

    Its models load lazily, each the first time a text could be in its language.
    """
    return LanguageDetectorBuilder.from_iso_codes_639_1(*map(_iso_code, languages)).build()


def _iso_code(language: str) -> IsoCode639_1:
    try:
        return IsoCode639_1.from_str(language)
    except ValueError as err:
        raise ValueError(f"unknown ISO 639-1 language code {language!r}") from err


def _detector_languages(languages: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted(set(DETECTED_LANGUAGES) | set(languages)))


def language_name(language: str) -> str:
    """English name of an ISO 639-1 code, for messages: "fr" -> "French"."""
    return Language.from_iso_code_639_1(_iso_code(language)).name.title()


def detect_language(text: str, params: IngestParams) -> LanguageGuess:
    """Detect the language of `text`, or assume the first of `params.languages`.

    The guess counts only when the detector is confident and the text has enough
    letters outside quotes: a headline, a table of figures or a list of names
    is too little to tell, and is taken to be in the language the corpus is in.
    A language outside `params.languages` takes more: that share of the text's
    letters must read as it, passage by passage, so a French article with long
    English passages, or a bilingual one, stays French.
    """
    sample = _language_sample(QUOTED.sub(" ", text))
    if sum(map(str.isalpha, sample)) >= params.language_min_letters:
        if "fr" in params.languages and _plainly_french(sample):
            return LanguageGuess("fr", 1.0, True)
        detector = load_detector(_detector_languages(params.languages))
        best = _best_language(detector, sample)
        if best is not None and best.value >= params.language_min_confidence:
            language = _iso_name(best.language)
            if language in params.languages:
                return LanguageGuess(language, best.value, True)
            confidence = min(best.value, _share_reading_as(detector, sample, best.language))
            if confidence >= params.language_min_confidence:
                return LanguageGuess(language, confidence, True)
    return LanguageGuess(params.languages[0], 0.0, False)


def _plainly_french(sample: str) -> bool:
    words = SAMPLE_WORD.findall(sample.lower())
    return sum(w in FRENCH_ONLY_WORDS for w in words) >= FRENCH_ONLY_MIN_SHARE * len(words)


def _best_language(detector: LanguageDetector, text: str) -> ConfidenceValue | None:
    values = detector.compute_language_confidence_values(text)
    return values[0] if values else None


def _iso_name(language: Language) -> str:
    return language.iso_code_639_1.name.lower()


def _language_sample(text: str) -> str:
    """At most LANGUAGE_SAMPLE_CHARS of `text`: all of it, or its start, middle and end."""
    if len(text) <= LANGUAGE_SAMPLE_CHARS:
        return text
    third = LANGUAGE_SAMPLE_CHARS // 3
    middle = (len(text) - third) // 2
    return "\n".join((text[:third], text[middle : middle + third], text[-third:]))


def _share_reading_as(detector: LanguageDetector, text: str, language: Language) -> float:
    """Share of the letters of `text` in passages the detector reads as `language`."""
    matching = total = 0
    for passage in _passages(text):
        letters = sum(map(str.isalpha, passage))
        best = _best_language(detector, passage)
        total += letters
        if best is not None and best.language == language:
            matching += letters
    return matching / total if total else 0.0


def _passages(text: str) -> list[str]:
    """`text` cut at sentence ends and newlines into passages of LANGUAGE_PASSAGE_CHARS or more."""
    passages = [""]
    for piece in PASSAGE_BREAK.split(text):
        if len(passages[-1]) >= LANGUAGE_PASSAGE_CHARS:
            passages.append("")
        passages[-1] = f"{passages[-1]} {piece}" if passages[-1] else piece
    return passages


def language_reject_reason(guess: LanguageGuess, languages: tuple[str, ...]) -> str | None:
    """Why a text in a language outside `languages` is rejected, or None when it is kept."""
    if guess.language in languages:
        return None
    detected = f"detected {guess.language} ({guess.confidence:.2f})"
    if len(languages) == 1:
        return f"not {language_name(languages[0])}: {detected}"
    return f"not in ingest.languages ({', '.join(languages)}): {detected}"


def walk_inputs(input_dir: Path) -> list[tuple[str, Path]]:
    """(relative POSIX path, path) of every regular file below `input_dir`, sorted by relative path.

    A symlink to a file counts as that file, as `Path.is_file()` says; a symlinked folder is not
    entered, as `Path.rglob` does not. Built on `os.walk`, with the relative path assembled as
    strings: at 10,000 files pathlib's own steps cost more than reading the directory.
    """
    found = []
    for root, _dirs, names in os.walk(input_dir):
        folder = os.path.relpath(root, input_dir)
        prefix = "" if folder == "." else folder.replace(os.sep, "/") + "/"
        for name in names:
            full = os.path.join(root, name)
            if os.path.isfile(full):
                found.append((prefix + name, Path(full)))
    return sorted(found)


def document_suffix(name: str) -> str | None:
    """The file-type suffix of a name the stage reads, as written ("a.HTML" -> ".HTML"), else None."""
    lower = name.lower()
    for suffix in DOCUMENT_SUFFIXES:
        if lower.endswith(suffix) and len(name) > len(suffix):
            return name[-len(suffix) :]
    return None


def path_reject_reason(source: str) -> str | None:
    """Why a file is not read, judging by its relative path alone, or None."""
    name = source.rpartition("/")[2]
    if name.startswith("."):
        return "hidden file: names starting with a dot are not articles"
    if document_suffix(name) is None:
        suffixes = PurePosixPath(name).suffixes
        # a compressed file names what it holds: "data.json.gz"
        keep = 2 if len(suffixes) > 1 and suffixes[-1].lower() == GZIP_SUFFIX else 1
        shown = "".join(suffixes[-keep:])
        return f"unsupported file type: {shown or 'no extension'}"
    return None


def assign_doc_ids(sources: list[str]) -> dict[str, str]:
    """Map each relative path read to its doc_id: the path without its file-type suffix.

    Paths that would share an id (`a.html`, `a.txt`) are told apart by the paths
    alone, so an id never depends on which files decode: the first in sorted
    order keeps the bare id (`a`), each later one its whole path (`a.txt`), with
    `~2`, `~3`... should another file's bare id already be that.
    """
    bare = {source: source[: -len(document_suffix(source))] for source in sorted(sources)}
    doc_ids: dict[str, str] = {}
    taken: set[str] = set()
    for source, doc_id in bare.items():
        if doc_id not in taken:
            doc_ids[source] = doc_id
            taken.add(doc_id)
    for source in bare:
        if source in doc_ids:
            continue
        doc_id, n = source, 2
        while doc_id in taken:
            doc_id, n = f"{source}~{n}", n + 1
        doc_ids[source] = doc_id
        taken.add(doc_id)
    return doc_ids


class DigestMemo:
    """The sha256 of input files by path, trusted while the file's size, times and inode stay those seen.

    A rerun then reads only the files that are new or were touched since, as DVC
    and git tell unchanged files by their stat. A file changed within `RACY_NS` of
    being read is not kept, so a write its clock cannot yet tell apart is not missed.
    Kept as JSON in `path`; an unreadable memo is an empty one.
    """

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = None if path is None else Path(path)
        self._entries: dict[str, list] = {}
        self._seen: set[str] = set()
        self._changed = False
        if self.path is not None and self.path.exists():
            try:
                entries = json.loads(self.path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                entries = None
            if isinstance(entries, dict):
                self._entries = entries

    @staticmethod
    def _identity(st: os.stat_result) -> list:
        return [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev]

    def digest(self, path: Path, st: os.stat_result) -> str | None:
        """The recorded sha256 of `path`, if its stat `st` is the one recorded with it."""
        key = str(path)
        self._seen.add(key)
        entry = self._entries.get(key)
        if isinstance(entry, list) and len(entry) == 6 and entry[:5] == self._identity(st):
            return entry[5]
        return None

    def record(self, path: Path, st: os.stat_result, digest: str) -> None:
        key = str(path)
        self._seen.add(key)
        if time.time_ns() - max(st.st_mtime_ns, st.st_ctime_ns) < RACY_NS:
            self._changed |= self._entries.pop(key, None) is not None
            return
        self._entries[key] = [*self._identity(st), digest]
        self._changed = True

    def save(self) -> None:
        """Write the memo atomically, with only the paths looked up since it was loaded."""
        gone = self._entries.keys() - self._seen
        for key in gone:
            del self._entries[key]
        if self.path is not None and (self._changed or gone):
            write_text(json.dumps(self._entries, sort_keys=True, separators=(",", ":")), self.path)
        self._changed = False


def ingest_files(
    input_dir: Path,
    params: IngestParams,
    engine: EngineParams = EngineParams(n_process=1),
    cache: ResultCache | None = None,
    digests: DigestMemo | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Read, decode and deduplicate the files of `input_dir`; return (ingested, rejects).

    A file's decoded text depends only on its bytes, the kind its name gives and
    the params: it is taken from `cache` when the same bytes were read before.
    `digests` spares reading again the files whose stat has not changed.
    """
    if cache is None:
        cache = ResultCache(":memory:", "")
    if digests is None:
        digests = DigestMemo()
    paths = dict(walk_inputs(input_dir))
    doc_ids = assign_doc_ids([source for source in paths if path_reject_reason(source) is None])
    early: dict[str, str] = {}
    todo: list[tuple[Path, str]] = []  # (path, sha256 of the bytes read)
    todo_sources: list[str] = []
    keys: list[str] = []
    for source, path in paths.items():
        if source in doc_ids:
            digest, reason = _read_digest(path, params, digests)
        else:
            digest, reason = None, path_reject_reason(source)
        if reason is not None:
            early[source] = reason
            continue
        todo.append((path, digest))
        todo_sources.append(source)
        keys.append(content_key(digest, _kind(path.name)))
    work = functools.partial(_decode_batch, params)
    decoded, stats = run_cached(work, todo, keys, cache, engine, "ingest", light=True)
    cache.retain(keys)
    digests.save()
    log.info("ingest: %s", stats)
    by_source = dict(zip(todo_sources, decoded))
    rows: list[dict] = []
    rejects: list[dict] = []
    first_by_text: dict[str, str] = {}
    for source in paths:
        reason, row = early.get(source), None
        if source in by_source:
            reason, fields = by_source[source]
            row = None if fields is None else {"doc_id": doc_ids[source], "source": source, **fields}
        if row is not None:
            key = row["raw_text"].strip()
            if key in first_by_text:
                reason = f"duplicate: same text as {first_by_text[key]}"
            else:
                first_by_text[key] = source
                rows.append(row)
        if reason is not None:
            rejects.append({"source": source, "reason": reason})
            log.warning("ingest: rejected %s (%s)", source, reason)
    ingested = pd.DataFrame(rows, columns=schema.INGESTED.names)
    return ingested, pd.DataFrame(rejects, columns=schema.REJECTS.names)


def _kind(name: str) -> str:
    """What a file's name says of how to read it: its document suffix, lowercased."""
    return document_suffix(name).lower()


def _read_digest(path: Path, params: IngestParams, digests: DigestMemo) -> tuple[str | None, str | None]:
    """(sha256 of the file's bytes, None), or (None, why the file cannot be read)."""
    try:
        st = os.stat(path)
        if st.st_size > params.max_bytes:
            return None, f"too large: {st.st_size} bytes, over ingest.max_bytes = {params.max_bytes}"
        digest = digests.digest(path, st)
        if digest is None:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            digests.record(path, st, digest)
        return digest, None
    except OSError as err:
        return None, f"unreadable: {err.strerror}"


def _decode_batch(params: IngestParams, files: list[tuple[Path, str]]) -> list[tuple[str | None, dict | None]]:
    return [_decode_file(path, digest, params) for path, digest in files]


def _decode_file(path: Path, digest: str, params: IngestParams) -> tuple[str | None, dict | None]:
    """(reject reason, document fields but doc_id and source) of one file.

    `digest` is the sha256 of the bytes the caller read: a file rewritten since
    is rejected rather than cached under the old content's key.
    """
    try:
        raw = path.read_bytes()
    except OSError as err:
        return f"unreadable: {err.strerror}", None
    if hashlib.sha256(raw).hexdigest() != digest:
        return "unreadable: the file changed while it was being read", None
    name = path.name
    content = raw
    if name.lower().endswith(GZIP_SUFFIX):
        name = name[: -len(GZIP_SUFFIX)]
        content, reason = gunzip(raw, params.max_bytes)
        if reason is not None:
            return reason, None
    decoded = decode_bytes(content, max_control_ratio=params.max_control_ratio)
    if decoded.reject_reason is not None:
        return decoded.reject_reason, None
    fields = {
        "sha256": digest,
        "encoding": decoded.encoding,
        "format": "text",
        "raw_text": decoded.text,
        "html_title": None,
        "html_published": None,
        "html_site": None,
    }
    if is_html(name, content):
        article = extract_html(decoded.text)
        if article is None:
            return "no article: the HTML page has no extractable article text", None
        fields.update(
            format="html",
            raw_text=article.text,
            html_title=article.title,
            html_published=article.published,
            html_site=article.site,
        )
    guess = detect_language(fields["raw_text"], params)
    reason = language_reject_reason(guess, params.languages)
    if reason is not None:
        return reason, None
    fields["language"] = guess.language
    return None, fields


def fingerprint_of(params: IngestParams) -> str:
    """What a file's decoded text depends on besides its bytes; the input folder is not part of it."""
    settings = {k: v for k, v in asdict(params).items() if k != "input_dir"}
    versions = [f"{name} {metadata.version(name)}" for name in ("lingua-language-detector", "trafilatura")]
    return fingerprint([Path(__file__), Path(__file__).with_name("schema.py")], settings, *versions)


def gunzip(raw: bytes, max_bytes: int) -> tuple[bytes, str | None]:
    """Decompress gzip bytes, stopping past `max_bytes` so a small file cannot unpack into a huge one."""
    try:
        content = gzip.GzipFile(fileobj=io.BytesIO(raw)).read(max_bytes + 1)
    except (OSError, EOFError, zlib.error):
        return b"", "not gzip: the file is damaged or not gzip-compressed"
    if len(content) > max_bytes:
        return b"", f"too large: over ingest.max_bytes = {max_bytes} once decompressed"
    return content, None


def main() -> None:
    setup_logging()
    started = time.monotonic()
    stage = load_params("ingest")
    p = stage["ingest"]
    params = IngestParams(
        input_dir=p["input_dir"],
        max_bytes=int(p["max_bytes"]),
        max_control_ratio=float(p["max_control_ratio"]),
        languages=tuple(p["languages"]),
        language_min_confidence=float(p["language_min_confidence"]),
        language_min_letters=int(p["language_min_letters"]),
    )
    input_dir = Path(params.input_dir)
    if not input_dir.is_dir():
        raise SystemExit(f"ingest: input_dir {input_dir} is not a folder (params.yaml ingest.input_dir)")
    if not params.languages:
        raise SystemExit("ingest: ingest.languages is empty (params.yaml); list at least one, e.g. [fr]")
    try:
        load_detector(_detector_languages(params.languages))
    except ValueError as err:
        raise SystemExit(f"ingest: ingest.languages (params.yaml): {err}") from err
    engine = engine_params(stage.get("engine"))
    with ResultCache(CACHE, fingerprint_of(params)) as cache:
        ingested, rejects = ingest_files(input_dir, params, engine, cache, DigestMemo(DIGESTS))
    write_table(ingested, schema.INGESTED, "data/ingest/ingested.parquet")
    write_table(rejects, schema.REJECTS, "data/ingest/rejects.parquet")
    log.info(
        "ingest: %d files, %d documents, %d rejected, %.1f s",
        len(ingested) + len(rejects),
        len(ingested),
        len(rejects),
        time.monotonic() - started,
    )


if __name__ == "__main__":
    # run under the package's name: the results the workers return and the cache pickles are then
    # "pipeline.ingest.…", which any program can load back, not "__main__.…"
    from pipeline.ingest import main as stage_main

    stage_main()
