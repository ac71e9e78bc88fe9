"""Ask the graph: SPARQL over an output folder (in-process, pyoxigraph) or over any endpoint.

Both paths return the same rows (variables and plain strings: an IRI as its IRI, a
literal as its lexical form), so a query's answer can be compared across them. The
folder is read from graph.trig, one named graph per article, with the union of all
graphs as the default graph: the same view `make load` gives the Oxigraph server.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from SPARQLWrapper import JSON, POST, SPARQLWrapper

from pipeline.link.stores import user_agent


@dataclass(frozen=True)
class Answer:
    variables: list[str]
    rows: list[dict[str, str]]


def _text(term: object) -> str:
    return "" if term is None else str(getattr(term, "value", term))


def open_folder(out: Path) -> ox.Store:
    store = ox.Store()
    trig = out / "graph.trig"
    if not trig.exists():
        raise FileNotFoundError(f"{trig}: not found; run `conflict-kg ingest ... --out {out}` first")
    store.bulk_load(path=str(trig), format=ox.RdfFormat.TRIG)
    return store


def ask_store(store: ox.Store, sparql: str) -> Answer:
    result = store.query(sparql, use_default_graph_as_union=True)
    if isinstance(result, ox.QueryBoolean):
        return Answer(["answer"], [{"answer": str(bool(result)).lower()}])
    if isinstance(result, ox.QueryTriples):
        rows = [{"subject": _text(t.subject), "predicate": _text(t.predicate), "object": _text(t.object)}
                for t in result]
        return Answer(["subject", "predicate", "object"], rows)
    names = [v.value for v in result.variables]
    return Answer(names, [{n: _text(sol[n]) for n in names if sol[n] is not None} for sol in result])


def ask_endpoint(url: str, sparql: str, timeout: float = 60.0) -> Answer:
    client = SPARQLWrapper(url, agent=user_agent())
    client.setMethod(POST)
    client.setQuery(sparql)
    client.setReturnFormat(JSON)
    client.setTimeout(timeout)
    answer = client.queryAndConvert()
    if "boolean" in answer:
        return Answer(["answer"], [{"answer": str(answer["boolean"]).lower()}])
    names = answer["head"]["vars"]
    return Answer(names, [{k: v["value"] for k, v in b.items()} for b in answer["results"]["bindings"]])


def render(answer: Answer, fmt: str) -> str:
    if fmt == "json":
        return json.dumps({"variables": answer.variables, "rows": answer.rows}, indent=2, ensure_ascii=False)
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=answer.variables, lineterminator="\n")
        writer.writeheader()
        writer.writerows(answer.rows)
        return buf.getvalue().rstrip("\n")
    widths = {v: max([len(v)] + [len(r.get(v, "")) for r in answer.rows]) for v in answer.variables}
    widths = {v: min(w, 60) for v, w in widths.items()}
    line = " | ".join(v.ljust(widths[v]) for v in answer.variables)
    out = [line, "-+-".join("-" * widths[v] for v in answer.variables)]
    for r in answer.rows:
        out.append(" | ".join(r.get(v, "")[:60].ljust(widths[v]) for v in answer.variables))
    out.append(f"({len(answer.rows)} rows)")
    return "\n".join(out)
