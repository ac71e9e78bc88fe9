import os

import pytest

from pipeline.write import OutputError, atomic_write


def test_atomic_write_replaces_the_file_and_leaves_no_temporary_behind(tmp_path):
    path = tmp_path / "a" / "x.ttl"
    atomic_write(path, b"one")
    atomic_write(path, b"two")
    assert path.read_bytes() == b"two"
    assert os.listdir(path.parent) == ["x.ttl"]


def test_a_failed_write_keeps_the_old_file_and_removes_the_temporary(tmp_path, monkeypatch):
    path = tmp_path / "x.ttl"
    atomic_write(path, b"old")

    def boom(*_):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OutputError, match="cannot write .*x.ttl: disk full"):
        atomic_write(path, b"new")
    assert path.read_bytes() == b"old" and os.listdir(tmp_path) == ["x.ttl"]


def test_unchanged_bytes_leave_the_file_untouched(tmp_path):
    path = tmp_path / "x.ttl"
    atomic_write(path, b"same")
    before = path.stat().st_mtime_ns
    atomic_write(path, b"same")
    assert path.stat().st_mtime_ns == before
