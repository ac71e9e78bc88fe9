"""Offices Wikidata says a linked person held decide their code where the actor lists cannot:
after the lists end (2015-02-17), or for a person they do not know. Served by a real Oxigraph."""

import pytest

from pipeline import casing
from pipeline.extract import extract
from pipeline.link import Linker
from pipeline.link.roles import FORMER, HELD
from pipeline.link.stores import CachedStore, Endpoint
from pipeline.sources import make_article

TALKS = "Turkish Foreign Minister Ahmet Davutoglu said on Monday that talks would go on."


@pytest.fixture
def person(oxigraph, nlp):
    linker = Linker(CachedStore(Endpoint(oxigraph.url), None))

    def run(text: str, published: str) -> object:
        article = make_article("t", text, text.encode(), published=published)
        facts = linker.link(extract(casing.parse(nlp, article.nlp_text), article))
        people = [e for e in facts.entities if e.qid in {"Q90000300", "Q90000302", "Q90000306"}]
        assert len(people) == 1, [(e.name, e.qid) for e in facts.entities]
        return people[0], facts

    return run


def test_a_person_the_lists_do_not_know_is_their_states_government_while_in_office(person):
    minister, facts = person("Nomvula Dlamini visited the troops in Pretoria on Monday.", "2017-06-12")
    assert minister.code == "ZAFGOV" and minister.code_basis == HELD
    assert facts.entity(minister.country).name == "South Africa" and minister.affiliation == minister.country
    later, _ = person("Nomvula Dlamini visited the troops in Pretoria on Monday.", "2021-06-14")
    assert later.code_basis != HELD and later.code != "ZAFGOV"  # out of office, and no state for the club


def test_a_listed_official_keeps_the_lists_role_until_they_end_and_wikidata_decides_after(person):
    then, _ = person(TALKS, "2015-01-10")
    assert then.code == "TURGOV" and then.code_basis == "actor list"
    prime_minister, _ = person(TALKS, "2016-01-10")
    assert prime_minister.code == "TURGOV" and prime_minister.code_basis == HELD
    former, _ = person(TALKS, "2020-01-10")
    assert former.code == "TURELI" and former.code_basis == FORMER  # the lists would still say TURGOV


def test_an_office_counts_for_a_country_only_and_a_deprecated_statement_not_at_all(person):
    governor, facts = person("Karen Walsh visited the troops in Atlanta on Monday.", "2020-03-02")
    assert governor.code == "USAGOV"  # Georgia, the US state, is no country; the wrong ZAF office is deprecated
    assert facts.entity(governor.country).name == "United States"


def test_an_office_wikidata_does_not_date_decides_nothing():
    from pipeline.link.roles import offices_from_rows
    rows = [{"item": "http://www.wikidata.org/entity/Q1", "state": "http://www.wikidata.org/entity/Q43",
             "stateLabel": "Turkey"},  # no start: when?
            {"item": "http://www.wikidata.org/entity/Q1", "state": "http://www.wikidata.org/entity/Q43",
             "stateLabel": "Turkey", "start": "2010-01-01T00:00:00Z",
             "end": "http://www.wikidata.org/.well-known/genid/0d1f"}]  # ended, Wikidata does not know when
    undated, unknown_end = offices_from_rows(rows)["Q1"]
    assert not undated.held_on("2020-01-01") and not unknown_end.held_on("2020-01-01")
    assert not unknown_end.ended_before("2020-01-01")
