from pipeline.facts import ARMED_GROUP, GOVERNMENT, PERSON, STATE

from tests.conftest import names


def mentions_of(facts, name):
    return [m.text for e in facts.entities if e.name == name for m in e.mentions]


def test_a_surname_the_model_tags_as_organisation_joins_its_person(read):
    facts = read("Turkish Foreign Minister Mevlut Cavusoglu said Thursday his country wants a cease-fire.\n\n"
                 "“Our views are known,” said Cavusoglu.")
    person = next(e for e in facts.entities if e.name == "Mevlut Cavusoglu")
    assert person.type == PERSON
    assert "Cavusoglu" in [m.text for m in person.mentions]
    assert "foreign minister" in person.titles


def test_a_title_introduced_with_a_demonym_gives_the_persons_state_and_resolves_his_country(read):
    facts = read("Turkish Foreign Minister Mevlut Cavusoglu said Thursday his country and Russia want a cease-fire.")
    person = next(e for e in facts.entities if e.name == "Mevlut Cavusoglu")
    assert facts.entity(person.affiliation).name == "Turkey"
    assert "his country" in mentions_of(facts, "Turkey")


def test_a_title_in_apposition_or_a_who_is_clause_after_a_name_gives_the_persons_state(read):
    facts = read('Susan Rice, who is both the current UN Security Council president and US ambassador to the '
                 'United Nations, said, "The view of the United States is clear, we have condemned the launch."')
    person = next(e for e in facts.entities if e.name == "Susan Rice")
    assert facts.entity(person.affiliation).name == "United States" and person.code == "USAGOV"
    [condemned] = [e for e in facts.events if e.trigger.text == "condemned"]
    assert names(facts, condemned.sources) == {"United States"}  # her "we" is her state
    facts = read("Sergio Duarte, the Brazilian envoy, said the talks would resume.")
    person = next(e for e in facts.entities if e.name == "Sergio Duarte")
    assert facts.entity(person.affiliation).name == "Brazil"


def test_a_bare_title_resolves_to_the_one_person_holding_it(read):
    facts = read("Russia backs President Bashar Assad and Turkey supports rebel factions fighting to topple "
                 "the Syrian leader.")
    assert "the Syrian leader" in mentions_of(facts, "Bashar Assad")


def test_demonyms_and_acting_capitals_are_mentions_of_their_state(read):
    facts = read("Ankara and Moscow have long been at odds over the conflict in Syria. Russian troops arrived.")
    assert {"Ankara"} <= set(mentions_of(facts, "Turkey"))
    assert {"Moscow", "Russian"} <= set(mentions_of(facts, "Russia"))
    assert all(e.type == STATE for e in facts.entities if e.name in {"Turkey", "Russia"})
    troops = next(e for e in facts.entities if "Russian troops" in [m.text for m in e.mentions])
    assert troops.generic and troops.code == "RUSMIL" and facts.entity(troops.country).name == "Russia"


def test_kinds_of_armed_actor_are_coded_by_their_words_and_named_groups_stay_apart(read):
    facts = read("Turkey backs the rebel factions of Syria. The Syrian opposition disagrees. "
                 "Fighters of the Islamic State group attacked Kurdish militias.")
    codes = {m.text: e.code for e in facts.entities if e.generic for m in e.mentions}
    assert codes["the rebel factions of Syria"] == "SYRREB" and codes["The Syrian opposition"] == "SYROPP"
    assert any("Islamic State group" in [m.text for m in e.mentions] and e.type == ARMED_GROUP and not e.generic
               for e in facts.entities)


def test_a_demonym_government_is_the_government_of_that_state(read):
    facts = read("Lavrov said his country will continue its support for the Syrian government.")
    gov = next(e for e in facts.entities if e.type == GOVERNMENT)
    assert gov.name == "Syria: government" and gov.code == "SYRGOV" and facts.entity(gov.country).name == "Syria"


def test_the_two_nations_are_the_pair_named_together_before(read):
    facts = read("The differences have strained relations between Moscow and Ankara. "
                 "Lavrov said the two nations agreed.")
    assert "the two nations" in mentions_of(facts, "Russia") and "the two nations" in mentions_of(facts, "Turkey")
    assert "the two nations" not in mentions_of(facts, "Syria")
    assert names(facts, []) == set()


def test_the_rebels_of_an_article_about_one_named_movement_are_that_movement(read):
    facts = read("A multi-front offensive launched by the Ogaden National Liberation Front (ONLF) is in progress. "
                 "The rebels had captured seven towns.")
    onlf = next(e for e in facts.entities if e.name == "Ogaden National Liberation Front")
    assert {"ONLF", "The rebels"} <= {m.text for m in onlf.mentions}


def test_a_generic_movement_does_not_absorb_the_rebels(read):
    facts = read("Turkey supports rebel factions. Turkey views the jihadist movement as a threat.")
    assert any(e.name == "rebels" for e in facts.entities)


def test_a_place_the_model_took_for_a_person_is_a_place(read):
    facts = read("Troops retook Mosul Dam from the militants. Fighting broke out in Sirba and Abu Suruj.")
    typed = {e.name: e.type for e in facts.entities}  # the model tags both PERSON
    assert typed.get("Mosul Dam") == "Place" and typed.get("Abu Suruj") == "Place"


def test_a_medium_of_the_actor_lists_is_a_news_agency_and_a_city_named_city_is_a_city(read):
    facts = read("The Guardian reported that rockets hit Gaza City, and CNN said the army denied it.")
    typed = {e.name: e.type for e in facts.entities}
    assert typed.get("Guardian") == "NewsAgency" and typed.get("CNN") == "NewsAgency"
    assert typed.get("Gaza City") == "City"


def test_one_group_spelled_several_ways_is_one_entity(read):
    facts = read("Al-Shabaab fighters attacked the base. A spokesman for al-Shabab said the Shabab group would "
                 "fight on.")
    groups = [e for e in facts.entities if "shab" in e.name.lower() and not e.generic]
    assert len(groups) == 1 and groups[0].type == ARMED_GROUP


def test_a_misspelt_surname_is_the_same_person_and_a_listed_place_is_no_person(read):
    facts = read("General David Petraeus spoke on Sunday. Petraus said the fight for the southern town of Marja "
                 "is only the start. \"We will win in Marja,\" he said.")
    people = [e for e in facts.entities if e.type == PERSON]
    assert [p.name for p in people] == ["David Petraeus"]
    assert facts.quotes and facts.quotes[0].speaker == people[0].key


def test_a_country_or_demonym_the_model_tags_as_a_person_is_the_country(read):
    facts = read("Leaders came, among them the President of Mali, Ibrahim Boubacar Keita. The boat sank in the "
                 "north-west of Uganda, where the Ugandan government is providing help.")
    assert not any(e.type == PERSON and e.name in {"Mali", "Ugandan", "Uganda"} for e in facts.entities)
    states = {e.name: e for e in facts.entities if e.type == STATE}
    assert "Mali" in states and {"Uganda", "Ugandan"} <= {m.text for m in states["Uganda"].mentions}


def test_an_untagged_two_word_name_saying_something_is_a_person_and_a_body_is_not(read):
    facts = read("Irshad Matsoi, the bureau chief for the Online News Network, said the killing was linked to "
                 "his work. Journalism is becoming \u201can endangered profession,\u201d Matsoi said. Amnesty said "
                 "it was appalled.")
    people = [e for e in facts.entities if e.type == PERSON]
    assert [p.name for p in people] == ["Irshad Matsoi"] and len(people[0].mentions) == 2
    assert facts.quotes[0].speaker == people[0].key
    assert people[0].sector is None  # a bureau chief is no commander
    assert not [e for e in read("Civil Defence said 12 bodies were found.").entities if e.type == PERSON]


def test_spelling_variants_do_not_merge_different_groups_and_a_surname_like_hill_stays_a_person(read):
    facts = read("The Sudan People's Liberation Army and the Sudan Liberation Army clashed. Christopher Hill "
                 "arrived on Monday. Hill said the talks would resume.")
    names_ = {e.name for e in facts.entities}
    assert {"Sudan People's Liberation Army", "Sudan Liberation Army"} <= names_
    assert next(e for e in facts.entities if e.name == "Christopher Hill").type == PERSON


def test_a_body_named_by_the_end_of_one_longer_name_is_that_body(read):
    facts = read("The UN Security Council met on Sunday at the request of Jordan. "
                 "The Security Council called for an immediate cessation of hostilities.")
    assert "Security Council" in mentions_of(facts, "UN Security Council")
    assert not any(e.name == "Security Council" for e in facts.entities)


def test_a_short_name_ending_two_longer_names_stays_apart(read):
    facts = read("The Russian Foreign Ministry and the Turkish Foreign Ministry issued statements. "
                 "The Foreign Ministry later denied the report.")
    assert "Foreign Ministry" not in mentions_of(facts, "Russian Foreign Ministry")
    assert "Foreign Ministry" not in mentions_of(facts, "Turkish Foreign Ministry")


def test_a_name_in_quotation_marks_is_named_without_them(read):
    facts = read('Sombat belongs to the "Red Shirts", a protest group which has supported Thaksin Shinawatra.')
    assert "Red Shirts" in {e.name for e in facts.entities}


def test_an_untagged_word_in_capitals_is_an_organisations_acronym_unless_it_names_nothing(read):
    facts = read("The ONLF accused the troops of conducting a scorched earth campaign. "
                 "Police found DNA on the weapon, and an NGO said so.")
    assert "ONLF" in {e.name for e in facts.entities if e.type == "Organization"}
    assert not {"DNA", "NGO"} & {e.name for e in facts.entities}
    accused = next(e for e in facts.events if e.trigger.text == "accused")
    assert [facts.entity(k).name for k in accused.sources] == ["ONLF"]


def test_a_demonym_in_capitals_is_no_acronym(read):
    caps = read("UPDATE 2-BREAKING NEWS: SOMALI forces and ONLF rebels clashed in Degehabur.")
    assert "SOMALI" not in {e.name for e in caps.entities if e.type == "Organization"}


def test_a_name_right_after_a_title_is_a_person_whatever_the_model_tagged_it(read):
    facts = read('Meanwhile, South African president Thabo Mbeki denounced the operation. "It takes Comoros back '
                 'to the use of force," he said in a televised statement.')
    mbeki = next(e for e in facts.entities if e.name == "Thabo Mbeki")
    assert mbeki.type == PERSON and [q.speaker for q in facts.quotes] == [mbeki.key]


def test_an_arabic_surname_without_its_article_is_the_same_person(read):
    facts = read("Libya's foreign minister, Abdul Ati al-Obeidi, criticized the advisers. In an interview with the "
                 'BBC, Obeidi called for a ceasefire. "We think any military presence is a step backwards."')
    assert "Obeidi" in mentions_of(facts, "Abdul Ati al-Obeidi")
    assert facts.entity(facts.quotes[0].speaker).name == "Abdul Ati al-Obeidi"


def test_a_capital_named_as_a_location_is_a_city_not_its_state(read):
    facts = read("He led activists in Manama's old market area. If a bomb explodes in New York or Madrid, it "
                 "is their fault. The UN opened a base in the capital city of Tripoli. Ankara and Moscow disagree.")
    kinds = {m.text: e.type for e in facts.entities for m in e.mentions}
    assert kinds["Manama"] == kinds["Madrid"] == kinds["Tripoli"] == "City"
    assert kinds["Ankara"] == kinds["Moscow"] == STATE  # capitals that act are their states


def test_the_state_a_title_after_a_name_serves_is_the_persons(read):
    facts = read('Nicolas Maduro, the president of Venezuela, said that he supports the recognition. Rupert '
                 'Colville, a spokesperson for the UN High Commissioner for Human Rights, said, "We call on all '
                 'parties to stop."')
    maduro = next(e for e in facts.entities if e.name == "Nicolas Maduro")
    colville = next(e for e in facts.entities if e.name == "Rupert Colville")
    assert facts.entity(maduro.affiliation).name == "Venezuela"
    assert colville.affiliation is None  # an affiliation is a state (ckg:affiliation's range in the shapes)


def test_an_envoy_for_a_country_is_not_that_countrys(read):
    facts = read('Lakhdar Brahimi, the UN envoy for Syria, arrived in Damascus on Monday.')
    assert next(e for e in facts.entities if e.name == "Lakhdar Brahimi").affiliation is None


def test_a_town_the_gazetteer_knows_is_a_city_and_a_region_it_does_not_a_place(read):
    facts = read("Kurdish forces retook the dam near Mosul while fighting went on in Darfur.")
    kinds = {e.name: e.type for e in facts.entities}
    assert kinds["Mosul"] == "City" and kinds["Darfur"] == "Place"  # pipeline/data/cities.csv (GeoNames)


def test_a_countrys_name_the_model_left_untagged_is_the_country(read):
    facts = read("Bahrain voiced strong backing for the U.S.-led maritime coalition in the Gulf.")
    assert "Bahrain" in {e.name for e in facts.entities}
    assert "Jordan" not in {e.name for e in read("Israeli troops entered the Jordan Valley.").entities}


def test_a_capital_the_model_took_for_a_person_is_its_state(read):
    facts = read("Russia cut gas to Ukraine. Kiev agreed to pay more. The Democratic Republic of Congo's government "
                 "accused Rwanda.")
    ukraine = next(e for e in facts.entities if e.name == "Ukraine")
    assert "Kiev" in {m.text for m in ukraine.mentions}
    assert "Democratic Republic of the Congo" in {e.name for e in facts.entities}


def test_a_city_geonames_lists_as_name_city_is_a_city(read):
    facts = read("Bombs exploded in New York.")
    assert {e.name: e.type for e in facts.entities}["New York"] == "City"


def test_a_name_the_text_calls_a_town_or_a_city_is_one(read):
    facts = read("The rebels seized the town of Jilib. Fighting raged in the city of Misrata.")
    types = {e.name: e.type for e in facts.entities}
    assert types["Jilib"] == "City" and types["Misrata"] == "City"


def test_a_name_the_text_calls_a_newspaper_a_network_or_a_news_agency_is_a_news_outlet(read):
    facts = read("The cartoons were first printed by Danish newspaper Jyllands-Posten. U.S. television network "
                 "NBC says Jordanian authorities arrested him. Jordan's state news agency, Petra, named the officer. "
                 "Witnesses were held, The Telegraph reports.")
    types = {e.name: e.type for e in facts.entities}
    assert {types[n] for n in ("Jyllands-Posten", "NBC", "Petra", "Telegraph")} == {"NewsAgency"}


def test_a_un_agency_a_social_network_or_a_militant_network_is_no_news_outlet(read):
    types = {e.name: e.type for e in read("The UN refugee agency, UNHCR, said the social network Twitter was "
                                          "blocked. Police arrested 12 members of an al-Shabaab network in "
                                          "Nairobi.").entities}
    assert types["UNHCR"] != "NewsAgency" and types.get("Twitter") != "NewsAgency"
    assert types["al-Shabaab"] == "ArmedGroup"


def test_navies_and_air_forces_are_armed_forces_and_authorities_and_offices_governments(read):
    facts = read("The Indian Navy sank a pirate ship. The U.S. Air Force flew the bodies home. The British Foreign "
                 "Office and the Palestinian Authority condemned the attack.")
    types = {e.name: e.type for e in facts.entities}
    assert types["Indian Navy"] == types["U.S. Air Force"] == "ArmedGroup"
    assert types["British Foreign Office"] == types["Palestinian Authority"] == "Government"
    assert not [e for e in facts.entities if e.generic and e.code == "PSEGOV"]  # the named body, no kind of actor


def test_a_lone_surname_two_people_share_is_the_one_whose_full_name_came_last_before_it(read):
    facts = read("Mohamed Bacar seized Anjouan in 2001. Bacar fled. Abdourahim Said Bacar, a government "
                 "spokesman, spoke on Monday.")
    rebel = next(e for e in facts.entities if e.name == "Mohamed Bacar")
    assert "Bacar" in [m.text for m in rebel.mentions]


def test_a_full_name_spelled_again_with_one_letter_changed_is_the_same_person(read):
    facts = read('Abdourahim Said Bakar, a government spokesman, spoke on Monday. Mohamed Bacar fled. '
                 '"He has been spotted in the village," Abdourahim Said Bacar said.')
    people = sorted(e.name for e in facts.entities if e.type == PERSON)
    assert people == ["Abdourahim Said Bakar", "Mohamed Bacar"]
    assert facts.entity(facts.quotes[0].speaker).name == "Abdourahim Said Bakar"


def test_a_surname_alone_is_the_one_person_of_that_surname_named_in_full(read):
    facts = read("Standing alongside President Nicolas Sarkozy at an air base, Betancourt thanked France. She was "
                 "greeted by the First Lady, Carla Bruni-Sarkozy. Sarkozy said, \"We will carry on working.\"")
    assert sorted(mentions_of(facts, "Nicolas Sarkozy")) == ["Nicolas Sarkozy", "Sarkozy"]


def test_a_capital_named_as_a_capital_or_placed_by_a_compass_point_is_a_city_not_its_state(read):
    facts = read("Betancourt landed at a base southwest of Paris. During a summit in Addis Ababa, capital of "
                 "Ethiopia, the minister spoke. Refugees fled the region east of the capital, Kinshasa. "
                 "Lashkar Gah, the capital of Helmand province, was attacked.")
    cities = {e.name for e in facts.entities if e.type == "City"}
    assert {"Paris", "Addis Ababa", "Kinshasa", "Lashkar Gah"} <= cities
    assert "Helmand" not in cities  # the capital of a region: the region is no town


def test_a_lone_surname_is_the_person_named_in_full_first_not_a_relative_named_after(read):
    facts = read("Prime Minister Morgan Tsvangirai was injured. His wife, Susan Tsvangirai, was killed. "
                 "Tsvangirai told mourners he would carry on.")
    assert "Tsvangirai" in mentions_of(facts, "Morgan Tsvangirai")


def test_short_surnames_one_letter_apart_are_different_people(read):
    facts = read("Police detained human rights lawyer Wang Yu. Foreign Minister Wang Yi said the case was lawful.")
    assert sorted(e.name for e in facts.entities if e.type == PERSON) == ["Wang Yi", "Wang Yu"]


def test_a_countrys_name_the_model_tags_as_a_people_is_the_state(read):
    facts = read("Uzbekistan resumed natural gas exports to Tajikistan on Monday after a four-year halt.")
    assert {e.name: e.type for e in facts.entities}.get("Tajikistan") == STATE
