"""Linking precision and recall on the fixture Wikidata served by a real Oxigraph server.

Run as `make linkeval` (or `python -m tests.link.linkeval`): starts Oxigraph and the
search API on loopback, ingests the linking test articles through --sparql-endpoint,
and prints precision, recall, every miss, and the requests each server received.
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from rdflib.namespace import Namespace

from pipeline.cli import main
from pipeline.write import read_article
from tests.servers import Oxigraph, Proxy, SearchAPI

TESTS = Path(__file__).resolve().parent.parent
FIXTURE = TESTS / "fixtures" / "wikidata.ttl"
EXPECTED = TESTS / "fixtures" / "linking" / "expected.json"
INPUTS = [TESTS.parent / "seeds", TESTS / "fixtures" / "articles" / "010_georgia_south_ossetia_russia_2008.txt",
          TESTS / "fixtures" / "linking"]
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
ITSRDF = Namespace("http://www.w3.org/2005/11/its/rdf#")
WD = "http://www.wikidata.org/entity/"


@dataclass
class LinkScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def score_links(out: Path) -> LinkScore:
    """Every mention whose text is a listed surface form is checked against its item."""
    expected = json.loads(EXPECTED.read_text(encoding="utf-8"))["articles"]
    score = LinkScore()
    for article, surfaces in sorted(expected.items()):
        g = read_article(out / "articles" / f"{article}.ttl")
        for surface, qid in sorted(surfaces.items()):
            targets = {str(t) for m in g.subjects(NIF.anchorOf, None) if str(g.value(m, NIF.anchorOf)) == surface
                       for t in g.objects(m, ITSRDF.taIdentRef)}
            linked = {t.removeprefix(WD) for t in targets if t.startswith(WD)}
            if qid and qid in linked:
                score.tp += 1
            elif qid:
                score.fn += 1
                score.misses.append(f"{article}: {surface!r} should be {qid}, got {sorted(linked) or 'unlinked'}")
            wrong = linked - {qid}
            if wrong:
                score.fp += len(wrong)
                score.misses.append(f"{article}: {surface!r} wrongly linked to {sorted(wrong)}")
    return score


def run(workdir: Path, endpoint: str, search: str | None, cache: Path, out: Path) -> int:
    args = ["ingest", *map(str, INPUTS), "--out", str(out), "--sparql-endpoint", endpoint, "--cache", str(cache)]
    return main(args + (["--search-api", search] if search else []))


def main_eval() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        server, = [Oxigraph(FIXTURE, work)]
        proxy, search = Proxy(server.url), SearchAPI(FIXTURE)
        try:
            run(work, proxy.url, search.url, work / "cache.sqlite", work / "out")
            cold, cold_search = len(proxy.requests), len(search.requests)
            run(work, proxy.url, search.url, work / "cache.sqlite", work / "out")
            warm, warm_search = len(proxy.requests) - cold, len(search.requests) - cold_search
            s = score_links(work / "out")
            print(f"linking: precision {s.precision:.3f}, recall {s.recall:.3f} (tp {s.tp}, fp {s.fp}, fn {s.fn})")
            print(f"SPARQL requests: cold run {cold} (probe + candidates + facts for {len(INPUTS)} inputs), "
                  f"warm run {warm}; search API requests: cold {cold_search}, warm {warm_search}")
            for m in s.misses:
                print("  miss:", m)
        finally:
            proxy.stop()
            search.stop()
            server.stop()


if __name__ == "__main__":
    main_eval()
