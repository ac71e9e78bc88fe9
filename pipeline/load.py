"""Load an output folder into a triple store over the SPARQL 1.1 Graph Store HTTP Protocol.

One named graph per article, sent with PUT: it replaces whatever the graph held, so
loading twice equals loading once and a changed article replaces its graph. Known
Graph Store endpoints: Oxigraph `http://HOST:7878/store`, Apache Jena Fuseki
`http://HOST:3030/DATASET/data`, GraphDB `http://HOST:7200/repositories/REPO/rdf-graphs/service`,
Virtuoso `http://HOST:8890/sparql-graph-crud-auth`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import requests

from pipeline.link.stores import user_agent


class LoadError(Exception):
    """The store refused or could not be reached; says which graph and why."""


@dataclass
class LoadReport:
    loaded: list[str] = field(default_factory=list)
    remaining: list[str] = field(default_factory=list)


def load(out: Path, store: str, user: str | None = None, password: str | None = None,
         token: str | None = None, timeout: float = 120.0) -> LoadReport:
    manifest_path = out / "manifest.json"
    if not manifest_path.exists():
        raise LoadError(f"{manifest_path}: not found; run `conflict-kg ingest ... --out {out}` first")
    try:
        articles = json.loads(manifest_path.read_text(encoding="utf-8"))["articles"]
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise LoadError(f"{manifest_path}: not a manifest written by ingest ({type(err).__name__}); "
                        f"run `conflict-kg ingest ... --out {out}` again") from None
    session = requests.Session()
    session.headers["User-Agent"] = user_agent()
    if token:
        session.headers["Authorization"] = f"Bearer {token}"
    elif user:
        session.auth = (user, password or "")
    report = LoadReport(remaining=[a["iri"] for a in articles])
    for article in articles:
        try:
            body = (out / article["file"]).read_bytes()
        except OSError as err:
            raise LoadError(f"{out / article['file']}: cannot read ({err.strerror}); run ingest again to rewrite "
                            f"it; {_progress(report)}") from None
        try:
            answer = session.put(store, params={"graph": article["iri"]}, data=body, timeout=timeout,
                                 headers={"Content-Type": "text/turtle; charset=utf-8"})
        except requests.ConnectionError as err:
            raise LoadError(f"{store}: {_reason(err)}; {_progress(report)}") from None
        except requests.Timeout:
            raise LoadError(f"{store}: no answer within {timeout:g} s; {_progress(report)}") from None
        if answer.status_code in (401, 403):
            raise LoadError(f"{store}: refused with HTTP {answer.status_code} {answer.reason} "
                            f"(check --user/--password or --token); {_progress(report)}")
        if not answer.ok:
            raise LoadError(f"{store}: HTTP {answer.status_code} {answer.reason} for graph {article['iri']}: "
                            f"{answer.text.strip()[:200]}; {_progress(report)}")
        report.loaded.append(article["iri"])
        report.remaining.remove(article["iri"])
    return report


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
