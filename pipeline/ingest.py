"""Stage `ingest`: read every file of the input folder into one table of decoded text.

Each file ends either in `data/ingest/ingested.parquet` or, with a reason a user
understands, in `data/ingest/rejects.parquet`; none is dropped silently.
"""

import hashlib
import re
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from pipeline import schema
from pipeline.io import load_params, log, setup_logging, write_table

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)\b", re.I | re.S)
# Control characters other than tab, newline, carriage return and form feed
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class IngestParams:
    input_dir: str
    max_bytes: int
    max_control_ratio: float


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
    """Unify newlines to `\\n` and compose Unicode (NFC) so equal text compares equal."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
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


def list_inputs(input_dir: Path) -> list[Path]:
    """Every regular file below `input_dir`, sorted by relative path for a stable order."""
    files = [p for p in input_dir.rglob("*") if p.is_file()]
    return sorted(files, key=lambda p: p.relative_to(input_dir).as_posix())


def ingest_files(input_dir: Path, params: IngestParams) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Read, decode and deduplicate the files of `input_dir`; return (ingested, rejects)."""
    rows: list[dict] = []
    rejects: list[dict] = []
    first_by_text: dict[str, str] = {}
    first_by_id: dict[str, str] = {}
    for path in list_inputs(input_dir):
        source = path.relative_to(input_dir).as_posix()
        reason, row = _ingest_one(path, source, params)
        if row is not None:
            doc_id = row["doc_id"]
            key = row["raw_text"].strip()
            if key in first_by_text:
                reason = f"duplicate: same text as {first_by_text[key]}"
            elif doc_id in first_by_id:
                reason = f"duplicate name: {first_by_id[doc_id]} already has the id {doc_id}"
            else:
                first_by_text[key] = source
                first_by_id[doc_id] = source
                rows.append(row)
        if reason is not None:
            rejects.append({"source": source, "reason": reason})
            log.warning("ingest: rejected %s (%s)", source, reason)
    ingested = pd.DataFrame(rows, columns=schema.INGESTED.names)
    return ingested, pd.DataFrame(rejects, columns=schema.REJECTS.names)


def _ingest_one(path: Path, source: str, params: IngestParams) -> tuple[str | None, dict | None]:
    if path.name.startswith("."):
        return "hidden file: names starting with a dot are not articles", None
    size = path.stat().st_size
    if size > params.max_bytes:
        return f"too large: {size} bytes, over ingest.max_bytes = {params.max_bytes}", None
    try:
        raw = path.read_bytes()
    except OSError as err:
        return f"unreadable: {err.strerror}", None
    decoded = decode_bytes(raw, max_control_ratio=params.max_control_ratio)
    if decoded.reject_reason is not None:
        return decoded.reject_reason, None
    row = {
        "doc_id": path.stem,
        "source": source,
        "sha256": hashlib.sha256(raw).hexdigest(),
        "encoding": decoded.encoding,
        "format": "text",
        "raw_text": decoded.text,
        "html_title": None,
        "html_published": None,
        "html_site": None,
    }
    if is_html(path.name, raw):
        article = extract_html(decoded.text)
        if article is None:
            return "no article: the HTML page has no extractable article text", None
        row.update(
            format="html",
            raw_text=article.text,
            html_title=article.title,
            html_published=article.published,
            html_site=article.site,
        )
    return None, row


def main() -> None:
    setup_logging()
    started = time.monotonic()
    p = load_params("ingest")["ingest"]
    params = IngestParams(
        input_dir=p["input_dir"],
        max_bytes=int(p["max_bytes"]),
        max_control_ratio=float(p["max_control_ratio"]),
    )
    input_dir = Path(params.input_dir)
    if not input_dir.is_dir():
        raise SystemExit(f"ingest: input_dir {input_dir} is not a folder (params.yaml ingest.input_dir)")
    ingested, rejects = ingest_files(input_dir, params)
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
    main()
