"""Stage `publish`: the product tables of `data/out/` and `metrics.json`.

Joins what the earlier stages wrote into the tables of CONTRACT.md, with the
per-document counts filled in, every table sorted by doc_id then position.
"""

import time
from collections import Counter
from pathlib import Path

import pandas as pd

from pipeline import schema
from pipeline.entities import build_entity_index
from pipeline.io import log, read_table, setup_logging, write_json, write_table

OUT = Path("data/out")


def build_documents(
    cleaned: pd.DataFrame, sentences: pd.DataFrame, entities: pd.DataFrame, amounts: pd.DataFrame
) -> pd.DataFrame:
    """The documents table: cleaned documents with their row counts in the other tables."""
    documents = cleaned.sort_values("doc_id", kind="stable").reset_index(drop=True)
    for column, table in (("n_sentences", sentences), ("n_entities", entities), ("n_amounts", amounts)):
        counts = table.groupby("doc_id").size()
        documents[column] = documents["doc_id"].map(counts).fillna(0).astype("int64")
    return documents[schema.DOCUMENTS.names]


def reason_kind(reason: str) -> str:
    """The part of a reject reason before its detail ("duplicate: same text as …" → "duplicate")."""
    return reason.split(":", 1)[0]


def build_metrics(tables: dict[str, pd.DataFrame]) -> dict:
    """Counts a reviewer compares run to run: rows, labels, units, reject kinds."""
    return {
        "rows": {name: len(df) for name, df in sorted(tables.items())},
        "entities_per_label": dict(sorted(Counter(tables["entities"]["label"]).items())),
        "amounts_per_unit": dict(sorted(Counter(tables["amounts"]["unit"]).items())),
        "rejects_per_reason": dict(
            sorted(Counter(reason_kind(r) for r in tables["rejects"]["reason"]).items())
        ),
        "removed_per_reason": dict(sorted(Counter(tables["removed"]["reason"]).items())),
        "schema_version": schema.SCHEMA_VERSION,
    }


def main() -> None:
    setup_logging()
    started = time.monotonic()
    cleaned = read_table("data/clean/cleaned.parquet")
    sentences = read_table("data/sentences/sentences.parquet")
    entities = read_table("data/extract/entities.parquet")
    amounts = read_table("data/extract/amounts.parquet")
    rejects = pd.concat(
        [read_table("data/ingest/rejects.parquet"), read_table("data/clean/rejects.parquet")],
        ignore_index=True,
    ).sort_values("source", kind="stable")
    tables = {
        "documents": build_documents(cleaned, sentences, entities, amounts),
        "sentences": sentences.sort_values(["doc_id", "sent_id"], kind="stable"),
        "entities": entities,
        "amounts": amounts,
        "rejects": rejects,
        "removed": read_table("data/clean/removed.parquet"),
        "entity_index": build_entity_index(entities),
    }
    for name, table in tables.items():
        write_table(table, schema.OUTPUTS[name], OUT / f"{name}.parquet")
    write_json(build_metrics(tables), OUT / "metrics.json")
    log.info(
        "publish: %d documents, %d rejects, %s, %.1f s",
        len(tables["documents"]),
        len(rejects),
        ", ".join(f"{len(t)} {n}" for n, t in tables.items() if n not in ("documents", "rejects")),
        time.monotonic() - started,
    )


if __name__ == "__main__":
    main()
