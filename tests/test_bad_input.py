"""A scraped archive is not clean: every kind of bad input has a defined outcome, is
named in out/report.json with its reason, and never stops the other inputs.

The corpus is generated here, from the real articles in the fixtures, so no binary
file is committed; `ingest` runs as a separate program so that a traceback would show.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from pyoxigraph import RdfFormat, parse

from tests.conftest import ARTICLES, ROOT, SEEDS

REAL = sorted(ARTICLES.glob("*.txt")) + sorted(SEEDS.glob("*.txt"))
# Article 1 of the Universal Declaration of Human Rights, in French
FRENCH = ("Tous les êtres humains naissent libres et égaux en dignité et en droits. Ils sont doués de raison et de "
          "conscience et doivent agir les uns envers les autres dans un esprit de fraternité.\n")
NO_NAMES = ("Heavy rain fell for most of the day and several roads were closed for some hours.\n\nOfficials said "
            "that the water had gone down by the evening and that nobody had been hurt.\n")


def png() -> bytes:
    """A valid 1x1 PNG image."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b""))


def body(path: Path) -> str:
    """The article text of a fixture, without its `key: value` header."""
    text = path.read_text(encoding="utf-8")
    return text.split("\n---\n", 1)[1] if "\n---\n" in text else text


def make_corpus(folder: Path) -> dict[str, tuple[str, str]]:
    """Writes the bad (and the awkward but good) inputs; returns input -> (outcome, reason)."""
    folder.mkdir()
    rng = random.Random(6)
    expected: dict[str, tuple[str, str]] = {}

    def put(name: str, data: bytes, outcome: str, reason: str = "") -> None:
        (folder / name).write_bytes(data)
        expected[name] = (outcome, reason)

    put("empty.txt", b"", "failed", "empty file")
    put("whitespace.txt", b"  \n\t\n   \n", "failed", "only white space")
    put("photo.txt", png(), "failed", "binary file (PNG image), not text")
    put("photo.png", png(), "ignored", "not an article file (.png")
    put("random.txt", rng.randbytes(4096), "failed", "binary file (NUL bytes), not text")
    put("latin1.txt", (body(REAL[0]) + "\nReported from Bogotá.\n").encode("latin-1"), "failed",
        "not valid UTF-8 (byte ")
    put("bom.txt", b"\xef\xbb\xbf" + REAL[1].read_bytes(), "ingested")
    put("utf16.txt", body(REAL[2]).encode("utf-16"), "ingested")
    put("crlf.txt", REAL[3].read_bytes().replace(b"\n", b"\r\n"), "ingested")
    put("utf32.txt", NO_NAMES.replace("Heavy rain", "Hail").encode("utf-32"), "ingested")
    put("big.txt", (body(REAL[4]) * (20 * 2**20 // len(body(REAL[4])) + 1)).encode()[:20 * 2**20], "failed",
        "file is 20,971,520 bytes, over the limit of 1,000,000 characters")
    put("oneline.txt", (body(REAL[5]).replace("\n", " ") * 2000).encode()[:5 * 2**20], "failed",
        "file is 5,242,880 bytes, over the limit")
    paragraphs = "".join(f"<p>{p}</p>\n" for p in body(REAL[6]).split("\n\n") if p.strip())
    put("page.html", f"<html><head><title>Site</title><script>var secret = 'TOKEN-IN-SCRIPT';</script></head>"
                     f"<body><nav><a href='/'>Home</a> NAV-LINK-TEXT</nav><h1>Talks</h1>{paragraphs}"
                     "<footer>Copyright FOOTER-TEXT</footer></body></html>".encode(), "ingested")
    snow = NO_NAMES.replace("Heavy rain", "Snow")
    record = {"id": "wire-1", "headline": "Snow", "published": "2016-12-01", "text": snow}
    lines = [json.dumps(record), '{"id": "wire-2", "text": "cut off', json.dumps(dict(record, id="wire-3",
                                                                                         text=FRENCH + NO_NAMES))]
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    expected["feed.jsonl:1"] = ("ingested", "")
    expected["feed.jsonl:2"] = ("failed", "invalid JSON")
    expected["feed.jsonl:3"] = ("ingested", "")  # mostly English: the French sentence stays in
    put("reposted.txt", REAL[3].read_bytes(), "duplicate", "same text as ")
    put("french.txt", FRENCH.encode() * 3, "failed", "not English: 0% English function words")
    put("no-names.txt", NO_NAMES.encode(), "ingested")
    os.symlink("loop-b.txt", folder / "loop-a.txt")
    os.symlink("loop-a.txt", folder / "loop-b.txt")
    expected["loop-a.txt"] = expected["loop-b.txt"] = ("failed", "symbolic link loop")
    os.symlink("gone.txt", folder / "dangling.txt")
    expected["dangling.txt"] = ("failed", "broken symbolic link")
    (folder / "sub").mkdir()
    os.symlink("..", folder / "sub" / "up")
    expected["sub/up"] = ("failed", "symbolic link back to a folder already read")
    os.mkfifo(folder / "pipe.txt")
    expected["pipe.txt"] = ("failed", "not a regular file (a named pipe)")
    put("locked.txt", REAL[0].read_bytes(), "failed", "cannot read (Permission denied)")
    (folder / "locked.txt").chmod(0)
    return expected


def as_unprivileged(command: list[str]) -> list[str] | None:
    """Root reads any file whatever its mode; in a user namespace of its own, where it is
    mapped to no one, it reads by the file's mode like everyone else. None: cannot."""
    if os.geteuid() != 0:
        return command
    if subprocess.run(["unshare", "--user", "true"], capture_output=True).returncode != 0:
        return None
    return ["unshare", "--user", *command]


@pytest.fixture(scope="module")
def corpus_run(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("bad")
    expected = make_corpus(tmp / "in")
    out = tmp / "out"
    command = [sys.executable, "-m", "pipeline", "ingest", str(tmp / "in"), str(tmp / "not-there.txt"),
               "--out", str(out), "--offline", "--cache", str(tmp / "cache.sqlite")]
    if as_unprivileged(command) is None:  # root with no user namespaces: the mode cannot stop it
        (tmp / "in" / "locked.txt").unlink()
        del expected["locked.txt"]
    done = subprocess.run(as_unprivileged(command) or command, capture_output=True, text=True, cwd=ROOT,
                          timeout=600)
    expected["../not-there.txt"] = ("failed", "no such file or folder")
    return tmp, expected, done


def test_every_input_has_the_outcome_and_reason_it_should(corpus_run):
    tmp, expected, done = corpus_run
    report = json.loads((tmp / "out" / "report.json").read_text())
    got = {os.path.relpath(i["input"], tmp / "in"): (i["outcome"], i["reason"]) for i in report["inputs"]}
    assert got.keys() == expected.keys()
    for name, (outcome, reason) in expected.items():
        assert got[name][0] == outcome, (name, got[name])
        assert reason in got[name][1], (name, got[name])


def test_the_exit_code_and_the_summary_count_the_failures_and_nothing_crashes(corpus_run):
    tmp, expected, done = corpus_run
    failed = sum(1 for outcome, _ in expected.values() if outcome == "failed")
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert f"{failed} inputs failed, 1 duplicates skipped, 1 other files ignored" in done.stdout
    for name, (outcome, reason) in expected.items():
        if outcome == "failed":
            assert f"error: {os.path.normpath(tmp / 'in' / name)}: {reason}" in done.stderr
    summary = json.loads((tmp / "out" / "report.json").read_text())["summary"]
    assert (summary["inputs"], summary["failed"], summary["ingested"]) == (
        len(expected), failed, sum(1 for o, _ in expected.values() if o == "ingested"))


def test_awkward_but_good_inputs_give_the_same_text_as_plain_utf8(corpus_run):
    tmp, _, _ = corpus_run
    texts = {}
    for path in (tmp / "out" / "articles").glob("*.ttl"):
        [context] = [t.object.value for t in parse(path=str(path), format=RdfFormat.TURTLE)
                     if t.predicate.value.endswith("#isString")]
        texts[path.stem] = context
    assert texts["bom"] == body(REAL[1]) if "\n---\n" not in REAL[1].read_text() else texts["bom"]
    assert not texts["bom"].startswith("\ufeff") and "\r" not in texts["crlf"]
    assert texts["utf16"] == body(REAL[2]).replace("\r\n", "\n")
    assert texts["utf32"] == NO_NAMES.replace("Heavy rain", "Hail")
    assert "TOKEN-IN-SCRIPT" not in texts["page"] and "NAV-LINK-TEXT" not in texts["page"]
    assert "FOOTER-TEXT" not in texts["page"] and "Talks" in texts["page"]
    assert texts["no-names"] == NO_NAMES and texts["wire-1"] == NO_NAMES.replace("Heavy rain", "Snow")
    assert not list(tmp.rglob("*.tmp"))


def test_an_article_with_no_names_is_still_a_valid_article_graph(corpus_run):
    tmp, _, _ = corpus_run
    manifest = {r["id"]: r for r in json.loads((tmp / "out" / "manifest.json").read_text())["articles"]}
    assert manifest["no-names"]["entities"] == 1  # no name; "Officials" is a kind of actor (government)
    assert manifest["no-names"]["triples"] > 0
    from pipeline.validate import validate_folder
    files, violations = validate_folder(tmp / "out")
    assert files and violations == []


def test_a_long_single_line_article_is_parsed_in_windows_with_exact_offsets(tmp_path):
    """Past the limit, it is reported; with the limit lifted, the text is parsed a window
    at a time, cut at sentence ends, and every mention still slices the text exactly."""
    line = " ".join(body(p).replace("\n", " ") for p in REAL[3:6]) * 8
    (tmp_path / "line.txt").write_text(line)
    out = tmp_path / "out"
    args = [sys.executable, "-m", "pipeline", "ingest", str(tmp_path / "line.txt"), "--out", str(out),
            "--offline", "--cache", str(tmp_path / "c")]
    small = subprocess.run([*args, "--max-chars", "50000"], capture_output=True, text=True, cwd=ROOT)
    assert small.returncode == 1 and f"article has {len(line):,} characters, over the limit of 50,000" in small.stderr
    from pipeline.extract import windows
    assert len(windows(line)) > 1 and all(line[e - 2:e] in {". ", "? ", "! "} for _, e in windows(line)[:-1])
    done = subprocess.run([*args, "--max-chars", "0"], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    triples = list(parse(path=str(out / "articles" / "line.ttl"), format=RdfFormat.TURTLE))
    text = next(t.object.value for t in triples if t.predicate.value.endswith("#isString"))
    begin = {t.subject: int(t.object.value) for t in triples if t.predicate.value.endswith("#beginIndex")}
    end = {t.subject: int(t.object.value) for t in triples if t.predicate.value.endswith("#endIndex")}
    anchors = {t.subject: t.object.value for t in triples if t.predicate.value.endswith("#anchorOf")}
    assert len(anchors) > 50
    assert all(text[begin[s]:end[s]] == a for s, a in anchors.items())
    assert max(begin.values()) > windows(line)[1][0]  # facts from the second window onwards


def test_a_copy_of_an_article_under_another_name_is_reported_not_ingested_twice(tmp_path):
    shutil.copy(REAL[0], tmp_path / "a.txt")
    shutil.copy(REAL[0], tmp_path / "b.txt")
    out = tmp_path / "out"
    from pipeline.cli import main
    assert main(["ingest", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--out", str(out), "--offline",
                 "--cache", str(tmp_path / "c")]) == 0
    assert [p.name for p in (out / "articles").iterdir()] == ["a.ttl"]
    [_, dup] = json.loads((out / "report.json").read_text())["inputs"]
    assert dup["outcome"] == "duplicate" and dup["reason"] == f"same text as {tmp_path / 'a.txt'}"


HOSTILE_TEXT = ('Fighters of the Front"""@en } ; DELETE WHERE { ?s ?p ?o } # attacked Aleppo on Monday, Syrian '
                'officials said.\n\n"We will fight \\" } UNION { ?s ?p ?o } until the end >", said Ahmad al-Hassan,'
                ' a commander of the group.\n\nThe army of President Bashar Assad said it repelled the attack near '
                'Idlib\x07 and that Russ\u0456a\u202e had sent aircraft.\n')


def test_hostile_text_stays_text_and_every_iri_is_valid(tmp_path):
    """Quotes, backslashes, angle brackets, triple quotes, control characters, a path in
    the id, a broken URL and a Cyrillic look-alike: all stay literal text, exactly."""
    headline = 'Talks "collapse" \\ <b> """ \x07 end'
    record = {"id": "../../etc/passwd", "headline": headline, "url": 'https://example.org/a b"><script>',
              "published": "2016-13-45", "text": HOSTILE_TEXT}
    (tmp_path / "feed.jsonl").write_text(json.dumps(record) + "\n")
    out = tmp_path / "out"
    from pipeline.cli import main
    assert main(["ingest", str(tmp_path / "feed.jsonl"), "--out", str(out), "--offline",
                 "--cache", str(tmp_path / "c")]) == 0
    [path] = (out / "articles").iterdir()
    assert path.name == "etc_passwd.ttl"
    triples = list(parse(path=str(path), format=RdfFormat.TURTLE))
    from rdflib import Graph
    assert len(Graph().parse(path, format="turtle")) == len(triples)
    iris = {t.value for triple in triples for t in triple if type(t).__name__ == "NamedNode"}
    assert iris and all(not set(iri) & set(' <>"{}|\\^`') and iri.isprintable() for iri in iris)
    values = {t.predicate.value.rsplit("/", 1)[-1].rsplit("#", 1)[-1]: t.object.value for t in triples
              if type(t.object).__name__ == "Literal"}
    assert values["headline"] == headline and values["isString"] == HOSTILE_TEXT
    assert "url" not in values and "datePublished" not in values  # not a URL, not a date: left out
    quotes = [t.object.value for t in triples if t.predicate.value.endswith("#anchorOf")]
    assert any('until the end >' in q for q in quotes)
    from pipeline.validate import validate_folder
    assert validate_folder(out)[1] == []


def test_any_language_processes_what_the_language_check_would_refuse(tmp_path):
    (tmp_path / "french.txt").write_text(FRENCH * 3)
    from pipeline.cli import main
    args = ["ingest", str(tmp_path / "french.txt"), "--out", str(tmp_path / "out"), "--offline",
            "--cache", str(tmp_path / "c")]
    assert main(args) == 1
    assert main([*args, "--any-language"]) == 0
    assert (tmp_path / "out" / "articles" / "french.ttl").exists()
