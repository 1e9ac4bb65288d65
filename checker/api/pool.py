"""Run work over files in worker processes, in order, surviving a killed or
stuck worker.

Workers are forked, so they inherit what the parent built (the parser, the
rules). A worker that dies (SIGKILL, the out-of-memory killer) breaks the
pool, and one that spends longer than the time limit on its files is
stopped: only the files in flight are affected, and each is then checked
alone, so that the one that kills or holds up its worker is known.
"""

from __future__ import annotations

from collections.abc import Iterator

# Seconds a worker may spend on one file. Reading and checking are bounded
# (the largest hostile file the readers accept takes some 20 s); a file past
# this has found a bug, and must not stall the run.
FILE_TIME_LIMIT = 120.0

KILLED = "killed"
TIMED_OUT = "timed out"


def in_workers(files: list[str], work, jobs: int, killed, per_file: float | None = None) -> Iterator:
    """`work` over `files` in `jobs` processes, results in file order.

    Only a few chunks are in flight at a time, so that when a worker dies
    (killed, out of memory) or overruns `per_file` seconds a file (default
    FILE_TIME_LIMIT) only their files are held up: each of those is then
    checked alone, and a file that kills or stalls its worker again gets
    `killed(path, KILLED or TIMED_OUT)` as its result. The pool is started
    afresh and the remaining files go on."""
    from collections import deque
    from concurrent.futures.process import BrokenProcessPool

    limit = per_file or FILE_TIME_LIMIT
    size = max(1, min(64, len(files) // (jobs * 8) or 1))
    chunks = deque(files[i : i + size] for i in range(0, len(files), size))
    in_flight: deque = deque()
    pool = _pool(jobs)
    try:
        while chunks or in_flight:
            try:
                while chunks and len(in_flight) < 2 * jobs:
                    in_flight.append((chunks[0], pool.submit(_work_chunk, work, chunks[0])))
                    chunks.popleft()
                head_files, head = in_flight[0]
                outcomes = head.result(timeout=limit * len(head_files))
            except (BrokenProcessPool, TimeoutError):
                _stop(pool)
                lost = list(in_flight)
                in_flight.clear()
                for files_sent, sent in lost:
                    if sent.done() and not sent.cancelled() and sent.exception() is None:
                        yield from sent.result()
                    else:
                        yield from _each_alone(files_sent, work, killed, limit)
                pool = _pool(jobs)
                continue
            in_flight.popleft()
            yield from outcomes
    finally:
        _stop(pool)


def _each_alone(files: list[str], work, killed, limit: float) -> Iterator:
    """Check files one at a time in a worker of their own: the one that kills
    or stalls it is known."""
    from concurrent.futures.process import BrokenProcessPool

    pool = _pool(1)
    try:
        for path in files:
            try:
                yield pool.submit(work, path).result(timeout=limit)
            except (BrokenProcessPool, TimeoutError) as error:
                _stop(pool)
                pool = _pool(1)
                yield killed(path, TIMED_OUT if isinstance(error, TimeoutError) else KILLED)
    finally:
        _stop(pool)


def _pool(jobs: int):
    """Workers forked from this process (they inherit the built parser and rules)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    fork = "fork" in multiprocessing.get_all_start_methods()
    return ProcessPoolExecutor(
        max_workers=jobs, mp_context=multiprocessing.get_context("fork") if fork else None
    )


def _stop(pool) -> None:
    """End the pool now: a worker still busy (stuck on a file) is killed
    rather than waited for. The executor keeps its processes in `_processes`
    (CPython 3.8 to 3.14); without it, shutting down still cancels the rest."""
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        if process.is_alive():
            process.kill()
    pool.shutdown(wait=True, cancel_futures=True)


def _work_chunk(work, chunk: list[str]) -> list:
    return [work(path) for path in chunk]
