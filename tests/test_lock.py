"""Two runs, one output folder: the second waits or says it did not run; no article is
dropped from the manifest or the merged graph in silence; a killed run's lock goes with it."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from rdflib import Dataset

from pipeline.lock import LOCK, exclusive, holder, is_busy
from tests.conftest import ARTICLES, ROOT, SEEDS


def start(out: Path, cache: Path, *paths: Path, extra: tuple[str, ...] = ()) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "pipeline", "ingest", *map(str, paths), "--out", str(out),
                             "--offline", "--cache", str(cache), *extra],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def held_by(out: Path, pid: int, seconds: float = 60) -> None:
    deadline = time.time() + seconds
    while holder(out).get("pid") != pid or not is_busy(out):
        assert time.time() < deadline, f"run {pid} never took the lock"
        time.sleep(0.05)


def everything_is_merged(out: Path) -> list[str]:
    """The ids of the manifest's articles, after checking that every article file is in the
    manifest and every manifest article is a graph of graph.trig."""
    manifest = json.loads((out / "manifest.json").read_text())
    files = sorted(p.relative_to(out).as_posix() for p in (out / "articles").glob("*.ttl"))
    assert sorted(a["file"] for a in manifest["articles"]) == files
    graphs = {str(g.identifier) for g in Dataset().parse(out / "graph.trig", format="trig").graphs() if len(g)}
    assert {a["iri"] for a in manifest["articles"]} | {manifest["descriptions"]["iri"]} == graphs
    return sorted(a["id"] for a in manifest["articles"])


ALL = sorted([p.stem for p in ARTICLES.glob("*.txt")] + [p.stem for p in SEEDS.glob("*.txt")])


def test_two_ingests_started_at_once_with_wait_both_land_every_article(tmp_path):
    out = tmp_path / "out"
    runs = [start(out, tmp_path / "a.sqlite", ARTICLES, extra=("--wait",)),
            start(out, tmp_path / "b.sqlite", SEEDS, extra=("--wait",))]
    done = [(r.wait(timeout=600), r.stderr.read()) for r in runs]
    assert [code for code, _ in done] == [0, 0], done
    assert everything_is_merged(out) == ALL


def test_two_ingests_started_at_once_without_wait_tell_the_truth_in_their_exit_codes(tmp_path):
    out = tmp_path / "out"
    runs = {"articles": start(out, tmp_path / "a.sqlite", ARTICLES), "seed": start(out, tmp_path / "b.sqlite", SEEDS)}
    codes = {name: (r.wait(timeout=600), r.stderr.read()) for name, r in runs.items()}
    assert all(code in (0, 2) for code, _ in codes.values()), codes
    expected = []
    for name, (code, err) in codes.items():
        if code == 2:
            assert "in use by " in err and "add --wait" in err  # who, exactly: the held-folder test
        else:
            expected += [p.stem for p in (ARTICLES if name == "articles" else SEEDS).glob("*.txt")]
    assert expected and everything_is_merged(out) == sorted(expected)


def test_a_run_finding_the_folder_held_names_the_holder_and_exits_2_or_waits_for_it(tmp_path):
    out = tmp_path / "out"
    with exclusive(out, command="conflict-kg ingest feed.jsonl --out out"):
        refused = subprocess.run([sys.executable, "-m", "pipeline", "ingest", str(SEEDS), "--out", str(out),
                                  "--offline", "--cache", str(tmp_path / "c.sqlite")],
                                 cwd=ROOT, capture_output=True, text=True, timeout=300)
        waiting = start(out, tmp_path / "c.sqlite", SEEDS, extra=("--wait",))
        time.sleep(3)
        assert waiting.poll() is None  # still waiting for us
    assert refused.returncode == 2 and not (out / "manifest.json").exists()
    assert (f"in use by conflict-kg run {os.getpid()} (conflict-kg ingest feed.jsonl --out out, started "
            in refused.stderr)
    assert waiting.wait(timeout=300) == 0
    assert f"waiting for conflict-kg run {os.getpid()}" in waiting.stderr.read()
    assert everything_is_merged(out) == sorted(p.stem for p in SEEDS.glob("*.txt"))


def test_a_run_killed_while_holding_the_lock_leaves_none_behind(tmp_path):
    out = tmp_path / "out"
    run = start(out, tmp_path / "c.sqlite", ARTICLES, extra=("--batch", "1"))
    held_by(out, run.pid)
    run.send_signal(signal.SIGKILL)
    run.wait(timeout=30)
    assert (out / LOCK).exists() and not is_busy(out)
    again = subprocess.run([sys.executable, "-m", "pipeline", "ingest", str(ARTICLES), "--out", str(out),
                            "--offline", "--cache", str(tmp_path / "c.sqlite")],
                           cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    assert everything_is_merged(out) == sorted(p.stem for p in ARTICLES.glob("*.txt"))


def test_worker_processes_do_not_keep_the_lock_of_a_caller_that_was_killed(tmp_path):
    out = tmp_path / "out"
    run = start(out, tmp_path / "c.sqlite", ARTICLES, extra=("--workers", "2", "--batch", "1"))
    held_by(out, run.pid)
    deadline = time.time() + 60
    while not (workers := children(run.pid)):
        assert time.time() < deadline, "no worker processes started"
        time.sleep(0.05)
    run.send_signal(signal.SIGKILL)
    run.wait(timeout=30)
    alive = [pid for pid in workers if Path(f"/proc/{pid}").exists()]
    try:
        assert not is_busy(out), f"workers {alive} still hold the lock"
    finally:
        for pid in alive:
            os.kill(pid, signal.SIGKILL)


def children(pid: int) -> list[int]:
    found = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            if f"\nPPid:\t{pid}\n" in status.read_text():
                found.append(int(status.parent.name))
        except OSError:
            continue
    return found


def test_load_and_validate_beside_a_running_ingest_read_the_last_merge_and_say_so(ingested, capsys):
    from pipeline.cli import main
    from tests.servers import GraphStore
    store = GraphStore(status=204, accept=None)
    try:
        with exclusive(ingested, command="conflict-kg ingest feed.jsonl --out out"):
            assert main(["validate", str(ingested)]) == 0
            assert main(["load", str(ingested), "--store", store.url]) == 0
    finally:
        store.stop()
    err = capsys.readouterr().err
    assert err.count(f"note: conflict-kg run {os.getpid()} (conflict-kg ingest feed.jsonl --out out, started ") == 2
    assert "this loads the last finished merge" in err and "this checks the last finished merge" in err
