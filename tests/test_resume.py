"""Crash safety: an ingest killed at any moment (SIGKILL: no clean-up code runs) leaves
no truncated file, and running it again finishes the job without redoing what was done,
with the same bytes as a run that was never interrupted."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from pyoxigraph import RdfFormat, parse

from tests.conftest import ARTICLES, ROOT, SEEDS
from tests.test_ingest import digests


def command(out: Path, cache: Path) -> list[str]:
    return [sys.executable, "-m", "pipeline", "ingest", str(SEEDS), str(ARTICLES), "--out", str(out), "--offline",
            "--cache", str(cache), "--batch", "1"]


def assert_every_file_is_whole(out: Path) -> None:
    for path in out.rglob("*"):
        if path.name.endswith(".tmp"):
            continue  # a temporary: never read, removed by the next run
        if path.suffix in {".ttl", ".trig"}:
            list(parse(path=str(path), format=RdfFormat.TURTLE if path.suffix == ".ttl" else RdfFormat.TRIG))
        elif path.suffix == ".json":
            json.loads(path.read_text())


def test_a_killed_run_resumes_to_the_bytes_of_an_uninterrupted_one(tmp_path):
    reference = tmp_path / "reference"
    subprocess.run(command(reference, tmp_path / "ref.sqlite"), cwd=ROOT, check=True, capture_output=True)
    expected = digests(reference, but=("report.json",))
    rng = random.Random(11)
    for trial in range(3):
        out = tmp_path / f"killed{trial}"
        run = subprocess.Popen(command(out, tmp_path / f"{trial}.sqlite"), cwd=ROOT,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        journal = out / ".journal.jsonl"
        deadline = time.monotonic() + 120
        while run.poll() is None and time.monotonic() < deadline and (
                not journal.exists() or journal.read_text().count("\n") < 1 + trial):
            time.sleep(0.01)
        time.sleep(rng.uniform(0, 0.3))  # somewhere in the middle of an article, or between two
        run.send_signal(signal.SIGKILL)
        run.wait()
        assert run.returncode == -signal.SIGKILL, "the run finished before it could be killed"
        done_before = journal.read_text().count("\n")
        assert_every_file_is_whole(out)

        again = subprocess.run(command(out, tmp_path / f"{trial}.sqlite"), cwd=ROOT, capture_output=True, text=True)
        assert again.returncode == 0, again.stderr
        report = json.loads((out / "report.json").read_text())
        assert report["summary"]["unchanged"] >= done_before >= 1  # what was finished is not redone
        assert digests(out, but=("report.json",)) == expected
        assert not journal.exists() and not list(out.rglob("*.tmp"))


def test_ctrl_c_stops_with_exit_130_and_the_same_command_resumes(tmp_path):
    out = tmp_path / "out"
    run = subprocess.Popen([*command(out, tmp_path / "c.sqlite"), "--workers", "2"], cwd=ROOT,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True)
    journal = out / ".journal.jsonl"
    deadline = time.monotonic() + 120
    while run.poll() is None and time.monotonic() < deadline and (
            not journal.exists() or not journal.read_text().count("\n")):
        time.sleep(0.01)
    os.killpg(run.pid, signal.SIGINT)  # as a terminal does: the whole process group
    _, err = run.communicate(timeout=60)
    assert run.returncode == 130, err
    assert err.strip().splitlines()[-1] == "interrupted; articles finished so far are kept; the same command resumes"
    assert "Traceback" not in err
    assert subprocess.run(command(out, tmp_path / "c.sqlite"), cwd=ROOT, capture_output=True).returncode == 0
    assert_every_file_is_whole(out)
