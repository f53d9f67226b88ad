"""A rerun computes only what changed, and every way of running gives the same tables, byte for byte.

The reference is `fixture_repo`: one `dvc repro` from scratch on the invented
test articles, with the default engine. Each test below reaches the same input
another way (cache filled first, worker processes, a Dask cluster, a run killed
in the middle of extract) and must end with identical Parquet files.
"""

import os
import pickle
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
import yaml

from tests.conftest import ROOT, TABLES, _env, copy_repo, dvc

ARTICLES = ROOT / "tests/fixtures/articles"
LATE = 3  # articles added after the first run
STATS = re.compile(r"^veille (\w+): (?:first pass )?(\d+) computed, (\d+) from cache", re.M)


def _set_params(repo: Path, **sections: dict) -> None:
    path = repo / "params.yaml"
    params = yaml.safe_load(path.read_text(encoding="utf-8"))
    for section, values in sections.items():
        params[section].update(values)
    path.write_text(yaml.safe_dump(params, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _inbox_repo(tmp_path: Path, files: list[Path], **sections: dict) -> Path:
    repo = copy_repo(tmp_path / "repo", "inbox")
    (repo / "inbox").mkdir()
    for f in files:
        shutil.copy(f, repo / "inbox" / f.name)
    _set_params(repo, **sections)
    return repo


def _stats(log: str) -> dict[str, tuple[int, int]]:
    """Stage -> (computed, from cache), from the stages' log lines."""
    return {m.group(1): (int(m.group(2)), int(m.group(3))) for m in STATS.finditer(log)}


def _assert_same_tables(repo: Path, reference: Path) -> None:
    for name in TABLES:
        ours = (repo / "data/out" / f"{name}.parquet").read_bytes()
        theirs = (reference / "data/out" / f"{name}.parquet").read_bytes()
        assert ours == theirs, f"{name}.parquet differs from the from-scratch run"


@pytest.fixture(scope="module")
def articles() -> list[Path]:
    return sorted(p for p in ARTICLES.iterdir() if p.is_file())


def test_a_warm_run_gives_the_tables_of_a_cold_one_and_computes_only_new_documents(
    tmp_path, articles, fixture_repo
):
    repo = _inbox_repo(tmp_path, articles[:-LATE])
    dvc(repo, "repro")
    for f in articles[-LATE:]:
        shutil.copy(f, repo / "inbox" / f.name)
    rerun = dvc(repo, "repro")
    _assert_same_tables(repo, fixture_repo)
    stats = _stats(rerun.stderr)
    for stage in ("ingest", "clean", "sentences", "extract"):
        assert stats[stage] == (LATE, len(articles) - LATE), stage


def test_changed_params_recompute_their_stage_only(tmp_path, articles):
    repo = _inbox_repo(tmp_path, articles[:6])
    dvc(repo, "repro")
    params = yaml.safe_load((repo / "params.yaml").read_text(encoding="utf-8"))
    _set_params(repo, sentences={"abbreviations": [*params["sentences"]["abbreviations"], "Mgr."]})
    stats = _stats(dvc(repo, "repro").stderr)
    assert stats["sentences"] == (6, 0)
    # extract reads the clean text, which did not change
    assert stats.get("extract", (0, 6)) == (0, 6)


def test_a_removed_input_leaves_every_table(tmp_path, articles):
    repo = _inbox_repo(tmp_path, articles[:4])
    dvc(repo, "repro")
    gone = articles[0]
    (repo / "inbox" / gone.name).unlink()
    dvc(repo, "repro")
    doc_id = gone.stem
    for name in ("documents", "sentences", "entities", "amounts"):
        table = pd.read_parquet(repo / "data/out" / f"{name}.parquet")
        assert doc_id not in set(table["doc_id"]), name


def test_worker_processes_give_the_same_tables(tmp_path, articles, fixture_repo):
    # in_process_up_to 0: every stage hands its documents to the workers, however few
    repo = _inbox_repo(tmp_path, articles, engine={"n_process": 2, "batch_size": 3, "in_process_up_to": 0})
    result = dvc(repo, "repro")
    for stage in ("ingest", "clean", "sentences", "extract"):
        assert re.search(rf"^veille {stage}: .*worker peak RSS \d+ MB", result.stderr, re.M), stage
    _assert_same_tables(repo, fixture_repo)
    # every cached result loads back outside the stage that wrote it
    for stage in ("ingest", "clean", "sentences", "extract"):
        with sqlite3.connect(repo / "data" / "cache" / stage / "results.sqlite") as con:
            for (value,) in con.execute("SELECT value FROM results"):
                pickle.loads(value)


def test_a_dask_cluster_gives_the_same_tables(tmp_path, articles, fixture_repo):
    repo = _inbox_repo(tmp_path, articles, engine={"engine": "dask", "n_process": 2, "batch_size": 5})
    result = dvc(repo, "repro")
    assert "engine: dask on tcp://" in result.stderr
    _assert_same_tables(repo, fixture_repo)


def _extract_rows(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db, timeout=5) as con:
            return con.execute("SELECT COUNT(*) FROM results").fetchone()[0]
    except sqlite3.OperationalError:  # created but no table yet
        return 0


def test_kill_during_extract_then_repro_finishes_the_rest_only(tmp_path, articles, fixture_repo):
    repo = _inbox_repo(tmp_path, articles, engine={"n_process": 1, "batch_size": 2})
    db = repo / "data/cache/extract/results.sqlite"
    run = subprocess.Popen(
        [sys.executable, "-m", "dvc", "repro"],
        cwd=repo,
        env=_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + 600
    while _extract_rows(db) < 2 and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    os.killpg(run.pid, signal.SIGKILL)
    run.wait()
    finished = _extract_rows(db)
    assert 0 < finished < len(articles), "the kill did not land in the middle of extract"
    assert not (repo / "data/extract/entities.parquet").exists()
    rerun = dvc(repo, "repro")
    _assert_same_tables(repo, fixture_repo)
    assert _stats(rerun.stderr)["extract"] == (len(articles) - finished, finished)
