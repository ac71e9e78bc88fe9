"""The linker against real servers on loopback: Oxigraph with a Wikidata-shaped fixture,
a proxy that counts requests and misbehaves on demand, a wbsearchentities API."""

import json

import pytest
from pyoxigraph import Literal, Store
from rdflib import Graph

from pipeline.cli import main
from pipeline.facts import STATE, Article, ArticleFacts, Entity
from pipeline.link import Linker, query
from pipeline.link.stores import Cache, CachedStore, Endpoint, EndpointError
from tests.link.linkeval import INPUTS, run, score_links
from tests.servers import free_port

SEED = INPUTS[0]


def test_linking_on_a_sparql_server_is_precise_and_resolves_every_confuser(proxy, search_api, tmp_path):
    assert run(tmp_path, proxy.url, search_api.url, tmp_path / "cache.sqlite", tmp_path / "out") == 0
    score = score_links(tmp_path / "out")
    assert score.precision >= 0.95 and score.recall >= 0.90, score.misses
    assert score.misses == []  # the bird, Georgia, Aleppo's governorate, the two Assads


def test_a_cold_run_sends_one_candidates_one_facts_and_one_roles_query_and_a_warm_run_none(proxy, search_api,
                                                                                            tmp_path):
    run(tmp_path, proxy.url, search_api.url, tmp_path / "cache.sqlite", tmp_path / "out")
    cold = proxy.queries()
    assert len(cold) == 3 and "VALUES ?label" in cold[0] and "VALUES ?item" in cold[1] and "p:P39" in cold[2]
    searches = len(search_api.requests)
    run(tmp_path, proxy.url, search_api.url, tmp_path / "cache.sqlite", tmp_path / "out2")
    assert len(proxy.requests) == len(cold) + 1  # + the one reachability probe of the cold run
    assert len(search_api.requests) == searches
    assert all(a.startswith("conflict-kg/0.1.0 (https://w3id.org/conflict-kg)") for a in proxy.agents)


def test_429_with_retry_after_is_waited_out_and_the_answer_used(proxy):
    proxy.faults = ["429"]
    endpoint = Endpoint(proxy.url, backoff=0.05)
    rows = endpoint.select('SELECT ?x WHERE { ?x <http://www.w3.org/2000/01/rdf-schema#label> "Syria"@en }')
    assert rows == [{"x": "http://www.wikidata.org/entity/Q858"}]
    assert endpoint.waited >= 1.0 and len(proxy.requests) == 2


def test_500_and_silence_are_retried_with_backoff(proxy):
    proxy.faults = ["500", "silence"]
    endpoint = Endpoint(proxy.url, timeout=1.0, backoff=0.05)
    assert endpoint.select("SELECT ?x WHERE { ?x ?p ?o } LIMIT 1")
    assert len(proxy.requests) == 3 and endpoint.waited > 0


def test_a_malformed_answer_is_retried_and_never_taken_for_no_rows(proxy):
    proxy.faults = ["html", "truncated"]
    endpoint = Endpoint(proxy.url, backoff=0.01)
    assert endpoint.select("SELECT ?x WHERE { ?x ?p ?o } LIMIT 1")
    assert len(proxy.requests) == 3
    proxy.faults = ["truncated"] * 3
    with pytest.raises(EndpointError, match=r"gave up after 3 attempts \(malformed answer \(not JSON"):
        Endpoint(proxy.url, retries=2, backoff=0.01).select("SELECT ?x WHERE { ?x ?p ?o } LIMIT 1")


def test_an_endpoint_that_keeps_failing_gives_up_with_a_clear_error(proxy):
    proxy.faults = ["500"] * 10
    endpoint = Endpoint(proxy.url, retries=2, backoff=0.01)
    try:
        endpoint.select("SELECT ?x WHERE { ?x ?p ?o } LIMIT 1")
    except EndpointError as err:
        assert "gave up after 3 attempts (HTTP 500)" in str(err)
    else:
        raise AssertionError("no error")


def test_the_request_budget_is_respected(proxy):
    endpoint = Endpoint(proxy.url, budget=1)
    endpoint.select("SELECT ?x WHERE { ?x ?p ?o } LIMIT 1")
    try:
        endpoint.select("SELECT ?x WHERE { ?x ?p ?o } LIMIT 2")
    except EndpointError as err:
        assert "budget" in str(err)
    assert len(proxy.requests) == 1


def test_a_dead_endpoint_never_fails_the_ingest_and_relink_links_what_was_left(proxy, tmp_path, capsys):
    dead = f"http://127.0.0.1:{free_port()}/sparql"
    out, cache = tmp_path / "out", tmp_path / "cache.sqlite"
    assert main(["ingest", str(SEED), "--out", str(out), "--sparql-endpoint", dead, "--cache", str(cache)]) == 0
    assert "unreachable, used the cache and the embedded slice" in capsys.readouterr().out
    before = (out / "articles" / "000_a338ea7d94fc7d37.ttl").read_text()
    assert "Q90000010" not in before and "wd:Q43" in before  # the embedded slice still links Turkey
    assert main(["relink", str(out), "--sparql-endpoint", proxy.url, "--cache", str(cache)]) == 0
    after = (out / "articles" / "000_a338ea7d94fc7d37.ttl").read_text()
    assert "wd:Q90000010" in after  # Sergey Lavrov, found once the endpoint is back


def test_a_server_that_only_says_429_delays_but_loses_nothing(proxy, tmp_path, capsys):
    proxy.faults = ["429"] * 50
    proxy.retry_after = "0"
    out = tmp_path / "out"
    args = ["ingest", str(SEED), "--out", str(out), "--sparql-endpoint", proxy.url, "--cache", str(tmp_path / "c")]
    assert main(args) == 0
    captured = capsys.readouterr()
    assert "gave up after 5 attempts (429 Too Many Requests)" in captured.err
    graph = Graph().parse(out / "articles" / "000_a338ea7d94fc7d37.ttl")
    assert len(graph) > 500 and "endpoint unavailable" in (out / "descriptions" / "000_a338ea7d94fc7d37.nt").read_text()


def test_garbage_answers_during_an_ingest_delay_the_links_but_lose_none(proxy, tmp_path, capsys):
    proxy.faults = ["html", "truncated", "html"]  # the probe, then the candidates query twice
    out = tmp_path / "out"
    assert main(["ingest", str(SEED), "--out", str(out), "--sparql-endpoint", proxy.url,
                 "--cache", str(tmp_path / "c")]) == 0
    assert "wd:Q90000010" in (out / "articles" / "000_a338ea7d94fc7d37.ttl").read_text()  # Lavrov, from the server
    assert len(proxy.queries()) == 5 and "warning" not in capsys.readouterr().err  # 3 + the 2 retried


HOSTILE = ['Syria"@en } } ; DELETE WHERE { ?s ?p ?o } #', 'Syria\\" } UNION { ?item ?p ?label } #',
           "Syria\n}\nSELECT * WHERE { ?s ?p ?o }", 'Turkey"""@en', "Tur\\u0022key", "Aleppo>\t<x:y",
           "Iran\x00\x07\x1b\u202e", "Turk\u0435y",  # the last with a Cyrillic e: looks like Turkey, is not
           "Russia"]  # a real name among them: still found


def sent_literals(sparql: str) -> list[str]:
    """The values a candidates query carries in its VALUES block, read by a SPARQL engine:
    the block sits exactly where the template says, and holds nothing but literals."""
    head, tail = query("candidates").split("$LABELS")
    assert sparql.startswith(head) and sparql.endswith(tail)
    block = sparql[len(head):len(sparql) - len(tail)]
    rows = Store().query(f"SELECT ?label WHERE {{ VALUES ?label {{ {block} }} }}")
    labels = [row["label"] for row in rows]
    assert all(isinstance(label, Literal) for label in labels)
    return [label.value for label in labels]


def test_text_crafted_to_break_out_of_a_literal_travels_as_a_literal_changes_nothing_and_finds_nothing(
        proxy, oxigraph, tmp_path):
    count = 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }'
    before = Endpoint(oxigraph.url).select(count)
    article = Article(id="x", text=" ".join(HOSTILE))
    entities = [Entity(key=f"State|{i}", name=h, type=STATE, mentions=[]) for i, h in enumerate(HOSTILE)]
    remote = CachedStore(Endpoint(proxy.url), Cache(tmp_path / "c.sqlite"))
    [linked] = Linker(remote).link_batch([ArticleFacts(article, entities, [], [], [], [])])
    assert [e.qid for e in linked.entities] == [None] * (len(HOSTILE) - 1) + ["Q159"]
    assert Endpoint(oxigraph.url).select(count) == before
    [candidates] = [q for q in proxy.queries() if "VALUES ?label" in q]
    sent = sent_literals(candidates)
    assert sorted(set(sent)) == sorted({" ".join(h.split()) for h in HOSTILE})
    assert sent.count("Turk\u0435y") == 2  # once @en, once @mul


def test_a_slice_built_from_an_endpoint_links_offline(proxy, tmp_path):
    path = tmp_path / "slice.ttl"
    assert main(["slice", "--sparql-endpoint", proxy.url, "--qids", "Q90000010,Q90000002", "--out", str(path)]) == 0
    out = tmp_path / "out"
    assert main(["ingest", str(SEED), "--out", str(out), "--offline", "--slice", str(path),
                 "--cache", str(tmp_path / "c")]) == 0
    assert "wd:Q90000010" in (out / "articles" / "000_a338ea7d94fc7d37.ttl").read_text()
    assert "Sergey Lavrov" in path.read_text()


def test_a_slice_can_be_built_from_the_members_of_a_class(proxy, tmp_path):
    path = tmp_path / "humans.ttl"
    assert main(["slice", "--sparql-endpoint", proxy.url, "--classes", "Q5", "--limit", "50", "--out", str(path)]) == 0
    text = path.read_text()
    assert "Sergey Lavrov" in text and "Hafez al-Assad" in text and "Aleppo Governorate" not in text


def test_the_query_batch_limit_splits_the_names_and_links_the_same(proxy, tmp_path, capsys):
    args = ["ingest", str(SEED), "--sparql-endpoint", proxy.url]
    assert main([*args, "--out", str(tmp_path / "one"), "--cache", str(tmp_path / "one.sqlite")]) == 0
    one = len(proxy.queries())
    assert main([*args, "--out", str(tmp_path / "split"), "--cache", str(tmp_path / "split.sqlite"),
                 "--query-batch", "5"]) == 0
    split = [q for q in proxy.queries()[one:] if "VALUES ?label" in q]
    assert len(split) > 2 and all(q.count('@en ') + q.count('@en\n') <= 5 for q in split)
    assert "1 batches had more names than --query-batch 5" in capsys.readouterr().err
    name = "articles/000_a338ea7d94fc7d37.ttl"
    assert (tmp_path / "one" / name).read_text() == (tmp_path / "split" / name).read_text()


def test_the_request_budget_is_reported_when_used_up_and_relink_finishes(proxy, tmp_path, capsys):
    out, cache = tmp_path / "out", tmp_path / "c.sqlite"
    assert main(["ingest", str(SEED), "--out", str(out), "--sparql-endpoint", proxy.url, "--cache", str(cache),
                 "--budget", "2"]) == 0  # the probe and the candidates query; no budget left for the facts
    err = capsys.readouterr().err
    assert "request budget of 2 used up (--budget)" in err and "conflict-kg relink OUT" in err
    assert json.loads((out / "report.json").read_text())["limits"]
    assert "wd:Q90000010" not in (out / "articles" / "000_a338ea7d94fc7d37.ttl").read_text()
    assert main(["relink", str(out), "--sparql-endpoint", proxy.url, "--cache", str(cache)]) == 0
    assert "wd:Q90000010" in (out / "articles" / "000_a338ea7d94fc7d37.ttl").read_text()
