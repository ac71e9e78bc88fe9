from rdflib import Graph

from pipeline.link.stores import Cache, iri_values, literal, retry_after, user_agent


def test_literals_round_trip_whatever_the_text():
    for text in ['Syria"} ; DROP ALL #', "back\\slash", "new\nline\ttab", "Çavuşoğlu", "\x00\x07"]:
        g = Graph().parse(data=f"<urn:s> <urn:p> {literal(text, 'en')} .", format="turtle")
        assert str(next(g.objects())) == text


def test_only_well_formed_qids_become_iris():
    assert iri_values(["Q43"]) == "<http://www.wikidata.org/entity/Q43>"
    for bad in ["Q43> } DROP ALL", "P31", "Q0"]:
        try:
            iri_values([bad])
        except ValueError:
            continue
        raise AssertionError(bad)


def test_retry_after_reads_seconds_and_http_dates():
    assert retry_after("7", 1.0) == 7.0
    assert retry_after(None, 1.5) == 1.5
    assert retry_after("Wed, 21 Oct 2015 07:28:00 GMT", 1.0) == 0.0  # in the past: go now


def test_the_cache_keys_answers_by_endpoint_and_query(tmp_path):
    cache = Cache(tmp_path / "c.sqlite")
    cache.put("https://a/sparql", "SELECT 1", [{"x": "1"}])
    assert cache.get("https://a/sparql", "SELECT 1") == [{"x": "1"}]
    assert cache.get("https://b/sparql", "SELECT 1") is None
    assert Cache(tmp_path / "c.sqlite").get("https://a/sparql", "SELECT 1") == [{"x": "1"}]


def test_the_user_agent_names_the_tool_its_version_and_a_contact():
    assert user_agent("mailto:me@example.org").startswith("conflict-kg/0.1.0 (mailto:me@example.org)")
