"""Atomic writes and progress output."""

import pandas as pd
import pyarrow as pa
import pytest

from pipeline import schema
from pipeline.io import in_chunks, read_table, write_json, write_table


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


def test_in_chunks_covers_every_item_once_and_is_quiet_off_a_terminal(capsys):
    chunks = list(in_chunks(list(range(10)), 4, "test"))
    assert chunks == [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]]
    assert capsys.readouterr().err == ""
