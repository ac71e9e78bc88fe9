"""Ask the graph: SPARQL over an output folder (in-process, pyoxigraph) or over any endpoint.

Both paths return the same rows (variables and plain strings: an IRI as its IRI, a
literal as its lexical form), so a query's answer can be compared across them. The
folder is read from graph.trig, one named graph per article, with the union of all
graphs as the default graph: the same view `make load` gives the Oxigraph server.
"""

from __future__ import annotations

import csv
import fcntl
import io
import json
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from SPARQLWrapper import JSON, POST, SPARQLWrapper

from pipeline.link.stores import user_agent

LIBRARY = Path(__file__).resolve().parent.parent / "queries"


class QueryError(ValueError):
    """A query that cannot be found, or a --bind that does not fit it; says which and why."""


def find_query(name: str) -> Path:
    """A .rq file by its path (with or without `.rq`), or a library query by its name
    (`actor_timeline` is queries/actor_timeline.rq, here or in the project's own library)."""
    path = Path(name)
    file = path if path.suffix == ".rq" else path.with_name(path.name + ".rq")
    for candidate in (path, file, Path("queries") / file.name, LIBRARY / file.name):
        if candidate.is_file():
            return candidate
    known = ", ".join(sorted(p.stem for p in LIBRARY.glob("*.rq")))
    raise QueryError(f"{name}: no such file, and no library query of that name (library: {known})")


_PREFIX = re.compile(r"^\s*PREFIX\s+([A-Za-z][\w.-]*)?:\s*<([^>]*)>", re.IGNORECASE | re.MULTILINE)
_IRI_BAD = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_LOCAL = re.compile(r"^[\w-]+(?:[\w.-]*[\w-])?$")


def term(value: str, prefixes: dict[str, str]) -> str:
    """A user's value as a SPARQL term: `<IRI>`, `prefix:name` (a prefix the query
    declares) or a bare http(s) IRI become an IRI, validated; anything else (or a value
    in double quotes) is a string literal, escaped."""
    if value.startswith("<") and value.endswith(">"):
        return _iri(value[1:-1], value)
    if re.match(r"^https?://", value):
        return _iri(value, value)
    prefix, colon, local = value.partition(":")
    if colon and prefix in prefixes and " " not in value:
        if local and not _LOCAL.match(local):
            raise QueryError(f"{value}: {local!r} is not a plain local name; write the whole IRI in <...>")
        return _iri(prefixes[prefix] + local, value)
    if len(value) >= 2 and value[0] == value[-1] == '"':
        value = value[1:-1]
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return f'"{escaped}"'


def _iri(iri: str, given: str) -> str:
    if _IRI_BAD.search(iri) or not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", iri):
        raise QueryError(f"{given}: not a valid IRI (an IRI has a scheme and no spaces, quotes or <>{{}}|^`\\)")
    return f"<{iri}>"


def bind(sparql: str, bindings: list[tuple[str, str]]) -> str:
    """The query with each named `VALUES ?name { ... }` block holding the given values
    instead of its defaults (a name given twice gives two values)."""
    prefixes = {m.group(1) or "": m.group(2) for m in _PREFIX.finditer(sparql)}
    values: dict[str, list[str]] = {}
    for name, value in bindings:
        values.setdefault(name, []).append(term(value, prefixes))
    for name, terms in values.items():
        block = re.compile(r"VALUES\s+[?$]" + re.escape(name) + r"\s*\{[^}]*\}", re.IGNORECASE)
        if not block.search(sparql):
            names = sorted(set(re.findall(r"VALUES\s+[?$](\w+)\s*\{", sparql, re.IGNORECASE)))
            raise QueryError(f"--bind {name}: the query has no `VALUES ?{name} {{ ... }}` to bind "
                             f"(it takes: {', '.join(names) or 'no parameters'})")
        sparql = block.sub(lambda _: f"VALUES ?{name} {{ {' '.join(terms)} }}", sparql)
    return sparql


@dataclass(frozen=True)
class Answer:
    variables: list[str]
    rows: list[dict[str, str]]


def _text(term: object) -> str:
    return "" if term is None else str(getattr(term, "value", term))


CACHE = ".query-store"  # in the output folder: graph.trig as a store on disk, for the next query


def open_folder(out: Path, keep: bool = False) -> ox.Store:
    """The output folder as a store, parsed from graph.trig into memory: the fastest to
    query (a notebook opens it once and asks many questions). With `keep`, as
    `conflict-kg query` does (one question per process), it is parsed once and kept on
    disk beside it (OUT/.query-store, rebuilt whenever graph.trig changes): over 10,000
    articles the next call opens at once instead of parsing for 25 s, and each query runs
    at the speed of a server's on-disk store. Where the folder cannot be written, memory."""
    trig = out / "graph.trig"
    if not trig.exists():
        raise FileNotFoundError(f"{trig}: not found; run `conflict-kg ingest ... --out {out}` first")
    if keep:
        st = trig.stat()
        stamp = f"{st.st_size}:{st.st_mtime_ns}"
        cache = out / CACHE
        try:
            if _stamp(cache) != stamp:
                _build(trig, cache, stamp)
            return ox.Store.read_only(str(cache / "db"))
        except OSError:
            pass
    store = ox.Store()
    store.bulk_load(path=str(trig), format=ox.RdfFormat.TRIG)
    return store


def _stamp(cache: Path) -> str | None:
    try:
        return (cache / "STAMP").read_text(encoding="utf-8")
    except OSError:
        return None


def _build(trig: Path, cache: Path, stamp: str) -> None:
    """Builds the store in a folder of its own and renames it into place, under a lock,
    so a reader never opens a half-built store and two queries never build it twice."""
    with open(trig.parent / f"{CACHE}.lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if _stamp(cache) == stamp:  # another query built it while we waited
            return
        tmp = trig.parent / f"{CACHE}.{os.getpid()}.tmp"
        shutil.rmtree(tmp, ignore_errors=True)
        try:
            tmp.mkdir()
            store = ox.Store(str(tmp / "db"))
            store.bulk_load(path=str(trig), format=ox.RdfFormat.TRIG)
            store.flush()
            del store
            (tmp / "STAMP").write_text(stamp, encoding="utf-8")
            shutil.rmtree(cache, ignore_errors=True)
            os.replace(tmp, cache)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)


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
    # SPARQLWrapper guesses the query form from keywords anywhere in the text, comments
    # included ("copy" in a comment makes it an update): whole-line comments are left out
    client.setQuery(re.sub(r"(?m)^[ \t]*#.*\n?", "", sparql))
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
