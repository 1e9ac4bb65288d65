"""Run work over files in worker processes, in order, surviving a killed worker.

Workers are forked, so they inherit what the parent built (the parser, the
rules). A worker that dies (SIGKILL, the out-of-memory killer) breaks the
pool; only the files in flight are affected, and each is then checked alone
so that the one that kills its worker is known.
"""

from __future__ import annotations

from collections.abc import Iterator


def in_workers(files: list[str], work, jobs: int, killed) -> Iterator:
    """`work` over `files` in `jobs` processes, results in file order.

    Only a few chunks are in flight at a time, so that when a worker dies
    (killed, out of memory) only their files are lost: each of those is then
    checked alone, and a file that kills its worker again gets `killed(path)`
    as its result. The pool is started afresh and the remaining files go on."""
    from collections import deque
    from concurrent.futures.process import BrokenProcessPool

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
                outcomes = in_flight[0][1].result()
            except BrokenProcessPool:
                pool.shutdown(wait=True, cancel_futures=True)
                lost = list(in_flight)
                in_flight.clear()
                for files_sent, sent in lost:
                    if sent.done() and not sent.cancelled() and sent.exception() is None:
                        yield from sent.result()
                    else:
                        yield from _each_alone(files_sent, work, killed)
                pool = _pool(jobs)
                continue
            in_flight.popleft()
            yield from outcomes
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _each_alone(files: list[str], work, killed) -> Iterator:
    """Check files one at a time in a worker of their own: the one that kills it is known."""
    from concurrent.futures.process import BrokenProcessPool

    pool = _pool(1)
    try:
        for path in files:
            try:
                yield pool.submit(work, path).result()
            except BrokenProcessPool:
                pool.shutdown(wait=True)
                pool = _pool(1)
                yield killed(path)
    finally:
        pool.shutdown(wait=True)


def _pool(jobs: int):
    """Workers forked from this process (they inherit the built parser and rules)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    fork = "fork" in multiprocessing.get_all_start_methods()
    return ProcessPoolExecutor(
        max_workers=jobs, mp_context=multiprocessing.get_context("fork") if fork else None
    )


def _work_chunk(work, chunk: list[str]) -> list:
    return [work(path) for path in chunk]
