"""Write graphs to disk: atomically, deterministically, one file per article plus the merge.

Every file is written to a temporary name in its folder and renamed into place, so a
crash never leaves a partial file behind; a file whose bytes would not change is not
touched. Turtle comes from pyoxigraph's serializer over sorted triples (several times
faster than rdflib's, and the same bytes every time) under one fixed prefix header, so
the merged files are streamed: each article's Turtle body is appended in turn, and
memory does not grow with the corpus.

Each triple belongs to exactly one graph. An article's own statements (the article,
its text, mentions, events, quotes, figures) go to its file under articles/; what it
says about things other articles name too (entities, time instants, the run) goes,
as sorted N-Triples, to descriptions/, and the merge unites those into one
descriptions graph, each triple once. No triple is then in two graphs, so the union
of the graphs is a set even on stores that evaluate it as a bag of quads (Oxigraph):
answers do not multiply with the corpus.
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
from rdflib import Graph, Literal, URIRef

from pipeline.vocab import PREFIXES, RDFS, SKOS

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
    stale = [p for folder in (out, out / "articles", out / "descriptions") if folder.is_dir()
             for p in folder.glob(f".*{TEMPORARY}")]
    for p in stale:
        p.unlink(missing_ok=True)
    return len(stale)


def atomic_write(path: Path, data: bytes) -> None:
    with atomic_file(path) as f:
        f.write(data)


def _ox(t: object) -> ox.NamedNode | ox.Literal:
    """An rdflib term as a pyoxigraph term, made anew each time: rdflib's terms hash in
    Python, so a cache of them cost more than the conversions it saved. Exact types are
    tested first, as isinstance on rdflib's terms goes through a slow ABC check."""
    kind = type(t)
    if kind is URIRef or kind is not Literal and isinstance(t, URIRef):
        return ox.NamedNode(t)
    if kind is Literal or isinstance(t, Literal):
        if t.language:
            return ox.Literal(t, language=t.language)
        return ox.Literal(t, datatype=ox.NamedNode(t.datatype)) if t.datatype else ox.Literal(t)
    raise TypeError(f"blank nodes and other terms are not allowed in output: {t!r}")


def ox_triples(triples: Iterable[tuple]) -> list[ox.Triple]:
    """rdflib triples as pyoxigraph triples, in N-Triples order (sorting by pyoxigraph's own
    N-Triples form is fast, rdflib's comparisons are slow): the same triples give the same
    bytes whatever order the set yields them in."""
    return sorted((ox.Triple(_ox(s), _ox(p), _ox(o)) for s, p, o in triples), key=str)


def turtle_body(triples: Iterable[tuple]) -> bytes:
    """Triples as Turtle statements, sorted, without the prefix header."""
    return _statements(ox_triples(triples))


def _statements(triples: Iterable[ox.Triple]) -> bytes:
    """pyoxigraph triples as Turtle statements, in the order given, without the prefix header."""
    data = ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=PREFIX_MAP)
    lines = data.split(b"\n")
    start = next((i for i, line in enumerate(lines) if not line.startswith(b"@prefix ")), len(lines))
    return b"\n".join(lines[start:])


def article_path(out: Path, article_id: str) -> Path:
    return out / "articles" / f"{article_id}.ttl"


def descriptions_path(out: Path, article_id: str) -> Path:
    return out / "descriptions" / f"{article_id}.nt"


def write_article(out: Path, article_id: str, parts: Iterable[Iterable[tuple]],
                  descriptions: Iterable[tuple]) -> tuple[Path, Path, int]:
    """The article's Turtle file from its own triples, given in parts that do not overlap
    (one part for an ordinary article; a huge one comes window by window), each sorted,
    and its descriptions as sorted N-Triples (one triple a line: the merge unites them
    line by line). The descriptions are written first, so an article file never exists
    without them. Returns both paths and the number of the article's own triples."""
    described = descriptions_path(out, article_id)
    with atomic_file(described) as f:
        f.write(ox.serialize(ox_triples(descriptions), format=ox.RdfFormat.N_TRIPLES))
    path = article_path(out, article_id)
    count = 0
    with atomic_file(path) as f:
        f.write(HEADER)
        for part in parts:
            part = list(part)
            count += len(part)
            f.write(turtle_body(part))
    return path, described, count


def read_article(article_file: Path) -> Graph:
    """Everything one article says, its own triples and its descriptions, as an rdflib
    Graph (for scoring and validating one article alone)."""
    graph = Graph().parse(article_file, format="turtle")
    described = article_file.parent.parent / "descriptions" / f"{article_file.stem}.nt"
    if described.exists():
        graph.parse(described, format="nt")
    return graph


LABEL, ALT_LABEL = ox.NamedNode(str(RDFS.label)), ox.NamedNode(str(SKOS.altLabel))


def merge_descriptions(paths: Iterable[Path]) -> list[ox.Triple]:
    """The articles' descriptions united, each triple once, in a fixed order. A thing
    named differently in two articles ("Al-Shabaab", "al-Shabaab": one unlinked entity)
    keeps one rdfs:label, the first in code-point order, and the others as skos:altLabel,
    so that a query grouping by label counts each thing once. Memory holds the distinct
    description lines only, not the corpus."""
    lines: set[bytes] = set()
    for path in paths:
        with open(path, "rb") as f:
            lines.update(line for line in f.read().split(b"\n") if line)
    triples = list(ox.parse(b"\n".join(sorted(lines)), format=ox.RdfFormat.N_TRIPLES))
    first: dict[object, ox.Literal] = {}
    for t in triples:
        if t.predicate == LABEL:
            best = first.get(t.subject)
            if best is None or (t.object.value, str(t.object.datatype)) < (best.value, str(best.datatype)):
                first[t.subject] = t.object
    return [t if t.predicate != LABEL or first[t.subject] == t.object else ox.Triple(t.subject, ALT_LABEL, t.object)
            for t in triples]


def _copy_body(path: Path, *targets: BinaryIO) -> None:
    """Copies an article file, less its prefix header, in blocks (a huge article's file
    is never held in memory)."""
    with open(path, "rb") as f:
        if f.read(len(HEADER)) != HEADER:
            raise ValueError(f"{path}: not written by this version of conflict-kg (unexpected prefixes); re-ingest")
        while block := f.read(1 << 20):
            for target in targets:
                target.write(block)


def write_merged(out: Path, article_files: Iterable[tuple[str, Path]], description_files: Iterable[Path],
                 descriptions_graph: str) -> int:
    """out/descriptions.ttl (the descriptions graph), out/graph.ttl (all statements) and
    out/graph.trig (the descriptions graph and one named graph per article). The article
    files are streamed, never parsed or held. Returns the number of description triples.
    (`oxigraph convert --from-file out/graph.trig --to-file out/graph.nq` gives N-Quads.)"""
    described = merge_descriptions(description_files)
    body = _statements(described)
    atomic_write(out / "descriptions.ttl", HEADER + body)
    with atomic_file(out / "graph.ttl") as ttl, atomic_file(out / "graph.trig") as trig:
        ttl.write(HEADER + body)
        trig.write(HEADER)
        trig.write(f"<{descriptions_graph}> {{\n".encode() + body + b"}\n")
        for iri, path in sorted(article_files):
            trig.write(f"<{iri}> {{\n".encode())
            _copy_body(path, ttl, trig)
            trig.write(b"}\n")
    return len(described)


def write_manifest(out: Path, manifest: dict) -> None:
    atomic_write(out / "manifest.json", (json.dumps(manifest, indent=2, sort_keys=True) + "\n").encode("utf-8"))
