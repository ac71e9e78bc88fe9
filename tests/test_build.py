from rdflib import BNode, URIRef

from pipeline.build import Builder
from pipeline.vocab import CKG, NIF, RDF, SDO, WD


def test_identifiers_are_deterministic_and_there_are_no_blank_nodes(read):
    facts = read("Russia backs President Bashar Assad. “We are in agreement,” said Sergey Lavrov.")
    g1, g2 = Builder().build(facts), Builder().build(facts)
    assert set(g1) == set(g2)
    assert not any(isinstance(t, BNode) for triple in g1 for t in triple)


def test_linked_entities_use_the_wikidata_iri_and_unlinked_ones_a_name_hash(read):
    facts = read("Russia backs President Bashar Assad.")
    g = Builder("https://example.org/kg/").build(facts)
    assert (WD.Q159, RDF.type, CKG.State) in g
    assad = [s for s in g.subjects(RDF.type, CKG.Person)]
    assert assad and all(str(s).startswith("https://example.org/kg/entity/bashar-assad-") for s in assad)


def test_every_mention_slices_the_context_string_exactly(read):
    facts = read("Turkey supports rebel factions fighting to topple President Bashar Assad.")
    g = Builder().build(facts)
    text = str(next(g.objects(None, NIF.isString)))
    phrases = list(g.subjects(RDF.type, NIF.Phrase))
    assert phrases
    for m in phrases:
        b, e = int(g.value(m, NIF.beginIndex)), int(g.value(m, NIF.endIndex))
        assert text[b:e] == str(g.value(m, NIF.anchorOf))
        assert str(m).endswith(f"#char={b},{e}")


def test_the_article_carries_headline_and_the_run_that_made_it(read):
    g = Builder(model="en_core_web_sm-3.8.0").build(read("Russia backs President Bashar Assad."))
    art = next(g.subjects(RDF.type, SDO.NewsArticle))
    assert isinstance(art, URIRef) and g.value(art, SDO.headline) is not None
    run = g.value(art, URIRef("http://www.w3.org/ns/prov#wasGeneratedBy"))
    assert g.value(run, CKG.model).toPython() == "en_core_web_sm-3.8.0"


def test_a_huge_article_built_window_by_window_gives_the_same_triples_in_parts_that_do_not_overlap(read):
    from pipeline.extract import by_window, windows
    facts = read("Russia backs President Bashar Assad. Turkey supports rebel factions.\n\n"
                 "“We are in agreement,” said Sergey Lavrov. Syrian forces shelled Aleppo on Monday, "
                 "killing 12 people.\n\nRussia and Turkey want a cease-fire in Syria.")
    cuts = windows(facts.article.text, 60)
    assert len(cuts) >= 3
    parts = [set(p) for p in Builder().parts(facts, by_window(facts, cuts))]
    assert set().union(*parts) == Builder().triples(facts)
    assert sum(len(p) for p in parts) == len(Builder().triples(facts))  # no triple in two parts
