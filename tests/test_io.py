"""Atomic writes and progress output."""

import os
import pandas as pd
import pyarrow as pa
import pytest

from pipeline import schema
from pipeline.io import load_params, read_table, write_json, write_table


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


@pytest.mark.parametrize("stage", ["ingest", "clean", "sentences", "extract", "publish"])
def test_load_params_gives_what_dvc_gives(stage):
    import dvc.api

    from tests.conftest import ROOT

    assert load_params(stage, ROOT) == dvc.api.params_show(stages=stage, repo=str(ROOT))


def test_load_params_fails_on_a_declared_key_params_yaml_lacks(tmp_path):
    (tmp_path / "dvc.yaml").write_text("stages:\n  s:\n    cmd: x\n    params:\n      - a.b\n      - c\n")
    (tmp_path / "params.yaml").write_text("a:\n  b: 1\n  z: 2\nc: [x]\n")
    assert load_params("s", tmp_path) == {"a": {"b": 1}, "c": ["x"]}
    (tmp_path / "params.yaml").write_text("a:\n  z: 2\nc: [x]\n")
    with pytest.raises(KeyError, match="a.b"):
        load_params("s", tmp_path)
