"""Stage `extract`: entity mentions and amounts from the clean text of each document.

Entities come from spaCy NER followed by the repairs in `pipeline.entities`;
amounts from the rule grammar in `pipeline.amounts`. Both work on the whole
document text, so their offsets index `documents.text` directly, and each row is
placed in the sentence that contains its start.
"""

import bisect
import time
from dataclasses import dataclass

import pandas as pd

from pipeline import schema
from pipeline.amounts import find_amounts
from pipeline.entities import assign_canonicals, find_mentions_batch
from pipeline.io import in_chunks, load_params, log, read_table, setup_logging, write_table
from pipeline.nlp import load_nlp


@dataclass(frozen=True)
class ExtractParams:
    model: str
    batch_size: int
    disable: tuple[str, ...]


def locate_sentence(starts: list[int], offset: int) -> int:
    """Index of the sentence whose span starts at or before `offset` (starts sorted)."""
    return max(bisect.bisect_right(starts, offset) - 1, 0)


def extract_entities(
    cleaned: pd.DataFrame,
    sentence_starts: dict[str, list[int]],
    params: ExtractParams,
    amounts: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Entity rows for every document, with one canonical name across the corpus.

    A mention inside one of `amounts` ("75 000 Ar", "2 500 000 FC") is a unit, not a name.
    """
    nlp = load_nlp(params.model, params.disable)
    doc_ids = list(cleaned["doc_id"])
    texts = list(cleaned["text"])
    # chunks of several batches: progress on a terminal without slowing nlp.pipe down
    mentions = [
        doc_mentions
        for chunk in in_chunks(texts, params.batch_size * 8, "extract: entities")
        for doc_mentions in find_mentions_batch(nlp, list(chunk), batch_size=params.batch_size)
    ]
    inside = _amount_spans(amounts)
    pairs = [
        (doc_id, m)
        for doc_id, doc_mentions in zip(doc_ids, mentions)
        for m in doc_mentions
        if not _within(inside.get(doc_id, []), m.start, m.end)
    ]
    canonicals = assign_canonicals(pairs)
    rows = [
        {
            "doc_id": doc_id,
            "sent_id": locate_sentence(sentence_starts.get(doc_id, []), m.start),
            "start": m.start,
            "end": m.end,
            "text": m.text,
            "label": m.label,
            "canonical": canonical,
        }
        for (doc_id, m), canonical in zip(pairs, canonicals)
    ]
    return pd.DataFrame(rows, columns=schema.ENTITIES.names)


def _amount_spans(amounts: pd.DataFrame | None) -> dict[str, list[tuple[int, int]]]:
    """(start, end) of every amount, by document, sorted."""
    if amounts is None or amounts.empty:
        return {}
    return {
        doc_id: sorted(zip(group["start"], group["end"]))
        for doc_id, group in amounts.groupby("doc_id", sort=True)
    }


def _within(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) lies inside one of the sorted spans."""
    i = bisect.bisect_right(spans, (start, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= start and end <= spans[i][1]


def extract_amounts(cleaned: pd.DataFrame, sentence_starts: dict[str, list[int]]) -> pd.DataFrame:
    """Amount rows for every document; `range_id` is made unique across the corpus."""
    rows = []
    next_range = 0
    titles = cleaned["title"] if "title" in cleaned else [None] * len(cleaned)
    for doc_id, text, title in zip(cleaned["doc_id"], cleaned["text"], titles):
        local_ranges: dict[int, int] = {}
        # the headline helps tell which currency a bare "$" or "francs" is
        for a in find_amounts(text, title if isinstance(title, str) else ""):
            range_id = None
            if a.range_id is not None:
                if a.range_id not in local_ranges:
                    local_ranges[a.range_id] = next_range
                    next_range += 1
                range_id = local_ranges[a.range_id]
            rows.append(
                {
                    "doc_id": doc_id,
                    "sent_id": locate_sentence(sentence_starts.get(doc_id, []), a.start),
                    "start": a.start,
                    "end": a.end,
                    "text": a.text,
                    "value": float(a.value),
                    "unit": a.unit,
                    "object": a.object,
                    "qualifier": a.qualifier,
                    "range_id": range_id,
                }
            )
    table = pd.DataFrame(rows, columns=schema.AMOUNTS.names)
    return table.astype({"range_id": "Int64"})


def main() -> None:
    setup_logging()
    started = time.monotonic()
    p = load_params("extract")["extract"]
    params = ExtractParams(
        model=p["model"], batch_size=int(p["batch_size"]), disable=tuple(p["disable"])
    )
    cleaned = read_table("data/clean/cleaned.parquet").sort_values("doc_id", kind="stable")
    sentences = read_table("data/sentences/sentences.parquet")
    sentence_starts = {
        doc_id: sorted(group["start"]) for doc_id, group in sentences.groupby("doc_id", sort=True)
    }
    amounts = extract_amounts(cleaned, sentence_starts)
    entities = extract_entities(cleaned, sentence_starts, params, amounts)
    entities = entities.sort_values(["doc_id", "start", "end"], kind="stable")
    amounts = amounts.sort_values(["doc_id", "start", "end"], kind="stable")
    write_table(entities, schema.ENTITIES, "data/extract/entities.parquet")
    write_table(amounts, schema.AMOUNTS, "data/extract/amounts.parquet")
    log.info(
        "extract: %d documents, %d entities, %d amounts, %.1f s",
        len(cleaned),
        len(entities),
        len(amounts),
        time.monotonic() - started,
    )


if __name__ == "__main__":
    main()
