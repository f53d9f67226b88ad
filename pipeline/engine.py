"""Running a stage's per-document work on every core, or on a Dask cluster.

A stage hands `run_cached` a function of a batch of documents, the documents'
content keys and its `ResultCache`. Documents already in the cache are not
computed; the others are cut into batches that run in this process, in a pool of
worker processes (`engine: local`) or on a `dask.distributed` cluster (`engine:
dask`). Each batch's results go into the cache as soon as the batch finishes,
so a run killed half-way keeps them. The results come back in input order,
whatever order the batches finished in, so every engine gives the same tables.
"""

import functools
import os
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass
from multiprocessing import get_context
from typing import Any

from pipeline.cache import ResultCache
from pipeline.io import log, peak_rss_mb, show_progress

ENGINES = ("local", "dask")


@dataclass(frozen=True)
class EngineParams:
    engine: str = "local"  # local | dask
    n_process: int = 0  # worker processes; 0 means every core
    scheduler: str | None = None  # a dask scheduler address; None starts a LocalCluster
    batch_size: int = 64  # documents per task
    # light work (not the model's) with this many documents to compute or fewer runs in the
    # stage's own process on the local engine: starting worker processes would cost more
    in_process_up_to: int = 0

    def __post_init__(self) -> None:
        if self.engine not in ENGINES:
            raise ValueError(f"engine.engine must be one of {', '.join(ENGINES)}, not {self.engine!r}")
        if self.n_process < 0 or self.batch_size < 1 or self.in_process_up_to < 0:
            raise ValueError(
                "engine.n_process and engine.in_process_up_to must be 0 or more and engine.batch_size 1 or more"
            )

    @property
    def workers(self) -> int:
        return self.n_process or os.cpu_count() or 1


def engine_params(section: dict | None) -> EngineParams:
    """EngineParams from the `engine` section of params.yaml."""
    section = section or {}
    return EngineParams(
        engine=str(section.get("engine", "local")),
        n_process=int(section.get("n_process", 0)),
        scheduler=section.get("scheduler") or None,
        batch_size=int(section.get("batch_size", 64)),
        in_process_up_to=int(section.get("in_process_up_to", 0)),
    )


@dataclass(frozen=True)
class RunStats:
    cached: int
    computed: int
    seconds: float
    worker_peak_mb: int = 0  # peak resident memory of the largest worker process, when there were any

    def __str__(self) -> str:
        workers = f", worker peak RSS {self.worker_peak_mb} MB" if self.worker_peak_mb else ""
        return f"{self.computed} computed, {self.cached} from cache{workers}"


def run_cached(
    work: Callable[[Sequence[Any]], list[Any]],
    items: Sequence[Any],
    keys: Sequence[str],
    cache: ResultCache,
    params: EngineParams,
    label: str,
    light: bool = False,
    on_results: Callable[[dict[str, Any]], None] | None = None,
) -> tuple[list[Any], RunStats]:
    """`work` applied to each of `items` (in batches), taking cached results where there are.

    `work` must be a module-level function (worker processes import it) that maps a
    batch of items to one result per item, each depending only on its item. `light`
    work with at most `params.in_process_up_to` documents to compute runs in this
    process, on the local engine: a daily increment costs less than the workers' start.
    `on_results`, when given, is called with the results by key as they become known:
    the cached ones first, while the workers start, then each batch's, so the caller
    does its own per-document work while it would otherwise wait.
    """
    started = time.monotonic()
    present = cache.present(list(dict.fromkeys(keys)))
    # the first document of each key not in the cache: two equal documents are computed once
    first: dict[str, int] = {}
    for i, key in enumerate(keys):
        if key not in present:
            first.setdefault(key, i)
    todo = list(first.values())
    # a few new documents are shared out among the workers rather than left to the first one
    size = max(1, min(params.batch_size, -(-len(todo) // params.workers)))
    batches = [todo[s : s + size] for s in range(0, len(todo), size)]
    here = _in_process(params, len(todo), light)
    # the workers start (and load what they need) while this process reads the cached results
    running = _run_batches(work, items, batches, params, here)
    try:
        results: dict[str, Any] = cache.get_many(list(present))
        if on_results is not None:
            on_results(results)
        progress = _progress(len(todo), label)
        worker_peak = 0
        for batch, (batch_results, peak) in running:
            pairs = [(keys[i], r) for i, r in zip(batch, batch_results, strict=True)]
            cache.put_many(pairs)
            results.update(pairs)
            if on_results is not None:
                on_results(dict(pairs))
            worker_peak = max(worker_peak, peak)
            progress.update(len(batch))
        progress.close()
    finally:
        running.close()
    stats = RunStats(
        cached=len(keys) - len(todo),
        computed=len(todo),
        seconds=time.monotonic() - started,
        worker_peak_mb=0 if here else worker_peak,
    )
    return [results[key] for key in keys], stats


def preload_workers(modules: Sequence[str], params: EngineParams) -> None:
    """Start the local engine's fork server now, with `modules` imported in it.

    Every worker process forks from that server, so what the modules load on
    import (a model) is loaded once, while this process is still reading its
    inputs, rather than by each worker, all at the same time, once the work is
    known. Nothing happens on the Dask engine, with one worker, or when the
    server already runs.
    """
    if params.engine != "local" or params.workers == 1:
        return
    from multiprocessing import forkserver

    get_context("forkserver").set_forkserver_preload(list(modules))
    forkserver.ensure_running()


def measured(work: Callable[[Sequence[Any]], list[Any]], payload: Sequence[Any]) -> tuple[list[Any], int]:
    """`work(payload)` and the peak resident memory, in MB, of the process that ran it."""
    return work(payload), peak_rss_mb()


def _run_batches(work, items, batches: list[list[int]], params: EngineParams, here: bool):
    """An iterator of (batch, (results, peak MB)) as batches finish, in this process when `here`,
    else on the engine `params` names, with a `close()`. The local pool starts its workers on
    their first batches right away."""
    work = functools.partial(measured, work)
    payloads = [[items[i] for i in batch] for batch in batches]
    if not batches:
        return _Done()
    if params.engine == "dask":
        return _run_dask(work, batches, payloads, params)
    if here:
        return ((batch, work(payload)) for batch, payload in zip(batches, payloads))
    return _Pool(work, batches, payloads, params.workers)


def _in_process(params: EngineParams, todo: int, light: bool) -> bool:
    """Whether `todo` documents to compute run in this process, on the local engine.

    With one worker they do; so does light work of at most `params.in_process_up_to`
    documents. Otherwise even a single batch goes to a worker, so that the model it
    loads never sits in this process beside the whole corpus's results.
    """
    if params.engine != "local":
        return False
    return params.workers == 1 or (light and todo <= params.in_process_up_to)


class _Done:
    """No batch to run."""

    def __iter__(self):
        return iter(())

    def close(self) -> None:
        pass


class _Pool:
    """Batches on a pool of worker processes, the first ones submitted on creation.

    The first submissions start the workers, which waits for the fork server to
    be ready (to have loaded what `preload_workers` gave it): they are made from a
    thread, so that this process goes on reading its cached results meanwhile.
    """

    def __init__(self, work, batches, payloads, workers: int) -> None:
        # forkserver, not fork: the parent holds Arrow thread pools, which a fork can leave locked
        self.pool = ProcessPoolExecutor(max_workers=min(workers, len(batches)), mp_context=get_context("forkserver"))
        self.work = work
        # a bounded number of batches in flight keeps memory flat on a large corpus
        self.queue = iter(zip(batches, payloads))
        self.pending: dict = {}
        self.failure: BaseException | None = None
        self.starter = threading.Thread(target=self._start, args=(_take(self.queue, 2 * workers),), daemon=True)
        self.starter.start()

    def _start(self, first: list) -> None:
        try:
            for batch, payload in first:
                self.pending[self.pool.submit(self.work, payload)] = batch
        except BaseException as err:  # noqa: BLE001 - raised again in the main thread
            self.failure = err

    def __iter__(self):
        self.starter.join()
        if self.failure is not None:
            raise self.failure
        while self.pending:
            done, _ = wait(self.pending, return_when=FIRST_COMPLETED)
            for future in sorted(done, key=lambda f: self.pending[f][0]):
                batch = self.pending.pop(future)
                yield batch, future.result()
                for next_batch, payload in _take(self.queue, 1):
                    self.pending[self.pool.submit(self.work, payload)] = next_batch

    def close(self) -> None:
        self.starter.join()
        self.pool.shutdown(wait=True, cancel_futures=True)


def _take(iterator, n: int) -> list:
    out = []
    for _ in range(n):
        try:
            out.append(next(iterator))
        except StopIteration:
            break
    return out


def _run_dask(work, batches, payloads, params: EngineParams):
    from dask.distributed import Client, LocalCluster, as_completed  # only the dask engine pays

    if params.scheduler:
        client, cluster = Client(params.scheduler), None
    else:
        cluster = LocalCluster(
            n_workers=params.workers, threads_per_worker=1, processes=True, dashboard_address=None
        )
        client = Client(cluster)
    log.info("engine: dask on %s", client.scheduler.address)
    try:
        futures = {client.submit(work, payload, pure=False): batch for batch, payload in zip(batches, payloads)}
        for future in as_completed(futures):
            yield futures[future], future.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


class _Quiet:
    def update(self, n: int) -> None:
        pass

    def close(self) -> None:
        pass


def _progress(total: int, label: str):
    """A tqdm bar on a terminal; nothing in CI or when stderr is a file."""
    if not show_progress() or total == 0:
        return _Quiet()
    from tqdm import tqdm

    return tqdm(total=total, desc=label, unit="doc", leave=False)
