"""Write graphs to disk: atomically, deterministically, one file per article plus the merge.

Every file is written to a temporary name in its folder and renamed into place, so a
crash never leaves a partial file behind; a file whose bytes would not change is not
touched. Turtle comes from pyoxigraph's serializer over sorted triples (several times
faster than rdflib's, and the same bytes every time) under one fixed prefix header, so
the merged files are streamed: each article's Turtle body is appended in turn, and
memory does not grow with the corpus.
"""

from __future__ import annotations

import filecmp
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox
from rdflib import Literal, URIRef

from pipeline.vocab import PREFIXES

TEMPORARY = ".tmp"
PREFIX_MAP = {k: str(v) for k, v in sorted(PREFIXES.items())}
HEADER = "".join(f"@prefix {k}: <{v}> .\n" for k, v in PREFIX_MAP.items()).encode("utf-8")


class OutputError(Exception):
    """The output folder cannot be written (disk full, read-only, not a folder): the run
    must stop, since every further article would fail the same way."""


@contextmanager
def atomic_file(path: Path) -> Iterator[BinaryIO]:
    """A file opened for writing that appears at `path` only once it is complete; a file
    whose bytes would not change is not touched (its time stamp tells when it changed)."""
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMPORARY, dir=path.parent)
        with os.fdopen(fd, "wb") as f:
            yield f
        if path.is_file() and filecmp.cmp(tmp, path, shallow=False):
            Path(tmp).unlink()
            return
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError as err:
        if tmp:
            Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"cannot write {path}: {err.strerror or err}") from None
    except BaseException:
        if tmp:
            Path(tmp).unlink(missing_ok=True)
        raise


def remove_temporaries(out: Path) -> int:
    """Temporary files a killed run left behind (never complete, never read)."""
    stale = [p for folder in (out, out / "articles") if folder.is_dir()
             for p in folder.glob(f".*{TEMPORARY}")]
    for p in stale:
        p.unlink(missing_ok=True)
    return len(stale)


def atomic_write(path: Path, data: bytes) -> None:
    with atomic_file(path) as f:
        f.write(data)


class _Terms(dict):
    """rdflib terms to pyoxigraph terms, each converted once (predicates and classes repeat)."""

    def __missing__(self, t: object) -> ox.NamedNode | ox.Literal:
        if isinstance(t, URIRef):
            term = ox.NamedNode(t)
        elif isinstance(t, Literal):
            term = ox.Literal(t, language=t.language) if t.language else \
                ox.Literal(t, datatype=ox.NamedNode(t.datatype)) if t.datatype else ox.Literal(t)
        else:
            raise TypeError(f"blank nodes and other terms are not allowed in output: {t!r}")
        self[t] = term
        return term


def _sort_key(triple: tuple) -> tuple[str, str, str, str]:
    """A total order over plain strings (rdflib's own comparisons are slow): the same
    triples give the same bytes whatever order the set yields them in."""
    s, p, o = triple
    if isinstance(o, Literal):
        return str(s), str(p), "1" + str(o), f"{o.datatype or ''}@{o.language or ''}"
    return str(s), str(p), "0" + str(o), ""


def turtle_body(triples: Iterable[tuple]) -> bytes:
    """Triples as Turtle statements, sorted, without the prefix header."""
    terms = _Terms()
    ordered = (ox.Triple(terms[s], terms[p], terms[o]) for s, p, o in sorted(triples, key=_sort_key))
    data = ox.serialize(ordered, format=ox.RdfFormat.TURTLE, prefixes=PREFIX_MAP)
    lines = data.split(b"\n")
    start = next((i for i, line in enumerate(lines) if not line.startswith(b"@prefix ")), len(lines))
    return b"\n".join(lines[start:])


def article_path(out: Path, article_id: str) -> Path:
    return out / "articles" / f"{article_id}.ttl"


def write_article(out: Path, article_id: str, parts: Iterable[Iterable[tuple]]) -> tuple[Path, int]:
    """The article's Turtle file from its triples, given in parts that do not overlap (one
    part for an ordinary article; a huge one comes window by window), each sorted; returns
    the path and the number of triples."""
    path = article_path(out, article_id)
    count = 0
    with atomic_file(path) as f:
        f.write(HEADER)
        for part in parts:
            part = list(part)
            count += len(part)
            f.write(turtle_body(part))
    return path, count


def _copy_body(path: Path, *targets: BinaryIO) -> None:
    """Copies an article file, less its prefix header, in blocks (a huge article's file
    is never held in memory)."""
    with open(path, "rb") as f:
        if f.read(len(HEADER)) != HEADER:
            raise ValueError(f"{path}: not written by this version of conflict-kg (unexpected prefixes); re-ingest")
        while block := f.read(1 << 20):
            for target in targets:
                target.write(block)


def write_merged(out: Path, article_files: Iterable[tuple[str, Path]]) -> None:
    """out/graph.ttl (all articles' statements) and out/graph.trig (one named graph per
    article), streamed from the per-article files: nothing is parsed, nothing is held.
    (`oxigraph convert --from-file out/graph.trig --to-file out/graph.nq` gives N-Quads.)"""
    with atomic_file(out / "graph.ttl") as ttl, atomic_file(out / "graph.trig") as trig:
        ttl.write(HEADER)
        trig.write(HEADER)
        for iri, path in sorted(article_files):
            trig.write(f"<{iri}> {{\n".encode())
            _copy_body(path, ttl, trig)
            trig.write(b"}\n")


def write_manifest(out: Path, manifest: dict) -> None:
    atomic_write(out / "manifest.json", (json.dumps(manifest, indent=2, sort_keys=True) + "\n").encode("utf-8"))
