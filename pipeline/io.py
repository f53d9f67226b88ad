"""Reading params and tables, and writing every output atomically."""

import atexit
import json
import logging
import os
import resource
import sys
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

log = logging.getLogger("veille")


def setup_logging() -> None:
    """Log one line per message to stderr, the same on a terminal and in CI.

    A stage's last line gives its peak resident memory.
    """
    logging.basicConfig(level=logging.INFO, format="%(name)s %(message)s", stream=sys.stderr)
    main = sys.modules["__main__"]
    stage = (getattr(main, "__spec__", None) and main.__spec__.name or "").rpartition(".")[2]
    if stage:
        atexit.register(lambda: log.info("%s: peak RSS %d MB", stage, peak_rss_mb()))


def peak_rss_mb() -> int:
    """Peak resident memory of this process so far, in MB (Linux counts ru_maxrss in kB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


def load_params(stage: str) -> dict[str, Any]:
    """Return the params.yaml keys that dvc.yaml declares for `stage`, nested by section.

    Going through DVC means a key the stage did not declare is absent, so a read
    that would not trigger a rerun fails loudly instead.
    """
    import dvc.api  # slow import, only the stage shells need it

    return dvc.api.params_show(stages=stage)


def _replace_atomically(path: Path, write) -> None:
    """Write through a temp file renamed into place, durable once this returns.

    The temp file is flushed to disk before the rename and the folder after it,
    so a crash or power cut leaves the old file or the new one, never a torn one.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    try:
        write(tmp)
        _fsync(tmp)
        os.replace(tmp, path)
        _fsync(path.parent)
    finally:
        if tmp.exists():
            tmp.unlink()


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_table(df: pd.DataFrame, schema: pa.Schema, path: str | Path) -> None:
    """Write `df` as Parquet with `schema`, via a temp file renamed into place."""
    table = pa.Table.from_pandas(df, schema=schema, preserve_index=False)
    # pandas metadata would record the frame's index and library versions
    table = table.replace_schema_metadata(schema.metadata)
    _replace_atomically(Path(path), lambda tmp: pq.write_table(table, tmp))


def read_table(path: str | Path) -> pd.DataFrame:
    """Read a Parquet table; nullable columns keep None rather than NaN for strings."""
    return pq.read_table(path).to_pandas()


def originals(cleaned: pd.DataFrame) -> pd.DataFrame:
    """The cleaned documents that are no near-duplicate: only they get sentences, entities and amounts."""
    return cleaned[cleaned["duplicate_of"].isna()].reset_index(drop=True)


def write_text(text: str, path: str | Path) -> None:
    """Write `text` as UTF-8, atomically."""
    _replace_atomically(Path(path), lambda tmp: tmp.write_text(text, encoding="utf-8"))


def write_json(obj: Any, path: str | Path) -> None:
    """Write `obj` as sorted, indented JSON, atomically."""
    write_text(json.dumps(obj, sort_keys=True, indent=2, ensure_ascii=False) + "\n", path)


def write_csv(df: pd.DataFrame, path: str | Path) -> None:
    """Write `df` as CSV without its index, atomically."""
    write_text(df.to_csv(index=False, lineterminator="\n"), path)


def show_progress() -> bool:
    """A progress bar helps on a terminal; in CI or a log file it is only noise."""
    return sys.stderr.isatty() and not os.environ.get("CI")
