from tests.conftest import names


def triggered_sources(facts, word):
    return next(e.sources for e in facts.events if e.trigger.text == word)


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


def test_every_wire_quotation_convention_is_a_quotation():
    from pipeline.extract.quotes import quote_spans
    for text, words in [("He said ``we will fight on'' and left.", "we will fight on"),
                        ("Il a ajouté «nous resterons» hier.", "nous resterons"),
                        ("Er sagte „wir bleiben“ dazu.", "wir bleiben"),
                        ("“We will not,” he said of the ‘so-called’ talks.", "We will not,")]:
        assert [q.span.text for q in quote_spans(text)] == [words]


def test_a_quotation_over_several_paragraphs_keeps_its_speaker(read):
    facts = read("The minister Ahmed Ali said: “We will not leave the city.\n"
                 "“We will defend it street by street, and we will win.”\n")
    assert len(facts.quotes) == 2 and facts.quotes[0].speaker and facts.quotes[1].speaker == facts.quotes[0].speaker


def test_the_speaker_is_the_person_a_subject_names_in_apposition_or_the_clause_of_a_participle(read):
    facts = read('Human Rights Watch\'s Asia director, Brad Adams, remarked: "The military\'s assault on rights '
                 'has grown."\nJohn Kerry expressed awareness of the gesture, stating "We know it comes from '
                 'the movie."')
    speakers = [facts.entity(q.speaker).name if q.speaker else None for q in facts.quotes]
    assert speakers == ["Brad Adams", "John Kerry"]


def test_a_participle_the_parser_hangs_on_the_object_still_speaks_for_the_clauses_subject(read):
    facts = read('Afghan President Hamid Karzai criticized last week\'s attack saying the U.S. is losing the "moral" '
                 'battle with Afghanistan.')
    assert speakers(facts) == [("moral", "Hamid Karzai")]
    report = read('Israel denied a report saying its jets had "struck a convoy".')
    assert speakers(report) == [("struck a convoy", None)]  # the report says it, not Israel


def test_he_said_is_the_person_who_was_the_subject_before_not_the_one_met(read):
    facts = read('Abbas met Netanyahu in Jerusalem on Monday. "We will not accept any more settlements," he said.')
    assert speakers(facts) == [("We will not accept any more settlements,", "Abbas")]


def test_a_quotation_standing_alone_after_a_persons_sentence_is_that_persons(read):
    facts = read('Barack Obama offered his own interpretation of the gesture on Facebook. "Raising three '
                 'fingers has become a symbol." Protests continued.')
    assert [facts.entity(q.speaker).name for q in facts.quotes] == ["Barack Obama"]


def test_a_surname_the_model_leaves_untagged_still_names_the_speaker(read):
    facts = read('Kenyan minister William Ruto dismissed the claims. "The people making these allegations '
                 'should shut up," said Ruto.')
    assert [facts.entity(q.speaker).name for q in facts.quotes] == ["William Ruto"]


def test_a_quotation_after_a_sentence_about_a_person_being_asked_is_their_answer(read):
    facts = read('General David Petraeus spoke in Tampa on Sunday. Petraeus was asked if Americans should '
                 'prepare for significant losses. "They will be tough. They were tough in Iraq."')
    assert speakers(facts) == [("They will be tough. They were tough in Iraq.", "David Petraeus")]


def test_a_victim_named_in_a_passive_is_no_speaker(read):
    facts = read('Ahmed Ali was shot dead by soldiers in Kabul on Tuesday. "We will not forget this."')
    assert speakers(facts) == [("We will not forget this.", None)]


def test_a_surname_two_people_share_names_neither(read):
    facts = read('Kenyan ministers William Ruto and Mary Ruto dismissed the claims. "The people making these '
                 'allegations should shut up," said Ruto.')
    assert [q.speaker for q in facts.quotes] == [None]


def test_a_quotation_a_colon_introduces_is_said_by_the_subject_before_the_colon(read):
    facts = read("China's foreign ministry released a statement on Wednesday that urged a return to talks: "
                 '"We believe that peace on the Korean peninsula is in the interest of all parties."\n'
                 'The rebels issued a warning: "We will attack the capital."')
    assert [facts.entity(q.speaker).code for q in facts.quotes] == ["CHNGOV", "REB"]


def test_words_quoted_as_what_someone_calls_for_are_theirs_but_not_words_they_are_criticised_for(read):
    facts = read("Mugabe accused British Prime Minister Gordon Brown of interfering, after Brown called for "
                 '"free and fair elections" on Friday.\nShafik had received criticism for his "inadequate vision".')
    assert [facts.entity(q.speaker).name if q.speaker else None for q in facts.quotes] == ["Gordon Brown", None]


def test_of_two_subjects_the_parser_gives_a_reporting_verb_the_named_person_speaks(read):
    facts = read('Nurta Hussein, another resident said: "We were woken up by the explosions at 2 a.m."')
    assert facts.entity(facts.quotes[0].speaker).name == "Nurta Hussein"


def test_the_person_named_at_the_end_of_a_title_subject_speaks(read):
    facts = read('"We have received reports of the killing of one journalist," said spokesperson for the United '
                 'Nations High Commissioner for Human Rights, Rupert Colville.')
    assert facts.entity(facts.quotes[0].speaker).name == "Rupert Colville"


def test_a_letters_words_are_its_senders_and_a_relatives_words_are_not_the_relatives(read):
    facts = read('Kerry received a letter from Iranian President Hassan Rouhani on Sunday: "We are ready to '
                 'negotiate."\n"We will never forgive this crime," said a cousin of the murdered journalist, '
                 'Daniel Pearl.')
    speakers = [facts.entity(q.speaker).name if q.speaker else None for q in facts.quotes]
    assert speakers[0] == "Hassan Rouhani" and speakers[1] != "Daniel Pearl"


def test_a_report_and_it_that_stands_for_a_report_quote_its_issuer(read):
    facts = read('A classified European Union report says Israel is pursuing the annexation of east Jerusalem. '
                 'It says policies "are undermining prospects for a Palestinian state." '
                 'The report says "settlement activity" continues.')
    assert speakers(facts) == [("are undermining prospects for a Palestinian state.", "European Union"),
                               ("settlement activity", "European Union")]


def test_words_chanted_or_shouted_are_quoted_from_whoever_chants_them(read):
    facts = read('The protesters chanted, "Down, down with Mubarak." Protesters chanted slogans against the army.')
    assert [s for _, s in speakers(facts)] == ["opposition"]
    assert [e.plover for e in facts.events] == ["PROTEST"]  # chanting slogans is still protest, not a statement


def test_the_spokesman_is_the_spokesman_named_before(read):
    facts = read('"It is going smoothly," said Abdourahim Said Bakar, a government spokesman. Bacar fled. '
                 '"We hope to have the problem resolved," the government spokesman said.')
    assert [s for _, s in speakers(facts)] == ["Abdourahim Said Bakar", "Abdourahim Said Bakar"]


def test_she_with_no_one_named_since_the_last_quotation_of_a_person_is_that_person(read):
    facts = read('Standing alongside President Nicolas Sarkozy, Betancourt said, "I cry with joy." She was greeted by '
                 'the First Lady, Carla Bruni-Sarkozy. "I owe everything to you," she said, thanking France. '
                 'She added, "France is my home."')
    assert [s for _, s in speakers(facts)] == ["Betancourt", "Betancourt", "Betancourt"]


def test_words_quoted_without_a_verb_of_saying_are_the_subjects_of_the_verb_they_hang_from(read):
    facts = read('A United Nations report was published on Monday. The report advises sanctions against people '
                 'involved in "settlement activity". Ahmed Shafik had received criticism for his "inadequate vision".')
    assert [s for _, s in speakers(facts)] == ["United Nations", None]  # not the people involved, nor Shafik


def test_the_organization_that_speaks_is_the_body_named_before(read):
    facts = read("Reporters Without Borders condemned the killing. The whereabouts of a second reporter are unknown. "
                 "His family has appealed for help. “It is unacceptable that journalists do the job of the police,” "
                 "the organization said.")
    assert [s for _, s in speakers(facts)] == ["Reporters Without Borders"]


def test_single_marks_quote_in_a_paragraph_with_no_double_ones_but_apostrophes_do_not(read):
    facts = read("'The operation is going to plan,' the spokesman Ali Said said. The rebels' demands were rejected "
                 "in the '90s, and Israel’s army didn’t fire.")
    assert speakers(facts) == [("The operation is going to plan,", "Ali Said")]
    nested = read('Ali Said said, "We call it the \'final phase\' of the war."')
    assert speakers(nested) == [("We call it the 'final phase' of the war.", "Ali Said")]


def test_an_office_or_an_abbreviated_title_refers_back_to_the_person_who_holds_it(read):
    facts = read('Gen. David Petraeus visited Kabul. "This is the start," the general said. John Smith, chairman '
                 'of the committee, opened the session. "We will vote today," the chairman said.')
    assert [s for _, s in speakers(facts)] == ["David Petraeus", "John Smith"]


def test_a_title_with_its_own_modifiers_or_of_phrase_is_not_someone_else_with_that_title(read):
    facts = read('Interior Minister Ahmed Habib spoke first. Foreign Minister Samir Fahmy spoke next. "We will act," '
                 'the interior minister said.\n\nCIA Director Leon Panetta arrived. "Eleven people died," the director '
                 'of the hospital said.')
    assert [s for _, s in speakers(facts)] == ["Ahmed Habib", None]


def test_the_group_is_the_group_just_described_and_the_organization_is_no_ministry(read):
    facts = read('Amnesty International accused the Egyptian Interior Ministry of torture. "Detainees were beaten," '
                 'the organization said.')
    assert [s for _, s in speakers(facts)] == ["Amnesty International"]
    group = read("The European Union imposed sanctions on Iran. A group of protesters gathered outside the embassy. "
                 "The group attacked the police.")
    assert "European Union" not in names(group, triggered_sources(group, "attacked"))


def test_the_writers_scare_quotes_are_nobodys_words(read):
    facts = read('Troops killed 12 people in the so-called "triangle of death". Hamas fighters attacked a patrol near '
                 'the "security fence".')
    assert [s for _, s in speakers(facts)] == [None, None]


def test_apostrophes_inside_a_single_marked_quotation_do_not_close_it(read):
    facts = read("'The rebels' demands are unfair and the '90s are over,' said Ali Said. Villagers said troops "
                 "rounded 'em up.")
    assert speakers(facts) == [("The rebels' demands are unfair and the '90s are over,", "Ali Said")]


def test_according_to_names_the_speaker_before_or_after_the_quotation(read):
    after = read('"There is no military solution," according to the UN envoy, Staffan Lind.')
    assert speakers(after) == [("There is no military solution,", "Staffan Lind")]
    before = read("According to Maria Santos, a local official, «at least twelve houses were burned».")
    assert speakers(before) == [("at least twelve houses were burned", "Maria Santos")]
    assert before.quotes[0].confidence == 0.8
    phrase = read('At least 40 people died, according to the health ministry, in what residents called "a massacre".')
    assert speakers(phrase)[0][1] != "health ministry"  # a phrase quoted, no words the ministry said


def test_a_kind_of_speaker_named_in_apposition_is_the_person_named(read):
    facts = read('"We are being starved," said one resident, Fatima Ali, 42.')
    assert speakers(facts) == [("We are being starved,", "Fatima Ali")]


def test_a_quotation_standing_after_a_bodys_statement_is_the_bodys_but_not_after_any_act(read):
    facts = read('The Taliban released a statement on Monday. "Our fighters captured the district."')
    assert speakers(facts) == [("Our fighters captured the district.", "Taliban")]
    shelled = read('The army shelled the town on Monday. "We have nothing left."')
    assert speakers(shelled) == [("We have nothing left.", None)]
    recalled = read('The army said it had repelled the assault. "We ran when the shelling started," one villager '
                    'recalled.')
    assert speakers(recalled)[0][1] is None  # the quotation has a clause of its own around it


def test_the_one_a_channel_quotes_as_saying_is_the_speaker(read):
    facts = read('Geo TV quoted the provincial police chief, Ahmed Raza, as saying: "The attackers wore suicide '
                 'vests."')
    assert speakers(facts) == [("The attackers wore suicide vests.", "Ahmed Raza")]


def test_a_speaker_named_in_the_next_sentence_by_the_words_of_idiom(read):
    facts = read("LONDON — 'This is the darkest day for British farming in a generation.' Those were the words of "
                 "Tom Pritchard, president of the farmers' union, as the cull was extended.")
    assert speakers(facts) == [("This is the darkest day for British farming in a generation.", "Tom Pritchard")]


def test_the_brigade_is_the_brigade_named_before(read):
    facts = read("The Sabratha Martyrs Brigade said it had taken control of the coastal road. "
                 '"Our forces are advancing," the brigade wrote.')
    assert speakers(facts) == [("Our forces are advancing,", "Sabratha Martyrs Brigade")]


def test_a_surname_in_wire_copy_in_capitals_is_the_person_named_before(read):
    facts = read('TEGUCIGALPA (UPI) -- CONTRA COMMANDER RAUL ESPINOZA MET REPORTERS TODAY AT A CAMP NEAR THE BORDER. '
                 'ESPINOZA SAID: "WE WILL NOT LAY DOWN OUR ARMS WHILE THE SANDINISTAS REMAIN IN POWER."')
    assert speakers(facts)[0][1] == "RAUL ESPINOZA"


def test_she_with_no_one_named_is_the_kind_of_speaker_named_as_the_subject_before(read):
    facts = read('A White House spokeswoman pushed back on the report. "The president never said that," she said.')
    assert speakers(facts) == [("The president never said that,", "United States: government")]
    assert speakers(read('Officials met on Monday. "We agreed," he said.')) == [("We agreed,", None)]


def test_according_to_on_the_quotations_own_clause_beats_a_verb_of_saying_elsewhere(read):
    facts = read('According to Federal Reserve governor Nina Castellano, inflation is "likely to remain elevated," '
                 "though her colleague Mark Dunn has argued for earlier rate cuts.")
    assert speakers(facts) == [("likely to remain elevated,", "Nina Castellano")]
    scare = read('Shafik had received criticism for his "inadequate vision", according to the Los Angeles Times.')
    assert speakers(scare) == [("inadequate vision", None)]  # a paper's scare quotes are no one's words


def test_the_third_reviews_misfires_of_stop_20_stay_fixed(read):
    shooting = read('A gunman opened fire in a mall, killing six people. "He just kept shooting," she said.')
    assert speakers(shooting) == [("He just kept shooting,", None)]  # not the gunman
    slogan = read('Banners bore the slogan "Freedom now." The message from the government was clear.')
    assert speakers(slogan) == [("Freedom now.", None)]
    called = read('According to the United Nations, 300 people died. Netanyahu called the report "biased".')
    assert speakers(called) == [("biased", "Netanyahu")]  # the one who called it so, not the UN
