"""Stage `publish`: the product tables of `data/out/` and `metrics.json`.

Joins what the earlier stages wrote into the tables of CONTRACT.md, with the
per-document counts filled in, every table sorted by doc_id then position.
"""

import time
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from pipeline import schema
from pipeline.io import (
    load_params,
    log,
    read_table,
    setup_logging,
    write_csv,
    write_json,
    write_table,
    write_text,
)
from pipeline.report import render_report
from pipeline.score import load_gold, score_tables

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


def build_entity_index(rows: pd.DataFrame | Iterable[dict]) -> pd.DataFrame:
    """One row per canonical name: majority label, mention and document counts, aliases.

    `rows` are entity rows (doc_id, text, label, canonical). Sorted by n_mentions
    descending, then canonical; a label tie goes to the first label in alphabetical
    order. Group-bys only, so it stays linear in the number of mentions.
    """
    frame = rows if isinstance(rows, pd.DataFrame) else pd.DataFrame(list(rows))
    columns = schema.ENTITY_INDEX.names
    if frame.empty:
        return pd.DataFrame(
            {
                c: pd.Series(dtype=object if c in ("canonical", "label", "aliases") else "int64")
                for c in columns
            }
        )
    labels = frame.groupby(["canonical", "label"], sort=True).size().reset_index(name="n")
    labels = labels.sort_values(["canonical", "n", "label"], ascending=[True, False, True], kind="stable")
    label = labels.drop_duplicates("canonical").set_index("canonical")["label"]
    spellings: dict[str, set[str]] = {}
    for canonical, text in zip(frame["canonical"].tolist(), frame["text"].tolist()):
        spellings.setdefault(canonical, set()).add(" ".join(text.split()))
    aliases = pd.Series({canonical: sorted(spellings[canonical]) for canonical in sorted(spellings)}, dtype=object)
    grouped = frame.groupby("canonical", sort=True)
    index = pd.DataFrame(
        {
            "label": label,
            "n_mentions": grouped.size(),
            "n_documents": grouped["doc_id"].nunique(),
            "aliases": aliases,
        }
    ).rename_axis("canonical").reset_index()[columns]
    index = index.sort_values(["n_mentions", "canonical"], ascending=[False, True], kind="stable")
    return index.reset_index(drop=True).astype({"n_mentions": "int64", "n_documents": "int64"})


def build_cooccurrence(entities: pd.DataFrame) -> pd.DataFrame:
    """Pairs of distinct canonical entities sharing a sentence, most frequent first."""
    mentions = entities[["doc_id", "sent_id", "canonical"]].drop_duplicates()
    pairs = mentions.merge(mentions, on=["doc_id", "sent_id"], suffixes=("_a", "_b"))
    pairs = pairs[pairs["canonical_a"] < pairs["canonical_b"]]
    grouped = pairs.groupby(["canonical_a", "canonical_b"], sort=True)
    table = pd.DataFrame(
        {
            "n_sentences": grouped.size(),
            "n_documents": grouped["doc_id"].nunique(),
        }
    ).reset_index()
    table = table.rename(columns={"canonical_a": "entity_a", "canonical_b": "entity_b"})
    table = table.sort_values(
        ["n_sentences", "n_documents", "entity_a", "entity_b"],
        ascending=[False, False, True, True],
        kind="stable",
    )
    return table[schema.COOCCURRENCE.names].astype({"n_sentences": "int64", "n_documents": "int64"})


def score_against_gold(gold_dir: Path, tables: dict[str, pd.DataFrame]) -> dict | None:
    """The scorer's figures when every document has a gold file in `gold_dir`, else None."""
    if not gold_dir.is_dir() or not any(gold_dir.glob("*.json")):
        return None
    golds = load_gold(gold_dir)
    if {g["doc_id"] for g in golds} != set(tables["documents"]["doc_id"]):
        return None
    figures = score_tables(golds, tables)
    return {k: v for k, v in figures.items() if isinstance(v, float)}


def reason_kind(reason: str) -> str:
    """The part of a reject reason before its detail ("duplicate: same text as …" → "duplicate")."""
    return reason.split(":", 1)[0]


def build_metrics(tables: dict[str, pd.DataFrame]) -> dict:
    """Counts a reviewer compares run to run: rows, labels, units, reject kinds.

    Columns are counted as lists: iterating a pandas string column yields one element per
    Python call, five times slower on a corpus's mentions.

    `documents` counts originals and near-duplicates apart: a story saved twice counts once.
    """
    duplicate = tables["documents"]["duplicate_of"].notna()
    return {
        "documents": {"originals": int((~duplicate).sum()), "near_duplicates": int(duplicate.sum())},
        "languages": dict(sorted(Counter(tables["documents"]["language"][~duplicate].tolist()).items())),
        "rows": {name: len(df) for name, df in sorted(tables.items())},
        "entities_per_label": dict(sorted(Counter(tables["entities"]["label"].tolist()).items())),
        "amounts_per_unit": dict(sorted(Counter(tables["amounts"]["unit"].tolist()).items())),
        "rejects_per_reason": dict(
            sorted(Counter(reason_kind(r) for r in tables["rejects"]["reason"].tolist()).items())
        ),
        "removed_per_reason": dict(sorted(Counter(tables["removed"]["reason"].tolist()).items())),
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
        "cooccurrence": build_cooccurrence(entities),
    }
    for name, table in tables.items():
        write_table(table, schema.OUTPUTS[name], OUT / f"{name}.parquet")
    metrics = build_metrics(tables)
    gold_dir = Path(load_params("publish")["publish"]["gold_dir"])
    figures = score_against_gold(gold_dir, tables)
    if figures is not None:
        metrics["quality"] = figures
    write_json(metrics, OUT / "metrics.json")
    write_text(render_report(tables, metrics), OUT / "report.html")
    for key, column in (("entities_per_label", "label"), ("amounts_per_unit", "unit")):
        counts = pd.DataFrame(sorted(metrics[key].items()), columns=[column, "rows"])
        write_csv(counts, OUT / "plots" / f"{key}.csv")
    log.info(
        "publish: %d documents, %d rejects, %s, %.1f s",
        len(tables["documents"]),
        len(rejects),
        ", ".join(f"{len(t)} {n}" for n, t in tables.items() if n not in ("documents", "rejects")),
        time.monotonic() - started,
    )


if __name__ == "__main__":
    main()
