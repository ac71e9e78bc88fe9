from tests.conftest import names


def speakers(facts):
    return [(q.span.text, facts.entity(q.speaker).name if q.speaker else None) for q in facts.quotes]


def test_the_speaker_is_the_subject_of_the_reporting_verb_before_or_after(read):
    facts = read("Sergey Lavrov met Mevlut Cavusoglu.\n\n“Our views on Assad are known,” said Cavusoglu. "
                 "Lavrov said the city must be “cleared of terrorists.”")
    assert speakers(facts) == [("Our views on Assad are known,", "Mevlut Cavusoglu"),
                               ("cleared of terrorists.", "Sergey Lavrov")]


def test_an_unattributed_quotation_continues_the_previous_speaker_of_its_paragraph(read):
    facts = read("Mevlut Cavusoglu spoke. “Our views are known,” said Cavusoglu. “We know that the war "
                 "must end.”")
    assert speakers(facts)[1] == ("We know that the war must end.", "Mevlut Cavusoglu")


def test_a_quotation_left_open_runs_to_the_end_of_its_paragraph(read):
    facts = read("Sergey Lavrov said, “We are in agreement that a cease-fire is needed.\n\nNext paragraph.")
    assert speakers(facts) == [("We are in agreement that a cease-fire is needed.", "Sergey Lavrov")]


def test_of_two_reporting_verbs_the_one_governing_the_quotation_wins(read):
    facts = read("Mevlut Cavusoglu said Turkey wanted cooperation while Sergey Lavrov said the two sides agreed "
                 "that the “normalization must be achieved fast.”")
    assert speakers(facts) == [("normalization must be achieved fast.", "Sergey Lavrov")]
    assert names(facts, []) == set()
