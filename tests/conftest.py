"""Shared fixtures: a copy of the repository that runs `dvc repro` on a given input folder."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
TABLES = ("documents", "sentences", "entities", "amounts", "rejects", "removed", "entity_index", "cooccurrence")
# What a fresh clone would not have, or what a run writes
SKIP_ANYWHERE = shutil.ignore_patterns(".pytest_cache", "__pycache__", "*.egg-info", "*.tmp")
SKIP_AT_TOP = {".venv", ".git", "data"}
SKIP_IN_DVC = {"cache", "tmp"}


def _skip(folder: str, names: list[str]) -> set[str]:
    skipped = set(SKIP_ANYWHERE(folder, names))
    if Path(folder) == ROOT:
        skipped |= SKIP_AT_TOP & set(names)
    if Path(folder) == ROOT / ".dvc":
        skipped |= SKIP_IN_DVC & set(names)
    return skipped


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    env["DVC_NO_ANALYTICS"] = "1"
    return env


def copy_repo(dest: Path, input_dir: str | None = None) -> Path:
    """Copy the working tree to `dest`, optionally pointing ingest at `input_dir`, and git-init it.

    `input_dir` is relative to the copy, as a user's params.yaml would have it.
    """
    shutil.copytree(ROOT, dest, ignore=_skip)
    if input_dir is not None:
        params_path = dest / "params.yaml"
        params = yaml.safe_load(params_path.read_text(encoding="utf-8"))
        params["ingest"]["input_dir"] = input_dir
        params_path.write_text(yaml.safe_dump(params, allow_unicode=True, sort_keys=False), encoding="utf-8")
    subprocess.run(["git", "init", "-q"], cwd=dest, check=True)
    return dest


def dvc(repo: Path, *args: str) -> subprocess.CompletedProcess:
    """Run a dvc command in `repo` with this interpreter's environment on PATH."""
    result = subprocess.run(
        [sys.executable, "-m", "dvc", *args], cwd=repo, env=_env(), capture_output=True, text=True
    )
    if result.returncode != 0:
        raise AssertionError(f"dvc {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result


def below_thresholds(figures: dict, corpus: str) -> dict[str, tuple[float, float]]:
    """Figure -> (measured, threshold) for each figure under its threshold in tests/thresholds.json."""
    thresholds = json.loads((ROOT / "tests/thresholds.json").read_text(encoding="utf-8"))
    return {
        key: (figures[key], floor)
        for key, floor in thresholds[corpus].items()
        if figures[key] < floor - thresholds["tolerance"]
    }


def read_outputs(repo: Path) -> dict[str, pd.DataFrame]:
    return {name: pd.read_parquet(repo / "data/out" / f"{name}.parquet") for name in TABLES}


@pytest.fixture(scope="session")
def seed_repo(tmp_path_factory) -> Path:
    """A copy of the repository after `dvc repro` on the demo corpus."""
    repo = copy_repo(tmp_path_factory.mktemp("seeds") / "repo")
    dvc(repo, "repro")
    return repo


@pytest.fixture(scope="session")
def fixture_repo(tmp_path_factory) -> Path:
    """A copy of the repository after `dvc repro` on the invented test articles."""
    repo = copy_repo(tmp_path_factory.mktemp("fixtures") / "repo", "tests/fixtures/articles")
    dvc(repo, "repro")
    return repo
