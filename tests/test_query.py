"""Every query of the library, run in-process over the output folder and against a real
Oxigraph server loaded by `conflict-kg load`: same rows both ways, and the right answer."""

import json

import pytest

from pipeline.cli import main
from pipeline.query import ask_endpoint, ask_store, open_folder, render
from tests.conftest import ROOT
from tests.servers import Oxigraph

QUERIES = sorted((ROOT / "queries").glob("*.rq"))
LOCAL_ONLY = {"wikidata_federated.rq"}  # needs Wikidata; run against the fixture server below
FIXTURE = ROOT / "tests" / "fixtures" / "wikidata.ttl"


@pytest.fixture(scope="module")
def loaded(ingested, tmp_path_factory):
    server = Oxigraph(None, tmp_path_factory.mktemp("store"), union=True)
    assert main(["load", str(ingested), "--store", server.store]) == 0
    yield server
    server.stop()


@pytest.fixture(scope="module")
def local(ingested):
    return open_folder(ingested)


LISTS = {"actors", "places", "with", "candidates"}  # GROUP_CONCAT: SPARQL leaves their order open


def cell(name, value):
    if name not in LISTS:
        return value
    sep = " " if name == "candidates" else ", "
    return sep.join(sorted(value.split(sep)))


def rows(answer):
    return sorted(tuple(cell(v, r.get(v, "")) for v in answer.variables) for r in answer.rows)


def test_the_library_has_at_least_ten_documented_queries():
    assert len(QUERIES) >= 10
    for q in QUERIES:
        head = q.read_text().splitlines()
        assert head[0].startswith("# Question:") and any(l.startswith("# Answer shape:") for l in head), q.name


@pytest.mark.parametrize("path", [q for q in QUERIES if q.name not in LOCAL_ONLY], ids=lambda p: p.stem)
def test_a_query_gives_the_same_rows_in_process_and_on_the_loaded_store(path, local, loaded):
    sparql = path.read_text()
    here, there = ask_store(local, sparql), ask_endpoint(loaded.url, sparql)
    assert here.variables == there.variables
    assert rows(here) == rows(there)
    assert here.rows, f"{path.name} found nothing on the seed"


def answer(local, name):
    return ask_store(local, (ROOT / "queries" / name).read_text()).rows


def test_directed_events_say_who_did_what_to_whom_and_according_to_whom(local):
    got = {(r["code"], r["sourceName"], r["targetName"], r.get("saidBy", "")) for r in answer(local, "directed_events.rq")}
    assert ("SUPPORT", "Russia", "Bashar Assad", "") in got
    assert ("ACCUSE", "Mevlut Cavusoglu", "Bashar Assad", "Mevlut Cavusoglu") in got


def test_who_supports_whom(local):
    got = {(r["supporter"], r["supported"]) for r in answer(local, "who_supports_whom.rq")}
    assert {("Russia", "Bashar Assad"), ("Turkey", "Syria: rebels"), ("Russia", "Syria: government")} <= got


def test_ceasefire_calls_carry_actors_date_and_speaker(local):
    got = answer(local, "ceasefire_calls.rq")
    assert {r["actor"] for r in got if r.get("date") == "2016-12-01" and r.get("accordingTo") == "Mevlut Cavusoglu"
            and r["code"] == "AGREE"} == {"Turkey", "Russia"}


def test_quotes_by_person_lists_the_persons_quotes_in_order(local):
    got = [r["quote"] for r in answer(local, "quotes_by_person.rq")]
    assert got[0].startswith("We are in agreement") and any(q.startswith("Our president") for q in got)
    assert not any("cleared of terrorists" in q for q in got)  # Lavrov's words


def test_casualty_figures_say_who_claims_them(local):
    got = {(r["what"], r.get("value", ""), r.get("min", ""), r["approximate"], r.get("claimedBy", ""))
           for r in answer(local, "casualty_figures.rq")}
    assert ("deaths", "600000", "", "false", "Mevlut Cavusoglu") in got
    assert ("displaced", "", "10000", "true", "") in got


def test_events_in_a_country_include_its_cities(local):
    got = {(r["class"], r["placeName"], r.get("date", "")) for r in answer(local, "events_in_place.rq")}
    assert ("Displacement", "Aleppo", "2016-11-26") in got


def test_opposing_sides_are_the_backers_of_the_two_fighting_sides(local):
    got = {(r["backerA"], r["sideA"], r["backerB"], r["sideB"]) for r in answer(local, "opposing_sides.rq")}
    assert ("Russia", "Bashar Assad", "Turkey", "Syria: rebels") in got


def test_an_actors_timeline_has_its_dated_events(local):
    got = answer(local, "actor_timeline.rq")
    assert any(r.get("date") == "2016-12-01" and r["what"] == "AGREE" and r["role"] == "source" for r in got)


def test_articles_mentioning_an_actor_count_the_mentions(local):
    got = answer(local, "articles_mentioning.rq")
    assert got[0]["headline"].startswith("Turkey, Russia wants") and int(got[0]["mentions"]) >= 10


def test_the_review_list_holds_unlinked_entities_only_with_the_reason(local):
    got = {r["label"]: r for r in answer(local, "unlinked_entities.rq")}
    assert "Mevlut Cavusoglu" in got and "no Wikidata candidate" in got["Mevlut Cavusoglu"]["why"]
    assert "Turkey" not in got and "Russia" not in got


def test_claims_by_speaker_keep_statements_apart_from_facts(local):
    got = {(r["speaker"], r["what"]) for r in answer(local, "claims_by_speaker.rq")}
    assert ("Sergey Lavrov", "SUPPORT") in got and ("Mevlut Cavusoglu", "ACCUSE") in got


def test_the_federated_query_joins_our_graph_with_wikidata(local, tmp_path):
    wikidata = Oxigraph(FIXTURE, tmp_path)  # stands in for query.wikidata.org
    try:
        sparql = (ROOT / "queries" / "wikidata_federated.rq").read_text()
        got = ask_store(local, sparql.replace("https://query.wikidata.org/sparql", wikidata.url)).rows
    finally:
        wikidata.stop()
    turkey = next(r for r in got if r["label"] == "Turkey")
    assert turkey["capital"] == "Ankara" and turkey["headOfState"] == "Recep Tayyip Erdoğan"


def test_the_command_prints_tables_csv_and_json(ingested, capsys):
    assert main(["query", str(ROOT / "queries" / "opposing_sides.rq"), "--data", str(ingested),
                 "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "backerA,sideA,backerB,sideB,fights"
    assert main(["query", "--sparql", "ASK { ?s ?p ?o }", "--data", str(ingested), "--format", "json"]) == 0
    assert '"answer": "true"' in capsys.readouterr().out
    assert main(["query", "--sparql", "SELEKT nonsense", "--data", str(ingested)]) == 1
    assert "error:" in capsys.readouterr().err


def test_render_aligns_a_table():
    from pipeline.query import Answer
    text = render(Answer(["a", "bb"], [{"a": "1", "bb": "2"}]), "table")
    assert text.splitlines() == ["a | bb", "--+---", "1 | 2 ", "(1 rows)"]


def test_a_missing_folder_is_a_clear_error(tmp_path, capsys):
    assert main(["query", "--sparql", "ASK {}", "--data", str(tmp_path / "nope")]) == 1
    assert "graph.trig: not found" in capsys.readouterr().err


def test_a_library_query_runs_by_name_with_a_bound_actor(ingested, capsys):
    assert main(["query", "actor_timeline", "--data", str(ingested), "--format", "json",
                 "--bind", "actor=wd:Q43"]) == 0
    turkey = json.loads(capsys.readouterr().out)["rows"]
    assert turkey and any(r["what"] == "SUPPORT" and r["role"] == "source" for r in turkey)
    assert main(["query", "actor_timeline", "--data", str(ingested), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["rows"] != turkey  # the default actor is another


def test_a_bound_speaker_is_a_literal_and_quotes_in_it_cannot_break_the_query(ingested, capsys):
    assert main(["query", "quotes_by_person", "--data", str(ingested), "--format", "json",
                 "--bind", "speaker=Sergey Lavrov"]) == 0
    assert any("cleared of terrorists" in r["quote"] for r in json.loads(capsys.readouterr().out)["rows"])
    assert main(["query", "quotes_by_person", "--data", str(ingested), "--format", "json",
                 "--bind", 'speaker=x" } ?q ?p ?o . { "']) == 0
    assert json.loads(capsys.readouterr().out)["rows"] == []


@pytest.mark.parametrize("given, says", [
    (["--bind", "actor=<http://example.org/a b>"], "not a valid IRI"),
    (["--bind", "actor=wd:Q43>"], "is not a plain local name"),
    (["--bind", "nobody=wd:Q43"], "the query has no `VALUES ?nobody { ... }` to bind (it takes: actor)"),
    (["--bind", "actor"], "write NAME=VALUE"),
])
def test_a_bind_that_does_not_fit_is_a_clear_error(ingested, capsys, given, says):
    assert main(["query", "actor_timeline", "--data", str(ingested), *given]) == 1
    assert says in capsys.readouterr().err


def test_an_unknown_query_name_lists_the_library(ingested, capsys):
    assert main(["query", "no_such_query", "--data", str(ingested)]) == 1
    err = capsys.readouterr().err
    assert "no_such_query: no such file, and no library query of that name" in err and "actor_timeline" in err


@pytest.mark.parametrize("path", QUERIES, ids=lambda p: p.stem)
def test_a_sparql_client_reading_a_library_query_sees_a_query_not_an_update(path):
    from SPARQLWrapper import SPARQLWrapper
    client = SPARQLWrapper("http://127.0.0.1:1/query")
    client.setQuery(path.read_text())  # as the notebook and users' scripts do, comments and all
    assert not client.isSparqlUpdateRequest(), client.queryType


def test_comments_that_look_like_update_keywords_do_not_turn_a_query_into_an_update(loaded):
    sparql = "# copy, load, add: words of a comment\nSELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    assert int(ask_endpoint(loaded.url, sparql).rows[0]["n"]) > 0


def test_the_command_parses_the_folder_once_and_the_next_query_reads_the_store_kept_beside_it(tmp_path):
    import shutil

    from pipeline.query import CACHE
    from tests.conftest import SEEDS
    out = tmp_path / "out"
    args = ["ingest", str(SEEDS), "--out", str(out), "--offline", "--cache", str(tmp_path / "c")]
    assert main(args) == 0
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    first = ask_store(open_folder(out, keep=True), count).rows
    stamp = (out / CACHE / "STAMP").read_text()
    assert ask_store(open_folder(out, keep=True), count).rows == first == ask_store(open_folder(out), count).rows
    assert (out / CACHE / "STAMP").read_text() == stamp
    extra = tmp_path / "more"
    extra.mkdir()
    shutil.copy(ROOT / "tests" / "fixtures" / "articles" / "012_ethiopia_ogaden_onlf_clashes_2009.txt", extra)
    assert main(["ingest", str(extra), *args[2:]]) == 0  # graph.trig changes: the store is rebuilt
    assert int(ask_store(open_folder(out, keep=True), count).rows[0]["n"]) > int(first[0]["n"])


def test_a_folder_where_the_store_cannot_be_kept_is_queried_from_memory(ingested, tmp_path):
    import shutil

    from pipeline.query import CACHE
    out = tmp_path / "out"
    shutil.copytree(ingested, out, ignore=shutil.ignore_patterns(f"{CACHE}*"))
    (out / f"{CACHE}.lock").mkdir()  # cannot be opened as the build lock
    assert ask_store(open_folder(out, keep=True), "ASK { ?s ?p ?o }").rows == [{"answer": "true"}]
    assert not (out / CACHE).exists()
