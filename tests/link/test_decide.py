from pipeline.facts import ARMED_GROUP, CITY, NEWS_AGENCY, PERSON, PLACE, STATE, Entity
from pipeline.link import Linker, surface_forms

LINKER = Linker()


def decide(entity):
    return LINKER.resolve(entity)


def entity(name, typ, *mentions):
    from pipeline.facts import Span
    return Entity(key=f"{typ}|{name}", name=name, type=typ, mentions=[Span(0, len(m), m) for m in mentions])


def test_names_match_labels_whatever_their_diacritics_and_case():
    d = decide(entity("Recep Tayyip Erdogan", PERSON))
    assert d.qid == "Q39259" and d.label == "Recep Tayyip Erdoğan"


def test_a_wikidata_class_corrects_the_models_type():
    d = decide(entity("Daesh", PLACE, "Daesh"))
    assert (d.qid, d.type) == ("Q2429253", ARMED_GROUP)
    assert "type corrected from Place to ArmedGroup" in d.note
    assert decide(entity("Aleppo", PLACE)).type == CITY


def test_articles_and_generic_suffixes_are_dropped_to_find_a_label():
    assert ("Islamic State", 0) in surface_forms(entity("Islamic State group", ARMED_GROUP))
    assert decide(entity("The Associated Press", NEWS_AGENCY)).qid == "Q40469"


def test_an_entity_unknown_to_the_slice_stays_unlinked_with_the_reason():
    d = decide(entity("Sergey Lavrov", PERSON, "Lavrov"))
    assert d.qid is None and "no Wikidata candidate" in d.note


def test_linking_keeps_every_entity_and_sets_qid_and_wikidata_label(read):
    facts = read("Turkey and Russia want a cease-fire in Syria.")
    by_name = {e.name: e for e in facts.entities}
    assert by_name["Turkey"].qid == "Q43" and by_name["Turkey"].type == STATE
    assert Linker().link(facts).entities == facts.entities  # linking twice changes nothing
