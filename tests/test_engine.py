"""The per-document cache and the engine that fills it: keys, reuse, order, every engine alike."""

import pytest

from pipeline.cache import ResultCache, content_key, fingerprint
from pipeline.engine import EngineParams, engine_params, run_cached


def square_all(batch):
    """A module-level work function, importable by worker processes."""
    return [x * x for x in batch]


def fail_all(batch):
    raise AssertionError(f"computed again: {batch}")


def test_content_key_tells_none_from_empty_and_parts_apart():
    assert content_key(None) != content_key("")
    assert content_key("ab", "c") != content_key("a", "bc")
    assert content_key("é") == content_key("é")


def test_fingerprint_follows_file_bytes_and_params(tmp_path):
    code = tmp_path / "stage.py"
    code.write_text("x = 1\n")
    before = fingerprint([code], {"a": 1})
    assert fingerprint([code], {"a": 1}) == before
    assert fingerprint([code], {"a": 2}) != before
    code.write_text("x = 2\n")
    assert fingerprint([code], {"a": 1}) != before


def test_results_survive_reopening_and_stay_apart_by_fingerprint(tmp_path):
    path = tmp_path / "results.sqlite"
    with ResultCache(path, "v1") as cache:
        cache.put_many([("k1", {"rows": [1, 2]}), ("k2", None)])
    with ResultCache(path, "v1") as cache:
        assert cache.get_many(["k1", "k2", "k3"]) == {"k1": {"rows": [1, 2]}, "k2": None}
    with ResultCache(path, "v2") as cache:
        assert cache.get_many(["k1"]) == {}


def test_retain_keeps_only_the_current_keys(tmp_path):
    with ResultCache(tmp_path / "r.sqlite", "v1") as cache:
        cache.put_many([(f"k{i}", i) for i in range(5)])
        assert cache.retain(["k1", "k3"]) == 3
        assert len(cache) == 2
        assert cache.get_many([f"k{i}" for i in range(5)]) == {"k1": 1, "k3": 3}


def test_retain_after_a_run_on_a_grown_corpus_removes_nothing(tmp_path):
    with ResultCache(tmp_path / "r.sqlite", "v1") as cache:
        cache.put_many([(f"k{i}", i) for i in range(5)])
        assert cache.retain([f"k{i}" for i in (4, 3, 2, 1, 0, 0)]) == 0
        assert len(cache) == 5
        cache.put_many([("k5", 5)])
        assert cache.retain([f"k{i}" for i in range(1, 6)]) == 1
        assert cache.get_many(["k0", "k5"]) == {"k5": 5}


def test_retain_compacts_the_file_only_once_much_of_it_is_free(tmp_path):
    path = tmp_path / "r.sqlite"
    blob = b"x" * 4000  # about a page each
    with ResultCache(path, "v1") as cache:
        cache.put_many([(f"k{i}", blob) for i in range(100)])
        full = path.stat().st_size
        # a tenth gone: the pages stay, for the next entries to reuse
        assert cache.retain([f"k{i}" for i in range(10, 100)]) == 10
        assert path.stat().st_size == full
        cache.put_many([(f"n{i}", blob) for i in range(10)])
        assert path.stat().st_size <= full * 1.05
        # most of it gone: the file shrinks
        assert cache.retain([f"n{i}" for i in range(10)]) == 90
        assert path.stat().st_size < full / 4
        assert len(cache) == 10


def test_run_cached_computes_only_what_the_cache_lacks(tmp_path):
    items = list(range(10))
    keys = [content_key(str(i)) for i in items]
    params = EngineParams(n_process=1, batch_size=3)
    with ResultCache(tmp_path / "r.sqlite", "v1") as cache:
        results, stats = run_cached(square_all, items[:6], keys[:6], cache, params, "test")
        assert results == [i * i for i in range(6)]
        assert (stats.computed, stats.cached) == (6, 0)
        results, stats = run_cached(square_all, items, keys, cache, params, "test")
        assert results == [i * i for i in items]
        assert (stats.computed, stats.cached) == (4, 6)
        results, _ = run_cached(fail_all, items, keys, cache, params, "test")
        assert results == [i * i for i in items]


def test_equal_documents_are_computed_once(tmp_path):
    calls = []

    def record(batch):
        calls.extend(batch)
        return [x + 1 for x in batch]

    keys = [content_key("same"), content_key("other"), content_key("same")]
    with ResultCache(tmp_path / "r.sqlite", "v1") as cache:
        results, stats = run_cached(record, [5, 7, 5], keys, cache, EngineParams(n_process=1), "test")
    assert results == [6, 8, 6]
    assert calls == [5, 7]
    assert stats.computed == 2


def test_worker_processes_return_results_in_input_order(tmp_path):
    items = list(range(40))
    keys = [content_key(str(i)) for i in items]
    with ResultCache(tmp_path / "r.sqlite", "v1") as cache:
        results, stats = run_cached(square_all, items, keys, cache, EngineParams(n_process=2, batch_size=3), "t")
    assert results == [i * i for i in items]
    assert stats.worker_peak_mb > 0


def test_light_work_of_a_few_documents_runs_in_this_process(tmp_path):
    items = list(range(10))
    keys = [content_key(str(i)) for i in items]
    params = EngineParams(n_process=2, batch_size=3, in_process_up_to=10)
    with ResultCache(tmp_path / "r.sqlite", "v1") as cache:
        results, stats = run_cached(square_all, items, keys, cache, params, "t", light=True)
    assert results == [i * i for i in items]
    assert stats.worker_peak_mb == 0  # no worker started


def test_more_documents_than_the_bound_or_heavy_work_go_to_the_workers(tmp_path):
    items = list(range(11))
    keys = [content_key(str(i)) for i in items]
    params = EngineParams(n_process=2, batch_size=3, in_process_up_to=10)
    with ResultCache(tmp_path / "light.sqlite", "v1") as cache:
        _, light = run_cached(square_all, items, keys, cache, params, "t", light=True)
    with ResultCache(tmp_path / "heavy.sqlite", "v1") as cache:
        _, heavy = run_cached(square_all, items[:3], keys[:3], cache, params, "t")
    assert light.worker_peak_mb > 0
    assert heavy.worker_peak_mb > 0


def test_engine_params_read_params_yaml_and_refuse_nonsense():
    assert engine_params(None) == EngineParams()
    assert engine_params({"engine": "dask", "n_process": 2, "scheduler": None, "batch_size": 8}).workers == 2
    assert EngineParams(n_process=0).workers >= 1
    with pytest.raises(ValueError, match="engine.engine"):
        engine_params({"engine": "spark"})
    with pytest.raises(ValueError, match="batch_size"):
        engine_params({"batch_size": 0})
    with pytest.raises(ValueError, match="in_process_up_to"):
        engine_params({"in_process_up_to": -1})
    assert engine_params({"in_process_up_to": 200}).in_process_up_to == 200


def test_the_cache_tells_which_keys_it_holds_without_loading_them(tmp_path):
    from pipeline.cache import ResultCache

    with ResultCache(tmp_path / "c.sqlite", "fp") as cache:
        cache.put_many([(f"k{i}", i) for i in range(0, 2000, 2)])
        assert cache.present([f"k{i}" for i in range(2000)]) == {f"k{i}" for i in range(0, 2000, 2)}
    with ResultCache(tmp_path / "c.sqlite", "other") as cache:
        assert cache.present(["k0", "k2"]) == set()  # another fingerprint shares no entry


PRELOAD_CHECK = """
import os, sys
from pipeline.cache import ResultCache
from pipeline.engine import EngineParams, run_cached
from pipeline.extract import ExtractParams, preload_model
from pipeline.nlp import PRELOAD_MODEL_ENV
from tests.test_engine import models_loaded

preload_model(ExtractParams("fr_core_news_md", 32, ()), EngineParams(n_process=2), sys.argv[1])
assert PRELOAD_MODEL_ENV not in os.environ, "the variable outlives the fork server's start"
results, _ = run_cached(models_loaded, [1, 2], ["a", "b"], ResultCache(":memory:", ""), EngineParams(n_process=2, batch_size=1), "t")
print(results)
"""


def models_loaded(batch):
    """How many models each worker had loaded before doing anything."""
    from pipeline.nlp import load_nlp

    return [load_nlp.cache_info().currsize for _ in batch]


def test_extract_workers_start_with_the_model_the_fork_server_loaded(tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    store = tmp_path / "regexes.pickle"
    done = subprocess.run(
        [sys.executable, "-c", PRELOAD_CHECK, str(store)], cwd=root, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert store.exists(), "the fork server kept the model's compiled tokenizer patterns"
    assert done.stdout.strip() == "[1, 1]"
    assert "Warning" not in done.stderr
