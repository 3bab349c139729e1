"""Worker processes of a batch build: started, watched, stopped.

- A worker dies with the build: on Linux the kernel kills it when its parent goes
  (PR_SET_PDEATHSIG), and on every platform a watch thread ends it when its parent is gone,
  so a build that is killed (SIGKILL, SIGTERM) leaves no worker writing into build/.
- Ctrl-C is for the main process only (workers ignore SIGINT): it stops the workers at once
  and the caller records what finished. A second Ctrl-C while stopping changes nothing.
- A worker that dies (killed, out of memory) breaks the pool. The documents it may have
  been building are built again one by one, each in a pool of its own, so the one that
  kills its worker is named; the pool is restarted for the rest.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Generator, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

T = TypeVar("T")
Taak = Any
"""What one call of the work function gets (a source and its folder)."""

_BEGONNEN: Any = None
"""In a worker: the shared array in which it marks each task it starts (a byte per task:
no lock, nothing a killed worker can leave half-written for the main process to wait on)."""

WACHT = 0.5
"""Seconds between a worker's checks that its parent is still there."""


def _sterf_met_ouder(ouder: int) -> None:
    """End this process when the process that started it is gone."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            pr_set_pdeathsig = 1
            libc.prctl(pr_set_pdeathsig, signal.SIGKILL)

    def wacht() -> None:
        while True:
            if os.getppid() != ouder:
                os._exit(1)
            time.sleep(WACHT)

    if os.getppid() != ouder:  # gone before the kernel was told
        os._exit(1)
    threading.Thread(target=wacht, daemon=True, name="voorstel-ouder").start()


def _begin(begonnen: Any, ouder: int) -> None:
    """A worker's start: Ctrl-C is the main process's; die with it; mark tasks."""
    global _BEGONNEN
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _sterf_met_ouder(ouder)
    _BEGONNEN = begonnen


def _gemeld(werk: Callable[..., T], index: int, taak: Taak) -> T:
    if _BEGONNEN is not None:
        _BEGONNEN[index] = 1
    return werk(*taak)


def stop(pool: ProcessPoolExecutor) -> None:
    """Stop a pool now: queued work cancelled, running workers killed (not waited for)."""
    processen = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for proces in processen:
        with contextlib.suppress(Exception):
            proces.kill()
    for proces in processen:
        with contextlib.suppress(Exception):
            proces.join(timeout=2)


def parallel(
    werk: Callable[..., T],
    taken: Sequence[Taak],
    processen: int,
    gestorven: Callable[[int], T],
) -> Iterator[tuple[int, T]]:
    """(index, werk(*taak)) for every task as it finishes, in up to `processen` workers.
    A task whose worker died gets `gestorven(index)` instead, and the rest is built."""
    open_ = list(range(len(taken)))
    verdacht: list[int] = []
    while open_ or verdacht:
        if verdacht:  # alone, so a worker that dies again names its document
            index = verdacht.pop(0)
            klaar, breuk, _ = yield from _ronde(werk, taken, [index], 1)
            if breuk:
                yield index, gestorven(index)
            continue
        klaar, breuk, begonnen = yield from _ronde(werk, taken, open_, processen)
        open_ = [i for i in open_ if i not in klaar and i not in begonnen]
        if breuk:
            verdacht = [i for i in sorted(begonnen) if i not in klaar]
            if not verdacht:  # the pool broke before any task began: it cannot start
                for index in open_:
                    yield index, gestorven(index)
                return


Ronde = Generator[tuple[int, T], None, tuple[set[int], bool, set[int]]]


def _ronde(
    werk: Callable[..., T], taken: Sequence[Taak], indices: list[int], processen: int
) -> Ronde[T]:
    """One pool for `indices`, yielding results; returns (finished, whether the pool
    broke, tasks begun), for `yield from`."""
    context = multiprocessing.get_context()
    gemerkt = context.Array("b", len(taken), lock=False)
    pool = ProcessPoolExecutor(
        max_workers=min(processen, len(indices)),
        mp_context=context,
        initializer=_begin,
        initargs=(gemerkt, os.getpid()),
    )
    klaar: set[int] = set()
    breuk = False
    try:
        futures: dict[Future[T], int] = {
            pool.submit(_gemeld, werk, index, taken[index]): index for index in indices
        }
        for future in as_completed(futures):
            index = futures[future]
            try:
                resultaat = future.result()
            except BrokenProcessPool:
                breuk = True
                continue
            klaar.add(index)
            yield index, resultaat
    except KeyboardInterrupt:  # Ctrl-C or SIGTERM: the build stops, no worker stays
        negeer_ctrl_c()  # from now on: a second Ctrl-C does not break the stopping
        stop(pool)
        raise
    except BaseException:  # the caller stopped (or failed): no worker stays
        with zonder_ctrl_c():
            stop(pool)
        raise
    if breuk:
        stop(pool)
    else:
        pool.shutdown(wait=True)
    return klaar, breuk, {i for i in indices if gemerkt[i]}


def negeer_ctrl_c() -> None:
    """Ignore Ctrl-C and SIGTERM for the rest of this process: a build that was stopped
    finishes stopping (records what finished, says so) whatever comes next."""
    if threading.current_thread() is threading.main_thread():
        for nummer in (signal.SIGINT, signal.SIGTERM):
            signal.signal(nummer, signal.SIG_IGN)


@contextlib.contextmanager
def zonder_ctrl_c() -> Iterator[None]:
    """Ctrl-C and SIGTERM wait while stopping (a second Ctrl-C does not break the stop)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    vorige = {s: signal.signal(s, signal.SIG_IGN) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for nummer, handler in vorige.items():
            signal.signal(nummer, handler)


@contextlib.contextmanager
def sigterm_als_ctrl_c() -> Iterator[None]:
    """SIGTERM stops a build the way Ctrl-C does (what finished is recorded)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def onderbreek(_signum: int, _frame: object) -> None:
        raise KeyboardInterrupt

    vorige = signal.signal(signal.SIGTERM, onderbreek)
    try:
        yield
    finally:
        if signal.getsignal(signal.SIGTERM) is onderbreek:  # not when stopping ignores it
            signal.signal(signal.SIGTERM, vorige)
