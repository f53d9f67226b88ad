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
import yaml

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


def load_params(stage: str, root: str | Path = ".") -> dict[str, Any]:
    """Return the params.yaml keys that dvc.yaml declares for `stage`, nested by section.

    Only declared keys are returned, so a read that would not trigger a rerun
    fails loudly instead. dvc.yaml and params.yaml are read directly: asking DVC
    (`dvc.api.params_show`) gives the same answer but costs each stage seconds.
    """
    root = Path(root)
    stages = yaml.safe_load((root / "dvc.yaml").read_text(encoding="utf-8"))["stages"]
    if stage not in stages:
        raise ValueError(f"dvc.yaml has no stage {stage!r}")
    params = yaml.safe_load((root / "params.yaml").read_text(encoding="utf-8")) or {}
    declared: dict[str, Any] = {}
    for entry in stages[stage].get("params", []):
        if not isinstance(entry, str):
            raise ValueError(f"dvc.yaml stage {stage}: only params.yaml keys are supported, not {entry!r}")
        value: Any = params
        for part in entry.split("."):
            if not isinstance(value, dict) or part not in value:
                raise KeyError(f"params.yaml has no key {entry!r}, which dvc.yaml declares for {stage}")
            value = value[part]
        target = declared
        *parents, last = entry.split(".")
        for part in parents:
            target = target.setdefault(part, {})
        target[last] = value
    return declared


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
