"""The ingest job: read, skip what has not changed, process batches, merge, manifest.

`process_batch` is the whole per-article work (nlp -> extract -> link -> build ->
write) for a batch of articles, in whichever process runs it: the caller's (local),
a pool of processes (`--workers N`) or a Dask cluster (`--executor dask`). Each process
loads the model and the linker once. Per-article files are written by the worker; the
merge step in the caller reads them back, in article order, so every executor gives
byte-identical output.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from functools import cache
from itertools import islice
from pathlib import Path

from pipeline import __version__
from pipeline import nlp as nlp_stage
from pipeline.build import Builder
from pipeline.extract import extract
from pipeline.facts import Article
from pipeline.link import Linker, Slice
from pipeline.link.stores import CONTACT, WIKIDATA_SPARQL, Cache, CachedStore, Endpoint, SearchAPI
from pipeline.sources import Failure, read_articles
from pipeline.vocab import DEFAULT_BASE
from pipeline.write import write_article, write_manifest, write_merged

STAGES = ("read", "nlp", "extract", "link", "build", "write", "merge")


@dataclass(frozen=True)
class Settings:
    """Everything a worker needs; small and picklable, so it travels to other processes."""

    out: Path
    base: str = DEFAULT_BASE
    model: str | None = None
    offline: bool = False
    endpoint: str | None = None
    cache: Path | None = None
    search_api: str | None = None
    contact: str = CONTACT
    budget: int = 500
    timeout: float = 30.0
    slice: Path | None = None
    batch: int = 64


@dataclass
class BatchResult:
    records: list[dict]
    seconds: dict[str, float]
    requests: int = 0
    link_status: str = ""
    link_errors: list[str] = field(default_factory=list)


@dataclass
class Summary:
    articles: int = 0
    skipped: int = 0
    entities: int = 0
    events: int = 0
    quotes: int = 0
    unlinked: int = 0
    triples: int = 0
    tokens: int = 0
    requests: int = 0
    link_status: str = ""
    link_errors: list[str] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=lambda: dict.fromkeys(STAGES, 0.0))

    def line(self, total_seconds: float) -> str:
        text = (f"{self.articles} articles, {self.entities} entities, {self.events} events, {self.quotes} quotes, "
                f"{self.triples} triples, {total_seconds:.1f} s")
        if self.skipped:
            text += f" ({self.skipped} unchanged articles skipped)"
        text += f"; {self.link_status}, {self.requests} requests, {self.unlinked} entities unlinked"
        if self.failures:
            text += f"; {len(self.failures)} inputs failed"
        return text


# --- in the worker -------------------------------------------------------------------
_WORKER: dict[Settings, tuple] = {}


def worker_state(settings: Settings) -> tuple:
    """The model, linker and builder of this process, loaded on first use."""
    if settings not in _WORKER:
        nlp = nlp_stage.load(settings.model)
        model = nlp_stage.model_id(nlp)
        cache = Cache(settings.cache) if settings.cache else None
        endpoint = Endpoint(settings.endpoint or WIKIDATA_SPARQL, contact=settings.contact,
                            budget=settings.budget, timeout=settings.timeout)
        remote = CachedStore(endpoint, cache, online=not settings.offline, probe=True)
        search = SearchAPI(settings.search_api, cache, online=not settings.offline, contact=settings.contact) \
            if settings.search_api else None
        linker = Linker(remote, search, Slice(settings.slice) if settings.slice else None)
        _WORKER[settings] = (nlp, model, linker, remote, Builder(settings.base, model))
    return _WORKER[settings]


def process_batch(articles: list[Article], settings: Settings) -> BatchResult:
    nlp, model, linker, remote, builder = worker_state(settings)
    seconds = dict.fromkeys(STAGES, 0.0)
    requests_before, errors_before = remote.remote.requests, len(linker.errors)
    t = time.perf_counter()
    docs = list(nlp.pipe([a.nlp_text for a in articles], batch_size=32))
    seconds["nlp"] = time.perf_counter() - t
    t = time.perf_counter()
    facts = [extract(doc, a, model) for doc, a in zip(docs, articles)]
    seconds["extract"] = time.perf_counter() - t
    t = time.perf_counter()
    linked = linker.link_batch(facts)
    seconds["link"] = time.perf_counter() - t
    records = []
    for f, doc in zip(linked, docs):
        t = time.perf_counter()
        graph = builder.triples(f)
        t2 = time.perf_counter()
        path = write_article(settings.out, f.article.id, graph)
        seconds["build"] += t2 - t
        seconds["write"] += time.perf_counter() - t2
        records.append({"id": f.article.id, "iri": str(builder.article_iri(f.article)), "sha256": f.article.sha256,
                        "fingerprint": fingerprint(settings), "triples": len(graph),
                        "file": path.relative_to(settings.out).as_posix(), "source": f.article.source_path,
                        "entities": len(f.entities), "events": len(f.events), "quotes": len(f.quotes),
                        "unlinked": sum(1 for e in f.entities if not e.qid), "tokens": len(doc)})
    return BatchResult(records, seconds, remote.remote.requests - requests_before,
                       f"linking {remote.name}: {remote.status}", linker.errors[errors_before:])


@cache
def code_digest() -> str:
    """A hash of the package's code and data (lexicons, slice, queries): editing a trigger
    list changes the output, so it must also make unchanged articles run again."""
    h = hashlib.sha256()
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*")):
        if path.suffix in {".py", ".csv", ".json", ".ttl", ".rq"}:
            h.update(path.relative_to(package).as_posix().encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:16]


def fingerprint(settings: Settings) -> str:
    """What, besides the text, decides an article's output: all unchanged means skip it."""
    model = nlp_stage.describe(settings.model or nlp_stage.default_model())
    return f"conflict-kg {__version__}+{code_digest()}|{model}|{settings.base}"


# --- in the caller ---------------------------------------------------------------------
Executor = Callable[[Iterable[list[Article]], Settings], Iterator[BatchResult]]


def run_local(batches: Iterable[list[Article]], settings: Settings) -> Iterator[BatchResult]:
    for batch in batches:
        yield process_batch(batch, settings)


def run_processes(workers: int) -> Executor:
    def run(batches: Iterable[list[Article]], settings: Settings) -> Iterator[BatchResult]:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            yield from pool.imap(_process_with, ((b, settings) for b in batches))
    return run


def _process_with(job: tuple[list[Article], Settings]) -> BatchResult:
    return process_batch(*job)


def run_dask(workers: int, scheduler: str | None) -> Executor:
    def run(batches: Iterable[list[Article]], settings: Settings) -> Iterator[BatchResult]:
        from dask.distributed import Client, LocalCluster

        cluster = None if scheduler else LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                                      dashboard_address=None)
        with Client(scheduler or cluster) as client:
            window = 2 * max(workers, len(client.scheduler_info()["workers"]))  # bounded memory
            pending = []
            for batch in batches:
                pending.append(client.submit(process_batch, batch, settings, pure=False))
                if len(pending) >= window:
                    yield pending.pop(0).result()
            for future in pending:
                yield future.result()
        if cluster is not None:
            cluster.close()
    return run


def chunks(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def read_manifest(out: Path) -> dict:
    path = out / "manifest.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {"articles": []}


def ingest(paths: Iterable[str | Path], settings: Settings, executor: Executor = run_local, force: bool = False,
           progress: Callable[[int], None] = lambda n: None) -> Summary:
    summary = Summary()
    out = settings.out
    old = {r["id"]: r for r in read_manifest(out)["articles"]}
    records: dict[str, dict] = dict(old)
    current = fingerprint(settings)
    seen: dict[str, str] = {}

    def todo() -> Iterator[Article]:
        t = time.perf_counter()
        for item in read_articles(paths):
            if isinstance(item, Failure):
                summary.failures.append(item)
                continue
            if item.id in seen:
                summary.failures.append(Failure(item.source_path or item.id,
                                                f"duplicate article id {item.id!r} (also {seen[item.id]})"))
                continue
            seen[item.id] = item.source_path or item.id
            prev = old.get(item.id)
            if (not force and prev and prev.get("sha256") == item.sha256 and prev.get("fingerprint") == current
                    and (out / prev["file"]).exists()):
                summary.skipped += 1
                progress(1)
                continue
            summary.seconds["read"] += time.perf_counter() - t
            yield item
            t = time.perf_counter()

    for result in executor(chunks(todo(), max(1, settings.batch)), settings):
        for r in result.records:
            records[r["id"]] = r
            summary.articles += 1
            for key in ("entities", "events", "quotes", "unlinked", "tokens"):
                setattr(summary, key, getattr(summary, key) + r[key])
        for stage, s in result.seconds.items():
            summary.seconds[stage] += s
        summary.requests += result.requests
        summary.link_status = result.link_status or summary.link_status
        summary.link_errors += result.link_errors
        progress(len(result.records))
    if not summary.link_status:
        summary.link_status = "linking: nothing new to link"
    t = time.perf_counter()
    kept = [r for _, r in sorted(records.items()) if (out / r["file"]).exists()]
    write_merged(out, [(r["iri"], out / r["file"]) for r in kept])
    summary.triples = sum(r["triples"] for r in kept)
    write_manifest(out, {"software": f"conflict-kg {__version__}", "base": settings.base, "articles": kept,
                         "failures": [asdict(f) for f in summary.failures]})
    summary.seconds["merge"] = time.perf_counter() - t
    return summary
