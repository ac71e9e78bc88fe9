"""`conflict-kg bench`: measure the pipeline against bare spaCy in the same run.

Builds a corpus by repeating and varying the bundled articles (paragraphs rotated, so
every copy has its own text and hash), then measures, on this machine, in this run:
bare `nlp.pipe` and the full pipeline (offline linking, RDF build, writing) with 1 and
2 processes; a re-run over unchanged articles; the streamed merge of about a million
triples (and rdflib's Turtle serializer on a sample, for comparison); peak memory of a
small and a ten times larger ingest; the query library over the outputs of both, in-process
and on an Oxigraph server filled by `conflict-kg load` (graph by graph and in bulk, against
Oxigraph's own bulk loader). Prints the ratios against the targets, writes the figures as
JSON and a PNG chart.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

import pyoxigraph as ox

from pipeline import __version__, prefer_one_blas_thread

prefer_one_blas_thread()  # before spaCy, and with it numpy, is imported

from pipeline import nlp as nlp_stage
from pipeline.facts import Article
from pipeline.ingest import STAGES, Settings, ingest, run_local, run_processes, worker_state
from pipeline.load import load
from pipeline.query import ask_endpoint, ask_store, open_folder
from pipeline.sources import read_articles
from pipeline.write import article_path, descriptions_path, write_merged

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = [ROOT / "seeds", ROOT / "tests" / "fixtures" / "articles"]


def make_corpus(path: Path, n: int) -> int:
    """n articles as JSON Lines: copy k of an article has its paragraphs rotated by k and
    a closing line of its own."""
    originals = [a for a in read_articles(BUNDLED) if isinstance(a, Article)]
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            a = originals[i % len(originals)]
            paras = [p for p in a.text.split("\n\n") if p.strip()]
            k = (i // len(originals)) % max(1, len(paras))
            text = "\n\n".join(paras[k:] + paras[:k])
            text += f"\n\nThis is copy {i} of the article."  # a repeated text would be skipped as a duplicate
            f.write(json.dumps({"id": f"{a.id}-{i:06d}", "headline": a.title, "published": a.published,
                                "text": text}) + "\n")
    return n


def texts_of(corpus: Path) -> list[str]:
    return [a.nlp_text for a in read_articles([corpus])]


def bare(model: str, texts: list[str], processes: int) -> tuple[float, int]:
    nlp = nlp_stage.load(model)
    t = time.perf_counter()
    tokens = sum(len(d) for d in nlp.pipe(texts, batch_size=32, n_process=processes))
    return time.perf_counter() - t, tokens


def bare_as_installed(model: str, corpus: Path) -> float:
    """Seconds bare spaCy takes, 1 process, in a fresh process with OpenBLAS's own default (a
    thread per core), which importing the pipeline changes to one thread: so that the speed-up of
    that one setting is shown apart from the pipeline's own cost."""
    code = (f"from pathlib import Path; from pipeline.bench import bare, texts_of; "
            f"print(bare({model!r}, texts_of(Path({str(corpus)!r})), 1)[0])")
    env = {**os.environ, "OPENBLAS_NUM_THREADS": str(os.cpu_count() or 1)}
    return float(subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True,
                                env=env, cwd=ROOT).stdout)


def dictionary_load() -> float:
    """Seconds a fresh process takes to read the extractors' lexicons and dictionaries."""
    code = "from pipeline.extract import load_dictionaries; print(load_dictionaries())"
    return float(subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout)


def timed_ingest(corpus: Path, out: Path, workers: int) -> tuple[float, dict]:
    """The ingest, timed. Batches of 32 articles give the model the same groups of 32 texts as
    bare spaCy's batch_size and as the default --batch 64 does (the model takes at most 32 at
    once), and still spread 200 articles evenly over two processes."""
    settings = Settings(out=out, offline=True, cache=out.parent / f"{out.name}.sqlite",
                        model=nlp_stage.default_model(), batch=32)
    if workers == 1:
        worker_state(settings)  # the model is loaded before the clock starts, as for bare spaCy
    t = time.perf_counter()
    summary = ingest([corpus], settings, run_local if workers == 1 else run_processes(workers))
    return time.perf_counter() - t, {"seconds": summary.seconds, "articles": summary.articles,
                                     "skipped": summary.skipped, "triples": summary.triples}


def merge_million(out: Path, work: Path, target: int = 1_000_000) -> tuple[float, int]:
    """The merge (descriptions united, article files streamed) of about a million triples:
    the output's article files copied under new names until there are enough."""
    files = sorted((out / "articles").glob("*.ttl"))
    sample = files[:20]
    avg = sum(sum(1 for _ in ox.parse(path=str(f), format=ox.RdfFormat.TURTLE)) for f in sample) / len(sample)
    need = int(target / avg) + 1
    dst = work / "merge"
    (dst / "articles").mkdir(parents=True)
    (dst / "descriptions").mkdir()
    pairs, described = [], []
    for i in range(need):
        src = files[i % len(files)]
        path, desc = article_path(dst, f"{i:06d}"), descriptions_path(dst, f"{i:06d}")
        shutil.copyfile(src, path)
        shutil.copyfile(descriptions_path(out, src.stem), desc)
        pairs.append((f"https://w3id.org/conflict-kg/id/article/bench{i:06d}", path))
        described.append(desc)
    t = time.perf_counter()
    write_merged(dst, pairs, described, "https://w3id.org/conflict-kg/id/graph/descriptions")
    return time.perf_counter() - t, int(avg * need)


def rdflib_sample(articles_dir: Path, triples: int = 50_000) -> tuple[float, int]:
    from rdflib import Graph
    g = Graph()
    for f in sorted(articles_dir.glob("*.ttl")):
        g.parse(f, format="turtle")
        if len(g) >= triples:
            break
    t = time.perf_counter()
    g.serialize(format="turtle")
    return time.perf_counter() - t, len(g)


def peak_memory(corpus: Path, out: Path, *extra: str) -> int:
    """Peak RSS (KiB) of a fresh process ingesting the corpus: its own high-water mark
    (VmHWM). Not getrusage's ru_maxrss, which on Linux keeps the RSS of the process that
    forked it (this one, with a model loaded) across exec, and so hid anything below it."""
    args = ["ingest", str(corpus), "--out", str(out), "--offline", "--cache", f"{out}.sqlite", *extra]
    code = ("import re, sys; from pipeline.cli import main; "
            f"main({args!r}); "
            "print(re.search(r'VmHWM:\\s*(\\d+)', open('/proc/self/status').read()).group(1), file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    return int(done.stderr.strip().splitlines()[-1])


def make_big_article(path: Path, megabytes: int) -> int:
    """One article of `megabytes` MiB: the bundled articles' lines, numbered so that no
    line repeats (a repeated line is boilerplate and would be blanked, not parsed)."""
    lines = [line for a in read_articles(BUNDLED) if isinstance(a, Article) for line in a.text.split("\n")
             if line.strip()]
    size, n = megabytes * 2**20, 0
    with open(path, "w", encoding="utf-8") as f:
        while f.tell() < size:
            f.write(f"{n + 1}. {lines[n % len(lines)]}\n\n")
            n += 1
    return path.stat().st_size


class Server:
    """`oxigraph serve` with a union default graph (as `make load` starts it), on a free
    loopback port, until `stop`."""

    def __init__(self, location: Path):
        import socket
        import urllib.request
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        self.query, self.store = f"http://127.0.0.1:{port}/query", f"http://127.0.0.1:{port}/store"
        self.proc = subprocess.Popen([str(Path(sys.executable).parent / "oxigraph"), "serve", "--location",
                                      str(location), "--bind", f"127.0.0.1:{port}", "--union-default-graph"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 30
        while True:
            try:
                urllib.request.urlopen(f"{self.query}?query=ASK%7B%7D", timeout=1)
                return
            except OSError:
                if time.time() > deadline:
                    self.stop()
                    raise RuntimeError(f"oxigraph serve did not start on port {port}") from None
                time.sleep(0.2)

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=30)


LIBRARY = [q for q in sorted((ROOT / "queries").glob("*.rq")) if "SERVICE" not in q.read_text()]


def run_library(ask) -> dict[str, dict]:
    """Rows, distinct rows and seconds of each library query (federated ones need Wikidata)."""
    results = {}
    for path in LIBRARY:
        sparql = path.read_text(encoding="utf-8")
        t = time.perf_counter()
        answer = ask(sparql)
        seconds = time.perf_counter() - t
        rows = [tuple(r.get(v, "") for v in answer.variables) for r in answer.rows]
        results[path.stem] = {"rows": len(rows), "distinct": len(set(rows)), "seconds": seconds}
    return results


def query_bench(out: Path, work: Path) -> dict:
    """The query library over one output folder, in-process and on a loaded server, and
    the time to load it graph by graph, in one bulk request, and by `oxigraph load`."""
    manifest = json.loads((out / "manifest.json").read_text())
    triples = manifest["descriptions"]["triples"] + sum(a["triples"] for a in manifest["articles"])
    results: dict = {"articles": len(manifest["articles"]), "triples": triples}
    work.mkdir(parents=True, exist_ok=True)
    t = time.perf_counter()
    store = open_folder(out)
    results["open_seconds"] = time.perf_counter() - t
    results["in_process"] = run_library(partial(ask_store, store))
    del store  # its memory, before a server starts beside it
    server = Server(work / "store")
    try:
        t = time.perf_counter()
        load(out, server.store)
        results["load_seconds"] = time.perf_counter() - t
        results["server"] = run_library(lambda q: ask_endpoint(server.query, q, timeout=600))
    finally:
        server.stop()
    server = Server(work / "bulk")
    try:
        t = time.perf_counter()
        load(out, server.store, bulk=True, params={"no_transaction": ""})
        results["bulk_seconds"] = time.perf_counter() - t
    finally:
        server.stop()
    t = time.perf_counter()
    subprocess.run([str(Path(sys.executable).parent / "oxigraph"), "load", "--location", str(work / "native"),
                    "--file", str(out / "graph.trig")], check=True, capture_output=True)
    results["oxigraph_load_seconds"] = time.perf_counter() - t
    shutil.rmtree(work, ignore_errors=True)
    return results


def print_queries(q: dict) -> None:
    print(f"\nquery library over {q['articles']} articles ({q['triples']} triples; opened in-process in "
          f"{q['open_seconds']:.1f} s)")
    print(f"  {'query':22s} {'rows':>7s} {'distinct':>8s} {'in-process s':>12s} {'server s':>9s}")
    for name, here in q["in_process"].items():
        there = q["server"][name]
        print(f"  {name:22s} {here['rows']:7d} {here['distinct']:8d} {here['seconds']:12.3f} {there['seconds']:9.3f}"
              + ("" if here["rows"] == there["rows"] else f"   (server: {there['rows']} rows)"))
    for what, key in (("graph by graph (Graph Store PUTs)", "load_seconds"),
                      ("conflict-kg load --bulk --param no_transaction", "bulk_seconds"),
                      ("oxigraph load (its own bulk loader)", "oxigraph_load_seconds")):
        print(f"  load, {what}: {q[key]:.1f} s, {q['triples'] / q[key]:,.0f} triples/s")


def query_checks(queries: dict[int, dict]) -> list[tuple[str, bool, str]]:
    small, large = sorted(queries)
    checks = []
    for n in (small, large):
        q = queries[n]
        dup = [name for name, r in {**q["in_process"], **q["server"]}.items() if r["rows"] != r["distinct"]]
        checks.append((f"{n} articles: library queries with duplicate rows: {', '.join(dup) or 'none'}", not dup,
                       "none"))
    big = queries[large]
    for where in ("in_process", "server"):
        name, slowest = max(((k, v["seconds"]) for k, v in big[where].items()), key=lambda kv: kv[1])
        checks.append((f"slowest library query at {large} articles, {where.replace('_', '-')}: {name} {slowest:.2f} s",
                       slowest < 2, "< 2 s"))
        total = {n: sum(v["seconds"] for v in queries[n][where].values()) for n in (small, large)}
        growth = total[large] / total[small]
        checks.append((f"all library queries, {where.replace('_', '-')}: {total[small]:.2f} s at {small}, "
                       f"{total[large]:.2f} s at {large} articles: {growth:.1f}x for {large / small:.0f}x the corpus",
                       growth <= large / small, f"<= {large / small:.0f}x (linear)"))
    checks.append((f"load at {large} articles: --bulk {big['triples'] / big['bulk_seconds']:,.0f} triples/s, "
                   f"oxigraph load {big['triples'] / big['oxigraph_load_seconds']:,.0f} triples/s, graph by graph "
                   f"{big['triples'] / big['load_seconds']:,.0f} triples/s", True, "reported"))
    return checks


def big_article(work: Path, megabytes: int) -> dict:
    """Peak memory and time of one huge article parsed window by window (--max-chars 0),
    against one ordinary article in the same run; and of the default, which skips it."""
    big, seed = work / "big.txt", next((ROOT / "seeds").glob("*.txt"))
    size = make_big_article(big, megabytes)
    results = {"bytes": size, "seed_kib": peak_memory(seed, work / "seed-out")}
    results["skipped_kib"] = peak_memory(big, work / "big-skip")
    t = time.perf_counter()
    results["processed_kib"] = peak_memory(big, work / "big-out", "--max-chars", "0")
    results["processed_seconds"] = time.perf_counter() - t
    manifest = json.loads((work / "big-out" / "manifest.json").read_text())
    results["triples"] = manifest["articles"][0]["triples"]
    print(f"{size / 2**20:.0f} MiB article: peak {results['processed_kib'] / 1024:.0f} MiB processed "
          f"({results['processed_seconds']:.0f} s, {results['triples']} triples), "
          f"{results['skipped_kib'] / 1024:.0f} MiB skipped by the default limit; "
          f"one ordinary article: {results['seed_kib'] / 1024:.0f} MiB", flush=True)
    return results


def chart(results: dict, path: Path) -> None:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (left, right) = plt.subplots(1, 2, figsize=(12, 4.8))
    stages = results["pipeline_1"]["seconds"]
    shown = [s for s in STAGES if stages.get(s, 0) > 0]
    bottom = 0.0
    for s in shown:
        left.bar(["pipeline, 1 process"], [stages[s]], bottom=bottom, label=s)
        bottom += stages[s]
    left.bar(["bare spaCy, 1 process"], [results["bare_1"]["seconds"]], color="grey", label="bare nlp.pipe")
    left.set_ylabel("seconds")
    left.set_title(f"Stage times, {results['articles']} articles")
    left.legend(fontsize=8)
    names = ["bare 1", "pipeline 1", "bare 2", "pipeline 2"]
    values = [results["bare_1"]["articles_per_s"], results["pipeline_1"]["articles_per_s"],
              results["bare_2"]["articles_per_s"], results["pipeline_2"]["articles_per_s"]]
    right.bar(names, values, color=["grey", "tab:blue", "grey", "tab:blue"])
    right.set_ylabel("articles / second")
    right.set_title("Throughput (processes)")
    for i, v in enumerate(values):
        right.text(i, v, f"{v:.1f}", ha="center", va="bottom")
    fig.suptitle(f"conflict-kg {__version__} on {results['machine']['cpus']} CPUs, "
                 f"{results['machine']['platform']}", fontsize=10)
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)


def big_check(big: dict) -> tuple[str, bool, str]:
    return (f"peak memory, one {big['bytes'] / 2**20:.0f} MiB article parsed in windows: "
            f"{big['processed_kib'] / 1024:.0f} MiB (one ordinary article: {big['seed_kib'] / 1024:.0f} MiB)",
            big["processed_kib"] < 2 * 2**20, "< 2048 MiB")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="conflict-kg bench", description=__doc__.split("\n")[0])
    p.add_argument("--articles", type=int, default=400, help="corpus size for throughput (default 400)")
    p.add_argument("--memory", default="1000,10000", help="two corpus sizes for the peak-memory check "
                                                         "(default 1000,10000; the larger takes ~25 min on 2 cores)")
    p.add_argument("--big", type=int, default=20, help="MiB of the one huge article whose peak memory is measured "
                                                       "(default 20, ~25 min; 0 skips it)")
    p.add_argument("--big-only", action="store_true", help="measure only the huge article")
    p.add_argument("--queries-only", action="store_true", help="measure only the query library over the two "
                                                               "--memory corpora (ingested with 2 processes)")
    p.add_argument("--json", type=Path, default=ROOT / "docs" / "bench.json")
    p.add_argument("--chart", type=Path, default=ROOT / "docs" / "bench.png")
    args = p.parse_args(argv)
    model = nlp_stage.default_model()
    results: dict = {"version": __version__, "model": nlp_stage.describe(model), "articles": args.articles,
                     "machine": {"cpus": os.cpu_count(), "platform": platform.platform(),
                                 "python": platform.python_version(), "processor": platform.machine()}}
    if args.big_only:
        with tempfile.TemporaryDirectory() as tmp:
            results["big_article"] = big = big_article(Path(tmp), args.big)
        text, ok, target = big_check(big)
        print(f"{'PASS' if ok else 'MISS'}  {text}   (target {target})")
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n")
        return 0
    if args.queries_only:
        with tempfile.TemporaryDirectory() as tmp:
            results["queries"] = queries = {}
            for n in (int(x) for x in args.memory.split(",")):
                make_corpus(Path(tmp) / f"q{n}.jsonl", n)
                timed_ingest(Path(tmp) / f"q{n}.jsonl", Path(tmp) / f"q{n}", 2)
                queries[n] = query_bench(Path(tmp) / f"q{n}", Path(tmp) / f"stores{n}")
                print_queries(queries[n])
        for text, ok, target in query_checks(queries):
            print(f"{'PASS' if ok else 'MISS'}  {text}   (target {target})")
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        corpus = work / "corpus.jsonl"
        make_corpus(corpus, args.articles)
        texts = texts_of(corpus)
        results["dictionary_load_seconds"] = dictionary_load()
        seconds = bare_as_installed(model, corpus)
        results["bare_1_as_installed"] = {"seconds": seconds, "articles_per_s": len(texts) / seconds}
        print(f"bare spaCy, 1 process, OpenBLAS's default threads: {seconds:.1f} s, "
              f"{len(texts) / seconds:.2f} articles/s", flush=True)
        for procs in (1, 2):
            seconds, tokens = bare(model, texts, procs)
            results[f"bare_{procs}"] = {"seconds": seconds, "tokens": tokens, "articles_per_s": len(texts) / seconds,
                                        "tokens_per_s": tokens / seconds}
            print(f"bare spaCy, {procs} process(es): {seconds:.1f} s, {len(texts) / seconds:.2f} articles/s, "
                  f"{tokens / seconds:.0f} tokens/s", flush=True)
            seconds, info = timed_ingest(corpus, work / f"out{procs}", procs)
            results[f"pipeline_{procs}"] = {**info, "total": seconds, "articles_per_s": len(texts) / seconds,
                                            "tokens_per_s": tokens / seconds}
            print(f"pipeline,   {procs} process(es): {seconds:.1f} s, {len(texts) / seconds:.2f} articles/s, "
                  f"{tokens / seconds:.0f} tokens/s", flush=True)
        seconds, info = timed_ingest(corpus, work / "out1", 1)
        results["rerun"] = {"seconds": seconds, "skipped": info["skipped"]}
        merge_s, merged = merge_million(work / "out1", work)
        results["merge"] = {"seconds": merge_s, "triples": merged}
        rdf_s, rdf_n = rdflib_sample(work / "out1" / "articles")
        results["rdflib_turtle"] = {"seconds": rdf_s, "triples": rdf_n}
        small, large = (int(x) for x in args.memory.split(","))
        mem, queries = {}, {}
        for n in (small, large):
            c = work / f"mem{n}.jsonl"
            make_corpus(c, n)
            mem[n] = peak_memory(c, work / f"mem{n}")
            print(f"peak memory, {n} articles: {mem[n] / 1024:.0f} MiB", flush=True)
            queries[n] = query_bench(work / f"mem{n}", work / f"stores{n}")
            print_queries(queries[n])
        results["memory_kib"] = {str(k): v for k, v in mem.items()}
        results["queries"] = {str(k): v for k, v in queries.items()}
        if args.big:
            results["big_article"] = big_article(work, args.big)
    p1, b1 = results["pipeline_1"], results["bare_1"]
    total_stage = sum(p1["seconds"].values())
    results["ratios"] = {
        "pipeline_over_bare_1": p1["articles_per_s"] / b1["articles_per_s"],
        "pipeline_over_bare_2": results["pipeline_2"]["articles_per_s"] / results["bare_2"]["articles_per_s"],
        "pipeline_over_bare_1_as_installed": p1["articles_per_s"] / results["bare_1_as_installed"]["articles_per_s"],
        "pipeline_2_over_1": results["pipeline_2"]["articles_per_s"] / p1["articles_per_s"],
        "first_over_rerun": p1["total"] / results["rerun"]["seconds"],
        "memory_large_over_small": mem[large] / mem[small],
    }
    r = results["ratios"]
    print("\nstage shares (1 process): " + ", ".join(f"{s} {100 * v / total_stage:.1f}%"
                                                     for s, v in p1["seconds"].items()))
    checks = [
        (f"pipeline / bare spaCy, 1 process: {r['pipeline_over_bare_1']:.2f}", r["pipeline_over_bare_1"] >= 0.85, ">= 0.85"),
        (f"pipeline / bare spaCy, 2 processes: {r['pipeline_over_bare_2']:.2f}", r["pipeline_over_bare_2"] >= 0.85, ">= 0.85"),
        (f"pipeline / bare spaCy with OpenBLAS's default threads, 1 process: "
         f"{r['pipeline_over_bare_1_as_installed']:.2f}", True, "baseline"),
        (f"pipeline 2 processes / 1 process: {r['pipeline_2_over_1']:.2f}x", r["pipeline_2_over_1"] >= 1.7, ">= 1.7x"),
        (f"dictionary load, one fresh process: {results['dictionary_load_seconds']:.2f} s",
         results["dictionary_load_seconds"] < 1, "< 1 s"),
        (f"merge of {merged} triples (graph.ttl + graph.trig): {merge_s:.2f} s", merge_s < 5, "< 5 s"),
        (f"rdflib Turtle serializer, {rdf_n} triples: {rdf_s:.2f} s "
         f"({rdf_s * 1e6 / max(rdf_n, 1):.1f} s per million)", True, "baseline"),
        (f"first run / re-run of unchanged articles: {r['first_over_rerun']:.1f}x", r["first_over_rerun"] >= 20, ">= 20x"),
        (f"peak memory {large} / {small} articles: {r['memory_large_over_small']:.3f}",
         r["memory_large_over_small"] <= 1.10, "<= 1.10"),
    ]
    checks += query_checks(queries)
    if args.big:
        checks.append(big_check(results["big_article"]))
    for text, ok, target in checks:
        print(f"{'PASS' if ok else 'MISS'}  {text}   (target {target})")
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n")
    chart(results, args.chart)
    print(f"figures: {args.json}, chart: {args.chart}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
