"""Every table the pipeline writes, intermediate and final, as a pyarrow schema.

No other module spells out column lists: writers build frames with the columns
named here and convert with `pa.Table.from_pandas(df, schema=...)`.
"""

import pyarrow as pa

SCHEMA_VERSION = "1"


def _schema(*fields: pa.Field) -> pa.Schema:
    return pa.schema(list(fields), metadata={"veille_schema_version": SCHEMA_VERSION})


def _str(name: str, nullable: bool = False) -> pa.Field:
    return pa.field(name, pa.string(), nullable=nullable)


def _int(name: str, nullable: bool = False) -> pa.Field:
    return pa.field(name, pa.int64(), nullable=nullable)


# data/ingest/ingested.parquet: one row per input file that decoded to text.
INGESTED = _schema(
    _str("doc_id"),
    _str("source"),
    _str("sha256"),
    _str("encoding"),
    _str("format"),  # "text" or "html"
    _str("language"),  # ISO 639-1, detected, or the first of ingest.languages for a text too short to tell
    _str("raw_text"),
    _str("html_title", True),
    _str("html_published", True),
    _str("html_site", True),
)

# data/ingest/rejects.parquet, data/clean/rejects.parquet and data/out/rejects.parquet
REJECTS = _schema(_str("source"), _str("reason"))

# data/clean/cleaned.parquet
CLEANED = _schema(
    _str("doc_id"),
    _str("source"),
    _str("sha256"),
    _str("title", True),
    _str("published", True),
    _str("site", True),
    _str("language"),
    _str("duplicate_of", True),  # doc_id of the earlier document this one nearly repeats
    _str("text"),
)

# data/clean/removed.parquet and data/out/removed.parquet: the audit trail of cleaning
REMOVED = _schema(_str("doc_id"), _int("line_no"), _str("text"), _str("reason"))

SENTENCES = _schema(_str("doc_id"), _int("sent_id"), _int("start"), _int("end"), _str("text"))

ENTITIES = _schema(
    _str("doc_id"),
    _int("sent_id"),
    _int("start"),
    _int("end"),
    _str("text"),
    _str("label"),
    _str("canonical"),
)

AMOUNTS = _schema(
    _str("doc_id"),
    _int("sent_id"),
    _int("start"),
    _int("end"),
    _str("text"),
    pa.field("value", pa.float64(), nullable=False),
    _str("unit"),
    _str("object", True),
    _str("qualifier", True),  # approx, min or max; null when the amount is exact
    _int("range_id", True),  # rows of one range ("entre 10 et 15 tonnes") share it
)

DOCUMENTS = _schema(
    _str("doc_id"),
    _str("source"),
    _str("sha256"),
    _str("title", True),
    _str("published", True),
    _str("site", True),
    _str("language"),
    _str("duplicate_of", True),
    _str("text"),
    _int("n_sentences"),
    _int("n_entities"),
    _int("n_amounts"),
)

ENTITY_INDEX = _schema(
    _str("canonical"),
    _str("label"),
    _int("n_mentions"),
    _int("n_documents"),
    pa.field("aliases", pa.list_(pa.string()), nullable=False),
)

# Pairs of canonical entities named in one sentence; entity_a sorts before entity_b.
COOCCURRENCE = _schema(
    _str("entity_a"), _str("entity_b"), _int("n_sentences"), _int("n_documents")
)

# The product tables in data/out/, by file stem.
OUTPUTS = {
    "documents": DOCUMENTS,
    "sentences": SENTENCES,
    "entities": ENTITIES,
    "amounts": AMOUNTS,
    "rejects": REJECTS,
    "removed": REMOVED,
    "entity_index": ENTITY_INDEX,
    "cooccurrence": COOCCURRENCE,
}
