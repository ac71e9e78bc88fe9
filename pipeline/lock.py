"""One run at a time per output folder: an OS file lock on OUT/.lock.

Two ingests into one folder would each merge what they read at their start, and the last
to finish would drop the other's articles from the manifest and the merged graph. So a
run that writes (ingest, relink) holds an exclusive `flock` on OUT/.lock from before it
reads the manifest until after it has written it. The kernel releases the lock when the
process dies, however it dies (kill -9 included), so a lock is never stale; the file
itself stays (deleting a lock file races with whoever opens it next). Inside, the holder
writes who it is, so that a second run can say whom it found there, and empties it when done.

Worker processes forked by the holder inherit its descriptor; `forget_inherited` closes
their copies, so that the lock lives exactly as long as the caller does (closing a copy
does not release it; only the last close or an explicit unlock does).
"""

from __future__ import annotations

import fcntl
import json
import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

LOCK = ".lock"
_INHERITED: list[int] = []  # descriptors of locks this process holds (and forked children inherit)


class Busy(Exception):
    """Another run holds the folder; the message names it and the way out."""


def holder(out: Path) -> dict:
    """Who holds (or last held) the folder's lock: pid, command, start time; {} if unknown."""
    try:
        info = json.loads((out / LOCK).read_text(encoding="utf-8") or "{}")
        return info if isinstance(info, dict) else {}
    except (OSError, ValueError):
        return {}


def _holder_once_written(out: Path, seconds: float = 1.0) -> dict:
    """The holder, given a moment to write who it is (it does so right after taking the lock)."""
    deadline = time.monotonic() + seconds
    while not (info := holder(out)) and time.monotonic() < deadline:
        time.sleep(0.02)
    return info


def describe(info: dict) -> str:
    if not info:
        return "another conflict-kg run"
    return f"conflict-kg run {info.get('pid', '?')} ({info.get('command', '?')}, started {info.get('started', '?')})"


def is_busy(out: Path) -> bool:
    """Whether a run holds the folder now (for readers: load and validate read the last
    finished merge, and say that a run is adding to it)."""
    try:
        fd = os.open(out / LOCK, os.O_RDONLY)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        return False
    except BlockingIOError:
        return True
    finally:
        os.close(fd)


@contextmanager
def exclusive(out: Path, wait: bool = False, waiting: Callable[[str], None] = lambda who: None,
              command: str = "") -> Iterator[None]:
    """Holds the folder for the block. Busy at once when another run holds it, unless
    `wait`: then `waiting` is told whom we wait for, and the block runs once it is free.
    `command` says what this run is, for whoever finds the folder held."""
    out.mkdir(parents=True, exist_ok=True)
    fd = os.open(out / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            who = describe(_holder_once_written(out))
            if not wait:
                raise Busy(f"{out}: in use by {who}; it would merge without this run's articles. Run again "
                           "when it has finished, or add --wait to start as soon as it has") from None
            waiting(who)
            fcntl.flock(fd, fcntl.LOCK_EX)
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps({"pid": os.getpid(), "command": (command or " ".join(sys.argv))[:300],
                                  "started": time.strftime("%Y-%m-%d %H:%M:%S %Z")}).encode(), 0)
        _INHERITED.append(fd)
        try:
            yield
        finally:
            _INHERITED.remove(fd)
            os.ftruncate(fd, 0)  # a finished run leaves an empty file: the folder's bytes do not depend on who ran
    finally:
        os.close(fd)  # the last close releases the lock


def forget_inherited() -> None:
    """In a forked worker: close the copies of the caller's lock descriptors."""
    while _INHERITED:
        os.close(_INHERITED.pop())
