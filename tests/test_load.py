import base64
import json
import shutil

import pytest

from pipeline.cli import main
from pipeline.query import ask_endpoint
from tests.servers import GraphStore, Oxigraph, free_port

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


@pytest.fixture
def store(tmp_path):
    server = Oxigraph(None, tmp_path / "oxigraph", union=True)
    yield server
    server.stop()


def triples(server) -> int:
    return int(ask_endpoint(server.url, COUNT).rows[0]["n"])


def test_loading_twice_equals_loading_once_one_named_graph_per_article_and_one_for_descriptions(ingested, store):
    assert main(["load", str(ingested), "--store", store.store]) == 0
    once = triples(store)
    assert main(["load", str(ingested), "--store", store.store]) == 0
    assert triples(store) == once
    graphs = ask_endpoint(store.url, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }").rows
    manifest = json.loads((ingested / "manifest.json").read_text())
    assert sorted(r["g"] for r in graphs) == sorted([a["iri"] for a in manifest["articles"]] +
                                                    [manifest["descriptions"]["iri"]])
    assert once == described_and_own(manifest)


def described_and_own(manifest: dict) -> int:
    return manifest["descriptions"]["triples"] + sum(a["triples"] for a in manifest["articles"])


def test_a_bulk_load_sends_the_dataset_in_one_request_and_gives_the_same_store(ingested, store, tmp_path):
    assert main(["load", str(ingested), "--store", store.store]) == 0
    per_graph = ask_endpoint(store.url, "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }").rows
    bulk = Oxigraph(None, tmp_path / "bulk", union=True)
    counting = GraphStore(status=204, accept=None)
    try:
        assert main(["load", str(ingested), "--store", bulk.store, "--bulk"]) == 0
        by_bulk = ask_endpoint(bulk.url, "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }").rows
        assert main(["load", str(ingested), "--store", bulk.store, "--bulk", "--param", "no_transaction"]) == 0
        again = ask_endpoint(bulk.url, "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }").rows
        assert main(["load", str(ingested), "--store", counting.url, "--bulk"]) == 0
    finally:
        bulk.stop()
        counting.stop()
    key = lambda r: tuple(sorted(r.items()))  # noqa: E731
    assert sorted(per_graph, key=key) == sorted(by_bulk, key=key) == sorted(again, key=key)
    assert counting.puts == [("", "")]  # one PUT of an empty dataset clears the store
    assert counting.posts == [("", (ingested / "graph.trig").stat().st_size)]  # one POST sends it all


def test_a_changed_article_replaces_its_graph(ingested, store, tmp_path):
    copy = tmp_path / "out"
    shutil.copytree(ingested, copy)
    assert main(["load", str(copy), "--store", store.store]) == 0
    manifest = json.loads((copy / "manifest.json").read_text())
    first = manifest["articles"][0]
    (copy / first["file"]).write_text(f"<{first['iri']}> <https://schema.org/headline> \"Changed\" .\n")
    assert main(["load", str(copy), "--store", store.store]) == 0
    got = ask_endpoint(store.url, f"SELECT ?p ?o WHERE {{ GRAPH <{first['iri']}> {{ ?s ?p ?o }} }}").rows
    assert got == [{"p": "https://schema.org/headline", "o": "Changed"}]


def test_basic_auth_and_bearer_tokens_are_sent(ingested):
    basic = "Basic " + base64.b64encode(b"ana:secret").decode()
    server = GraphStore(status=401, accept=basic)
    try:
        assert main(["load", str(ingested), "--store", server.url, "--user", "ana", "--password", "secret"]) == 0
    finally:
        server.stop()
    server = GraphStore(status=401, accept="Bearer t0k3n")
    try:
        assert main(["load", str(ingested), "--store", server.url, "--token", "t0k3n"]) == 0
        assert all(auth == "Bearer t0k3n" for _, auth in server.puts)
    finally:
        server.stop()


@pytest.mark.parametrize("status, words", [(401, "refused with HTTP 401"), (500, "HTTP 500")])
def test_a_store_that_refuses_is_reported_and_the_exit_code_is_1(ingested, capsys, status, words):
    server = GraphStore(status=status)
    try:
        assert main(["load", str(ingested), "--store", server.url]) == 1
    finally:
        server.stop()
    err = capsys.readouterr().err
    assert words in err and "0 graphs were loaded" in err and "running the load again completes it" in err
    assert len(server.puts) == 1  # it stopped at the first refusal


def test_a_store_that_is_not_there_is_reported(ingested, capsys):
    assert main(["load", str(ingested), "--store", f"http://127.0.0.1:{free_port()}/store"]) == 1
    assert "cannot connect (connection refused)" in capsys.readouterr().err


def test_a_store_that_dies_during_the_load_is_reported_and_a_second_load_completes_it(ingested, store, capsys):
    dying = GraphStore(status=204, accept=None, crash_after=2)
    try:
        assert main(["load", str(ingested), "--store", dying.url]) == 1
    finally:
        dying.stop()
    articles = json.loads((ingested / "manifest.json").read_text())["articles"]
    err = capsys.readouterr().err
    assert "the connection dropped before the store answered" in err
    assert f"2 graphs were loaded and {len(articles) + 1 - 2} not" in err  # the descriptions graph first
    assert main(["load", str(ingested), "--store", store.store]) == 0  # the store is back: load again
    assert triples(store) == described_and_own(json.loads((ingested / "manifest.json").read_text()))


def test_validate_reports_violations_a_person_can_act_on(ingested, tmp_path, capsys):
    assert main(["validate", str(ingested)]) == 0
    copy = tmp_path / "out"
    shutil.copytree(ingested, copy)
    bad = next((copy / "articles").iterdir())
    bad.write_text(bad.read_text().replace("schema:headline", "schema:alternativeHeadline", 1))
    assert main(["validate", str(copy)]) == 1
    out = capsys.readouterr().out
    assert f"{bad.name}: https://w3id.org/conflict-kg/id/article/" in out
    assert "an article needs exactly one headline" in out


def test_a_damaged_output_folder_is_reported_not_loaded_half_blind(ingested, tmp_path, capsys):
    copy = tmp_path / "out"
    shutil.copytree(ingested, copy)
    manifest = json.loads((copy / "manifest.json").read_text())
    (copy / manifest["articles"][1]["file"]).unlink()
    server = GraphStore(status=204, accept=None)
    try:
        assert main(["load", str(copy), "--store", server.url]) == 1
        assert f"{manifest['articles'][1]['file']}: cannot read (No such file or directory)" in capsys.readouterr().err
        (copy / "manifest.json").write_text("{not json")
        assert main(["load", str(copy), "--store", server.url]) == 1
        assert "manifest.json: not a manifest written by this version of ingest" in capsys.readouterr().err
    finally:
        server.stop()
