"""The CAMEO verb dictionary codes plain news sentences the trigger list never named."""

import pytest

from pipeline.extract.coder import Discards, load


@pytest.fixture(scope="module")
def code(nlp):
    coder = load()

    def run(sentence: str, verb: str):
        return coder.code(next(t for t in nlp(sentence) if t.text == verb))

    return run


@pytest.mark.parametrize("sentence, verb, plover", [
    ("Kenyan police fired tear gas at protesters.", "fired", "ASSAULT"),
    ("The envoy met the president in Doha.", "met", "CONSULT"),
    ("The army imposed a curfew on the city.", "imposed", "COERCE"),
    ("The rebels freed two hostages.", "freed", "RETREAT"),
    ("The country recalled its ambassador.", "recalled", "SANCTION"),
    ("Israel launched air strikes on Gaza.", "launched", "ASSAULT"),
])
def test_plain_sentences_get_their_plover_type_through_the_crosswalk(code, sentence, verb, plover):
    assert code(sentence, verb).plover == plover


def test_the_words_around_the_verb_decide_over_the_verb_alone(code):
    curfew = code("The army imposed a curfew on the city.", "imposed")
    assert curfew.cameo == "1723" and curfew.mode == "curfew" and curfew.by_pattern
    assert code("Two soldiers were killed in a training accident.", "killed") is None  # a [---] pattern


def test_a_pattern_of_particles_is_its_own_verbs_phrasal_verb_not_the_whole_blocks(code):
    # "- * TO [030]  # HEAD" in the OVERSEE_MANAGE block, where LEAD is a synonym of HEAD
    led = code("The killing of the militant leader led to protests in the valley.", "led")
    assert led.cameo == "060" and not led.by_pattern  # the block's own code, too vague alone to be an event
    assert code("The delegation headed to the talks.", "headed").by_pattern
    assert code("She hanged herself in her cell.", "hanged") is None  # a reflexive is no particle: [---] for all


def test_a_discard_phrase_matches_its_inflections_unless_it_must_be_a_whole_word():
    discards = Discards([{"phrase": "scored a goal", "scope": "sentence", "match": "stem"},
                         {"phrase": "scored a", "scope": "sentence", "match": "stem"},
                         {"phrase": "test match", "scope": "sentence", "match": "word"},
                         {"phrase": "world cup", "scope": "story", "match": "stem"}])
    assert discards.in_sentence("He SCORED A GOALS-worth of chances")  # a stem, in any case
    assert discards.in_sentence("She scored a  penalty")  # a shorter phrase sharing its beginning
    assert discards.in_sentence("The test match was drawn.")
    assert not discards.in_sentence("The test matches were drawn.")  # a whole word only
    assert not discards.in_sentence("a rescored attempt")  # phrases start at a word
    assert discards.in_story("before the World Cup") and not discards.in_sentence("before the World Cup")


def test_statements_are_not_events(code):
    assert code("The minister said the talks were over.", "said") is None  # CAMEO 01: no PLOVER type


def test_the_reader_codes_a_verb_the_trigger_list_lacks_and_finds_its_actors(read):
    facts = read("Kenyan police fired tear gas at protesters in Nairobi.")
    ev = next(e for e in facts.events if e.trigger.text == "fired")
    assert ev.plover == "ASSAULT" and ev.cameo and facts.entity(ev.sources[0]).code == "KENCOP"
    assert facts.entity(ev.targets[0]).code == "KENOPP"


@pytest.mark.parametrize("sentence", [
    "Witnesses described the attackers as men of a militia called Janjaweed.",  # a participle naming a noun
    "The government would impose a curfew if the protests continued.",  # hypothetical
    "Officials said the rebels tried to seize the town.",  # an attempt
])
def test_named_hypothetical_and_attempted_actions_are_not_coded(read, sentence):
    facts = read(sentence)
    assert not [e for e in facts.events if e.cameo and e.trigger.text in {"called", "impose", "seize"}]
