"""Per-document results kept between runs, so a rerun pays only for new or changed documents.

A stage's result for one document depends only on the document's content, the
stage's code and its params. `ResultCache` stores each result under a key hashed
from exactly those: the content, and a fingerprint of the code files and params.
Changing a document changes its key; changing code or params changes every key
of that stage, and only of that stage.

The store is one SQLite file per stage (a DVC output with `persist: true`, so
DVC keeps it across reruns). Each batch of results is committed as it arrives: a
run killed half-way keeps what it finished, and SQLite's journal rolls back the
batch that was being written.
"""

import hashlib
import json
import pickle
import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

# Keys per SQL statement; SQLite accepts at most 32,766 parameters
QUERY_CHUNK = 900
# the file is compacted once this share of it is pages freed by deleted entries, which
# later entries reuse: rewriting a large store on every run that drops a few would cost
# more than the run's new documents
VACUUM_FREE_SHARE = 0.25


def fingerprint(files: Iterable[str | Path], params: Mapping[str, Any], *extra: str) -> str:
    """sha256 of the given code or data files' bytes, the params as sorted JSON, and `extra`.

    A folder stands for every file below it, in path order.
    """
    digest = hashlib.sha256()
    for path in sorted(_expand(files)):
        digest.update(path.as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    digest.update(json.dumps(params, sort_keys=True, default=str).encode())
    for part in extra:
        digest.update(b"\0" + part.encode())
    return digest.hexdigest()


def _expand(files: Iterable[str | Path]) -> list[Path]:
    paths = []
    for item in map(Path, files):
        if item.is_dir():
            paths.extend(p for p in item.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
        else:
            paths.append(item)
    return paths


def content_key(*parts: str | None) -> str:
    """sha256 of the parts a document's result depends on (None and "" differ)."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(b"\1" if part is None else b"\2" + part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()


class ResultCache:
    """Results of one stage by key, in `path`, under the stage's fingerprint.

    Keys are document content keys (`content_key`); the fingerprint is mixed in
    here, so two fingerprints never share an entry.
    """

    def __init__(self, path: str | Path, stage_fingerprint: str) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._fingerprint = stage_fingerprint
        self._db = sqlite3.connect(self.path)
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, value BLOB NOT NULL) WITHOUT ROWID"
        )
        self._db.commit()

    def _stored(self, key: str) -> str:
        return hashlib.sha256(f"{self._fingerprint}\0{key}".encode()).hexdigest()

    def get_many(self, keys: Sequence[str]) -> dict[str, Any]:
        """The stored result of each of `keys` that has one."""
        return {key: pickle.loads(value) for key, value in self._select(keys, "key, value")}

    def present(self, keys: Sequence[str]) -> set[str]:
        """Those of `keys` that have a stored result, read without loading the results."""
        return {key for (key,) in self._select(keys, "key")}

    def _select(self, keys: Sequence[str], columns: str) -> Iterator[tuple]:
        """Rows of `columns` (the stored key first) for those of `keys` in the store, each with its key as given."""
        by_stored = {self._stored(k): k for k in keys}
        stored = sorted(by_stored)
        for start in range(0, len(stored), QUERY_CHUNK):
            chunk = stored[start : start + QUERY_CHUNK]
            marks = ",".join("?" * len(chunk))
            for skey, *rest in self._db.execute(f"SELECT {columns} FROM results WHERE key IN ({marks})", chunk):
                yield (by_stored[skey], *rest)

    def put_many(self, items: Iterable[tuple[str, Any]]) -> None:
        """Store results, replacing any under the same key, in one transaction."""
        rows = [(self._stored(k), pickle.dumps(v, protocol=pickle.HIGHEST_PROTOCOL)) for k, v in items]
        with self._db:
            self._db.executemany("INSERT OR REPLACE INTO results VALUES (?, ?)", rows)

    def retain(self, keys: Iterable[str]) -> int:
        """Delete every entry but those of `keys` (other fingerprints included); return how many went.

        Run after a complete run, it bounds the store to the current corpus (the file to
        about 1 / (1 - VACUUM_FREE_SHARE) times what it holds). Every
        one of `keys` is then stored, so a store holding as many entries as there are
        distinct keys holds nothing else, and is left as it is (a growing corpus's case).
        """
        keys = set(keys)
        if len(self) == len(keys):
            return 0
        with self._db:
            self._db.execute("CREATE TEMP TABLE IF NOT EXISTS keep (key TEXT PRIMARY KEY) WITHOUT ROWID")
            self._db.execute("DELETE FROM keep")
            self._db.executemany("INSERT OR IGNORE INTO keep VALUES (?)", ((self._stored(k),) for k in keys))
            removed = self._db.execute("DELETE FROM results WHERE key NOT IN (SELECT key FROM keep)").rowcount
            self._db.execute("DELETE FROM keep")
        if removed and self._free_share() > VACUUM_FREE_SHARE:
            self._db.execute("VACUUM")
        return removed

    def _free_share(self) -> float:
        """Share of the file's pages that deleted entries left free (SQLite reuses them)."""
        pages = self._db.execute("PRAGMA page_count").fetchone()[0]
        free = self._db.execute("PRAGMA freelist_count").fetchone()[0]
        return free / pages if pages else 0.0

    def __len__(self) -> int:
        return self._db.execute("SELECT COUNT(*) FROM results").fetchone()[0]

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> "ResultCache":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
