"""The ingest job: read, skip what has not changed, process batches, merge, manifest.

`process_batch` is the whole per-article work (nlp -> extract -> link -> build ->
write) for a batch of articles, in whichever process runs it: the caller's (local),
a pool of processes (`--workers N`) or a Dask cluster (`--executor dask`). Each process
loads the model and the linker once. Per-article files are written by the worker; the
merge step in the caller reads them back, in article order, so every executor gives
byte-identical output.
"""

from __future__ import annotations

import gc
import hashlib
import json
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import asdict, dataclass, field
from functools import cache
from itertools import islice
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from pipeline import __version__
from pipeline import casing, nlp as nlp_stage
from pipeline.build import Builder, descriptions_graph
from pipeline.extract import (MAX_ENTITIES, WINDOW, by_window, cap_entities, extract, load_dictionaries, merge_windows,
                              window, windows)
from pipeline.facts import Article, ArticleFacts
from pipeline.link import BATCH, Linker, Slice
from pipeline.link.stores import CONTACT, WIKIDATA_SPARQL, Cache, CachedStore, Endpoint, SearchAPI
from pipeline.lock import LOCK, exclusive, forget_inherited
from pipeline.sources import MAX_CHARS, Failure, Ignored, ReadLimits, read_articles
from pipeline.vocab import DEFAULT_BASE
from pipeline.write import OutputError, atomic_write, remove_temporaries, write_article, write_manifest, write_merged

STAGES = ("read", "nlp", "extract", "link", "build", "write", "merge")
PIPE_CHARS = 200_000  # characters given to the model at once: bounds its working memory


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
    max_chars: int = MAX_CHARS
    english_only: bool = True
    max_entities: int = MAX_ENTITIES
    query_batch: int = BATCH
    window: int = WINDOW


@dataclass
class BatchResult:
    records: list[dict]
    seconds: dict[str, float]
    requests: int = 0
    link_status: str = ""
    link_errors: list[str] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    limits: list[str] = field(default_factory=list)
    split_batches: int = 0


OUTCOMES = ("ingested", "unchanged", "duplicate", "failed", "ignored")
UNDATED = ("no publication date in the source: relative dates (\"Thursday\", \"last year\") are resolved only "
           "against a date the text gives, else left unresolved; undated events get no date")


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
    limits: list[str] = field(default_factory=list)
    inputs: dict[int, dict] = field(default_factory=dict)  # input number -> what became of it
    seconds: dict[str, float] = field(default_factory=lambda: dict.fromkeys(STAGES, 0.0))

    @property
    def failures(self) -> list[Failure]:
        """The inputs that failed, in input order."""
        return [Failure(i["input"], i["reason"]) for _, i in sorted(self.inputs.items()) if i["outcome"] == "failed"]

    def count(self, outcome: str) -> int:
        return sum(1 for i in self.inputs.values() if i["outcome"] == outcome)

    def line(self, total_seconds: float) -> str:
        text = (f"{self.articles} articles, {self.entities} entities, {self.events} events, {self.quotes} quotes, "
                f"{self.triples} triples, {total_seconds:.1f} s")
        if self.skipped:
            text += f" ({self.skipped} unchanged articles skipped)"
        text += f"; {self.link_status}, {self.requests} requests, {self.unlinked} entities unlinked"
        others = [f"{n} {what}" for what, n in (("inputs failed", self.count("failed")),
                                                ("duplicates skipped", self.count("duplicate")),
                                                ("other files ignored", self.count("ignored")),
                                                ("limits hit", len(self.limits))) if n]
        return text + ("; " + ", ".join(others) if others else "")

    def report(self) -> dict:
        """out/report.json: every input of this run and what became of it, in input order;
        no timings, so the same run gives the same bytes."""
        return {"software": f"conflict-kg {__version__}",
                "summary": {"inputs": len(self.inputs), **{o: self.count(o) for o in OUTCOMES},
                            "entities": self.entities, "events": self.events, "quotes": self.quotes,
                            "unlinked": self.unlinked, "triples": self.triples},
                "limits": self.limits, "linking": sorted(set(self.link_errors)),
                "inputs": [self.inputs[n] for n in sorted(self.inputs)]}


# --- in the worker -------------------------------------------------------------------
_WORKER: dict[Settings, tuple] = {}


def worker_state(settings: Settings) -> tuple:
    """The model, linker and builder of this process, loaded on first use."""
    if settings not in _WORKER:
        nlp = nlp_stage.load(settings.model)
        load_dictionaries()
        model = nlp_stage.model_id(nlp)
        cache = Cache(settings.cache) if settings.cache else None
        endpoint = Endpoint(settings.endpoint or WIKIDATA_SPARQL, contact=settings.contact,
                            budget=settings.budget, timeout=settings.timeout)
        remote = CachedStore(endpoint, cache, online=not settings.offline, probe=True)
        search = SearchAPI(settings.search_api, cache, online=not settings.offline, contact=settings.contact) \
            if settings.search_api else None
        linker = Linker(remote, search, Slice(settings.slice) if settings.slice else None, settings.query_batch)
        _WORKER[settings] = (nlp, model, linker, remote, Builder(settings.base, model))
    return _WORKER[settings]


def process_batch(articles: list[Article], settings: Settings) -> BatchResult:
    """Parse, extract, link, build and write a batch. An article that breaks a stage
    becomes a Failure and the others go on; only a write error (disk full) stops the run."""
    with collector_paused():
        return _process_batch(articles, settings)


_PAUSES = threading.Lock()
_paused = [0, False]  # batches running in this process; whether the collector was on before the first


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic garbage collector waits while batches run: a batch allocates hundreds of
    thousands of short-lived objects (tokens, terms, triples), and collections while they
    were alive cost about 3% of the run (make bench-quick); reference counting frees them.
    Counted under a lock, so that batches in threads (a Dask worker with several threads)
    turn it back on only when the last one ends, and only if it was on."""
    with _PAUSES:
        if _paused[0] == 0:
            _paused[1] = gc.isenabled()
            gc.disable()
        _paused[0] += 1
    try:
        yield
    finally:
        with _PAUSES:
            _paused[0] -= 1
            if _paused[0] == 0 and _paused[1]:
                gc.enable()


def _process_batch(articles: list[Article], settings: Settings) -> BatchResult:
    nlp, model, linker, remote, builder = worker_state(settings)
    seconds = dict.fromkeys(STAGES, 0.0)
    requests_before, errors_before, splits_before = remote.remote.requests, len(linker.errors), linker.split_batches
    failures: dict[str, Failure] = {}

    def failed(a: Article, stage: str, err: Exception) -> None:
        failures[a.id] = Failure(a.source_path or a.id, f"internal error in {stage} ({type(err).__name__}: "
                                                        f"{str(err)[:200]}); the other articles are not affected")

    facts, tokens, limits = extract_batch(nlp, model, articles, settings, seconds, failed)
    t = time.perf_counter()
    linked = link(linker, facts)
    seconds["link"] = time.perf_counter() - t
    if remote.remote.requests >= remote.remote.budget > requests_before:
        limits.append(f"request budget of {remote.remote.budget} used up (--budget); "
                      "`conflict-kg relink OUT` links what was left")
    records = []
    for f, unlinked in zip(linked, facts):
        if isinstance(f, Exception):
            failed(unlinked.article, "link", f)
            continue
        t = time.perf_counter()
        cuts = windows(f.article.text, settings.window)
        try:  # a huge article's parts are built as they are written, one window at a time
            parts = [builder.triples(f)] if len(cuts) == 1 else builder.parts(f, by_window(f, cuts))
            t2 = time.perf_counter()
            path, described, count = write_article(settings.out, f.article.id, parts,  # OutputError stops the run
                                                   builder.descriptions(f))
        except OutputError:
            raise
        except Exception as err:  # noqa: BLE001
            failed(f.article, "build", err)
            continue
        seconds["build"] += t2 - t
        seconds["write"] += time.perf_counter() - t2
        if warning := oversized_text(f.article):
            limits.append(warning)
        records.append({"id": f.article.id, "iri": str(builder.article_iri(f.article)), "sha256": f.article.sha256,
                        "text_sha256": text_hash(f.article), "fingerprint": fingerprint(settings),
                        "triples": count, "file": path.relative_to(settings.out).as_posix(),
                        "descriptions": described.relative_to(settings.out).as_posix(),
                        "source": f.article.source_path, "entities": len(f.entities), "events": len(f.events),
                        "quotes": len(f.quotes), "unlinked": sum(1 for e in f.entities if not e.qid),
                        "tokens": tokens[f.article.id]})
    return BatchResult(records, seconds, remote.remote.requests - requests_before,
                       f"linking {remote.name}: {remote.status}", linker.errors[errors_before:],
                       [failures[a.id] for a in articles if a.id in failures], limits,
                       linker.split_batches - splits_before)


def extract_batch(nlp: Language, model: str, articles: list[Article], settings: Settings,
                  seconds: dict[str, float], failed: Callable[[Article, str, Exception], None]
                  ) -> tuple[list[ArticleFacts], dict[str, int], list[str]]:
    """Facts of each article that the model and the extractors get through, its token
    count, and the limits hit. An article longer than a window is parsed window by window."""
    pieces = [(a, start, a if (start, end) == (0, len(a.text)) else window(a, start, end))
              for a in articles for start, end in windows(a.text, settings.window)]
    parts: dict[str, list[tuple[int, ArticleFacts]]] = {a.id: [] for a in articles}
    tokens = dict.fromkeys(parts, 0)
    broken: set[str] = set()
    t = time.perf_counter()
    for (a, start, piece), doc in zip(pieces, parse(nlp, [p.nlp_text for _, _, p in pieces])):
        t2 = time.perf_counter()
        try:
            if isinstance(doc, Exception):
                raise doc
            tokens[a.id] += len(doc)
            parts[a.id].append((start, extract(doc, piece, model)))
        except Exception as err:  # noqa: BLE001 - isolate the article, report it, go on
            failed(a, "nlp" if isinstance(doc, Exception) else "extract", err)
            broken.add(a.id)
        seconds["extract"] += time.perf_counter() - t2
    seconds["nlp"] = time.perf_counter() - t - seconds["extract"]
    t = time.perf_counter()
    facts, limits = [], []
    for a in articles:
        if a.id in broken:
            continue
        f = parts[a.id][0][1] if len(parts[a.id]) == 1 else merge_windows(a, parts[a.id], model)
        dropped = cap_entities(f, settings.max_entities)
        if dropped:
            limits.append(f"{a.source_path or a.id}: {len(f.entities) + dropped} entities, kept the "
                          f"{settings.max_entities} most mentioned (--max-entities) and the publisher and credits")
        facts.append(f)
    seconds["extract"] += time.perf_counter() - t
    return facts, tokens, limits


def parse(nlp: Language, texts: list[str], max_chars: int = PIPE_CHARS) -> Iterator[Doc | Exception]:
    """Docs for texts, in order, each handed on as soon as it is parsed, in model batches of
    at most `max_chars` characters: the windows of a huge article are never all in memory
    (32 windows in one batch took 600 MiB more). If a text breaks a batch, the texts not
    yet handed on are parsed one by one, so that only that one fails."""
    done = 0
    try:
        for group in by_size(texts, max_chars):
            for doc in casing.pipe(nlp, group, batch_size=len(group)):
                yield doc
                done += 1
    except Exception:  # noqa: BLE001
        for text in texts[done:]:
            try:
                yield casing.parse(nlp, text)
            except Exception as err:  # noqa: BLE001
                yield err


def by_size(texts: list[str], max_chars: int) -> Iterator[list[str]]:
    """Consecutive groups of texts, at most 32 and at most `max_chars` characters each
    (a single longer text alone)."""
    group: list[str] = []
    size = 0
    for text in texts:
        if group and (size + len(text) > max_chars or len(group) == 32):
            yield group
            group, size = [], 0
        group.append(text)
        size += len(text)
    if group:
        yield group


def link(linker: Linker, facts: list[ArticleFacts]) -> list[ArticleFacts | Exception]:
    """The batch linked in one go; should that fail on something unexpected, each article
    alone, so that only the article that causes it is lost."""
    try:
        return list(linker.link_batch(facts))
    except Exception:  # noqa: BLE001
        linked: list[ArticleFacts | Exception] = []
        for f in facts:
            try:
                linked.append(linker.link(f))
            except Exception as err:  # noqa: BLE001
                linked.append(err)
        return linked


OXIGRAPH_LITERAL = 16 * 2**20  # bytes: Oxigraph's Turtle parser refuses a longer literal


def oversized_text(article: Article) -> str | None:
    """A warning when the article's text, written whole as its NIF context string, is too
    long for Oxigraph (and so for `conflict-kg query` and `make load`) to read back."""
    if len(article.text) * 4 <= OXIGRAPH_LITERAL:
        return None
    size = len(article.text.encode("utf-8"))
    if size <= OXIGRAPH_LITERAL:
        return None
    return (f"{article.source_path or article.id}: its text is {size / 2**20:.1f} MiB, written whole as "
            "nif:isString; Oxigraph (conflict-kg query, make load) reads no literal over 16 MiB")


def text_hash(article: Article) -> str:
    return hashlib.sha256(article.text.encode("utf-8")).hexdigest()


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
        with multiprocessing.get_context("fork").Pool(workers, initializer=_leave_ctrl_c_to_the_caller) as pool:
            yield from pool.imap(_process_with, ((b, settings) for b in batches))
    return run


def _leave_ctrl_c_to_the_caller() -> None:
    """Ctrl-C reaches every process of the group: the caller stops the pool and says how
    to resume; workers printing their own tracebacks would only bury that message. The
    output folder's lock is the caller's too: a worker drops its inherited copy."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    forget_inherited()


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


def complete(out: Path, record: dict) -> bool:
    """Both files of an article are there (a record of an older version has no descriptions)."""
    return "descriptions" in record and (out / record["file"]).exists() and (out / record["descriptions"]).exists()


def read_manifest(out: Path) -> dict:
    """The manifest of an output folder; an unreadable one counts as none (every article is
    then processed again, which rebuilds it)."""
    path = out / "manifest.json"
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
        return manifest if isinstance(manifest.get("articles"), list) else {"articles": []}
    except (OSError, ValueError, AttributeError):
        return {"articles": []}


JOURNAL = ".journal.jsonl"


def read_journal(out: Path) -> list[dict]:
    """Records of articles written by a run that did not finish (killed, disk full): their
    files are complete (each is renamed into place before its line is written), so the
    next run need not redo them. A line cut short by the kill is ignored."""
    path = out / JOURNAL
    if not path.exists():
        return []
    records = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        try:
            records.append(json.loads(line))
        except ValueError:
            continue
    return [r for r in records if isinstance(r, dict) and {"id", "file", "descriptions", "iri"} <= r.keys()]


class Journal:
    """Append-only record of finished articles, flushed to disk after every batch."""

    def __init__(self, out: Path):
        self.path = out / JOURNAL
        try:
            out.mkdir(parents=True, exist_ok=True)
            self.file = open(self.path, "a", encoding="utf-8")
        except OSError as err:
            raise OutputError(f"cannot write {self.path}: {err.strerror or err}") from None

    def add(self, records: list[dict]) -> None:
        try:
            self.file.write("".join(json.dumps(r, sort_keys=True) + "\n" for r in records))
            self.file.flush()
            os.fsync(self.file.fileno())
        except OSError as err:
            raise OutputError(f"cannot write {self.path}: {err.strerror or err}") from None

    def close(self, finished: bool) -> None:
        self.file.close()
        if finished:
            self.path.unlink(missing_ok=True)


def ingest(paths: Iterable[str | Path], settings: Settings, executor: Executor = run_local, force: bool = False,
           progress: Callable[[int], None] = lambda n: None, wait: bool = False,
           waiting: Callable[[str], None] = lambda who: None, command: str = "") -> Summary:
    """Read every input, process what is new or changed, merge, and say what became of
    each input (out/report.json), holding the output folder's lock throughout (see
    pipeline/lock.py; Busy if another run holds it and not `wait`). Raises OutputError
    when out/ cannot be written: the articles finished before are kept (journal), and
    running again resumes."""
    if settings.out.exists() and not settings.out.is_dir():
        raise OutputError(f"{settings.out}: exists and is not a folder")
    held = ExitStack()
    try:
        held.enter_context(exclusive(settings.out, wait, waiting, command))
    except OSError as err:  # the lock file cannot be made: the folder is not writable
        raise OutputError(f"cannot write {settings.out / LOCK}: {err.strerror or err}") from None
    with held:
        return _ingest(paths, settings, executor, force, progress)


def _ingest(paths: Iterable[str | Path], settings: Settings, executor: Executor, force: bool,
            progress: Callable[[int], None]) -> Summary:
    summary = Summary()
    out = settings.out
    remove_temporaries(out)
    old = {r["id"]: r for r in read_manifest(out)["articles"] + read_journal(out)}
    records: dict[str, dict] = dict(old)
    current = fingerprint(settings)
    seen: dict[str, str] = {}
    texts = {r["text_sha256"]: r.get("source") or r["id"] for r in old.values() if r.get("text_sha256")}
    number: dict[str, int] = {}  # where an article being processed came from -> its input number
    limits = ReadLimits(settings.max_chars, settings.english_only)

    def outcome(n: int, where: str, what: str, reason: str = "", article: str | None = None) -> None:
        summary.inputs[n] = {"input": where, "outcome": what, "reason": reason, "article": article}

    def todo() -> Iterator[Article]:
        t = time.perf_counter()
        for n, item in enumerate(read_articles(paths, limits)):
            if isinstance(item, Ignored):
                outcome(n, item.where, "ignored", item.reason)
                continue
            if isinstance(item, Failure):
                outcome(n, item.where, "failed", item.reason)
                continue
            where = item.source_path or item.id
            if item.id in seen:
                outcome(n, where, "failed", f"duplicate article id {item.id!r} (also {seen[item.id]})")
                continue
            seen[item.id] = where
            digest = text_hash(item)
            same = texts.setdefault(digest, where)
            prev = old.get(item.id)
            if same != where and not (prev and prev.get("text_sha256") == digest):
                outcome(n, where, "duplicate", f"same text as {same}")
                continue
            if (not force and prev and prev.get("sha256") == item.sha256 and prev.get("fingerprint") == current
                    and complete(out, prev)):
                summary.skipped += 1
                outcome(n, where, "unchanged", "", item.id)
                progress(1)
                continue
            number[where] = n
            outcome(n, where, "ingested", "" if item.published or item.dateline else UNDATED, item.id)
            summary.seconds["read"] += time.perf_counter() - t
            yield item
            t = time.perf_counter()

    journal = Journal(out)
    split_batches = 0
    try:
        for result in executor(chunks(todo(), max(1, settings.batch)), settings):
            journal.add(result.records)
            for r in result.records:
                records[r["id"]] = r
                summary.articles += 1
                for key in ("entities", "events", "quotes", "unlinked", "tokens"):
                    setattr(summary, key, getattr(summary, key) + r[key])
            for f in result.failures:
                outcome(number[f.where], f.where, "failed", f.reason)
            for stage, s in result.seconds.items():
                summary.seconds[stage] += s
            summary.requests += result.requests
            summary.link_status = result.link_status or summary.link_status
            summary.link_errors += result.link_errors
            summary.limits += result.limits
            split_batches += result.split_batches
            progress(len(result.records))
        if not summary.link_status:
            summary.link_status = "linking: nothing new to link"
        if split_batches:
            summary.limits.append(f"{split_batches} batches had more names than --query-batch {settings.query_batch}"
                                  " and were looked up in several queries")
        t = time.perf_counter()
        kept = [r for _, r in sorted(records.items()) if complete(out, r)]
        graph = str(descriptions_graph(settings.base))
        described = write_merged(out, [(r["iri"], out / r["file"]) for r in kept],
                                 [out / r["descriptions"] for r in kept], graph)
        summary.triples = described + sum(r["triples"] for r in kept)
        write_manifest(out, {"software": f"conflict-kg {__version__}", "base": settings.base, "articles": kept,
                             "descriptions": {"iri": graph, "file": "descriptions.ttl", "triples": described},
                             "failures": [asdict(f) for f in summary.failures]})
        atomic_write(out / "report.json", (json.dumps(summary.report(), indent=1, ensure_ascii=False) + "\n")
                     .encode("utf-8"))
        summary.seconds["merge"] = time.perf_counter() - t
    except BaseException:
        journal.close(finished=False)
        raise
    journal.close(finished=True)
    return summary
