"""Advisory locks on files (one builder, one sender per brief) that die with their holder.

A flock is released when every descriptor of it is closed; forked pool workers inherit the
descriptor, so they close their copies at start (``forget_inherited``) and are killed when
their parent dies (``die_with_parent``): a killed build never leaves the lock held.
"""

from __future__ import annotations

import ctypes
import fcntl
import os
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from briefing.errors import BriefingError

_held: set[int] = set()  # descriptors of the locks this process holds
PR_SET_PDEATHSIG = 1  # linux/prctl.h


@contextmanager
def hold(path: Path, *, wait: bool = True, busy: str = "another process holds") -> Iterator[None]:
    """Hold an exclusive lock on ``path`` (created if need be); the file names the holder's
    pid, so a busy lock says who has it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BriefingError(f"{busy} ({_holder(fd)})") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        _held.add(fd)
        try:
            yield
        finally:
            _held.discard(fd)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _holder(fd: int) -> str:
    text = os.pread(fd, 32, 0).decode(errors="replace").strip()
    if not text.isdigit():
        return "holder unknown"
    try:
        os.kill(int(text), 0)
    except ProcessLookupError:
        return f"pid {text} has exited; a process it started still holds the lock"
    except PermissionError:
        pass
    return f"pid {text}"


def forget_inherited() -> None:
    """In a forked worker: close the parent's lock descriptors, which only the parent owns."""
    for fd in list(_held):
        try:
            os.close(fd)
        except OSError:
            pass
    _held.clear()


def die_with_parent() -> None:
    """Pool worker initializer: no lock copies, SIGKILL when the parent process dies, and the
    default SIGTERM and SIGINT (a forked worker inherits `briefing run`'s, which would
    turn a stop into an error in the worker, and the worker would carry on)."""
    forget_inherited()
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the parent, which stops us
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        if os.getppid() == 1:  # the parent died before prctl took effect
            os._exit(1)
