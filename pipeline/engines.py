"""Where papers are processed: a pool of local worker processes, or a Dask cluster.

An engine takes tasks and a job (a picklable callable run once per task) and
reports each task's result, or why it has none, as soon as it is known. Both
engines run the same job, so they produce the same tables.

The local pool guards the run against any one paper: a paper that runs past
the timeout, or whose worker grows past the memory limit (a decompression
bomb), or that kills its worker (a crash in a C library) is reported as a
failure, its worker is replaced, and the other papers go on.
"""
from __future__ import annotations

import ctypes
import gc
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from multiprocessing.connection import wait
from typing import Any

# A worker is replaced after this many papers, so leaks cannot add up.
TASKS_PER_WORKER = 200
# How often (seconds) the pool looks at deadlines and memory while it waits.
POLL_SECONDS = 0.25
PR_SET_PDEATHSIG = 1
# A worker's cyclic garbage collector runs after this many new container objects, not
# Python's 700: reading a paper makes millions of short-lived tuples, which reference
# counting frees, and each collection would scan them again (about 10% of a run).
WORKER_GC_THRESHOLD = (100_000, 50, 100)

OnResult = Callable[[Any, Any], None]  # (task, result)
OnFailure = Callable[[Any, str], None]  # (task, why)


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def current_umask() -> int:
    """The process's umask, read without changing it (another thread may be creating a file)."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except OSError:
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def die_with_parent() -> None:
    """Ask Linux to kill this worker when the run is killed (no orphans after SIGKILL)."""
    try:
        ctypes.CDLL(None).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass


def _worker_main(conn, job: Callable, umask: int) -> None:
    die_with_parent()
    os.umask(umask)  # a forkserver's worker has the forkserver's, not the run's: files as the user makes them
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    gc.freeze()  # what the worker inherits (modules, loaded extractors) is never garbage: not scanned
    gc.set_threshold(*WORKER_GC_THRESHOLD)
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        try:
            conn.send((True, job(task)))
        except BaseException as exc:  # the job records paper errors itself; this is a backstop
            conn.send((False, f"{type(exc).__name__}: {exc}"))


def _rss_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/statm") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        return 0.0


def _signal_name(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        try:
            return signal.Signals(-exitcode).name
        except ValueError:
            return f"signal {-exitcode}"
    return f"exit code {exitcode}"


@dataclass
class _Worker:
    process: Any
    conn: Any
    task: Any = None
    started: float = 0.0
    done: int = 0


@dataclass
class LocalEngine:
    """A pool of ``workers`` processes on this machine."""

    workers: int = field(default_factory=default_workers)
    timeout: float | None = 600.0  # seconds per paper
    memory_limit_mb: float | None = 2048.0  # resident memory per worker
    peak_rss_mb: float = 0.0  # largest worker seen, for benchmarks

    def _context(self):
        # fork is fastest, but forking a process with threads (a progress bar's) is unsafe
        method = "fork" if threading.active_count() == 1 else "forkserver"
        return multiprocessing.get_context(method if method in multiprocessing.get_all_start_methods() else None)

    def _start(self, context, job: Callable) -> _Worker:
        parent, child = context.Pipe()
        process = context.Process(target=_worker_main, args=(child, job, current_umask()), daemon=True)
        process.start()
        child.close()
        return _Worker(process, parent)

    @staticmethod
    def _stop(worker: _Worker, kill: bool = False) -> None:
        if kill:
            worker.process.kill()
        else:
            try:
                worker.conn.send(None)
            except OSError:
                worker.process.kill()
        worker.process.join(timeout=5)
        if worker.process.is_alive():
            worker.process.kill()
            worker.process.join()
        worker.conn.close()

    def run(self, tasks: Iterable, job: Callable, on_result: OnResult, on_failure: OnFailure) -> None:
        context = self._context()
        pending = deque(tasks)
        idle: list[_Worker] = []
        busy: list[_Worker] = []
        n_workers = max(1, min(self.workers, len(pending)))
        try:
            while pending or busy:
                while pending and len(busy) < n_workers:
                    worker = idle.pop() if idle else self._start(context, job)
                    worker.task, worker.started = pending.popleft(), time.monotonic()
                    worker.conn.send(worker.task)
                    busy.append(worker)
                ready = set(wait([w.conn for w in busy] + [w.process.sentinel for w in busy], POLL_SECONDS))
                now = time.monotonic()
                for worker in list(busy):
                    failure = None
                    if worker.conn in ready:
                        try:
                            ok, value = worker.conn.recv()
                        except (EOFError, OSError):
                            worker.process.join(timeout=1)
                            failure = f"the worker process died ({_signal_name(worker.process.exitcode)})"
                        else:
                            busy.remove(worker)
                            (on_result if ok else on_failure)(worker.task, value)
                            worker.done += 1
                            if worker.done >= TASKS_PER_WORKER:
                                self._stop(worker)
                            else:
                                idle.append(worker)
                            continue
                    elif worker.process.sentinel in ready:
                        worker.process.join(timeout=1)
                        failure = f"the worker process died ({_signal_name(worker.process.exitcode)})"
                    elif self.timeout and now - worker.started > self.timeout:
                        failure = f"timed out after {self.timeout:g} s"
                    else:
                        rss = _rss_mb(worker.process.pid)
                        self.peak_rss_mb = max(self.peak_rss_mb, rss)
                        if self.memory_limit_mb and rss > self.memory_limit_mb:
                            failure = (f"used more than {self.memory_limit_mb:g} MB of memory "
                                       "(a decompression bomb?)")
                    if failure:
                        busy.remove(worker)
                        self._stop(worker, kill=True)
                        on_failure(worker.task, failure)
        finally:
            for worker in idle + busy:
                self._stop(worker, kill=bool(busy))


@dataclass
class DaskEngine:
    """A Dask cluster: ``scheduler`` is its address, or None for a LocalCluster here.

    The cluster's workers need not see the input or output folders: tasks
    carry the paper's bytes and results come back to this process. Per-paper
    timeouts and memory limits are the cluster's own (its nannies restart a
    worker that dies; the task then fails here with the cluster's error).
    """

    scheduler: str | None = None
    workers: int = field(default_factory=default_workers)

    def run(self, tasks: Iterable, job: Callable, on_result: OnResult, on_failure: OnFailure) -> None:
        try:
            from dask.distributed import Client, LocalCluster, as_completed
        except ImportError as exc:
            raise RuntimeError("--engine dask needs dask[distributed]: pip install 'boardpapers[dask]'") from exc

        cluster = None
        if self.scheduler:
            client = Client(self.scheduler)
        else:
            cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1, processes=True,
                                   dashboard_address=None)
            client = Client(cluster)
        try:
            pending = deque(tasks)
            in_flight = 2 * max(1, sum(w.get("nthreads", 1) for w in client.scheduler_info()["workers"].values()))
            submitted: dict[Any, Any] = {}  # future -> task
            queue = as_completed()

            def submit() -> None:
                while pending and len(submitted) < in_flight:
                    task = pending.popleft()
                    future = client.submit(job, task, pure=False)
                    submitted[future] = task
                    queue.add(future)

            submit()
            for future in queue:
                task = submitted.pop(future)
                try:
                    on_result(task, future.result())
                except Exception as exc:
                    on_failure(task, f"on the Dask cluster: {type(exc).__name__}: {exc}")
                submit()
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
