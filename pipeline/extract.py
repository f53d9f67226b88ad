"""Stage `extract`: entity mentions and amounts from the clean text of each document.

Entities come from spaCy NER followed by the repairs in `pipeline.entities`;
amounts from the rule grammar in `pipeline.amounts`. Both work on the whole
document text, so their offsets index `documents.text` directly, and each row is
placed in the sentence that contains its start.
"""

import bisect
import functools
import importlib.metadata
import json
import operator
import os
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, fields
from pathlib import Path

import pandas as pd

from pipeline import schema
from pipeline.amounts import AmountMatch, find_amounts
from pipeline.cache import ResultCache, content_key, fingerprint
from pipeline.engine import EngineParams, RunStats, engine_params, preload_workers, run_cached
from pipeline.entities import (
    DocumentNames,
    Mention,
    corpus_canonicals,
    document_names,
    find_mentions_batch,
    mark_outlet,
)
from pipeline.io import load_params, log, originals, read_table, setup_logging, write_table
from pipeline.nlp import PRELOAD_MODEL_ENV, load_nlp

CACHE = "data/cache/extract/results.sqlite"
# the model's very large regular expressions, compiled (`pipeline.regex_store`)
REGEX_STORE = "data/cache/extract/regexes.pickle"


@dataclass(frozen=True)
class ExtractParams:
    model: str
    batch_size: int
    disable: tuple[str, ...]


# the fields of a packed amount and mention, in order
AMOUNT_FIELDS = tuple(f.name for f in fields(AmountMatch))
MENTION_FIELDS = tuple(f.name for f in fields(Mention))
# a packed amount's fields in the order the amounts table wants them
AMOUNT_ROW_FIELDS = ("start", "end", "text", "value", "unit", "object", "qualifier", "range_id")
AMOUNT_ROW = operator.itemgetter(*(AMOUNT_FIELDS.index(f) for f in AMOUNT_ROW_FIELDS))


@dataclass(frozen=True)
class DocumentResult:
    """What one document yields, before anything that depends on the rest of the corpus.

    Amounts and mentions are kept as plain tuples of their fields (`AMOUNT_FIELDS`,
    `MENTION_FIELDS`): a rerun reads every document's result back from the cache,
    and plain tuples unpickle about fifteen times faster than dataclasses.
    """

    amounts: tuple[tuple, ...]
    mentions: tuple[tuple[int, int, str, str], ...]  # the model's repaired mentions, none inside an amount
    names: DocumentNames  # what the canonical names of the mentions owe to this document alone

    @classmethod
    def pack(cls, amounts: list[AmountMatch], mentions: list[Mention]) -> "DocumentResult":
        return cls(
            tuple(tuple(getattr(a, f) for f in AMOUNT_FIELDS) for a in amounts),
            tuple(tuple(getattr(m, f) for f in MENTION_FIELDS) for m in mentions),
            document_names(mentions),
        )

    def mention_objects(self) -> list[Mention]:
        return [Mention(*m) for m in self.mentions]


def sentence_starts_of(sentences: pd.DataFrame) -> dict[str, list[int]]:
    """Sorted sentence start offsets of each document of a sentences table, in one pass."""
    starts: dict[str, list[int]] = {}
    for doc_id, start in zip(sentences["doc_id"], sentences["start"]):
        starts.setdefault(doc_id, []).append(int(start))
    return {doc_id: sorted(values) for doc_id, values in starts.items()}


def locate_sentence(starts: list[int], offset: int) -> int:
    """Index of the sentence whose span starts at or before `offset` (starts sorted)."""
    return max(bisect.bisect_right(starts, offset) - 1, 0)


def extract_batch(params: ExtractParams, docs: list[tuple[str, str | None, str | None]]) -> list[DocumentResult]:
    """Amounts and entity mentions of each (text, title, site) of a batch.

    A mention inside an amount ("75 000 Ar", "2 500 000 FC") is a unit, not a name.
    The headline helps tell which currency a bare "$" or "francs" is, and the site
    named in the body is the outlet, an organisation.
    """
    nlp = load_nlp(params.model, params.disable)
    texts = [text for text, _, _ in docs]
    amounts = [find_amounts(text, title if isinstance(title, str) else "") for text, title, _ in docs]
    mentions = find_mentions_batch(nlp, texts, batch_size=params.batch_size)
    results = []
    for (text, _, site), doc_amounts, doc_mentions in zip(docs, amounts, mentions):
        doc_mentions = mark_outlet(text, doc_mentions, site)
        inside = sorted((a.start, a.end) for a in doc_amounts)
        kept = [m for m in doc_mentions if not _within(inside, m.start, m.end)]
        results.append(DocumentResult.pack(doc_amounts, kept))
    return results


def _within(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) lies inside one of the sorted spans."""
    i = bisect.bisect_right(spans, (start, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= start and end <= spans[i][1]


def extract_documents(
    cleaned: pd.DataFrame,
    params: ExtractParams,
    engine: EngineParams,
    cache: ResultCache,
    on_results: Callable[[list[str], dict[str, DocumentResult]], None] | None = None,
) -> tuple[list[DocumentResult], RunStats]:
    """Each cleaned document's result, in table order, from `cache` where it has them.

    `on_results(keys, results)` sees the results by content key as they become known
    (`keys` is each document's, in table order).
    """
    titles = cleaned["title"] if "title" in cleaned else [None] * len(cleaned)
    sites = cleaned["site"] if "site" in cleaned else [None] * len(cleaned)
    docs = [
        (text, title if isinstance(title, str) else None, site if isinstance(site, str) else None)
        for text, title, site in zip(cleaned["text"], titles, sites)
    ]
    keys = [content_key(*doc) for doc in docs]
    each = None if on_results is None else functools.partial(on_results, keys)
    work = functools.partial(extract_batch, params)
    results, stats = run_cached(work, docs, keys, cache, engine, "extract", on_results=each)
    cache.retain(keys)
    return results, stats


class TableRows:
    """Each document's rows of the entity and amount tables but what depends on the corpus,
    built as its result becomes known: on a rerun, the cached documents' rows are
    built while the workers load the model for the new ones.
    """

    def __init__(self, doc_ids: list[str], sentence_starts: dict[str, list[int]]) -> None:
        self.doc_ids = doc_ids
        self.sentence_starts = sentence_starts
        self.entities: list[tuple | None] = [None] * len(doc_ids)
        self.amounts: list[tuple | None] = [None] * len(doc_ids)
        self._indexes: dict[str, list[int]] | None = None

    def add(self, keys: list[str], results: dict[str, DocumentResult]) -> None:
        """Build the rows of the documents (their content `keys` in table order) in `results`."""
        if self._indexes is None:
            self._indexes = {}
            for i, key in enumerate(keys):
                self._indexes.setdefault(key, []).append(i)
        for key, result in results.items():
            for i in self._indexes.get(key, ()):
                self._build(i, result)

    def complete(self, results: list[DocumentResult]) -> None:
        """Build the rows of every document still without them."""
        for i, result in enumerate(results):
            if self.entities[i] is None:
                self._build(i, result)

    def _build(self, i: int, result: DocumentResult) -> None:
        starts = self.sentence_starts.get(self.doc_ids[i], [])
        mentions = result.mentions
        self.entities[i] = (
            [locate_sentence(starts, m[0]) for m in mentions],
            *(zip(*mentions) if mentions else ((),) * len(MENTION_FIELDS)),
        )
        rows = [AMOUNT_ROW(row) for row in result.amounts]
        self.amounts[i] = (
            [locate_sentence(starts, row[0]) for row in rows],
            *(zip(*rows) if rows else ((),) * len(AMOUNT_ROW_FIELDS)),
        )


def entity_table(doc_ids: list[str], results: list[DocumentResult], rows: TableRows) -> pd.DataFrame:
    """Entity rows for every document, with one canonical name across the corpus."""
    columns: dict[str, list] = {name: [] for name in schema.ENTITIES.names}
    doc_col, sent_col = columns["doc_id"], columns["sent_id"]
    start_col, end_col, text_col, label_col = (columns[f] for f in ("start", "end", "text", "label"))
    documents = []
    for doc_id, result, (sent_ids, starts, ends, texts, labels) in zip(doc_ids, results, rows.entities):
        first = len(doc_col)
        documents.append((range(first, first + len(sent_ids)), result.names, result.mention_objects))
        doc_col.extend([doc_id] * len(sent_ids))
        sent_col.extend(sent_ids)
        start_col.extend(starts)
        end_col.extend(ends)
        text_col.extend(texts)
        label_col.extend(labels)
    columns["canonical"] = corpus_canonicals(documents, columns["label"])
    return pd.DataFrame(columns, columns=schema.ENTITIES.names)


def amount_table(doc_ids: list[str], rows: TableRows) -> pd.DataFrame:
    """Amount rows for every document; `range_id` is made unique across the corpus, in document order."""
    names = AMOUNT_ROW_FIELDS[:-1]  # range_id is renumbered across the corpus
    columns: dict[str, list] = {name: [] for name in schema.AMOUNTS.names}
    doc_col, sent_col, range_col = columns["doc_id"], columns["sent_id"], columns["range_id"]
    next_range = 0
    for doc_id, (sent_ids, *fields_, local_ranges) in zip(doc_ids, rows.amounts):
        doc_col.extend([doc_id] * len(sent_ids))
        sent_col.extend(sent_ids)
        for name, values in zip(names, fields_):
            columns[name].extend(values)
        renumbered: dict[int, int] = {}
        for local in local_ranges:
            if local is not None and local not in renumbered:
                renumbered[local] = next_range
                next_range += 1
        range_col.extend(None if local is None else renumbered[local] for local in local_ranges)
    columns["value"] = [float(v) for v in columns["value"]]
    table = pd.DataFrame(columns, columns=schema.AMOUNTS.names)
    return table.astype({"range_id": "Int64"})


def extract_tables(
    cleaned: pd.DataFrame,
    sentence_starts: dict[str, list[int]],
    params: ExtractParams,
    engine: EngineParams = EngineParams(n_process=1),
    cache: ResultCache | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(entities, amounts) tables of the cleaned documents, sorted by doc_id then position."""
    cleaned = cleaned.sort_values("doc_id", kind="stable")
    if cache is None:
        cache = ResultCache(":memory:", "")
    doc_ids = list(cleaned["doc_id"])
    rows = TableRows(doc_ids, sentence_starts)
    results, stats = extract_documents(cleaned, params, engine, cache, rows.add)
    log.info("extract: %s", stats)
    rows.complete(results)
    entities = entity_table(doc_ids, results, rows)
    amounts = amount_table(doc_ids, rows)
    return (
        entities.sort_values(["doc_id", "start", "end"], kind="stable"),
        amounts.sort_values(["doc_id", "start", "end"], kind="stable"),
    )


def fingerprint_of(params: ExtractParams) -> str:
    """What a document's result depends on besides its text: code, gazetteers, model and params."""
    here = Path(__file__).parent
    files = [here / f for f in ("extract.py", "entities.py", "amounts.py", "currencies.py", "nlp.py")]
    spacy_version = importlib.metadata.version("spacy")  # spaCy itself loads only in the workers
    model = _package_version(params.model) or params.model
    return fingerprint([*files, here / "data"], asdict(params), f"spacy {spacy_version}", f"model {model}")


def _package_version(name: str) -> str | None:
    """The installed version of package `name` (a model's), None when it is no package."""
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return None


def preload_model(params: ExtractParams, engine: EngineParams, regex_store: str | Path = REGEX_STORE) -> None:
    """Start loading the model for the workers, in the fork server they will fork from.

    The variable naming the model is set only while the server starts, so no
    other process this one starts later loads a model on importing `pipeline.preload`.
    The model's very large regular expressions come from, and go to, `regex_store`.
    """
    spec = [params.model, list(params.disable), str(Path(regex_store).resolve())]
    os.environ[PRELOAD_MODEL_ENV] = json.dumps(spec)
    try:
        # what this module imports, not this module: each worker runs it again as its main module,
        # which Python warns about when the module is already imported
        preload_workers(["pipeline.io", "pipeline.amounts", "pipeline.entities", "pipeline.preload"], engine)
    finally:
        del os.environ[PRELOAD_MODEL_ENV]


def main() -> None:
    setup_logging()
    started = time.monotonic()
    stage = load_params("extract")
    p = stage["extract"]
    params = ExtractParams(
        model=p["model"], batch_size=int(p["batch_size"]), disable=tuple(p["disable"])
    )
    engine = engine_params(stage.get("engine"))
    # the model loads beside this process's reading of the tables and the cache
    preload_model(params, engine)
    cleaned = originals(read_table("data/clean/cleaned.parquet"))
    sentences = read_table("data/sentences/sentences.parquet")
    sentence_starts = sentence_starts_of(sentences)
    with ResultCache(CACHE, fingerprint_of(params)) as cache:
        entities, amounts = extract_tables(cleaned, sentence_starts, params, engine, cache)
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
    # run under the package's name: the results the workers return and the cache pickles are then
    # "pipeline.extract.…", which any program can load back, not "__main__.…"
    from pipeline.extract import main as stage_main

    stage_main()
