import pytest

from pipeline.facts import PERSON

from tests.conftest import names


def triggered(facts, word):
    """The event whose trigger is `word`."""
    found = [e for e in facts.events if e.trigger.text == word]
    assert found, f"no event triggered by {word!r} in {[e.trigger.text for e in facts.events]}"
    return found[0]


def only(facts, event_class):
    found = [e for e in facts.events if e.event_class == event_class]
    assert found, f"no {event_class} event in {[e.event_class for e in facts.events]}"
    return found[0]


def test_subject_verb_object_gives_a_directed_plover_event(read):
    facts = read("Russia backs President Bashar Assad.")
    ev = only(facts, "Support")
    assert ev.plover == "SUPPORT"
    assert names(facts, ev.sources) == {"Russia"} and names(facts, ev.targets) == {"Bashar Assad"}


def test_what_is_done_to_a_thing_is_done_to_whose_it_is_but_not_to_an_events_undergoer(read):
    facts = read("Betancourt condemned the actions of FARC. Levy praised the commitments made by Abbas and Olmert.")
    assert names(facts, triggered(facts, "condemned").targets) == {"FARC"}
    assert names(facts, triggered(facts, "praised").targets) == {"Abbas", "Olmert"}
    killing = read("Human Rights Watch condemned the killing of journalists in Pakistan.")
    assert not triggered(killing, "condemned").targets  # the killers are accused, not the journalists
    kin = read("Police arrested the son of the opposition leader. Soldiers shelled the outskirts of Damascus.")
    assert not triggered(kin, "arrested").targets and not triggered(kin, "shelled").targets  # kin, a place


def test_who_is_blamed_for_a_thing_is_the_target_of_the_blame(read):
    facts = read("The ambassador blamed the bombings on Hamas.")
    assert names(facts, triggered(facts, "blamed").targets) == {"Hamas"}
    assert [e.plover for e in facts.events] == ["ACCUSE"]  # Hamas is not what the bombings hit
    blamed_for = read("The minister blamed Israel for the attack on the convoy.")
    assert [e.plover for e in blamed_for.events] == ["ACCUSE"]
    embassy = read("India blamed the attack on the Indian embassy in Kabul on Pakistani intelligence.")
    assert [embassy.entity(k).code for k in triggered(embassy, "blamed").targets] == ["PAKSPY"]


def test_he_or_she_looks_through_the_quoted_sentences_to_the_person_named_last(read):
    facts = read('"We were held in chains," Aung San said. "The guards beat us. Nobody came. We waited for years." '
                 'She called on Ban Ki-moon to free the remaining prisoners.')
    assert names(facts, triggered(facts, "called").sources) == {"Aung San"}


def test_two_tolls_in_one_sentence_are_two_casualty_events_each_with_its_own_figure(read):
    facts = read("Forty-five were killed at the pet market in Baghdad, and 27 were killed in the Shorja market.")
    tolls = sorted(e.figure.value for e in facts.events if e.event_class == "Casualties")
    assert tolls == [27, 45]


def test_an_attack_only_feared_or_planned_is_no_attack(read):
    facts = read("Iran's fear of an attack by the United States drove its programme. The Pentagon drew up plans "
                 "for a strike by Israeli jets. Israeli jets struck a base in Syria.")
    assert [e.trigger.text for e in facts.events if e.plover == "ASSAULT"] == ["struck"]


def test_acts_joined_under_one_word_of_intent_are_all_intended(read):
    facts = read('"We are prepared to fight for our country and to go to war for it," President Mugabe said.')
    assert not [e for e in facts.events if e.plover == "ASSAULT"]
    done = read("Hamas threatened Israel and fired dozens of rockets at Tel Aviv.")
    assert "ASSAULT" in {e.plover for e in done.events}  # a threat, then an act


def test_a_death_in_an_infinitive_is_no_toll(read):
    facts = read('Susan Cohen called him a murderer who "deserved to die". He said he was about to die. '
                 'Twelve soldiers died in the attack.')
    assert [e.trigger.text for e in facts.events if e.event_class == "Casualties"] == ["died"]
    caused = read("The explosion caused at least 14 people to die.")
    assert [e.event_class for e in caused.events] == ["Casualties"]
    left = read("The rebels left three wounded soldiers to die in the desert.")
    assert not [e for e in left.events if e.event_class == "Casualties"]  # left to die: not yet dead


def test_wanting_others_to_act_is_a_request_and_wanting_to_strike_a_threat(read):
    facts = read("The opposition wants the government to release all prisoners.")
    wants = triggered(facts, "wants")
    assert wants.plover == "REQUEST" and names(facts, wants.targets) == {"government"} and wants.cameo is None
    assert [e.plover for e in read("Israel wants the UN to investigate the incident.").events] == ["REQUEST"]
    rebels = read("The rebels want to capture the capital.")
    assert [(e.trigger.text, e.plover) for e in rebels.events] == [("capture", "THREATEN")]


def test_a_light_verb_over_an_event_noun_is_not_an_event_of_its_own(read):
    talks = read("The shipping company Vela has begun negotiations with the Somali pirates.")
    assert [(e.trigger.text, e.plover) for e in talks.events] == [("negotiations", "CONSULT")]
    strikes = read("The United States began launching airstrikes on Islamic State positions on August 8.")
    assert [e.plover for e in strikes.events] == ["ASSAULT"]  # of one type: one event
    assert names(strikes, strikes.events[0].sources) == {"United States"}


def test_a_verb_and_the_event_noun_it_governs_are_one_event_with_all_their_actors(read):
    facts = read("Ethiopian troops launched an offensive against the ONLF.")
    [offensive] = facts.events
    assert offensive.plover == "ASSAULT" and names(facts, offensive.targets) == {"ONLF"}
    assert offensive.cameo == "190"  # the verb dictionary's code of 'launched' is kept


def test_meeting_resistance_is_no_meeting(read):
    facts = read("The troops met some resistance from supporters of the colonel. The envoy met President Kiir.")
    assert [e.trigger.text for e in facts.events if e.plover == "CONSULT"] == ["met"]
    assert names(facts, facts.events[-1].targets) == {"Kiir"}
    leaders = read("The UN envoy met Kurdish leaders in Erbil.")  # whom the graph does not name
    assert [e.plover for e in leaders.events] == ["CONSULT"]


def test_a_date_is_no_preposition_a_trigger_needs(read):
    facts = read('The Indian Navy destroyed what it called a pirate "mother ship" on Tuesday. '
                 'The UN called on Sudan to disarm the militias.')
    assert [(e.trigger.text, e.plover) for e in facts.events if e.plover == "REQUEST"] == [("called", "REQUEST")]
    assert names(facts, triggered(facts, "called").sources) == {"UN"}
    mourning = read("The opposition called for three days of mourning.")
    assert [e.plover for e in mourning.events] == ["REQUEST"]


def test_calling_something_dishonest_accuses_whoever_it_is(read):
    facts = read('Israeli spokesman Yigal Palmor told AFP that the EU report was "dishonest".')
    ev = triggered(facts, "dishonest")
    assert ev.plover == "ACCUSE" and names(facts, ev.sources) == {"Yigal Palmor"} and names(facts, ev.targets) == {"EU"}


def test_the_resolution_is_the_one_named_last_with_whoever_passed_it_and_baseless_claims_accuse_no_one(read):
    facts = read("The UN Security Council adopted a resolution on Syria in May. In June, a resolution by the Arab "
                 "League condemned Syria. The resolution demanded that Damascus withdraw its forces.")
    assert names(facts, triggered(facts, "demanded").sources) == {"Arab League"}
    denial = read("The ministry said the claims were baseless.")
    assert not [e for e in denial.events if e.plover == "ACCUSE"]


def test_the_report_many_sentences_on_is_still_the_one_its_issuer_released(read):
    filler = " ".join(f"Villagers in district {n} described the curfew." for n in range(8))
    facts = read(f"The United Nations released a report on Kashmir on Thursday. {filler} "
                 "The report accuses India of unlawful killings.")
    assert names(facts, triggered(facts, "accuses").sources) == {"United Nations"}


def test_he_is_the_same_person_as_the_he_before_it_and_it_after_a_report_is_its_issuer(read):
    facts = read('"We shall never accept the deal," Robert Mugabe said. "It shall never happen," he added. '
                 '"We are prepared to fight."\nHe described opposition leader Morgan Tsvangirai as "traitors".')
    assert names(facts, triggered(facts, "traitors").sources) == {"Robert Mugabe"}
    assert [facts.entity(q.speaker).name for q in facts.quotes if q.span.text == "traitors"] == ["Robert Mugabe"]
    phone = read('Obama spoke with Putin by phone. "The violence must stop," he said. He later met Merkel.')
    assert names(phone, triggered(phone, "met").sources) == {"Obama"}  # the subject before, not the one called
    report = read("The United Nations released a report on Kashmir. The report documents abuses. "
                  "It also accused India of unlawful killings.")
    assert names(report, triggered(report, "accused").sources) == {"United Nations"}
    said = read("The UN report said the army had committed abuses. It called on the government to investigate.")
    assert names(said, triggered(said, "called").sources) == {"UN"}  # not the army of what it said


def test_his_country_is_the_state_of_the_person_he_is(read):
    facts = read("Italian Minister for Defence Ignazio La Russa said Wednesday that his country will send ten "
                 "instructors.")
    send = triggered(facts, "send")
    assert send.plover == "AGREE" and names(facts, send.sources) == {"Italy"}


def test_people_reported_injured_or_killed_by_a_thing_are_casualties_each_with_its_own_toll(read):
    facts = read("At least 24 people have been reported injured in Hebron.")
    [toll] = facts.events
    assert toll.event_class == "Casualties" and (toll.figure.what, toll.figure.minimum) == ("injured", 24)
    assert not read("Floods killed 50 people in Pakistan. The heatwave has killed 30 people.").events  # no war
    blast = read("The blast killed 12 soldiers and wounded 30 others.")
    assert [(e.event_class, e.figure.what, e.figure.value) for e in blast.events] == [
        ("Casualties", "deaths", 12), ("Casualties", "injured", 30)]
    assert not any(e.sources for e in blast.events)  # not the soldiers, who are right before 'and wounded'
    bombs = read("At least 30 people were killed when two car bombs exploded.")
    assert [e.figure.minimum for e in bombs.events if e.event_class == "Casualties"] == [30]


def test_a_gerund_by_someone_is_theirs_and_their_after_a_named_force_is_that_force(read):
    shelling = read("Indiscriminate shelling by Qaddafi forces.")
    assert [names(shelling, e.sources) for e in shelling.events] == [{"Qaddafi forces"}]
    advance = read("The Peshmerga gained control of parts of the Mosul Dam, as part of their advance against "
                   "insurgents of the Islamic State.")
    assert names(advance, triggered(advance, "advance").sources) == {"Peshmerga"}


def test_criticism_someone_faces_or_draws_is_aimed_at_them(read):
    facts = read("Israel faced condemnation from the United Nations.")
    ev = triggered(facts, "condemnation")
    assert names(facts, ev.sources) == {"United Nations"} and names(facts, ev.targets) == {"Israel"}
    unnamed = read("Prime Minister Ahmed Shafik had received criticism for his attitude towards the protesters.")
    assert names(unnamed, triggered(unnamed, "criticism").targets) == {"Ahmed Shafik"}  # by critics unnamed
    turkey = read("Israel drew sharp criticism from Turkey.")  # the parser hangs "from" on "drew"
    assert names(turkey, triggered(turkey, "criticism").sources) == {"Turkey"}
    us = read("Israel faced US criticism over the settlements.")
    assert names(us, triggered(us, "criticism").sources) == {"United States"}


def test_a_toll_is_counted_once_by_the_word_that_counts_it(read):
    facts = read("Indiscriminate shelling by government forces killed 12 civilians.")
    assert [e.trigger.text for e in facts.events if e.figure is not None] == ["killed"]


def test_would_in_what_someone_said_announces_and_alone_or_under_if_is_hypothetical(read):
    said = read("The Iranian foreign minister said his country would attack Israel if provoked.")
    assert [(e.trigger.text, e.plover, names(said, e.sources)) for e in said.events] == [
        ("attack", "THREATEN", {"Iran"})]  # his country: the minister's; "if provoked" is no act
    may = read("Theresa May said her government would expel 23 Russian diplomats.")
    assert names(may, triggered(may, "expel").sources) == {"United Kingdom"}  # hers, not Russia's
    aid = read("Turkey said it would send aid to the refugees.")
    assert [e.plover for e in aid.events] == ["AGREE"]
    assert not read("Israel could attack Iran.").events


def test_a_party_the_parser_hangs_on_the_object_is_still_met_and_organizing_alone_is_no_act(read):
    facts = read("President Daniel Ortega discussed the coffee problem with Brazilian President Jose Sarney.")
    assert names(facts, triggered(facts, "discussed").targets) == {"Jose Sarney"}
    assert not read("The army commanders decided to organize the defense of Nicaragua even better.").events


def test_joint_subjects_before_an_auxiliary_both_act(read):
    facts = read("UNHCR and the Ugandan government are assisting in the transport of the bodies.")
    assert len(triggered(facts, "assisting").sources) == 2  # 'are' is their clause's, no new clause


def test_a_subject_lost_by_the_parser_is_the_actor_right_before_the_verb(read):
    facts = read("In Syria, Russia backs President Bashar Assad and Turkey supports rebel factions.")
    supports = [e for e in facts.events if e.trigger.text == "supports"][0]
    assert names(facts, supports.sources) == {"Turkey"}
    backs = [e for e in facts.events if e.trigger.text == "backs"][0]
    assert "Turkey" not in names(facts, backs.targets)


def test_a_participle_takes_the_noun_it_modifies_as_actor_and_its_complements_object_as_target(read):
    facts = read("Turkey supports rebel factions fighting to topple President Bashar Assad.")
    ev = only(facts, "Assault")
    assert ev.plover == "ASSAULT" and names(facts, ev.targets) == {"Bashar Assad"}
    assert facts.entity(ev.sources[0]).name == "rebels"


def test_a_reported_clause_is_a_claim_of_the_speaker_with_the_sentences_date(read):
    facts = read("Turkish Foreign Minister Mevlut Cavusoglu said Thursday his country and Russia want a "
                 "cease-fire in Syria.", published="2016-12-01")
    ev = only(facts, "Agree")  # the sides calling for a truce offer it (PLOVER)
    assert names(facts, ev.sources) == {"Turkey", "Russia"}
    assert facts.entity(ev.attributed_to).name == "Mevlut Cavusoglu"
    assert ev.time.value == "2016-12-01"


def test_blame_inside_a_quotation_is_the_speakers_accusation_with_the_claimed_figure(read):
    facts = read("Mevlut Cavusoglu spoke. “We know that Assad is responsible for the deaths of 600,000 people,” "
                 "said Cavusoglu.")
    ev = only(facts, "Accuse")
    assert facts.entity(ev.sources[0]).type == PERSON and names(facts, ev.targets) == {"Assad"}
    assert ev.figure.value == 600000 and ev.figure.claimed_by == ev.sources[0]


def test_displacement_and_truce_collapse_need_no_actor_and_take_the_place_of_their_clause(read):
    facts = read("The conflict has played out in the city of Aleppo, where tens of thousands have been displaced "
                 "from their homes since Saturday. Cavusoglu said a cease-fire was needed in Aleppo, where "
                 "multiple temporary truces have fallen apart.", published="2016-12-01")
    moved = only(facts, "Displacement")
    assert names(facts, moved.places) == {"Aleppo"} and moved.time.value == "2016-11-26"
    assert moved.figure.minimum == 10000 and moved.figure.approximate
    assert names(facts, only(facts, "CeasefireCollapse").places) == {"Aleppo"}


def test_we_in_an_officials_quotation_is_the_officials_state(read):
    facts = read("Turkish Foreign Minister Mevlut Cavusoglu spoke. “In general on cease-fire we are in agreement "
                 "with Russia,” said Cavusoglu.")
    ev = only(facts, "Agree")
    assert names(facts, ev.sources) == {"Turkey"} and names(facts, ev.targets) == {"Russia"}


def test_we_in_a_spokesmans_quotation_is_the_body_he_speaks_for(read):
    for text in ('"We will attack the government bases again," said Ali Dhere, a spokesman for al-Shabaab.',
                 '"We will attack the government bases again," al-Shabaab spokesman Ali Dhere said.'):
        ev = only(read(text), "Threaten")
        assert names(read(text), ev.sources) == {"al-Shabaab"}
    ev = only(read('"We will attack the bases again," said Ali Dhere, who lives in Mogadishu.'), "Threaten")
    assert ev.sources == ()  # a person named with no title: whose "we" it is, the text does not say
    facts = read('"We killed 15 militants," said Col. Ahmed Mohamed, a commander of the force fighting al-Shabaab.')
    assert "al-Shabaab" not in {n for e in facts.events for n in names(facts, e.sources)}  # whom he fights


def test_a_trigger_without_any_actor_is_not_an_event(read):
    facts = read("Humanitarian aid must be delivered soon.")
    assert facts.events == []


def test_it_in_what_a_group_says_is_that_group(read):
    facts = read("Russia said on Monday that it will support the Syrian government.")
    ev = only(facts, "Agree")  # support promised for the future is AGREE in PLOVER
    assert names(facts, ev.sources) == {"Russia"} and names(facts, ev.targets) == {"Syria: government"}


def test_an_event_takes_the_date_of_its_own_clause_not_of_another_one(read):
    facts = read("Rebels attacked the town on Monday, and the army will retake it on Friday.",
                 published="2015-03-12")
    dated = {ev.trigger.text: ev.time.value for ev in facts.events if ev.time is not None}
    assert dated.get("attacked") == "2015-03-09"
    assert dated.get("retake", "2015-03-13") == "2015-03-13"


def test_a_nominal_event_takes_the_date_of_the_clause_that_modifies_it(read):
    facts = read("A communiqué sent to news agencies by e-mail announced that a multi-front offensive launched by the "
                 "Ogaden National Liberation Front (ONLF) on November 10 is still in progress.", published="2009-11-17")
    offensive = next(ev for ev in facts.events if ev.trigger.text == "offensive")
    assert offensive.time is not None and offensive.time.value == "2009-11-10"


def test_an_undated_event_takes_the_publication_date_and_says_so(read):
    from pipeline.build import Builder
    from pipeline.vocab import CKG, SEM
    facts = read("Rebels attacked the town.", published="2015-03-12")
    g = Builder().build(facts)
    event = next(g.subjects(CKG.dateBasis, None))
    assert str(g.value(event, CKG.dateBasis)) == "publication" and str(g.value(event, SEM.hasTimeStamp)) == "2015-03-12"
    undated = Builder().build(read("Rebels attacked the town."))
    assert not list(undated.subjects(SEM.hasTimeStamp, None))  # no date known: none invented


def test_what_the_text_says_did_not_happen_is_not_an_event(read):
    facts = read("Ethiopian troops did not attack the town. Shimelis denied that government troops had attacked "
                 "the rebels. A report released on Monday said rebels attacked a convoy.")
    attacks = [e for e in facts.events if e.plover == "ASSAULT"]
    assert [e.trigger.text for e in attacks] == ["attacked"]
    assert attacks[0].trigger.start > facts.article.text.find("report")
    assert not [e for e in facts.events if e.trigger.text == "released"]  # a participle naming the report


def test_a_meeting_in_the_future_is_an_agreement_to_meet(read):
    facts = read("Iran will meet the European envoy in Vienna next week. Iran met the envoy in Geneva on Monday.",
                 published="2013-11-20")
    assert [(e.trigger.text, e.plover) for e in facts.events if e.trigger.text in {"meet", "met"}] == \
        [("meet", "AGREE"), ("met", "CONSULT")]


def test_sport_and_entertainment_code_no_events(read):
    facts = read("The striker scored a goal and Brazil defeated Argentina in the final.")
    assert facts.events == []  # a story discard of the Phoenix dictionaries
    facts = read("Rebels attacked the town. Argentina defeated Brazil in the championship in Beijing.")
    assert [e.trigger.text for e in facts.events] == ["attacked"]  # a sentence discard


def test_a_sport_phrase_deep_in_a_political_story_silences_only_its_own_sentence(read):
    facts = read("Rebels attacked the town on Monday. The army shelled rebel positions on Tuesday. Human rights "
                 "groups urged Qatar to free the workers who built stadiums for the World Cup. Police arrested "
                 "two protesters in Doha.")
    assert [e.trigger.text for e in facts.events] == ["attacked", "shelled", "arrested"]
    sport = read("Brazil won the World Cup on Sunday. Fans attacked the team bus in Rio.")
    assert sport.events == []  # a story about sport by its lead: nothing in it is coded
    match = read("Argentina beat France on penalties. Fans attacked a bus. Messi scored twice. The French goalkeeper "
                 "saved one. Mbappe scored a goal late.")
    assert match.events == []  # two sentences with a sport phrase, however late: a sport story


def test_violence_announced_for_the_future_is_a_threat(read):
    facts = read('"We will attack the town again," said the rebels. Rebels attacked the town on Monday.')
    by_trigger = {e.trigger.text: e for e in facts.events}
    assert by_trigger["attack"].plover == "THREATEN" and by_trigger["attack"].mode == "violence"
    assert names(facts, by_trigger["attack"].sources) == names(facts, by_trigger["attacked"].sources)
    assert by_trigger["attacked"].plover == "ASSAULT"


def test_a_cooperative_act_the_text_negates_is_a_refusal_and_a_pending_one_is_nothing(read):
    facts = read("The Sudanese government will not release the prisoners.")
    ev = only(facts, "Reject")
    assert ev.plover == "REJECT" and ev.mode == "yield" and names(facts, ev.sources) == {"Sudan: government"}
    pending = read("The plan has not been accepted yet by the Sudanese government.")
    assert not [e for e in pending.events if e.plover in {"REJECT", "AGREE"}]


def test_i_in_a_quotation_is_its_speaker(read):
    facts = read('"I condemn this attack on Kenyan police," said Kofi Annan.')
    ev = only(facts, "Accuse")
    assert names(facts, ev.sources) == {"Kofi Annan"}


def test_an_officials_resignation_is_a_retreat_and_sending_troops_a_mobilization(read):
    facts = read("Prime Minister Ahmed Shafik resigned on Thursday. India sent troops to the border.")
    assert {e.trigger.text: e.plover for e in facts.events} == {"resigned": "RETREAT", "sent": "MOBILIZE"}


def test_what_a_speaker_says_another_must_do_is_the_speakers_demand(read):
    facts = read('"Israel must exercise maximum restraint," said Ban Ki-moon. "We must protect civilians," he added.')
    demands = [e for e in facts.events if e.plover == "REQUEST"]
    assert len(demands) == 1 and names(facts, demands[0].sources) == {"Ban Ki-moon"}
    assert names(facts, demands[0].targets) == {"Israel"}


def test_a_threat_to_attack_is_one_threat_and_a_vow_to_retaliate_is_a_threat(read):
    facts = read("The rebels threatened to attack the capital. Russia vowed to retaliate against Georgia.")
    assert sorted((e.trigger.text, e.plover) for e in facts.events) == [("retaliate", "THREATEN"),
                                                                       ("threatened", "THREATEN")]


def test_the_country_is_the_state_named_last_and_a_cease_fire_is_no_fire(read):
    facts = read("Somalia is at war. Aid groups said the rebels withdrew their staff from the country. "
                 "Both sides agreed on a cease-fire.")
    ev = triggered(facts, "withdrew")
    assert ev.plover == "SANCTION" and names(facts, ev.targets) == {"Somalia"}
    assert not [e for e in facts.events if e.trigger.text == "fire"]


def test_they_as_a_subject_is_the_group_that_was_the_subject_before(read):
    facts = read("The rebels seized the town on Monday. They then attacked an army base.")
    ev = triggered(facts, "attacked")
    assert ev.sources and ev.sources == triggered(facts, "seized").sources


def test_a_statement_welcoming_something_is_its_issuers_act(read):
    facts = read("The foreign ministers of Germany issued a statement welcoming the efforts of France.")
    ev = only(facts, "Support")
    assert ev.sources and all(facts.entity(k).code == "DEUGOV" for k in ev.sources)


def test_the_parties_a_list_includes_are_all_targets(read):
    facts = read("Al-Shabaab has threatened other African countries, including Ethiopia, Kenya and Uganda.")
    ev = only(facts, "Threaten")
    assert {"Ethiopia", "Kenya", "Uganda"} <= names(facts, ev.targets)


def test_a_warning_about_a_party_targets_it_and_the_country_is_not_the_state_of_its_own_phrase(read):
    facts = read("Kofi Annan ended a visit to Kenya on Wednesday. Annan warned that the country risks violence. "
                 "The war began with the United States invasion of the country.")
    warning = only(facts, "Threaten")
    assert names(facts, warning.targets) == {"Kenya"}
    invasion = triggered(facts, "invasion")
    assert names(facts, invasion.sources) == {"United States"} and "United States" not in names(facts, invasion.targets)


def test_a_passive_conjunct_shares_its_doer_and_victim_and_an_odd_lemma_still_triggers(read):
    facts = read("An eyewitness reported four girls being taken into a hut and raped at gunpoint by Sudanese soldiers.")
    ev = triggered(facts, "raped")  # the model lemmatises it "rap"
    assert ev.plover == "ASSAULT" and names(facts, ev.sources) == {"Sudan: military"}


def test_strikes_are_their_modifiers_and_a_subject_is_its_appositive_name(read):
    facts = read("NATO airstrikes destroyed a bridge near Tripoli. The rebels' civilian leadership, the Transitional "
                 "National Council, has rejected the presence of foreign troops.")
    strike = triggered(facts, "destroyed")
    assert names(facts, strike.sources) == {"NATO"}
    rejection = triggered(facts, "rejected")
    assert names(facts, rejection.sources) == {"Transitional National Council"}
    assert not [e for e in facts.events if e.trigger.text == "presence"]  # rejecting a presence is not mobilising


def test_possessive_pronouns_name_the_doer_of_a_nominal_event(read):
    facts = read("General David Petraeus spoke on Sunday. The general also noted his opposition to torture. "
                 "Kurdish forces gained control of the dam as part of their advance against the insurgents.")
    opposition = triggered(facts, "opposition")
    assert opposition.plover == "ACCUSE" and names(facts, opposition.sources) == {"David Petraeus"}
    control = triggered(facts, "control")
    advance = triggered(facts, "advance")
    assert control.plover == "COERCE" and control.sources and advance.sources == control.sources


def test_victims_and_investigators_are_not_made_attackers(read):
    facts = read("Two girls died after being abducted and raped by soldiers. Ten Syrian soldiers died in the "
                 "fighting. The United Nations will investigate the killing of protesters by Syrian forces.")
    assert not [e for e in facts.events if e.plover == "THREATEN"]  # an inquiry announced is no threat
    assert not [e for e in facts.events if e.plover == "ASSAULT" and "Syria: military" in names(facts, e.sources)
                and e.trigger.text == "fighting"]
    raped = triggered(facts, "raped")
    assert raped.plover == "ASSAULT" and raped.sources


def test_an_active_verb_joined_to_a_passive_one_keeps_its_own_subject_and_recalling_is_coded(read):
    facts = read("Two Syrian soldiers were ambushed by rebels and fired back. Qatar recalled its ambassador from "
                 "Syria.")
    fired = triggered(facts, "fired")
    assert names(facts, fired.sources) == {"Syria: military"}
    recalled = triggered(facts, "recalled")
    assert recalled.plover == "SANCTION" and names(facts, recalled.sources) == {"Qatar"}


def test_deepening_cooperation_is_the_subjects_cooperation(read):
    facts = read("Cavusoglu said Turkey wanted to deepen cooperation with Russia.")
    ev = triggered(facts, "cooperation")
    assert names(facts, ev.sources) == {"Turkey"} and names(facts, ev.targets) == {"Russia"}


def test_verbs_whose_dictionary_default_misreads_news_need_a_pattern(read):
    facts = read("Sunni families control the government's cabinet. The meeting of the rebels took place in Doha.")
    assert not [e for e in facts.events if e.trigger.text in {"control", "took"}]


def test_an_attack_reported_without_its_doer_is_an_assault_on_its_victims_and_a_killing_a_casualty_count(read):
    facts = read("Two foreign aid workers were kidnapped in southern Somalia on Tuesday. "
                 "Twelve Somali soldiers were killed in Mogadishu.")
    kidnapped = triggered(facts, "kidnapped")
    assert kidnapped.plover == "ASSAULT" and not kidnapped.sources and kidnapped.targets
    assert triggered(facts, "killed").event_class == "Casualties"


def test_aid_and_arms_shipments_to_someone_are_the_donors_aid(read):
    facts = read("The support includes humanitarian aid from the United Kingdom to the Kurdish forces.")
    aid = triggered(facts, "aid")
    assert aid.plover == "AID" and names(facts, aid.sources) == {"United Kingdom"}
    shipments = triggered(read("Iranian arms shipments to the Houthi rebels continued in May."), "shipments")
    assert shipments.plover == "AID" and shipments.sources and shipments.targets


def test_help_being_provided_is_aid_and_help_promised_is_an_agreement(read):
    facts = read("UNHCR and the Ugandan government are providing help to the survivors. "
                 "France will provide medical supplies to the survivors.")
    assert triggered(facts, "providing").plover == "AID"  # going on now
    assert triggered(facts, "provide").plover == "AGREE"  # promised (PLOVER: future cooperation)


def test_a_crowd_the_text_counts_protesting_is_protesters_and_an_unresolved_pronoun_drops_the_event(read):
    assert not [e for e in read("He was cheered by the crowd.").events if not e.sources]  # a passive's subject
    assert not [e for e in read("Amnesty International spoke. She accused the Syrian army of torture.").events
                if e.trigger.text == "accused"]  # a pronoun a name before it could resolve, but does not
    facts = read("In the West Bank, hundreds protested the Annapolis Conference.")
    protest = triggered(facts, "protested")
    assert protest.plover == "PROTEST" and [facts.entity(k).sector for k in protest.sources] == ["OPP"]


@pytest.mark.parametrize("sentence, trigger, plover", [
    ("The Royal Navy was coordinating a European response with the French navy.", "coordinating", "COOPERATE"),
    # a ship named after its kind is still the object the rule asks for
    ("India dispatched frigate INS Tabar last month to protect its merchant shipping in the Gulf of Aden.",
     "dispatched", "MOBILIZE"),
])
def test_coordinating_is_cooperation_and_dispatching_a_named_warship_mobilises(read, sentence, trigger, plover):
    assert triggered(read(sentence), trigger).plover == plover


def test_attacks_on_someone_with_no_doer_named_are_assaults_on_them_but_a_battle_for_a_place_is_not(read):
    facts = read("Attacks against the Somali government have increased in the last six months.")
    attacks = triggered(facts, "Attacks")
    assert attacks.plover == "ASSAULT" and not attacks.sources and attacks.targets
    assert not read("Petraeus says the battle of Marja is just the beginning.").events


def test_a_side_calling_for_a_truce_offers_one_and_a_mediator_requests_it(read):
    side = read("Turkey and Russia want a cease-fire in Syria. The Syrian army demanded an end to the fighting.")
    assert [e.plover for e in side.events if e.trigger.text == "want"] == ["AGREE"]
    assert [e.plover for e in side.events if e.trigger.text == "demanded"] == ["AGREE"]
    mediator = read("The UN Security Council called for an immediate ceasefire in Gaza.")
    assert triggered(mediator, "called").plover == "REQUEST"
    other = read("Turkey called for the release of the journalists.")
    assert triggered(other, "called").plover == "REQUEST"


def test_words_of_one_phrase_coding_one_act_are_one_event_named_by_the_act(read):
    facts = read("The US began launching airstrikes on Islamic State positions on August 8.\n\n"
                 "Government troops launched a fierce offensive in the east.", published="2014-08-10")
    assaults = [e for e in facts.events if e.plover == "ASSAULT"]
    assert [e.trigger.text for e in assaults] == ["airstrikes", "offensive"]
    assert assaults[0].time.value == "2014-08-08"


def test_acts_of_one_doer_against_different_targets_stay_apart(read):
    facts = read("Rebels shelled the town of Kadugli and killed five civilians.")
    assert sorted(e.trigger.text for e in facts.events if e.plover == "ASSAULT") == ["killed", "shelled"]


def test_an_attack_referred_back_to_or_named_is_not_a_new_attack(read):
    facts = read("However, Somali officials called the attack \"small and careless\". The army was heavily "
                 "dependent on the African troops in this attack as well.")
    assert not [e for e in facts.events if e.plover == "ASSAULT"]


def test_fighters_of_a_named_armed_group_act_as_that_group(read):
    facts = read("Fighters of al-Shabaab attacked the base. "
                 "Later it was seized by the insurgents of the Islamic State.")
    assert names(facts, triggered(facts, "attacked").sources) == {"al-Shabaab"}
    assert names(facts, triggered(facts, "seized").sources) == {"Islamic State"}
    assert next(e for e in facts.entities if e.name == "Islamic State").type == "ArmedGroup"


def test_both_sides_of_a_clash_between_two_groups_are_its_actors(read):
    facts = read("Most clashes between police and protesters occurred in the Shia neighborhoods.")
    assert {facts.entity(k).sector for k in triggered(facts, "clashes").sources} == {"COP", "OPP"}


def test_a_passive_participle_with_its_doer_is_the_doers_act_and_naming_a_group_is_no_accusation(read):
    facts = read("Ethiopia calls the rebels \"terrorists\" backed by neighboring rival Eritrea.")
    backed = triggered(facts, "backed")
    assert backed.plover == "SUPPORT" and names(facts, backed.sources) == {"Eritrea"}
    named = read("A group called Hizbul Islam claimed the attack.")
    assert not [e for e in named.events if e.plover == "ACCUSE"]


def test_a_participle_that_only_carries_its_nouns_act_is_not_an_event_of_its_own(read):
    facts = read("The report describes attacks carried out by Sudanese troops on civilians in January.")
    assert not [e for e in facts.events if e.trigger.text == "carried"]


def test_a_pronoun_with_nobody_named_before_it_is_an_unknown_doer(read):
    alone = read("He blamed the attacks on Al-Qaeda in Iraq.")
    blame = triggered(alone, "blamed")
    assert blame.plover == "ACCUSE" and blame.sources == ()
    report = triggered(read("The report accuses Israel of annexing east Jerusalem."), "accuses")
    assert report.plover == "ACCUSE" and report.sources == ()
    after_a_name = read("The Iraqi government condemned the bombing. He blamed the attacks on Al-Qaeda in Iraq.")
    assert not [e for e in after_a_name.events if e.trigger.text == "blamed"]  # someone named could be 'he'


def test_a_restriction_placed_on_people_by_a_ruler_has_both(read):
    facts = read("Other restrictions placed on citizens by the junta include internet censorship.")
    ev = triggered(facts, "restrictions")
    assert [facts.entity(k).sector for k in ev.sources] == ["GOV"]
    assert [facts.entity(k).sector for k in ev.targets] == ["CVL"]


def test_an_arrest_announced_or_promised_is_a_threat(read):
    facts = read("Protests drew the attention of the junta, who announced its intent on Tuesday to arrest "
                 "protestors who display the gesture.")
    assert triggered(facts, "arrest").plover == "THREATEN"
    alone = read("If it persists, then we will have to make an arrest.")
    assert triggered(alone, "arrest").plover == "THREATEN"


@pytest.mark.parametrize("sentence, trigger, plover", [
    ("Israel regretted the civilian casualties in Gaza.", "regretted", "CONCEDE"),  # CAMEO's block says 110
    ("The European Union froze the assets of six Hamas leaders.", "froze", "SANCTION"),
])
def test_regret_concedes_and_freezing_assets_sanctions(read, sentence, trigger, plover):
    assert triggered(read(sentence), trigger).plover == plover


def test_forces_being_deployed_are_the_actor_of_the_mobilisation(read):
    facts = read("Many parties maintain militias which are now being deployed to reinforce the Kurdish army.")
    deployed = triggered(facts, "deployed")
    assert deployed.plover == "MOBILIZE" and [facts.entity(k).sector for k in deployed.sources] == ["UAF"]
    town = read("In Saraf Jidad, which was attacked three times in January, 26 civilians were killed.")
    assert not [e for e in town.events if e.trigger.text == "attacked"]  # a place alone is nobody done to


def test_a_stance_of_one_actor_towards_another_is_theirs(read):
    facts = read("The United States and Britain are supportive of the Somali government. "
                 "Amnesty International was critical of Israel.")
    support = triggered(facts, "supportive")
    assert support.plover == "SUPPORT" and names(facts, support.sources) == {"United States", "United Kingdom"}
    critical = triggered(facts, "critical")
    assert critical.plover == "ACCUSE" and names(facts, critical.targets) == {"Israel"}


def test_an_act_nobody_did_is_not_an_event(read):
    facts = read("So far, no other member of the United Nations has recognized these republics. "
                 "Nobody has attacked the convoy.")
    assert not [e for e in facts.events if e.trigger.text in {"recognized", "attacked"}]


def test_what_an_act_is_for_has_not_happened(read):
    facts = read("Somalia requested more African Union troops to assist other soldiers in the capital. "
                 "Djibouti promised to send 450 soldiers.")
    assert not [e for e in facts.events if e.trigger.text == "assist"]
    assert triggered(facts, "requested").plover == "REQUEST"


def test_a_killing_reported_without_its_doer_counts_the_dead_and_is_an_assault_by_someone_unknown(read):
    facts = read("At least 132 people were killed on Sunday in Baghdad. Three of the wounded later died.")
    killed = triggered(facts, "killed")
    assert killed.event_class == "Casualties" and killed.plover == "ASSAULT" and killed.sources == ()
    assert triggered(facts, "died").plover is None  # a death with no act behind it


@pytest.mark.parametrize("sentence, trigger, plover", [
    ("Ugandan soldiers joined the African Union forces in Mogadishu.", "joined", "COOPERATE"),
    ("Kurdish political parties are recruiting volunteers to send to the front.", "recruiting", "MOBILIZE"),
    ("Ethnic militias in the Rift Valley are stockpiling guns.", "stockpiling", "MOBILIZE"),
    ("American Marines landed on the beach at dawn.", "landed", "MOBILIZE"),
])
def test_forces_joined_recruited_armed_or_landed(read, sentence, trigger, plover):
    assert triggered(read(sentence), trigger).plover == plover


def test_a_plane_landing_is_no_mobilisation(read):
    assert not [e for e in read("The plane from Nairobi landed at Mogadishu airport.").events
                if e.trigger.text == "landed"]


def test_support_given_by_force_of_arms_is_aid(read):
    facts = read("The Peshmerga were supported this weekend by US airstrikes.")
    aid = triggered(facts, "supported")
    assert aid.plover == "AID" and names(facts, aid.sources) == {"United States"}
    assert triggered(read("Russia backs President Bashar Assad."), "backs").plover == "SUPPORT"


def test_guards_against_over_reading(read):
    """Each case once read too much into the text (a review of stop 13's rules)."""
    twice = read("The rebels attacked the army on 3 March and attacked the army again on 5 March.")
    assert [e.trigger.text for e in twice.events if e.plover == "ASSAULT"] == ["attacked", "attacked"]
    deployed = read("Russian troops deployed by Moscow to Syria fired on the town.")
    assert triggered(deployed, "deployed").plover == "MOBILIZE"  # a participle with its own act
    future = read("Anyone who resists will be killed, the commander warned.")
    assert not [e for e in future.events if e.trigger.text == "killed"]  # nobody is dead yet
    regret = read("The European Union regrets Russia's decision to annex the peninsula.")
    assert not [e for e in regret.events if e.plover == "CONCEDE"]  # another's act: not an apology
    assert not read("Israel announced a settlement freeze.").events
    backed = read("The government, backed by the military, imposed a curfew.")
    assert not [e for e in backed.events if e.plover == "AID"]


def test_a_warning_is_a_threat_only_when_aimed_at_someone(read):
    forecast = read("Annan said that he had noted some progress but warned that time was running out.")
    assert not [e for e in forecast.events if e.plover == "THREATEN"]
    aimed = read("Russia warned Georgia that it would respond to any attack on South Ossetia.")
    assert triggered(aimed, "warned").plover == "THREATEN"


def test_taking_part_in_an_event_is_that_event_not_another(read):
    facts = read("Turkey took part in the talks in Moscow.")
    assert [(e.trigger.text, e.plover) for e in facts.events] == [("talks", "CONSULT")]
    assert names(facts, facts.events[0].sources) == {"Turkey"}


def test_turning_out_for_marches_and_making_contact_have_their_subject_as_doer(read):
    marches = read("Millions of people turned out yesterday for marches in Paris.")
    assert triggered(marches, "marches").plover == "PROTEST"
    contact = read("The guerrilla organization has made contact with the government.")
    assert triggered(contact, "contact").plover == "CONSULT"


def test_someone_asked_to_act_is_the_target_of_a_request_and_one_asked_a_question_is_not(read):
    asked = read("Per the report, Pakistan was asked to stop the misuse of anti-terror legislation.")
    request = triggered(asked, "asked")
    assert request.plover == "REQUEST" and names(asked, request.targets) == {"Pakistan"}
    question = read("Petraeus was asked if Americans should prepare for significant losses.")
    assert not [e for e in question.events if e.plover == "REQUEST"]


def test_a_participle_after_acts_of_violence_carries_their_act(read):
    facts = read("Witnesses reported acts of sexual violence being committed by armed militia.")
    assert not [e for e in facts.events if e.trigger.text == "committed"]


def test_aid_from_a_donor_is_the_donors_aid_even_with_no_recipient_named(read):
    facts = read("This support includes humanitarian aid from the United Kingdom.")
    ev = only(facts, "ProvideAid")
    assert ev.plover == "AID" and names(facts, ev.sources) == {"United Kingdom"}


def test_what_a_statement_urges_is_urged_by_whoever_released_the_statement(read):
    facts = read("China's foreign ministry released a statement on Wednesday that urged North Korea to return "
                 "to talks.")
    ev = triggered(facts, "urged")
    assert ev.plover == "REQUEST" and facts.entity(ev.sources[0]).code == "CHNGOV"


def test_calling_for_someone_to_act_is_a_request_of_them(read):
    facts = read("The rebels called for NATO to protect civilians in Misrata.")
    ev = triggered(facts, "called")
    assert ev.plover == "REQUEST" and names(facts, ev.targets) == {"NATO"}


def test_the_verb_dictionarys_codes_for_talk_need_someone_named_as_target(read):
    facts = read("Western nations spent millions of dollars to buy weapons for the Somali army. Mubarak ordered the "
                 "army out onto the streets. Kim Jong-un thanked China for its help.")
    assert not any(e.trigger.text in {"buy", "ordered"} for e in facts.events)  # CAMEO: COOPERATE, REQUEST
    ev = triggered(facts, "thanked")
    assert ev.plover == "SUPPORT" and names(facts, ev.targets) == {"China"}


def test_deaths_told_as_to_come_are_not_counted(read):
    facts = read('"We will fight until we die," said the commander. "God will decide who is to die." '
                 "Hundreds of people will die if the aid does not arrive. Twelve people died in the attack.")
    assert [e.trigger.text for e in facts.events if e.event_class == "Casualties"] == ["died"]


def test_people_hurt_with_no_doer_named_are_a_casualty_count(read):
    facts = read("Two car bombs struck Baghdad on Sunday. Over 500 were hurt in the attacks.")
    assert triggered(facts, "hurt").event_class == "Casualties"


def test_shot_dead_is_a_killing_not_a_naming(read):
    facts = read("Journalist Wali Khan Babar was shot dead in Karachi on Thursday.")
    ev = triggered(facts, "shot")
    assert ev.plover == "ASSAULT" and names(facts, ev.targets) == {"Wali Khan Babar"}


def test_nominal_fighting_takes_its_sides_from_by_or_from_the_verb_it_continues_between(read):
    facts = read("Dozens died in Shujaiya following heavy fighting and shelling by Israeli forces.")
    assert {facts.entity(k).code for e in facts.events if e.plover == "ASSAULT" for k in e.sources} == {"ISRMIL"}
    facts = read("Fighting has continued between Libyan rebels and pro-government forces in Misrata.")
    [ev] = [e for e in facts.events if e.trigger.text == "Fighting"]
    assert {facts.entity(k).code for k in ev.sources} == {"LBYREB", "LBYMIL"}


def test_being_ready_to_fight_is_a_threat_by_the_one_ready(read):
    facts = read("The rebels are ready to attack the capital.")
    ev = triggered(facts, "attack")
    assert ev.plover == "THREATEN" and names(facts, ev.sources) == {"rebels"}


def test_talking_to_the_press_is_no_act_between_parties(read):
    facts = read("While refusing to comment on the policy, General David Petraeus said he saw no problems. "
                 "Commissioner Ibrahim Noleye spoke with Agence France-Presse about the incident. "
                 "Admiral Nate Christensen was asked about the possibility of taking back the ship.")
    assert not [e for e in facts.events if e.trigger.text in {"refusing", "spoke", "asked"}]


def test_a_word_of_judgment_said_of_someone_is_an_accusation_by_whoever_says_it(read):
    facts = read('Robert Mugabe described Morgan Tsvangirai and the opposition as "traitors". This election was '
                 "viewed as illegal by Comoros and the African Union. Police arrested a criminal gang.")
    traitors, illegal = triggered(facts, "traitors"), triggered(facts, "illegal")
    assert traitors.plover == illegal.plover == "ACCUSE"
    assert names(facts, traitors.sources) == {"Robert Mugabe"} and "Morgan Tsvangirai" in names(facts, traitors.targets)
    assert names(facts, illegal.sources) == {"Comoros", "African Union"}
    assert not any(e.trigger.text == "criminal" for e in facts.events)  # a word that only names


def test_the_resolution_or_the_statement_acts_for_whoever_issued_it(read):
    facts = read("In a statement, the Taliban said they had attacked the base. The statement also threatened more "
                 "attacks on foreign troops.")
    assert names(facts, triggered(facts, "threatened").sources) == {"Taliban"}


def test_forces_landing_or_placed_are_a_mobilisation(read):
    facts = read("Around 450 Comoran troops disembarked on Monday, landing in the capital of Mutsamudu. Protests "
                 "were met by the placement of almost 6000 soldiers and police officers by the Thai army.")
    assert {e.trigger.text for e in facts.events if e.plover == "MOBILIZE"} >= {"placement"}
    assert any(e.plover == "MOBILIZE" and e.trigger.text in {"disembarked", "landing"} for e in facts.events)


def test_approving_of_an_act_or_calling_it_positive_is_support(read):
    facts = read("President Ahmed Sambi said he had approved of the military operation. Turkish Foreign Minister "
                 "Mevlut Cavusoglu called the talks with Russia positive.")
    assert triggered(facts, "approved").plover == triggered(facts, "positive").plover == "SUPPORT"
    assert names(facts, triggered(facts, "positive").sources) == {"Mevlut Cavusoglu"}


def test_a_person_named_in_apposition_to_a_doer_is_the_doer(read):
    facts = read("Jammu and Kashmir human rights activist Khurram Parvez welcomed the UN report.")
    assert "Khurram Parvez" in names(facts, triggered(facts, "welcomed").sources)  # the parser made him appositive


def test_the_issuer_of_a_report_is_who_issued_it_not_who_rejected_it(read):
    facts = read("Israel rejected a UN report that accused its troops of war crimes in Gaza. In the report, the "
                 "report warns that militias attacked civilians.")  # the second sentence once recursed forever
    assert names(facts, triggered(facts, "accused").sources) == {"UN"}


def test_words_of_judgment_denied_or_meaning_something_else_are_no_accusation(read):
    facts = read("The army said the incident was not a violation of the truce. There was no violation of the "
                 "ceasefire overnight, a UN spokesman said. Three soldiers tested positive for the virus, the "
                 "Nigerian army said.")
    assert not [e for e in facts.events if e.plover in {"ACCUSE", "SUPPORT"}]


def test_refusing_to_give_access_is_still_a_refusal_and_ready_to_provide_aid_a_promise(read):
    facts = read("Hamas refused to give the inspectors access to the tunnels. The European Union is ready to "
                 "provide aid to Libya.")
    assert triggered(facts, "refused").plover == "REJECT" and triggered(facts, "provide").plover == "AGREE"


def test_a_death_with_its_own_past_tense_under_a_future_verb_is_counted(read):
    facts = read("Government troops will launch a new offensive after 12 soldiers were killed in an ambush on Sunday. "
                 "The ambush happened between Kandahar and Helmand.")
    assert triggered(facts, "killed").event_class == "Casualties"
    assert not any(e.sources for e in facts.events if e.trigger.text == "ambush")  # places are no sides


def test_the_report_acts_for_the_body_an_earlier_mention_names_and_a_municipality_governs(read):
    facts = read("A UN report released on Thursday documented abuses in Kashmir. The report accuses India of using "
                 "excessive force. The Jerusalem municipality places severe restrictions on building permits.")
    assert names(facts, triggered(facts, "accuses").sources) == {"UN"}
    restrictions = triggered(facts, "restrictions")
    assert restrictions.plover == "COERCE" and facts.entity(restrictions.sources[0]).code.endswith("GOV")


def test_advisers_sent_are_aid_promised_by_every_side_that_announced_it(read):
    facts = read("France and Italy have announced that they will be sending military advisers to help Libyan rebels. "
                 "The United States sent military advisers to Iraq in June.")
    promised, sent = triggered(facts, "sending"), triggered(facts, "sent")
    assert promised.plover == "AGREE" and names(facts, promised.sources) == {"France", "Italy"}
    assert sent.plover == "AID" and names(facts, sent.targets) == {"Iraq"}  # the advisers are what is sent


def test_an_act_after_a_preposition_is_done_by_the_clauses_subject(read):
    facts = read("After speaking with Franco Frattini, Saudi Foreign Minister Saud al-Faisal said the talks were "
                 "useful.")
    ev = triggered(facts, "speaking")
    assert ev.plover == "CONSULT" and names(facts, ev.sources) == {"Saud al-Faisal"}


def test_a_traveller_is_a_party_to_the_talks_they_came_for(read):
    facts = read("Secretary of State James Baker arrived in Damascus on Saturday for talks with President Hafez "
                 "al-Assad.")
    talks = triggered(facts, "talks")
    assert talks.plover == "CONSULT"
    assert names(facts, talks.sources) == {"James Baker"} and names(facts, talks.targets) == {"Hafez al-Assad"}
    assert not read("The wounded were flown to Nairobi for treatment.").events


def test_a_release_of_captives_is_a_retreat_though_they_are_unnamed(read):
    facts = read("The rebels freed two hostages.")
    assert [e.plover for e in facts.events] == ["RETREAT"]
    assert not read("The government released a statement.").events


def test_forces_massed_moved_or_put_on_alert_are_mobilized(read):
    for text in ("Russia has massed troops near its border with Ukraine.", "NATO placed 40,000 troops on high alert.",
                 "India moved two army divisions into the Ladakh region.",
                 "Iraqi divisions moved toward the Kuwaiti border."):
        assert [e.plover for e in read(text).events] == ["MOBILIZE"], text
    assert not read("The government moved the capital to Abuja.").events


def test_goods_given_sent_or_delivered_to_someone_are_aid(read):
    missiles = read("The United States delivered Javelin anti-tank missiles to Ukraine on Friday.")
    ev = only(missiles, "ProvideAid")
    assert names(missiles, ev.sources) == {"United States"} and names(missiles, ev.targets) == {"Ukraine"}
    goods = read("Saudi Arabia sent tents, blankets and medical supplies to earthquake survivors in Syria.")
    assert names(goods, only(goods, "ProvideAid").sources) == {"Saudi Arabia"}
    loan = read("The IMF disbursed a $1.2 billion loan tranche to Egypt.")
    assert names(loan, only(loan, "ProvideAid").targets) == {"Egypt"}
    assert not read("Obama gave a speech in Cairo.").events


def test_a_strike_by_workers_or_prisoners_is_a_protest_and_a_states_protest_an_accusation(read):
    for text in ("Dockworkers in Chittagong went on strike.", "Teachers staged a nationwide strike on Monday.",
                 "More than 1,500 Palestinian prisoners launched a hunger strike over conditions."):
        assert {e.plover for e in read(text).events} == {"PROTEST"}, text
    lodged = read("Beijing lodged a strong protest with Tokyo over the visit.")
    ev = triggered(lodged, "protest")
    assert ev.plover == "ACCUSE" and names(lodged, ev.targets) == {"Japan"}
    assert triggered(read("Thousands protested in Cairo against the government."), "protested").plover == "PROTEST"


def test_charging_or_suing_someone_is_an_accusation_but_charging_a_crowd_with_batons_is_an_assault(read):
    charged = read("Kenyan prosecutors charged four men with helping to plan the attack.")
    assert triggered(charged, "charged").plover == "ACCUSE"
    assert triggered(read("The family sued the Ministry of Defence."), "sued").plover == "ACCUSE"
    assert triggered(read("Police charged the crowd with batons."), "charged").plover == "ASSAULT"


def test_parties_named_together_cooperate_with_each_other_without_a_target(read):
    treaty = read("Israel and Jordan signed a peace treaty.")
    assert names(treaty, triggered(treaty, "signed").sources) == {"Israel", "Jordan"}
    phone = read("Biden and Xi spoke by phone for nearly two hours on Thursday.")
    assert triggered(phone, "spoke").plover == "CONSULT"
    assert not read("Obama spoke by the river.").events
    signed = read("Israeli officials signed the agreement.")  # stop 20: signing an agreement is PLOVER SUPPORT
    assert [e.plover for e in signed.events] == ["SUPPORT"]  # (PLOVER.md), with or without a party named


def test_phrasal_verbs_code_by_their_particle(read):
    expected = {"The last Soviet troops pulled out of Afghanistan in 1989.": "RETREAT",
                "The prime minister stepped down after weeks of protests.": "RETREAT",
                "Serbia turned down a request from the Hague tribunal.": "REJECT",
                "Police rounded up hundreds of suspects.": "COERCE",
                "Mexican federal police teamed up with the DEA to dismantle a ring.": "COOPERATE"}
    for text, code in expected.items():
        assert [e.plover for e in read(text).events] == [code], text
    pulled = read("The last Soviet troops pulled out of Afghanistan in 1989.")
    assert names(pulled, triggered(pulled, "pulled").targets) == {"Afghanistan"}
    assert not read("Kim gave his first formal address in the aftermath of the launch.").events


def test_forces_mobilised_are_what_is_moved_not_a_target(read):
    facts = read("Baghdad mobilised its reservists as tensions with Kuwait escalated.")
    ev = triggered(facts, "mobilised")
    assert ev.plover == "MOBILIZE" and names(facts, ev.sources) == {"Iraq"} and not ev.targets


def test_placing_someone_under_arrest_or_martial_law_is_coercion_by_the_placer(read):
    facts = read("The army put the former president under house arrest.")
    ev = triggered(facts, "arrest")
    assert ev.plover == "COERCE" and names(facts, ev.sources) == {"military"}
    law = read("President Ferdinand Marcos placed the entire Philippines under martial law on Thursday.")
    ev = triggered(law, "law")
    assert ev.plover == "COERCE" and names(law, ev.sources) == {"Ferdinand Marcos"}
    assert names(law, ev.targets) == {"Philippines"}
    assert not read("The law of the sea was discussed.").events


def test_something_used_against_people_is_an_assault_but_a_veto_against_a_text_a_rejection(read):
    gas = read("Iraqi forces used mustard gas against Kurdish civilians.")
    assert triggered(gas, "used").plover == "ASSAULT"
    assert [e.plover for e in read("Russia used its veto against the resolution.").events] == ["REJECT"]


def test_pleas_consultations_receptions_and_backing_code_with_their_parties(read):
    plea = read("Human rights groups pleaded with Indonesian authorities to grant monitors access to East Timor.")
    ev = triggered(plea, "pleaded")
    assert ev.plover == "REQUEST" and [plea.entity(k).code for k in ev.targets] == ["IDNGOV"]
    held = read("UN envoy Martti Ahtisaari held separate consultations with Serbian leaders in Vienna.")
    assert names(held, triggered(held, "consultations").sources) == {"Martti Ahtisaari"}
    received = read("The Afghan president received a delegation of tribal elders from Helmand.")
    assert triggered(received, "received").targets  # the delegation is met, not a thing received
    assert triggered(read("France reopened its embassy in Tripoli on Monday."), "reopened").plover == "SUPPORT"


def test_relief_shipped_handed_out_or_dispatched_is_aid_and_joint_drills_cooperation(read):
    shipped = read("Japan shipped 20 tonnes of medical supplies and tents to earthquake-hit Turkey on Tuesday.")
    assert names(shipped, only(shipped, "ProvideAid").targets) == {"Turkey"}
    handed = read("Red Crescent volunteers handed out blankets, food parcels and tents to families.")
    assert triggered(handed, "handed").plover == "AID"
    assert not [e for e in read("The police handed over the suspect to the court.").events if e.plover == "AID"]
    joint = read("The Indian navy conducted joint exercises with the U.S. Seventh Fleet.")
    assert triggered(joint, "exercises").plover == "COOPERATE"
    drills = read("China staged large-scale air and naval drills around Taiwan on Saturday.")
    ev = triggered(drills, "drills")
    assert ev.plover == "MOBILIZE" and names(drills, ev.sources) == {"China"}
    froze = read("The World Bank froze a $90 million loan to Uganda.")
    assert triggered(froze, "froze").plover == "SANCTION"


def test_cutting_off_services_is_coercion_and_cutting_off_aid_a_sanction(read):
    shut = read("Egypt has shut down practically all Internet traffic.")
    ev = triggered(shut, "shut")
    assert ev.plover == "COERCE" and names(shut, ev.sources) == {"Egypt"}
    cut = read("Syrian government forces cut off water and electricity to the enclave of Eastern Ghouta.")
    assert triggered(cut, "cut").plover == "COERCE"
    assert triggered(read("The United States cut off aid to Nicaragua."), "cut").plover == "SANCTION"


def test_calling_people_human_shields_or_putting_someone_on_trial_accuses_them(read):
    shields = read("Netanyahu said Hamas uses civilians as human shields.")
    ev = triggered(shields, "shields")
    assert ev.plover == "ACCUSE" and names(shields, ev.sources) == {"Netanyahu"}
    assert names(shields, ev.targets) == {"Hamas"}
    assert not read("The United States built a missile shield in Poland.").events
    trial = read("The government is putting Bacar on trial for corruption.")
    assert [(e.plover, e.trigger.text) for e in trial.events] == [("ACCUSE", "trial")]  # one event, not the arrest
    assert not read("Four men went on trial in Nairobi.").events  # who accuses them is not said


def test_what_a_law_permits_is_a_power_not_an_act(read):
    assert not read("The law allows the Egyptian government to place people under arrest without charges.").events
    assert not read("The emergency decree authorises police to detain suspects for 30 days.").events
    allowed = read("The president allowed the army to arrest the protesters.")
    assert triggered(allowed, "arrest").plover == "COERCE"  # a person allowing it is an order given


def test_what_happens_whenever_in_the_present_is_no_act_but_a_past_when_clause_is(read):
    assert not read("When a fighter for God kills a U.S. soldier, the supporters rejoice.").events
    past = read("When the rebels attacked the town, the army fled.")
    assert triggered(past, "attacked").plover == "ASSAULT"


def test_drills_held_together_are_cooperation_and_what_a_light_verb_says_to_whom_is_the_nouns(read):
    drills = read("China and Russia kicked off week-long joint naval drills in the Sea of Japan on Thursday.")
    assert triggered(drills, "drills").plover == "COOPERATE"
    concern = read("The European Union voiced deep concern on Friday over Israel's decision to build homes.")
    ev = triggered(concern, "concern")
    assert ev.plover == "ACCUSE" and names(concern, ev.targets) == {"Israel"}
    appeal = read("French President Nicolas Sarkozy made a direct appeal on Monday to FARC leader Manuel Marulanda.")
    assert names(appeal, triggered(appeal, "appeal").targets) == {"Manuel Marulanda"}


def test_counted_people_released_prisoners_exchanged_and_amnesties_are_concessions_or_retreats(read):
    assert triggered(read("Iran released 10 U.S. Navy sailors on Wednesday."), "released").plover == "RETREAT"
    swap = read("Russia and Ukraine exchanged hundreds of prisoners of war on Saturday.")
    assert names(swap, triggered(swap, "exchanged").sources) == {"Russia", "Ukraine"}
    assert triggered(read("Syrian President Bashar al-Assad issued a general amnesty."), "amnesty").plover == "CONCEDE"
    fire = read("The convoy came under fire from Taliban insurgents on Wednesday.")
    assert names(fire, triggered(fire, "fire").sources) == {"Taliban"}


def test_one_who_travels_to_meet_someone_meets_them_and_a_leader_received_is_met(read):
    met = read("Kim Jong Un stepped across the demarcation line on Friday to meet South Korean President Moon Jae-in.")
    assert triggered(met, "meet").plover == "CONSULT"
    received = read("German Chancellor Angela Merkel received Ukrainian President Petro Poroshenko in Berlin.")
    assert "Petro Poroshenko" in names(received, triggered(received, "received").sources)  # the visitor acts
    assert [e.plover for e in read("The army sent troops to help the police.").events] == ["MOBILIZE"]  # the help
    # is what the troops are for, not yet given


def test_a_death_by_illness_or_accident_is_no_act_of_conflict(read):
    assert not read("North Korean leader Kim Jong Il died of a heart attack on Saturday.").events
    assert not read("A military transport plane crashed shortly after take-off, killing all 15 people on board.").events
    assert {e.plover for e in read("Prisoners launched a hunger strike over conditions.").events} == {"PROTEST"}


def test_a_request_of_some_kind_of_actor_to_do_something_is_a_request(read):
    ordered = read("The president ordered the army to restore order in the northern provinces within a week.")
    assert [e.plover for e in ordered.events] == ["REQUEST"]
    assert not read("The president ordered the army out onto the streets.").events


def test_a_withdrawal_declared_concedes_and_talks_to_be_held_are_agreed(read):
    declared = read("Moscow announced that it would withdraw its troops from Afghanistan.")
    assert triggered(declared, "withdraw").plover == "CONCEDE"
    assert triggered(read("Mubarak decided to resign as president on February 11, 2011."), "resign").plover == "RETREAT"
    assert triggered(read("The two Koreas will hold high-level talks next week."), "talks").plover == "AGREE"
    support = read("Putin said his country will continue its support for the Syrian government.")
    assert triggered(support, "support").plover == "SUPPORT"  # support continued is support


def test_letting_aid_or_inspectors_in_gives_access(read):
    facts = read("Israel allowed 20 UN aid trucks to enter Gaza through the Rafah crossing.")
    ev = triggered(facts, "allowed")
    assert ev.plover == "RETREAT" and names(facts, ev.sources) == {"Israel"}


def test_the_visitor_is_the_actor_and_the_host_the_recipient(read):
    facts = read("Turkish President Tayyip Erdogan hosted Russian President Vladimir Putin in Ankara.")
    ev = triggered(facts, "hosted")
    assert names(facts, ev.sources) == {"Vladimir Putin"} and len(ev.targets) == 1
    assert ev.targets[0] not in ev.sources


def test_what_is_done_in_protest_is_the_protest(read):
    occupied = read("Hundreds of students occupied Taiwan's legislature on Tuesday in protest against a trade pact.")
    assert [e.plover for e in occupied.events] == ["PROTEST"]
    blocked = read("Tens of thousands of farmers blocked highways into New Delhi to protest against the reforms.")
    assert [e.plover for e in blocked.events] == ["PROTEST"]


def test_debts_written_off_arms_delivered_and_one_who_was_rescued_is_no_rescuer(read):
    assert triggered(read("The Paris Club wrote off 80 percent of Iraq's debt."), "wrote").plover == "AID"
    himars = read("Washington has delivered the first batch of HIMARS rocket launchers to Ukraine.")
    assert triggered(himars, "delivered").plover == "AID"
    rescued = read("Ingrid Betancourt arrived in France today, two days after being rescued from the FARC.")
    assert not [e for e in rescued.events if e.plover == "AID"]
    criticized = read("The minister resigned after being criticized by the opposition.")
    ev = triggered(criticized, "criticized")
    assert names(criticized, ev.sources) == {"opposition"} and names(criticized, ev.targets) == {"government"}


def test_review_the_accused_act_is_the_accusations_content_not_the_accusers_act(read):
    for text in ("Ukraine accused Russia of shelling Kherson.", "Israel accused Iran of arming Hezbollah."):
        facts = read(text)
        assert [e.plover for e in facts.events] == ["ACCUSE"], text


def test_review_an_act_of_its_own_done_in_protest_stays_that_act(read):
    rockets = read("Hezbollah fired rockets at Israel in protest at the killing.")
    assert [e.plover for e in rockets.events] == ["ASSAULT"]
    envoy = read("France withdrew its ambassador from Mali in protest.")
    assert "PROTEST" not in {e.plover for e in envoy.events}
    rallied = read("Thousands rallied outside the U.S. embassy in Manila to protest the killing.")
    assert [e.plover for e in rallied.events].count("PROTEST") == 1


def test_review_phrasal_verbs_in_their_literal_sense_and_hosts_of_things_are_no_events(read):
    for text in ("He stepped down from the podium.", "She turned down the volume.",
                 "Workers walked out of the factory at 5 pm.", "Macron hosted the Paris Olympics.",
                 "Google shut down its Stadia service.", "Investors expressed concern over rising interest rates."):
        assert not read(text).events, text
    assert [e.plover for e in read("Hamas turned down the Israeli proposal.").events] == ["REJECT"]
    assert [e.plover for e in read("The U.S. delegation walked out of the conference.").events] == ["SANCTION"]


def test_review_a_death_in_a_crash_is_no_toll_and_a_trip_for_talks_to_come_is_agreed(read):
    assert not read("Former Iranian President Raisi died in a helicopter crash.").events
    assert [e.event_class for e in read("Twelve soldiers died in the attack.").events] == ["Casualties"]
    trip = read("Iran's foreign minister will arrive in Muscat on Saturday for talks with Omani officials.")
    assert triggered(trip, "talks").plover == "AGREE"


def test_who_claims_responsibility_for_an_attack_is_its_doer(read):
    facts = read("The al-Shabaab group claimed responsibility for the attack.")
    assert names(facts, triggered(facts, "attack").sources) == {"al-Shabaab group"}


def test_a_judgment_of_an_act_is_aimed_at_whoever_did_it(read):
    raid = read("Hamid Karzai criticized the US raid on the village.")
    assert names(raid, triggered(raid, "criticized").targets) == {"United States"}
    killing = read("Human Rights Watch condemned the killing of journalists in Pakistan.")
    assert not triggered(killing, "condemned").targets  # the killers are not named


def test_restrictions_lifted_by_a_state_concede_and_ties_broken_off_sanction(read):
    lifted = read("Sri Lanka's government lifted the state of emergency imposed after the riots.")
    assert triggered(lifted, "lifted").plover == "CONCEDE"
    assert not read("The company lifted its ban on remote work.").events
    broke = read("Nicaragua broke off diplomatic relations with Taiwan.")
    ev = triggered(broke, "broke")
    assert ev.plover == "SANCTION" and names(broke, ev.targets) == {"Taiwan"}


def test_asylum_money_regret_acceptance_solidarity_and_a_protest_made_by_summoning(read):
    assert triggered(read("Asylum was granted by Mexico to Evo Morales."), "granted").plover == "AID"
    assert triggered(read("Qatar transferred $30 million to pay salaries in Gaza."), "transferred").plover == "AID"
    assert triggered(read("King Philippe expressed his deepest regrets for the colonial past."), "regrets").plover \
        == "CONCEDE"
    assert triggered(read("Hamas's acceptance of the ceasefire proposal surprised Israel."), "acceptance").plover \
        == "AGREE"
    summoned = read("Bangladesh summoned Myanmar's ambassador in Dhaka to protest against the shelling.")
    ev = triggered(summoned, "protest")
    assert ev.plover == "ACCUSE" and [summoned.entity(k).code for k in ev.targets] == ["MMRGOV"]


def test_pressing_someone_to_act_requests_it_and_a_threat_of_arrest_is_no_arrest(read):
    pressed = read("Washington is pressing Islamabad to act against the Haqqani network.")
    ev = triggered(pressed, "pressing")
    assert ev.plover == "REQUEST" and names(pressed, ev.targets) == {"Pakistan"}
    threatened = read("Journalists in Kashmir were threatened with arrest by local police.")
    assert "COERCE" not in {e.plover for e in threatened.events}


def test_charges_rebukes_loans_visits_borders_reopened_and_a_capital_subject(read):
    charged = read("Bolivian prosecutors filed sedition charges against former interim president Jeanine Anez.")
    assert names(charged, triggered(charged, "charges").targets) == {"Jeanine Anez"}
    assert triggered(read("Amnesty International rebuked Bolivia's interim government."), "rebuked").plover == "ACCUSE"
    assert triggered(read("The World Bank's $500 million loan to Egypt arrived."), "loan").plover == "AID"
    visit = read("Indian Prime Minister Narendra Modi arrived in Kathmandu on Thursday for a two-day official visit.")
    assert triggered(visit, "visit").plover == "CONSULT"
    border = read("Colombia reopened its border with Venezuela to cargo trucks on Monday.")
    assert triggered(border, "reopened").plover == "COOPERATE"
    kyiv = read("Kyiv blamed Russian-backed separatists for the downing of the airliner over eastern Ukraine.")
    assert names(kyiv, triggered(kyiv, "blamed").sources) == {"Ukraine"}


def test_claims_about_an_actor_defence_in_words_rounds_of_talks_and_pledged_withdrawals(read):
    alleged = read("Azerbaijan alleged that Armenian forces had shelled the town of Terter overnight.")
    assert triggered(alleged, "alleged").plover == "ACCUSE"
    defended = read("Serbian President Aleksandar Vucic defended Bosnian Serb leader Milorad Dodik against sanctions.")
    assert triggered(defended, "defended").plover == "SUPPORT"
    talks = read("Armenian and Azerbaijani foreign ministers held two days of talks in Washington.")
    assert triggered(talks, "talks").sources
    pledged = read("Russia promised to withdraw its troops from Moldova's Transnistria region.")
    assert triggered(pledged, "withdraw").plover == "CONCEDE"
    leave = read("President Emmanuel Macron announced that French troops would leave Niger by the end of the year.")
    assert triggered(leave, "leave").plover == "CONCEDE"


def test_sanctions_slapped_on_someone_are_a_sanction(read):
    facts = read("The European Union slapped sanctions on 40 Belarusian officials on Friday.")
    assert [(e.plover, e.trigger.text) for e in facts.events] == [("SANCTION", "sanctions")]


def test_violence_by_rioters_or_protesters_is_a_riot(read):
    facts = read("Rioters torched buses and a supermarket in Dakar.")
    ev = triggered(facts, "torched")
    assert (ev.plover, ev.mode) == ("PROTEST", "riot")
    assert triggered(read("Police fired tear gas at protesters."), "fired").plover == "ASSAULT"


def test_a_missile_test_fired_or_launched_is_a_show_of_force_not_an_attack(read):
    for text in ("North Korea test-fired a ballistic missile into the Sea of Japan.",
                 "Iran carried out a missile test on Sunday."):
        facts = read(text)
        assert [e.plover for e in facts.events] == ["MOBILIZE"], text
    assert [e.plover for e in read("Troops fired on protesters in the capital.").events] == ["ASSAULT"]


def test_arms_laid_down_or_surrendered_are_disarming_and_began_codes_the_act_it_begins(read):
    for text in ("The rebels laid down their arms on Monday.",
                 "Hundreds of FARC guerrillas surrendered their weapons to UN monitors."):
        assert [e.plover for e in read(text).events] == ["RETREAT"], text
    facts = read("Fighters of the Kosovo Liberation Army began handing over their weapons to NATO peacekeepers.")
    assert "began" not in [e.trigger.text for e in facts.events]  # the verb dictionary coded 'began' an assault
    assert [e.trigger.text for e in read("Government forces resumed shelling the town.").events] == ["shelling"]


def test_the_recipient_of_what_is_given_or_sent_is_its_target(read):
    facts = read("Washington sent weapons to the rebels. The U.S. has provided $70 million to the opposition.")
    assert names(facts, triggered(facts, "sent").targets) == {"rebels"}  # the parser's dative 'to'
    assert names(facts, triggered(facts, "provided").targets) == {"opposition"}


def test_who_is_called_upon_is_asked(read):
    facts = read("The UN calls upon Israel to withdraw from the occupied territories.")
    ev = triggered(facts, "calls")
    assert ev.plover == "REQUEST" and names(facts, ev.targets) == {"Israel"}


def test_tear_gas_used_or_deployed_on_a_crowd_is_force_not_a_troop_movement(read):
    facts = read("Police responded to protesters by deploying rubber bullets, tear gas and water cannons. "
                 "Riot police used stun grenades to disperse the crowd.")
    assert triggered(facts, "deploying").plover == "ASSAULT" and triggered(facts, "used").plover == "ASSAULT"
    moved = read("The government is deploying troops to the border.")
    assert triggered(moved, "deploying").plover == "MOBILIZE"


def test_violence_between_two_sides_is_an_assault_by_both_but_a_count_of_violence_is_none(read):
    facts = read("At least eighteen people died in the violence between riot police and protesters.")
    ev = triggered(facts, "violence")
    assert ev.plover == "ASSAULT" and names(facts, ev.sources) == {"police", "opposition"}
    counted = read("In almost all cases of violence against journalists, those responsible have not been punished.")
    assert not [e for e in counted.events if e.trigger.text == "violence"]


def test_a_sit_in_split_by_the_tokenizer_is_still_a_protest(read):
    facts = read("Students staged a sit-in in Tiananmen Square.")
    assert [e.plover for e in facts.events] == ["PROTEST"]


def test_a_joint_exercise_is_cooperation_even_when_joint_qualifies_the_army(read):
    facts = read("India and China began their first joint army exercise on Friday.")
    ev = triggered(facts, "exercise")
    assert ev.plover == "COOPERATE" and names(facts, ev.sources) == {"India", "China"}


def test_walking_off_the_job_and_downing_tools_are_strikes(read):
    facts = read("Workers at the mine walked off the job on Thursday. Kenyan teachers downed tools on Monday.")
    assert triggered(facts, "walked").plover == "PROTEST" and triggered(facts, "downed").plover == "PROTEST"


def test_suspects_handed_over_to_another_state_is_judicial_cooperation(read):
    facts = read("Turkey had handed two suspects over to Germany last week.")
    ev = triggered(facts, "handed")
    assert ev.plover == "COOPERATE" and names(facts, ev.targets) == {"Germany"}
    aid = read("Japan handed over patrol vessels to the Philippines.")
    assert triggered(aid, "handed").plover == "AID"


def test_civilians_blockading_roads_protest_but_an_army_blockading_a_port_coerces(read):
    facts = read("Truckers blockaded the main highways into Ottawa. The army blockaded the port.")
    assert [e.plover for e in facts.events] == ["PROTEST", "COERCE"]


def test_states_named_together_exchanging_a_kind_of_actor_act_with_each_other(read):
    facts = read("Egypt and Israel exchanged ambassadors for the first time.")
    ev = triggered(facts, "exchanged")
    assert ev.plover == "SUPPORT" and names(facts, ev.sources) == {"Egypt", "Israel"}


def test_flight_is_coded_with_whom_people_flee_as_actor_and_those_who_fled_as_recipients(read):
    facts = read("More than 700,000 Rohingya have fled to Bangladesh to escape the Myanmar army.")
    ev = triggered(facts, "fled")
    assert ev.plover == "SANCTION" and [facts.entity(k).code for k in ev.sources] == ["MMRMIL"]
    assert names(facts, ev.targets) == {"Rohingya"}  # not Bangladesh, where they went
    left = read("The refugees had originally fled the DRC.")
    assert not triggered(left, "fled").sources  # a state left is no cause of flight


def test_unacceptable_to_someone_is_a_rejection_but_unacceptable_alone_a_condemnation(read):
    facts = read('Handal said that "the government\'s proposals are unacceptable to us." '
                 'The African Union called the takeover in Niamey "unacceptable".')
    assert [e.plover for e in facts.events] == ["REJECT", "ACCUSE"]


def test_whoever_displaces_people_or_forces_them_to_flee_is_the_actor_of_their_flight(read):
    facts = read("The Myanmar army displaced more than 700,000 Rohingya. "
                 "The army forced thousands of villagers to flee.")
    displaced, flee = triggered(facts, "displaced"), triggered(facts, "flee")
    assert names(facts, displaced.targets) == {"Rohingya"}
    assert [facts.entity(k).sector for k in displaced.sources] == ["MIL"]
    assert [facts.entity(k).sector for k in flee.sources] == ["MIL"] and flee.targets


def test_a_named_armys_strike_is_an_attack_not_a_national_strike(read):
    facts = read("A Libyan National Army air strike hit a migrant detention centre.")
    assert "PROTEST" not in [e.plover for e in facts.events]


def test_walking_off_a_plane_is_no_strike(read):
    facts = read("The freed hostages walked off the plane in Paris.")
    assert "PROTEST" not in [e.plover for e in facts.events]


def test_criminals_occupying_or_settlers_blocking_people_are_not_protesting(read):
    facts = read("Pirates occupied the tanker for three months. Jewish settlers blocked Palestinian farmers from "
                 "reaching their olive groves.")
    assert "PROTEST" not in [e.plover for e in facts.events]


def test_detainees_moved_to_a_prison_are_no_judicial_cooperation(read):
    facts = read("Israel transferred the detainees to a prison in the Negev.")
    assert "COOPERATE" not in [e.plover for e in facts.events]


def test_insisting_that_someone_do_something_asks_it_of_them_and_the_thing_is_not_done(read):
    facts = read("NATO Secretary-General Javier Solana insisted that Belgrade allow an armed force into Kosovo. "
                 "The UN recommended that the government release the prisoners.")
    assert [e.plover for e in facts.events] == ["REQUEST", "REQUEST"]  # no release: it is only asked for
    said = read("The president insisted that he was innocent. The rebels insisted that they allow aid in.")
    assert "REQUEST" not in [e.plover for e in said.events]


def test_an_act_asked_for_or_sought_is_not_made(read):
    facts = read("The family demanded an apology from the army. Washington is seeking the extradition of Julian "
                 "Assange from Britain.")
    assert [e.plover for e in facts.events] == ["REQUEST", "REQUEST"]  # no apology, no extradition yet
    made = read("The army offered an apology to the families.")
    assert "CONCEDE" in [e.plover for e in made.events]


def test_the_nation_a_state_acts_on_is_another_state_not_itself(read):
    facts = read("North Korea launched a rocket on Friday. China delivered another stern warning to the nation.")
    assert names(facts, triggered(facts, "delivered").targets) == {"North Korea"}


def test_an_act_feared_or_warned_of_is_not_one_yet(read):
    facts = read("Officials fear a return of the violence between Hutus and Tutsis. Aid groups warned of renewed "
                 "fighting between the army and rebels.")
    assert "ASSAULT" not in [e.plover for e in facts.events]


def test_a_thing_named_for_a_body_is_that_bodys_and_a_service_named_for_one_is_that_body(read):
    facts = read("Saddam Hussein defied the UN deadline to pull his forces out of Kuwait.")
    assert names(facts, triggered(facts, "defied").targets) == {"UN"}
    passed = read("Information on the plotters was passed to Tajik authorities by Russia's FSB security service.")
    assert names(passed, triggered(passed, "passed").sources) == {"FSB"}
    truck = read("Rebels ambushed a Toyota truck carrying soldiers.")
    assert not triggered(truck, "ambushed").targets  # a truck is no thing of the company's that names it


def test_a_passives_doer_is_found_where_the_parser_hung_its_by_phrase_on_a_noun(read):
    facts = read("Journalists covering the unrest in Kashmir were threatened with arrest by local police.")
    ev = triggered(facts, "threatened")
    assert ev.plover == "THREATEN" and names(facts, ev.sources) == {"police"}
    visit = read("The village was attacked hours after a visit by the UN envoy.")
    assert not triggered(visit, "attacked").sources  # a 'by' phrase of another noun


def test_a_verb_of_violence_used_as_a_figure_of_speech_is_no_event(read):
    assert not read("The opposition leader struck a defiant tone in his speech.").events
    assert triggered(read("Rebels struck an army base."), "struck").plover == "ASSAULT"
    assert triggered(read("Police seized records from the ministry on Monday."), "seized").plover == "COERCE"


def test_what_two_parties_do_jointly_is_cooperation_whatever_the_noun(read):
    facts = read("Spanish police formed a joint investigation team with French police in 1987.")
    ev = only(facts, "Cooperate")
    assert names(facts, ev.sources) == {"Spain: police"} and names(facts, ev.targets) == {"France: police"}
    assert not read("The two leaders issued a joint statement on Monday.").events  # said together, not done
    convoy = read("Food was delivered to 10,000 people in Aleppo by a joint UN-Red Crescent convoy.")
    assert "COOPERATE" not in [e.plover for e in convoy.events]  # the convoy delivers: it is no act itself


def test_the_recipient_of_a_thing_handed_over_is_the_target_where_the_parser_hangs_it_on_the_thing(read):
    facts = read("Colombia extradited a suspected cocaine kingpin to the United States on Thursday.")
    assert names(facts, triggered(facts, "extradited").targets) == {"United States"}
    gas = read("Uzbekistan resumed natural gas exports to Tajikistan on Monday after a four-year halt.")
    ev = triggered(gas, "resumed")
    assert ev.plover == "COOPERATE" and names(gas, ev.targets) == {"Tajikistan"}


def test_a_release_of_people_of_any_kind_is_a_retreat_but_a_statement_released_is_not(read):
    facts = read("Islamic Jihad gunmen freed an American university professor held hostage for 18 months.")
    assert "RETREAT" in [e.plover for e in facts.events]
    assert "RETREAT" not in [e.plover for e in read("The UN office released a statement on Monday.").events]


def test_an_act_joined_to_one_asked_for_is_asked_for_too(read):
    facts = read('"I have ordered the army to bring Anjouan back under the rule of law and free her citizens," '
                 "he said.")
    assert "RETREAT" not in [e.plover for e in facts.events]


def test_a_concession_the_verb_dictionarys_patterns_name_needs_no_one_named(read):
    facts = read("Jordanian authorities relaxed press censorship rules on Monday.")
    assert "CONCEDE" in [e.plover for e in facts.events]
    strike = read("Kenya's national teachers' union called off its three-week strike on Monday.")
    assert "CONCEDE" in [e.plover for e in strike.events]


def test_an_event_noun_granted_tendered_or_extended_is_done_by_whoever_gives_it_even_in_the_passive(read):
    facts = read("The Indonesian government tendered an apology to East Timorese victims.")
    assert names(facts, triggered(facts, "apology").sources) == {"Indonesia: government"}
    passive = read("A formal apology was extended by the Canadian government on Tuesday to Inuit families.")
    assert names(passive, triggered(passive, "apology").sources) == {"Canada: government"}


def test_british_spellings_trigger_as_the_american_ones_and_troops_that_mass_mobilise(read):
    facts = read("Azerbaijan's government announced a partial mobilisation of military reservists on Monday.")
    assert "MOBILIZE" in [e.plover for e in facts.events]
    massed = read("Thousands of Russian troops have massed along the border with Ukraine.")
    assert triggered(massed, "massed").plover == "MOBILIZE"


def test_aid_flown_ferried_dropped_or_funded_reaches_its_recipients_and_training_police_is_aid(read):
    facts = read("The World Food Programme airdropped 200 tonnes of sorghum to famine-stricken villages in Sudan.")
    assert triggered(facts, "airdropped").plover == "AID"
    trained = read("Italian Carabinieri instructors trained 400 Iraqi police officers at a camp near Nasiriyah.")
    assert triggered(trained, "trained").plover == "AID"
    funded = read("Iran funded the rebels. The company funded the new stadium.")
    assert [(e.trigger.text, names(funded, e.targets)) for e in funded.events] == [("funded", {"rebels"})]


def test_an_unnamed_office_holder_of_a_body_acts_for_the_body(read):
    facts = read("The IMF's managing director praised Egypt's economic reform programme.")
    assert names(facts, triggered(facts, "praised").sources) == {"IMF"}


def test_whoever_says_sorry_concedes_to_whom_they_say_it(read):
    facts = read("The Australian government said sorry to the Stolen Generations of Aboriginal children.")
    ev = triggered(facts, "sorry")
    assert ev.plover == "CONCEDE" and names(facts, ev.sources) == {"Australia: government"}


def test_a_side_giving_up_its_own_arms_disarms(read):
    facts = read("More than 2,000 fighters of the Revolutionary United Front handed in their weapons at UN centres.")
    assert triggered(facts, "handed").plover == "RETREAT"
    destroyed = read("Loyalist paramilitaries destroyed their remaining weapons in the presence of witnesses.")
    assert triggered(destroyed, "destroyed").plover == "RETREAT"


def test_a_withdrawal_that_will_begin_is_declared_not_carried_out(read):
    facts = read("The Kremlin announced that Soviet forces would begin pulling out of Afghanistan on May 15.")
    assert triggered(facts, "pulling").plover == "CONCEDE"


def test_joint_drills_are_cooperation_and_money_released_is_aid(read):
    drills = read("Russian warships held joint naval drills with the Chinese navy.")
    assert triggered(drills, "drills").plover == "COOPERATE"
    tranche = read("The IMF released a $1.2 billion tranche of its bailout to Argentina.")
    assert triggered(tranche, "released").plover == "AID"


def test_a_retreat_the_verb_dictionarys_patterns_name_and_access_let_to_teams_need_no_one_named(read):
    facts = read("Tuareg rebels abandoned their positions around the Malian town of Kidal on Sunday.")
    assert triggered(facts, "abandoned").plover == "RETREAT"
    access = read("Houthi rebels allowed a UN team to inspect the decaying oil tanker off Hodeidah.")
    assert triggered(access, "allowed").plover == "RETREAT"
    position = read("The government holds a specific position on how to achieve a cease-fire.")
    assert "RETREAT" not in [e.plover for e in position.events]


def test_a_decree_is_issued_and_what_it_grants_its_issuer_grants(read):
    facts = read("Syria's president issued a decree granting amnesty to army deserters and draft dodgers.")
    assert "CONCEDE" in [e.plover for e in facts.events]


def test_working_alongside_another_party_is_cooperation_but_working_with_a_tool_is_not(read):
    facts = read("Egyptian police worked alongside Israeli security officials to secure the Taba border crossing.")
    assert triggered(facts, "worked").plover == "COOPERATE"
    assert not read("He worked with a hammer.").events


def test_the_reviews_misfires_of_stop_19_stay_fixed(read):
    def coded(text):
        facts = read(text)
        return [(e.plover, e.trigger.text) for e in facts.events]
    arrest = read("The opposition leader was placed under house arrest by the military junta.")
    assert names(arrest, triggered(arrest, "arrest").sources) == {"government"}  # the 'by' phrase, not the placed
    assert ("RETREAT", "fired") not in coded("Soldiers fired their weapons into the crowd, killing three protesters.")
    assert ("RETREAT", "released") in coded("Bahrain released 20 doctors and nurses jailed for treating protesters.")
    assert "COOPERATE" not in [p for p, _ in coded("Russia launched coordinated missile strikes across Ukraine.")]
    assert not coded("The two ministers held a joint press conference.")
    assert not coded("Russia and China have a combined population of 1.5 billion.")
    assert not coded("Police released tear gas on protesters in Nairobi.")
    assert not coded("The journalist worked with Reuters for ten years.")
    assert not coded("The UN's former human rights chief criticised China.")


def test_staff_or_teams_named_for_a_body_or_a_state_act_for_it(read):
    facts = read("Food parcels were handed out to 12,000 families in Gaza by UNRWA staff on Sunday.")
    assert names(facts, triggered(facts, "handed").sources) == {"UNRWA"}
    teams = read("Vietnamese teams began joint searches with U.S. military specialists for the remains.")
    assert names(teams, triggered(teams, "searches").sources) == {"Vietnam"}


def test_a_withdrawal_or_deployment_of_a_states_forces_is_that_states(read):
    facts = read("The withdrawal of the last Vietnamese troops from Cambodia was completed on Tuesday.")
    ev = triggered(facts, "withdrawal")
    assert ev.plover == "RETREAT" and names(facts, ev.sources) == {"Vietnam: military"}
    unsaid = read("The official argued that a deployment of troops was necessary to regain these areas.")
    assert "MOBILIZE" not in [e.plover for e in unsaid.events]  # whose troops the text does not say


def test_a_hyphenated_modifier_the_parser_splits_still_qualifies_its_noun(read):
    facts = read("China's People's Liberation Army staged live-fire drills in the Taiwan Strait on Thursday.")
    assert triggered(facts, "drills").plover == "MOBILIZE"


def test_a_flag_state_is_no_party_and_forces_withdrawn_from_a_place_leave_it(read):
    ship = read("A Liberian-flagged ship was attacked by the Houthis in the Red Sea.")
    assert "Liberia" not in names(ship, triggered(ship, "attacked").targets)
    mali = read("The withdrawal of French forces from Mali was completed on Monday.")
    ev = triggered(mali, "withdrawal")
    assert names(mali, ev.sources) == {"France: military"} and names(mali, ev.targets) == {"Mali"}


def test_handing_a_suspect_or_intelligence_to_another_states_authorities_is_cooperation(read):
    facts = read("Germany handed over three suspected PKK members to Turkish authorities.")
    ev = triggered(facts, "handed")
    assert ev.plover == "COOPERATE" and names(facts, ev.sources) == {"Germany"}
    assert "Turkey: government" in names(facts, ev.targets)
    tip = read("Moroccan intelligence tipped off Spanish police about a jihadist cell in Ceuta.")
    assert triggered(tip, "tipped").plover == "COOPERATE"
    imagery = read("The CIA passed satellite imagery of Iraqi troop positions to Saudi commanders in 1990.")
    assert triggered(imagery, "passed").plover == "COOPERATE"


def test_observing_a_ceasefire_is_a_retreat(read):
    truce = read("Government forces and M23 rebels respected the truce in eastern Congo.")
    assert triggered(truce, "respected").plover == "RETREAT"
    held = read("The ceasefire between Israel and Hezbollah largely held on Thursday.")
    ev = triggered(held, "held")
    assert ev.plover == "RETREAT" and names(held, ev.sources) == {"Israel", "Hezbollah"}


def test_an_act_someone_is_not_willing_to_do_is_not_done(read):
    facts = read("The United States is not really willing to demobilize the contras.")
    assert not [e for e in facts.events if e.trigger.text == "demobilize"]


def test_a_verb_listed_only_for_other_uses_stays_light_for_an_event_noun(read):
    facts = read("The two Koreas will hold high-level talks next week at the border village of Panmunjom.")
    assert triggered(facts, "talks").plover == "AGREE"  # a promise; 'hold' is listed only for 'held their fire'


def test_asking_forgiveness_bowing_to_demands_and_easing_curbs_are_concessions(read):
    sorry = read("Chilean President Patricio Aylwin asked forgiveness from the families of the disappeared.")
    assert triggered(sorry, "asked").plover == "CONCEDE"
    bowed = read("Facing riots in the south, King Hussein bowed to demands for the restoration of elections.")
    assert triggered(bowed, "bowed").plover == "CONCEDE"
    curbs = read("Chinese authorities loosened controls on foreign travel on Wednesday.")
    assert triggered(curbs, "loosened").plover == "CONCEDE"
    clemency = read("Bahrain's king commuted the death sentences of four men convicted over attacks on police.")
    assert triggered(clemency, "commuted").plover == "CONCEDE"


def test_vetoes_snubs_and_offers_thrown_out_are_rejections(read):
    veto = read("Hungary vetoed the European Union's proposed aid package for Ukraine at the summit.")
    assert triggered(veto, "vetoed").plover == "REJECT"
    snub = read("Eritrea snubbed an invitation from the African Union to send a delegation to the talks.")
    assert triggered(snub, "snubbed").plover == "REJECT"


def test_a_month_named_march_is_no_protest_march(read):
    facts = read("Zimbabwean police arrested opposition leader Morgan Tsvangirai at a prayer rally in Harare in "
                 "March 2007.")
    assert triggered(facts, "arrested").plover == "COERCE"


def test_what_two_parties_do_jointly_is_cooperation_but_what_they_say_jointly_is_not(read):
    facts = read("Ecuador and Peru began jointly clearing landmines along their border.")
    ev = triggered(facts, "clearing")
    assert ev.plover == "COOPERATE" and names(facts, ev.sources) == {"Ecuador", "Peru"}
    said = read("France and Germany jointly announced the plan on Monday.")
    assert "COOPERATE" not in [e.plover for e in said.events]


def test_the_reviews_misfires_of_stop_20_stay_fixed(read):
    assert "COOPERATE" not in [e.plover for e in read("Police gave no further details.").events]
    fire = read("Police returned fire on the suspects.")
    assert "COOPERATE" not in [e.plover for e in fire.events]  # the suspects are fired on, not handed over
    assert triggered(read("Flynn asked Trump for a pardon."), "asked").plover == "REQUEST"
    unsure = read("It is unclear whether the ceasefire between Israel and Hamas will hold.")
    assert not [e for e in unsure.events if e.trigger.text == "hold"]
    assert not read("The army announced that the truce had expired.").events
    assert "REJECT" not in [e.plover for e in read("The senator threw his support behind the plan.").events]
    assert "SANCTION" not in [e.plover for e in read("The army halted training in the region.").events]
    assert "CONCEDE" not in [e.plover for e in read("Obama bowed to the Japanese emperor.").events]
    assert triggered(read("Pyongyang let IAEA inspectors back into the Yongbyon nuclear complex."), "let").plover \
        == "RETREAT"


def test_signing_an_agreement_is_support_and_a_states_people_may_be_praised(read):
    signed = read("Ethiopia and Eritrea signed a peace agreement in Jeddah.")
    assert "SUPPORT" in [e.plover for e in signed.events] and "AGREE" not in [e.plover for e in signed.events]
    assert "AGREE" in [e.plover for e in read("Russia and Ukraine will sign the agreement next week.").events]
    praised = read("Amnesty International commended Gambia's new government for committing to abolish the death "
                   "penalty.")
    assert triggered(praised, "commended").plover == "SUPPORT"


def test_a_list_of_parties_the_parser_reads_as_an_apposition_is_every_party(read):
    facts = read("Saudi Arabia, the UAE, Bahrain and Egypt cut diplomatic ties with Qatar on Monday.")
    assert names(facts, triggered(facts, "cut").sources) == {"Saudi Arabia", "United Arab Emirates", "Bahrain", "Egypt"}


def test_leaving_talks_an_accord_or_a_bloc_reduces_relations_but_leaving_a_town_is_a_retreat(read):
    talks = read("North Korea pulled out of the six-party talks on its nuclear programme.")
    assert triggered(talks, "pulled").plover == "SANCTION"
    bloc = read("Burkina Faso, Mali and Niger quit the West African bloc ECOWAS in January 2024.")
    assert triggered(bloc, "quit").plover == "SANCTION"
    town = read("Rebels of the M23 movement withdrew from Goma on Saturday under a deal brokered by regional leaders.")
    assert triggered(town, "withdrew").plover == "RETREAT"


def test_access_barred_and_acts_ruled_out_are_refusals(read):
    barred = read("Israel barred a U.N. fact-finding mission from entering the West Bank.")
    assert triggered(barred, "barred").plover == "REJECT"
    ruled = read("Nigeria's government ruled out negotiating with Boko Haram on Wednesday.")
    assert [e.plover for e in ruled.events] == ["REJECT"]  # the talks refused are no talks
    fasting = read("Jailed Bahraini activist Abdulhadi al-Khawaja began refusing food to protest against his sentence.")
    assert "PROTEST" in [e.plover for e in fasting.events]


def test_an_office_or_commission_of_a_body_or_state_acts_for_it(read):
    un = read("The U.N. human rights office voiced deep concern on Friday about the detention of dozens of Kurdish "
              "journalists by Turkish police.")
    assert names(un, triggered(un, "concern").sources) == {"U.N."}
    kenya = read("Kenya's anti-corruption commission opened an investigation into the energy minister.")
    assert names(kenya, triggered(kenya, "investigation").sources) == {"Kenya"}


def test_a_navys_week_long_exercise_and_reservists_recalled_are_mobilisation(read):
    drill = read("The Iranian navy began a week-long exercise in the Gulf of Oman.")
    assert triggered(drill, "exercise").plover == "MOBILIZE"
    recalled = read("Sri Lanka recalled 3,000 army reservists to active duty on Tuesday.")
    assert triggered(recalled, "recalled").plover == "MOBILIZE"


def test_army_units_reinforced_are_mobilisation_but_rates_raised_are_not(read):
    units = read("Serbia reinforced its army and police units in the Presevo valley on Tuesday.")
    assert triggered(units, "reinforced").plover == "MOBILIZE"
    assert not read("The central bank raised interest rates.").events


def test_talks_a_party_is_ready_to_resume_are_offered_not_held(read):
    facts = read("India said it was ready to resume the stalled composite dialogue with Pakistan.")
    assert [e.plover for e in facts.events] == ["AGREE"]
    assert triggered(read("The United States will continue its support for Ukraine."), "support").plover == "SUPPORT"
    led = read("The FARC leadership rejected the offer.")
    assert names(led, triggered(led, "rejected").sources) == {"FARC"}


def test_harm_to_an_idea_and_a_calamitys_blow_are_figures_of_speech(read):
    assert not read("The Thai military's assault on basic human rights has grown.").events
    assert not read("Tragedy struck the overcrowded vessel on Sunday.").events
    assert triggered(read("Rebels attacked the town on Sunday."), "attacked").plover == "ASSAULT"


def test_a_place_named_before_an_attack_is_where_not_who(read):
    facts = read("Relatives of those killed in the Lockerbie bombing gathered in Scotland.")
    assert not [e for e in facts.events if e.trigger.text == "bombing"]  # no doer named: no event
    hamas = read("The Hamas attack killed 12 soldiers.")
    assert names(hamas, triggered(hamas, "attack").sources) == {"Hamas"}


def test_the_second_reviews_misfires_of_stop_20_stay_fixed(read):
    ruled = read("Germany ruled out sending troops to Ukraine.")
    assert [e.plover for e in ruled.events] == ["REJECT"]  # no troops were sent
    barred = read("Myanmar barred UN investigators from entering Rakhine state.")
    assert triggered(barred, "barred").targets  # the investigators barred are its target
    assert triggered(read("Qatar quit OPEC in 2019."), "quit").plover == "SANCTION"
    rescue = read("Turkey sent rescue units to Syria after the earthquake.")
    assert "MOBILIZE" not in [e.plover for e in rescue.events]
    assert not read("Musk pulled out of the deal to buy Twitter.").events
    assert not read("Indonesia raised the alert level for Mount Merapi volcano.").events
    talks = read("Iran said it was ready to resume talks with the United States.")
    assert "CONSULT" not in [e.plover for e in talks.events]  # offered, not held
    signed = read("The rebels signed an agreement with the government.")
    assert triggered(signed, "signed").plover == "SUPPORT"


def test_a_leaders_visit_to_a_capital_is_consultation_but_troops_arriving_are_not(read):
    visit = read("Egyptian President Anwar Sadat arrived in Jerusalem on a historic visit, the first by an Arab "
                 "leader.")
    assert triggered(visit, "arrived").plover == "CONSULT"
    troops = read("U.S. troops arrived in Kabul on Monday.")
    assert "CONSULT" not in [e.plover for e in troops.events]


def test_money_disbursed_and_helicopters_handed_over_are_aid(read):
    money = read("The European Union disbursed 120 million euros in budget support to the Palestinian Authority.")
    assert triggered(money, "disbursed").plover == "AID"
    handed = read("Russia handed over four Mi-35 attack helicopters to Mali's armed forces.")
    assert triggered(handed, "handed").plover == "AID"


def test_a_request_for_something_and_a_court_directing_authorities_are_requests(read):
    sent = read("Turkey has sent Washington a formal request for the extradition of cleric Fethullah Gulen.")
    assert triggered(sent, "request").plover == "REQUEST"
    court = read("A Pakistani court directed the authorities to produce the missing activist within a week.")
    assert triggered(court, "directed").plover == "REQUEST"
    assert not read("The request for comment went unanswered.").events


def test_investors_fleeing_bonds_and_condolences_offered_are_no_events(read):
    assert not read("Investors fled emerging-market bonds in droves as the dollar surged.").events
    assert not read("Prime Minister Narendra Modi offered his condolences to the people of Turkey on Monday.").events
    assert triggered(read("Israel offered aid to Turkey."), "offered").plover == "AGREE"


def test_commodities_traded_between_states_are_economic_cooperation_but_arms_supplied_are_aid(read):
    gas = read("Russia began pumping gas to China through the Power of Siberia pipeline.")
    assert triggered(gas, "pumping").plover == "COOPERATE"
    arms = read("The United States supplied weapons to Ukraine.")
    assert triggered(arms, "supplied").plover == "AID"


def test_throats_slit_are_an_assault_and_a_sit_in_staged_is_a_protest_whoever_stages_it(read):
    assert triggered(read("Gunmen slit the throats of 31 villagers in an overnight raid."), "slit").plover == "ASSAULT"
    sit = read("Thousands of supporters of ousted Egyptian President Mohamed Mursi staged sit-ins at two Cairo "
               "squares.")
    assert "PROTEST" in [e.plover for e in sit.events]
    assert triggered(read("Beijing lodged a protest with Tokyo."), "protest").plover == "ACCUSE"


def test_the_third_reviews_misfires_of_stop_20_stay_fixed(read):
    assert not read("Russian President Vladimir Putin arrived in Moscow.").events  # home, not a visit
    kim = read("Kim Jong Un travelled to Vladivostok for a summit with Vladimir Putin.")
    assert names(kim, triggered(kim, "travelled").targets) == {"Vladimir Putin"}
    assert not read("Saudi Arabia pumped more oil in June.").events  # output, not trade with someone
    assert not read("The company announced the cessation of operations at its plant.").events
    eu = read("The European Union imposed sanctions. In Britain, teachers went on strike. The union accused ministers.")
    assert not [e for e in eu.events if e.trigger.text == "accused"]  # 'the union' is not the European Union


def test_the_first_country_to_recognise_recognises_and_weight_thrown_behind_someone_backs_them(read):
    first = read("Iceland became the first country to recognise the restored independence of Estonia in August 1991.")
    assert triggered(first, "recognise").plover == "SUPPORT"
    assert not [e for e in read("Russia sent troops to help the army.").events if e.trigger.text == "help"]
    weight = read("More than a dozen Western governments threw their weight behind opposition leader Juan Guaido.")
    assert triggered(weight, "threw").plover == "SUPPORT"
    declaration = read("Sudan signed the Abraham Accords declaration in Khartoum.")
    assert triggered(declaration, "signed").plover == "SUPPORT"
    assert not read("He signed the guestbook.").events


def test_a_brigade_of_doctors_sent_is_aid_but_a_brigade_of_paratroopers_is_mobilisation(read):
    doctors = read("Cuba has sent a brigade of 200 doctors to help Angola contain a cholera outbreak.")
    assert triggered(doctors, "sent").plover == "AID"
    troops = read("Russia sent a brigade of paratroopers to the border.")
    assert triggered(troops, "sent").plover == "MOBILIZE"


def test_a_trip_the_verb_dictionary_codes_as_intent_to_meet_is_a_visit_once_made(read):
    flew = read("French Foreign Minister Laurent Fabius flew to Tehran on Wednesday for discussions with Iranian "
                "officials.")
    assert triggered(flew, "flew").plover == "CONSULT"
    assert triggered(read("Obama will fly to Cairo next week."), "fly").plover == "AGREE"  # still to come
