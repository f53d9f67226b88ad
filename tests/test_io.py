"""Atomic writes and progress output."""

import os
import pandas as pd
import pyarrow as pa
import pytest

from pipeline import schema
from pipeline.io import read_table, write_json, write_table


def test_write_table_round_trips_and_leaves_no_temp_file(tmp_path):
    df = pd.DataFrame({"source": ["a.txt"], "reason": ["empty: the file has no text"]})
    path = tmp_path / "out" / "rejects.parquet"
    write_table(df, schema.REJECTS, path)
    pd.testing.assert_frame_equal(read_table(path), df)
    assert [p.name for p in path.parent.iterdir()] == ["rejects.parquet"]


def test_a_failed_write_keeps_the_previous_file_and_no_temp(tmp_path):
    path = tmp_path / "rejects.parquet"
    good = pd.DataFrame({"source": ["a.txt"], "reason": ["x"]})
    write_table(good, schema.REJECTS, path)
    with pytest.raises((pa.ArrowInvalid, pa.ArrowTypeError, TypeError, ValueError)):
        write_table(pd.DataFrame({"source": [None], "reason": ["x"]}), schema.REJECTS, path)
    pd.testing.assert_frame_equal(read_table(path), good)
    assert [p.name for p in tmp_path.iterdir()] == ["rejects.parquet"]


def test_write_json_is_sorted_and_stable(tmp_path):
    write_json({"b": 1, "a": {"d": 2, "c": 3}}, tmp_path / "m.json")
    assert (tmp_path / "m.json").read_text() == '{\n  "a": {\n    "c": 3,\n    "d": 2\n  },\n  "b": 1\n}\n'


def test_writes_are_flushed_to_disk_before_and_after_the_rename(tmp_path, monkeypatch):
    synced = []
    real_fsync = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: synced.append(os.readlink(f"/proc/self/fd/{fd}")) or real_fsync(fd))
    write_json({"a": 1}, tmp_path / "m.json")
    assert synced == [str(tmp_path / "m.json.tmp"), str(tmp_path)]
    assert [p.name for p in tmp_path.iterdir()] == ["m.json"]
