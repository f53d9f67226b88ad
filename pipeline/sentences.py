"""Stage `sentences`: sentence spans with character offsets into the clean text.

Rule-based rather than a parser: the clean text is edited prose whose sentences
end in . ! ? or …, and a line break (a paragraph or an in-article heading) always
ends a sentence, which a statistical splitter does not guarantee.
"""

import functools
import re
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import pandas as pd

from pipeline import schema
from pipeline.cache import ResultCache, content_key, fingerprint
from pipeline.engine import EngineParams, engine_params, run_cached
from pipeline.io import load_params, log, originals, read_table, setup_logging, write_table

CACHE = "data/cache/sentences/results.sqlite"

# A sentence end: terminal punctuation, optional closing quotes or brackets, then
# space and something that can open a sentence (capital, digit, opening quote, dash).
BOUNDARY = re.compile(r"[.!?…]+(?:[ \u00a0\u202f]?[»\"”’)\]])*(?=\s+[«\"“(\[—–\-]?\s*[A-ZÀ-ÖØ-Þ0-9])")
WORD_BEFORE = re.compile(r"(\S+)$")


@dataclass(frozen=True)
class SentenceParams:
    abbreviations: tuple[str, ...]


def split_sentences(text: str, params: SentenceParams) -> list[tuple[int, int]]:
    """Return (start, end) spans of the sentences of `text`, whitespace trimmed.

    A period after a known abbreviation ("M.", "Mme.", "av.") or a single capital
    initial ("A. Diop") does not end a sentence.
    """
    abbreviations = {a.lower() for a in params.abbreviations}
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        start = line.start()
        for boundary in BOUNDARY.finditer(line.group()):
            end = line.start() + boundary.end()
            if _is_abbreviation(text[start:end], abbreviations):
                continue
            spans.append(_trim(text, start, end))
            start = end
        spans.append(_trim(text, start, line.end()))
    return [(s, e) for s, e in spans if e > s]


def _is_abbreviation(sentence: str, abbreviations: set[str]) -> bool:
    if not sentence.endswith("."):
        return False
    word = WORD_BEFORE.search(sentence.rstrip("."))
    if word is None:
        return False
    token = word.group(1).lstrip("«\"“([").lower()
    is_initial = len(token) == 1 and token.isalpha()
    return is_initial or token + "." in abbreviations or token in abbreviations


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _split_batch(params: SentenceParams, texts: list[str]) -> list[list[tuple[int, int]]]:
    return [split_sentences(text, params) for text in texts]


def sentence_table(
    cleaned: pd.DataFrame, params: SentenceParams, engine: EngineParams, cache: ResultCache
) -> pd.DataFrame:
    """The sentences table of every cleaned document, spans taken from `cache` where it has them."""
    texts = list(cleaned["text"])
    keys = [content_key(text) for text in texts]
    work = functools.partial(_split_batch, params)
    spans, stats = run_cached(work, texts, keys, cache, engine, "sentences", light=True)
    cache.retain(keys)
    log.info("sentences: %s", stats)
    doc_ids = list(cleaned["doc_id"])
    counts = [len(s) for s in spans]
    flat = [span for doc_spans in spans for span in doc_spans]
    return pd.DataFrame(
        {
            "doc_id": [doc_id for doc_id, n in zip(doc_ids, counts) for _ in range(n)],
            "sent_id": [i for n in counts for i in range(n)],
            "start": [s for s, _ in flat],
            "end": [e for _, e in flat],
            "text": [text[s:e] for text, n, doc_spans in zip(texts, counts, spans) for s, e in doc_spans],
        },
        columns=schema.SENTENCES.names,
    ).astype({"sent_id": "int64", "start": "int64", "end": "int64"})


def fingerprint_of(params: SentenceParams) -> str:
    return fingerprint([Path(__file__)], asdict(params))


def main() -> None:
    setup_logging()
    started = time.monotonic()
    stage = load_params("sentences")
    params = SentenceParams(abbreviations=tuple(stage["sentences"]["abbreviations"]))
    engine = engine_params(stage.get("engine"))
    cleaned = originals(read_table("data/clean/cleaned.parquet"))
    with ResultCache(CACHE, fingerprint_of(params)) as cache:
        table = sentence_table(cleaned, params, engine, cache)
    write_table(table, schema.SENTENCES, "data/sentences/sentences.parquet")
    log.info(
        "sentences: %d documents, %d sentences, %.1f s",
        len(cleaned),
        len(table),
        time.monotonic() - started,
    )


if __name__ == "__main__":
    # run under the package's name: the results the workers return and the cache pickles are then
    # "pipeline.sentences.…", which any program can load back, not "__main__.…"
    from pipeline.sentences import main as stage_main

    stage_main()
