from rdflib import Graph
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from pipeline.vocab import CKG
from tests.conftest import ROOT

ONTOLOGY = Graph().parse(ROOT / "ontology/conflict.ttl")


def test_every_term_the_code_uses_is_defined_with_a_label_and_a_definition():
    for name in CKG.__annotations__:
        term = CKG[name]
        assert (term, RDFS.label, None) in ONTOLOGY, name
        assert (term, SKOS.definition, None) in ONTOLOGY, name


def test_every_event_class_states_its_plover_mapping_or_that_plover_lacks_it():
    events = set(ONTOLOGY.transitive_subjects(RDFS.subClassOf, CKG.ConflictEvent)) - {CKG.ConflictEvent}
    assert len(events) == 19
    for cls in events:
        assert (cls, CKG.ploverCode, None) in ONTOLOGY or (cls, RDFS.comment, None) in ONTOLOGY, cls


def test_the_ontology_is_versioned():
    onto = next(ONTOLOGY.subjects(RDF.type, OWL.Ontology))
    assert ONTOLOGY.value(onto, OWL.versionIRI) and ONTOLOGY.value(onto, OWL.versionInfo)
