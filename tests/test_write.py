import json
import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.write import OutputError, atomic_write
from tests.conftest import ARTICLES, ROOT, SEEDS
from tests.test_ingest import digests
from tests.test_resume import assert_every_file_is_whole


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


def run_on_a_small_disk(tmp_path: Path, size: str) -> tuple[subprocess.CompletedProcess, Path, Path]:
    """Ingest onto a tmpfs of `size` (a mount namespace of its own: no root needed, nothing
    left mounted), snapshot the folder, give the disk room, ingest again, snapshot again."""
    disk = tmp_path / "disk"
    ingest = shlex.join([sys.executable, "-m", "pipeline", "ingest", str(SEEDS), str(ARTICLES), "--out",
                         str(disk / "out"), "--offline", "--cache", str(tmp_path / "c.sqlite"), "--batch", "1"])
    script = f"""
        mkdir -p {disk} && mount -t tmpfs -o size={size} tmpfs {disk} || exit 99
        {ingest} 2> {tmp_path}/first.err; echo $? > {tmp_path}/first.rc; cp -a {disk}/out {tmp_path}/full
        mount -o remount,size=64m {disk}
        {ingest} 2> {tmp_path}/second.err; echo $? > {tmp_path}/second.rc; cp -a {disk}/out {tmp_path}/after
    """
    done = subprocess.run(["unshare", "--user", "--map-root-user", "--mount", "sh", "-c", script], cwd=ROOT,
                          capture_output=True, text=True)
    if done.returncode == 99 or "unshare failed" in done.stderr:
        pytest.skip(f"no user or mount namespaces here: {done.stderr.strip()}")
    return done, tmp_path / "full", tmp_path / "after"


@pytest.mark.parametrize("size", ["200k", "600k"])  # full while writing articles; full while merging them
def test_a_full_disk_stops_the_run_with_a_clear_message_and_the_next_run_completes_it(tmp_path, size, ingested):
    done, full, after = run_on_a_small_disk(tmp_path, size)
    first_err = (tmp_path / "first.err").read_text()
    assert (tmp_path / "first.rc").read_text().strip() == "3", first_err
    assert "No space left on device; the run stopped; articles finished so far are kept; once that is fixed, " \
           "the same command resumes" in first_err
    assert "Traceback" not in first_err
    assert_every_file_is_whole(full)
    assert not (full / "graph.ttl").exists()  # never a merge of part of the articles
    assert (tmp_path / "second.rc").read_text().strip() == "0", (tmp_path / "second.err").read_text()
    expected = digests(ingested, but=("report.json",))
    assert digests(after, but=("report.json",)) == expected
    report = json.loads((after / "report.json").read_text())
    assert report["summary"]["unchanged"] == len(list((full / "articles").glob("*.ttl")))  # not redone


def test_descriptions_merge_keep_each_triple_once_and_one_label_per_thing(tmp_path):
    from pipeline.write import merge_descriptions
    x = "<https://w3id.org/conflict-kg/id/entity/al-shabaab-1>"
    label = "<http://www.w3.org/2000/01/rdf-schema#label>"
    kind = f"{x} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/conflict-kg/ontology#ArmedGroup> ."
    (tmp_path / "a.nt").write_text(f'{kind}\n{x} {label} "al-Shabaab" .\n')
    (tmp_path / "b.nt").write_text(f'{kind}\n{x} {label} "Al-Shabaab" .\n')
    got = sorted((t.predicate.value.rsplit("#", 1)[1], t.object.value.rsplit("#", 1)[-1])
                 for t in merge_descriptions([tmp_path / "a.nt", tmp_path / "b.nt"]))
    assert got == [("altLabel", "al-Shabaab"), ("label", "Al-Shabaab"), ("type", "ArmedGroup")]
