"""Stage `sentences`: sentence spans with character offsets into the clean text.

Rule-based rather than a parser: the clean text is edited prose whose sentences
end in . ! ? or …, and a line break (a paragraph or an in-article heading) always
ends a sentence, which a statistical splitter does not guarantee.
"""

import re
import time
from dataclasses import dataclass

import pandas as pd

from pipeline import schema
from pipeline.io import load_params, log, read_table, setup_logging, write_table

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


def sentence_rows(doc_id: str, text: str, params: SentenceParams) -> list[dict]:
    """Rows of the sentences table for one document."""
    return [
        {"doc_id": doc_id, "sent_id": i, "start": s, "end": e, "text": text[s:e]}
        for i, (s, e) in enumerate(split_sentences(text, params))
    ]


def main() -> None:
    setup_logging()
    started = time.monotonic()
    p = load_params("sentences")["sentences"]
    params = SentenceParams(abbreviations=tuple(p["abbreviations"]))
    cleaned = read_table("data/clean/cleaned.parquet")
    rows = [
        row
        for doc_id, text in zip(cleaned["doc_id"], cleaned["text"])
        for row in sentence_rows(doc_id, text, params)
    ]
    table = pd.DataFrame(rows, columns=schema.SENTENCES.names)
    write_table(table, schema.SENTENCES, "data/sentences/sentences.parquet")
    log.info(
        "sentences: %d documents, %d sentences, %.1f s",
        len(cleaned),
        len(table),
        time.monotonic() - started,
    )


if __name__ == "__main__":
    main()
