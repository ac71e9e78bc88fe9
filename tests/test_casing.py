"""Wire copy in capitals is parsed from a cased copy, and keeps its own characters."""

from pipeline import casing
from pipeline.extract import extract
from pipeline.sources import make_article

WIRE = ("SAN JOSE, 16 OCT 89 (DPA) -- THE FMLN ALSO CATEGORICALLY REJECTED THE GOVERNMENT'S CEASE-FIRE PROPOSAL. "
        "NICARAGUAN PRESIDENT DANIEL ORTEGA MET WITH THE ARMY COMMANDERS IN MANAGUA ON 22 OCTOBER.")


def test_the_cased_copy_has_the_same_length_names_and_acronyms():
    copy = casing.cased(WIRE)
    assert len(copy) == len(WIRE) and copy.upper() == WIRE.upper()
    assert "FMLN" in copy and "DPA" in copy  # acronyms stay
    assert "Nicaraguan" in copy and "Managua" in copy and "22 October" in copy  # names and a date's month
    assert "rejected" in copy and "army commanders" in copy  # common words are lower case


def test_mixed_case_text_is_not_touched(nlp):
    text = "Kenyan police fired tear gas at protesters in Nairobi."
    assert not casing.shouting(text)
    assert casing.parse(nlp, text).to_json() == nlp(text).to_json()


def test_the_parse_of_the_copy_is_on_the_original_characters(nlp):
    doc = casing.parse(nlp, WIRE)
    assert doc.text == WIRE
    assert any(t.text == "REJECTED" and t.pos_ == "VERB" for t in doc)
    assert any(e.text == "FMLN" for e in doc.ents)


def test_events_and_mentions_of_capitals_copy_keep_its_text(nlp):
    article = make_article("wire", WIRE, WIRE.encode())
    facts = extract(casing.parse(nlp, article.nlp_text), article)
    reject = next(e for e in facts.events if e.plover == "REJECT")
    assert reject.trigger.text == "REJECTED"
    assert any(m.text == "FMLN" for k in reject.sources for m in facts.entity(k).mentions)
    assert all(article.text[m.start:m.end] == m.text for e in facts.entities for m in e.mentions)


def test_a_long_word_that_is_no_english_word_is_cased_as_a_name(nlp):
    text = "ANOTHER FMLN LEADER SHAFICK HANDAL POINTED OUT THAT THE PROPOSALS WERE UNACCEPTABLE."
    copy = casing.cased(text, casing.english_words(nlp))
    assert "Shafick Handal" in copy and "proposals were unacceptable" in copy
