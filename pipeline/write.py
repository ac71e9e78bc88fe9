"""Write graphs to disk: atomically, deterministically, one file per article plus the merge.

Every file is written to a temporary name in its folder and renamed into place, so a
crash never leaves a partial file behind. Files are rewritten only when their bytes
change, so a re-run over unchanged input leaves them untouched.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from rdflib import Dataset, Graph, URIRef

from pipeline.vocab import PREFIXES


def atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists() and path.read_bytes() == data:
        return
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def turtle(graph: Graph) -> bytes:
    return graph.serialize(format="turtle", encoding="utf-8")


def article_path(out: Path, article_id: str) -> Path:
    return out / "articles" / f"{article_id}.ttl"


def write_article(out: Path, article_id: str, graph: Graph) -> Path:
    path = article_path(out, article_id)
    atomic_write(path, turtle(graph))
    return path


def write_merged(out: Path, article_files: Iterable[tuple[URIRef, Path]]) -> tuple[int, int]:
    """out/graph.ttl (the union) and out/graph.trig (one named graph per article),
    read back from the per-article files so the merge never holds more than needed."""
    merged = Graph()
    dataset = Dataset()
    for prefix, ns in PREFIXES.items():
        merged.bind(prefix, ns)
        dataset.bind(prefix, ns)
    for iri, path in sorted(article_files):
        g = dataset.graph(iri)
        g.parse(path, format="turtle")
        merged += g
    atomic_write(out / "graph.ttl", turtle(merged))
    atomic_write(out / "graph.trig", dataset.serialize(format="trig", encoding="utf-8"))
    return len(merged), sum(1 for g in dataset.graphs() if len(g))


def write_manifest(out: Path, manifest: dict) -> None:
    atomic_write(out / "manifest.json", (json.dumps(manifest, indent=2, sort_keys=True) + "\n").encode("utf-8"))
