"""Load an output folder into a triple store over the SPARQL 1.1 Graph Store HTTP Protocol.

One named graph per article and one for the descriptions all articles share (see
pipeline/write.py), each sent with PUT: it replaces whatever the graph held, so loading
twice equals loading once and a changed article replaces its graph. No triple is in two
graphs, so a store's union default graph answers each fact once, whether the store
evaluates it as a set or as a bag of quads. `--bulk` sends the whole dataset in one
request (see `load`). Known
Graph Store endpoints: Oxigraph `http://HOST:7878/store`, Apache Jena Fuseki
`http://HOST:3030/DATASET/data`, GraphDB `http://HOST:7200/repositories/REPO/rdf-graphs/service`,
Virtuoso `http://HOST:8890/sparql-graph-crud-auth`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

import requests

from pipeline.link.stores import user_agent


class LoadError(Exception):
    """The store refused or could not be reached; says which graph and why."""


@dataclass
class LoadReport:
    loaded: list[str] = field(default_factory=list)
    remaining: list[str] = field(default_factory=list)


def load(out: Path, store: str, user: str | None = None, password: str | None = None,
         token: str | None = None, timeout: float = 120.0, bulk: bool = False,
         params: dict[str, str] | None = None) -> LoadReport:
    """The descriptions graph and every article's graph, one PUT each; or, with `bulk`,
    the whole dataset (out/graph.trig) in one streamed POST, after a PUT of an empty
    dataset has cleared the store (for a store that holds this output alone: a PUT of the
    whole dataset would do both, but Oxigraph takes twice as long for it). `params` are
    added to every request (Oxigraph loads a POST with `no_transaction` as fast as its own
    bulk loader)."""
    graphs = _graphs(out)
    session = requests.Session()
    session.headers["User-Agent"] = user_agent()
    if token:
        session.headers["Authorization"] = f"Bearer {token}"
    elif user:
        session.auth = (user, password or "")
    report = LoadReport(remaining=[iri for iri, _ in graphs])
    extra = params or {}
    if bulk:
        with _readable(out / "graph.trig", report) as body:
            _send(session, "PUT", store, extra, b"", "application/trig", timeout, report, "clearing the dataset")
            _send(session, "POST", store, extra, body, "application/trig", timeout, report, "the dataset")
        report.loaded, report.remaining = report.remaining, []
        return report
    for iri, path in graphs:
        with _readable(path, report) as body:
            _send(session, "PUT", store, {**extra, "graph": iri}, body, "text/turtle; charset=utf-8", timeout, report,
                  f"graph {iri}")
        report.loaded.append(iri)
        report.remaining.remove(iri)
    return report


def _graphs(out: Path) -> list[tuple[str, Path]]:
    """(graph IRI, Turtle file) of the descriptions graph and of each article, from the
    manifest (written atomically, after the files it names: always a consistent set)."""
    manifest_path = out / "manifest.json"
    if not manifest_path.exists():
        raise LoadError(f"{manifest_path}: not found; run `conflict-kg ingest ... --out {out}` first")
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        described = manifest["descriptions"]
        return [(described["iri"], out / described["file"])] + [(a["iri"], out / a["file"])
                                                                  for a in manifest["articles"]]
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise LoadError(f"{manifest_path}: not a manifest written by this version of ingest "
                        f"({type(err).__name__}); run `conflict-kg ingest ... --out {out}` again") from None


@contextmanager
def _readable(path: Path, report: LoadReport) -> Iterator[BinaryIO]:
    try:
        f = open(path, "rb")
    except OSError as err:
        raise LoadError(f"{path}: cannot read ({err.strerror}); run ingest again to rewrite it; "
                        f"{_progress(report)}") from None
    with f:
        yield f


def _send(session: requests.Session, method: str, store: str, params: dict, body: BinaryIO | bytes,
          content_type: str, timeout: float, report: LoadReport, what: str) -> None:
    try:
        answer = session.request(method, store, params=params, data=body, timeout=timeout,
                                 headers={"Content-Type": content_type})
    except requests.ConnectionError as err:
        raise LoadError(f"{store}: {_reason(err)}; {_progress(report)}") from None
    except requests.Timeout:
        raise LoadError(f"{store}: no answer within {timeout:g} s; {_progress(report)}") from None
    if answer.status_code in (401, 403):
        raise LoadError(f"{store}: refused with HTTP {answer.status_code} {answer.reason} "
                        f"(check --user/--password or --token); {_progress(report)}")
    if not answer.ok:
        raise LoadError(f"{store}: HTTP {answer.status_code} {answer.reason} for {what}: "
                        f"{answer.text.strip()[:200]}; {_progress(report)}")


def _reason(err: Exception) -> str:
    text = str(err)
    if "refused" in text.lower():
        return "cannot connect (connection refused)"
    if "Connection aborted" in text:
        return "the connection dropped before the store answered (did it stop?)"
    return f"cannot connect ({text[:160]})"


def _progress(report: LoadReport) -> str:
    return (f"{len(report.loaded)} graphs were loaded and {len(report.remaining)} not; each PUT replaces one "
            "article's graph, so running the load again completes it")
