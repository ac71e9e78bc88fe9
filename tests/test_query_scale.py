"""A corpus in which the same actors recur in every article: each library query answers
each fact once, and counts count facts, in-process and on a real Oxigraph server."""

from collections import Counter
from pathlib import Path

import pytest
from rdflib import Graph

from pipeline.bench import make_corpus
from pipeline.cli import main
from pipeline.query import ask_endpoint, ask_store, open_folder
from pipeline.vocab import CKG, RDFS
from tests.conftest import ROOT
from tests.servers import Oxigraph
from tests.test_query import cell

ARTICLES = 56  # eight copies of each bundled article: every actor in at least eight articles
QUERIES = sorted(q for q in (ROOT / "queries").glob("*.rq") if q.name != "wikidata_federated.rq")
PAIRS = """PREFIX ckg: <https://w3id.org/conflict-kg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?sourceName ?targetName (COUNT(?e) AS ?events) WHERE {
  ?e ckg:source ?s ; ckg:target ?t . ?s rdfs:label ?sourceName . ?t rdfs:label ?targetName .
} GROUP BY ?sourceName ?targetName"""


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("corpus")
    make_corpus(work / "corpus.jsonl", ARTICLES)
    assert main(["ingest", str(work / "corpus.jsonl"), "--out", str(work / "out"), "--offline",
                 "--cache", str(work / "c.sqlite")]) == 0
    return work / "out"


@pytest.fixture(scope="module")
def server(corpus, tmp_path_factory):
    store = Oxigraph(None, tmp_path_factory.mktemp("store"), union=True)
    assert main(["load", str(corpus), "--store", store.store]) == 0
    yield store
    store.stop()


@pytest.fixture(scope="module")
def local(corpus):
    return open_folder(corpus)


def as_tuples(answer) -> list[tuple]:
    """Rows as tuples, lists (GROUP_CONCAT, whose order SPARQL leaves open) sorted."""
    return [tuple(cell(v, r.get(v, "")) for v in answer.variables) for r in answer.rows]


@pytest.mark.parametrize("path", QUERIES, ids=lambda p: p.stem)
def test_every_library_query_answers_each_fact_once_in_process_and_on_the_server(path, local, server):
    here, there = as_tuples(ask_store(local, path.read_text())), as_tuples(ask_endpoint(server.url, path.read_text()))
    assert here, f"{path.name} found nothing"
    assert len(here) == len(set(here)), f"{path.name}: {len(here)} rows, {len(set(here))} distinct"
    assert sorted(here) == sorted(there)


def truth(corpus: Path) -> Counter:
    """Events per (source label, target label), counted from the article files themselves."""
    labels = {}
    for s, o in Graph().parse(corpus / "descriptions.ttl").subject_objects(RDFS.label):
        assert s not in labels, f"{s} has two labels"
        labels[s] = str(o)
    pairs = Counter()
    for path in sorted((corpus / "articles").glob("*.ttl")):
        g = Graph().parse(path)
        for e, s in g.subject_objects(CKG.source):
            for t in g.objects(e, CKG.target):
                pairs[labels[s], labels[t]] += 1
    return pairs


def test_an_aggregate_counts_each_event_once_in_process_and_on_the_server(corpus, local, server):
    expected = truth(corpus)
    assert expected and max(expected.values()) >= ARTICLES // 7  # the same pair recurs across articles
    for answer in (ask_store(local, PAIRS), ask_endpoint(server.url, PAIRS)):
        got = Counter({(r["sourceName"], r["targetName"]): int(r["events"]) for r in answer.rows})
        assert got == expected
