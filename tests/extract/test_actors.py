"""Every actor gets a country and a sector, the way event data codes actors."""

from rdflib import Literal, URIRef

from pipeline.build import Builder
from pipeline.extract.actors import code_at
from pipeline.vocab import CKG


def coded(facts):
    return {m.text: e.code for e in facts.entities if e.generic for m in e.mentions}


def test_an_official_is_coded_with_the_role_the_actor_list_gives_at_the_article_date(read):
    text = "Turkish Prime Minister Recep Tayyip Erdogan met Kenyan officials in Nairobi."
    before = next(e for e in read(text, published="2001-05-01").entities if e.type == "Person")
    after = next(e for e in read(text, published="2010-05-01").entities if e.type == "Person")
    assert (before.code_then or before.code) == "TURELI" and (after.code_then or after.code) == "TURGOV"
    assert before.code == after.code and before.code_basis == "actor list"  # the entity's own code is date-free


def test_an_event_carries_its_sources_code_at_the_article_date(read):
    text = "Turkish Prime Minister Recep Tayyip Erdogan met Kenyan officials in Nairobi."
    for date, code in (("2001-05-01", "TURELI"), ("2010-05-01", "TURGOV")):
        graph = Builder().build(read(text, published=date))
        assert set(graph.objects(None, CKG.sourceCode)) == {Literal(code)}
        assert set(graph.objects(None, CKG.targetCode)) == {Literal("KENGOV")}


def test_a_title_a_kind_of_actor_qualifies_is_that_kinds(read):
    facts = read("Rebel leader Mohamed Bacar fled. Police chief Ali Hassan said ten people were arrested. "
                 "Army chief General Ahmed Said spoke. Militia leader Abu Omar fled. Finance Minister Ali Baba "
                 "resigned. Army commander Saleh Nour spoke.")
    sectors = {e.name: e.sector for e in facts.entities if e.type == "Person"}
    assert sectors == {"Mohamed Bacar": "REB", "Ali Hassan": "COP", "Ahmed Said": "MIL", "Abu Omar": "UAF",
                       "Ali Baba": "GOV", "Saleh Nour": "MIL"}
    leaders = coded(read("North Korea's leaders rejected the offer. Hamas leaders met in Doha."))
    assert leaders["North Korea's leaders"] == "PRKGOV" and leaders["Hamas leaders"].endswith("REB")
    jets = coded(read("Israeli jets struck targets in Gaza. Several think tanks criticized the sanctions."))
    assert jets["Israeli jets"] == "ISRMIL" and jets["Several think tanks"] == "EDU"


def test_dated_roles_are_inclusive_and_fall_back_to_the_undated_one():
    codes = (("TURELI", "1972-01-01", "2002-11-18"), ("TURGOV", "2003-03-14", ""), ("TURELI", "", ""))
    assert code_at(codes, "2002-11-18") == "TURELI"
    assert code_at(codes, "2020-01-01") == "TURGOV"
    assert code_at(codes, "2003-01-01") == "TURELI"  # between two dated roles: the undated one
    assert code_at(codes, None) == "TURELI"


def test_a_generic_actor_takes_its_country_from_a_demonym_a_possessive_or_a_place(read):
    facts = read("Kenyan police fired tear gas. Syria's army shelled the town. Police in Nablus arrested two men.")
    got = coded(facts)
    assert got["Kenyan police"] == "KENCOP" and got["Syria's army"] == "SYRMIL" and got["Police in Nablus"] == "PSECOP"


def test_every_sovereign_state_gives_its_country_not_just_the_big_ones(read):
    got = coded(read("Malaysian police detained two women in Kuala Lumpur. One Comoros soldier was hurt, "
                     "and Liberian officials said Zambian troops had left."))
    assert got["Malaysian police"] == "MYSCOP" and got["One Comoros soldier"] == "COMMIL"
    assert got["Liberian officials"] == "LBRGOV" and got["Zambian troops"] == "ZMBMIL"
    more = coded(read("Equatorial Guinean soldiers fired on protesters. Police in Nassau County arrested two men."))
    assert more["Equatorial Guinean soldiers"] == "GNQMIL"  # two words before one: not Guinea's
    assert more["Police"] == "COP"  # a place is looked up whole: Nassau County is not Nassau, the Bahamas


def test_government_troops_are_the_article_states_and_foreign_ones_have_no_home(read):
    facts = read("Ethiopia said its forces had retaken Ogaden. The Ethiopian government denied it. "
                 "Government troops later shelled the villages near Ethiopia's border, "
                 "and the residents fled, foreign journalists said.")
    got = coded(facts)
    assert got["Government troops"] == "ETHMIL"
    assert got["foreign journalists"] == "MED"  # journalists and foreigners are not the article's own country


def test_the_body_or_person_a_kind_of_actor_is_of_or_for_gives_its_country_and_is_part_of_its_mention(read):
    got = coded(read("A spokesman for President Obama said talks had failed. The armed wing of Hamas claimed the "
                     "attack. A spokesman for the Turkish army said troops had killed 12 militants."))
    assert got["A spokesman for President Obama"] == "USAGOV" and got["The armed wing of Hamas"] == "PSEREB"
    assert got["A spokesman for the Turkish army"] == "TURMIL"
    sent = coded(read("Russia said the United States had sent troops for Afghanistan and diplomats for Iraq."))
    assert sent["troops"] == "MIL"  # troops sent for Afghanistan are not Afghan (nor, unsaid, anyone else's)


def test_world_leaders_and_the_international_community_are_no_one_countrys(read):
    got = coded(read("French police guarded the route in Paris as world leaders marched. The international "
                     "community condemned the attack on France."))
    assert got["world leaders"] == "GOV" and got["The international community"] == "GOV"


def test_a_kind_of_actor_with_no_country_is_still_an_actor_with_its_sector(read):
    facts = read("Gunmen opened fire on a bus, witnesses said.")
    gunmen = next(e for e in facts.entities if "Gunmen" in [m.text for m in e.mentions])
    assert gunmen.generic and gunmen.code == "UAF" and gunmen.country is None and gunmen.type == "Militia"


def test_member_nouns_take_the_kind_of_their_modifier_and_demonym_plurals_are_people(read):
    got = coded(read("Hamas fighters fired rockets. Palestinians fled the rebel factions."))
    assert got["Hamas fighters"] == "PSEREB"  # Hamas is PSEREB in the actor lists
    assert got["Palestinians"] == "PSECVL"


def test_the_same_kind_of_actor_is_one_iri_across_articles(read):
    first = Builder().build(read("Syrian troops shelled Aleppo on Monday."))
    second = Builder().build(read("Residents said Syrian troops had left Homs."))
    iri = URIRef("https://w3id.org/conflict-kg/id/actor/SYRMIL")
    for g in (first, second):
        assert (iri, CKG.actorCode, Literal("SYRMIL")) in g and (iri, CKG.sector, Literal("MIL")) in g
        assert (iri, CKG.country, None) in g and (iri, CKG.codeBasis, Literal("text")) in g


def test_kinds_written_with_hyphens_or_of_and_members_of_a_defined_group(read):
    facts = read("The Farabundo Marti National Liberation Front (FMLN) met the government. FMLN members "
                 "attacked a base in El Salvador. African peace-keepers and the heads of state of the region "
                 "met in Nairobi.")
    got = {m.text: e.code for e in facts.entities for m in e.mentions}
    assert got["FMLN members"] == "SLVREB"  # the acronym is the front's, which the actor list codes SLV REB
    assert got["African peace-keepers"].endswith("MIL") and "the heads of state" in got


def test_bodies_the_lists_predate_come_from_the_projects_own_list(read):
    got = coded(read("African Union soldiers shelled the market in Mogadishu on Monday."))
    assert got["African Union soldiers"] == "IGOMIL"  # the AU (2002) is in pipeline/data/actors_extra.tsv


def test_members_of_the_un_are_the_uns_with_plovers_non_state_country_code(read):
    facts = read("UN investigators and UN officials in Nairobi met Kenyan police.")
    assert coded(facts)["UN investigators"] == "UNOIGO" and coded(facts)["UN officials"] == "UNOIGO"
    un = next(e for e in facts.entities if e.code == "UNOIGO")
    assert un.name == "United Nations: international organisations" and un.country is None


def test_places_the_lists_lack_still_give_their_country(read):
    facts = read("Civilians in Gaza fled as police in Tigray arrested students.")
    assert coded(facts)["Civilians in Gaza"] == "PSECVL" and coded(facts)["police in Tigray"] == "ETHCOP"


def test_a_place_the_text_puts_in_a_state_is_in_that_state_whatever_the_lists_say(read):
    facts = read("An official from the Juba region in Somalia said security forces were looking for the kidnappers.")
    assert coded(facts)["An official from the Juba region in Somalia"] == "SOMGOV"  # the lists' Juba is in South Sudan


def test_a_place_counts_for_a_country_only_if_the_article_names_it(read):
    facts = read("Somalia has asked for aid after the floods. Floods hit Juba, and Juba and Kismayo were cut off. "
                 "Farmers near Juba lost their crops, officials in Somalia said.")
    assert coded(facts)["Farmers"] == "AGR"  # the lists' Juba is South Sudan's capital, a country never named here


def test_a_body_of_the_actor_lists_the_model_missed_or_cut_short_is_an_organisation(read):
    facts = read("Médecins Sans Frontières withdrew its international staff from the country.\n\n"
                 "Peshmerga units were joined by volunteers, Haaretz reported.")
    names = {e.name: e for e in facts.entities}
    assert names["Médecins Sans Frontières"].code.startswith("NGO")
    assert names["Peshmerga"].code == "IRQMIL" and names["Peshmerga"].type == "ArmedGroup"
    assert not any(e.type == "Person" for e in facts.entities)
    assert any(ev.plover == "SANCTION" and ev.sources == (names["Médecins Sans Frontières"].key,)
               for ev in facts.events)


def test_listed_kinds_of_actor_offices_and_dated_people_are_not_made_organisations(read):
    facts = read("An NGO said the White House Spokesman and Secretary of State met Ignazio La Russa.")
    assert not any(e.type == "Organization" and e.name in {"NGO", "White House Spokesman", "Secretary of State",
                                                          "Ignazio La Russa"} for e in facts.entities)


def test_a_kind_of_actor_in_apposition_with_a_named_body_is_that_body_throughout_the_article(read):
    facts = read("Protests drew the attention of Thailand's military junta, the National Council for Peace and Order. "
                 "The junta imposed a curfew on Bangkok. The government was ousted in May.\n\n"
                 "Sombat belongs to the Red Shirts, a protest group which has supported Thaksin Shinawatra.")
    body = next(e for e in facts.entities if e.name.startswith("National Council for Peace"))
    assert body.type == "Government" and body.sector == "GOV"
    curfew = next(ev for ev in facts.events if ev.trigger.text in {"imposed", "curfew"})
    assert curfew.sources == (body.key,)
    ousted = next(ev for ev in facts.events if ev.trigger.text == "ousted")
    assert body.key not in ousted.targets  # "the government" is another noun: still the generic government
    support = next(ev for ev in facts.events if ev.trigger.text == "supported")
    assert [facts.entity(k).name for k in support.sources] == ["Red Shirts"]


def test_an_organisation_or_a_vessel_is_of_the_kind_its_modifier_names(read):
    facts = read("The pirate vessel reportedly threatened the Indian frigate after it was hailed. "
                 "The guerrilla organization has made contact with the government.")
    assert coded(facts)["The pirate vessel"] == "CRM"
    assert coded(facts)["The guerrilla organization"] == "REB"


def test_snipers_crowds_crews_and_nationals_are_kinds_of_actor_the_lists_lack(read):
    got = coded(read("Libyan snipers fired on a crowd in Misrata. China returned North Korean nationals and the "
                     "crew of the tanker was freed."))
    assert got["Libyan snipers"] == "LBYUAF" and got["North Korean nationals"] == "PRKCVL"
    assert got["a crowd in Misrata"] == "LBYCVL" and got["the crew"].endswith("CVL")  # data/agents_extra.csv


def test_aircraft_stand_for_their_armed_forces_and_hostages_supporters_and_relatives_are_people(read):
    got = coded(read("Israeli aircraft targeted a Hamas base in Gaza. Gunmen in Somalia wounded one of the hostages. "
                     "Hundreds of Iranian supporters welcomed the negotiators, and relatives of the dead wept."))
    assert got["Israeli aircraft"] == "ISRMIL" and got["the hostages"].endswith("CVL")
    assert got["Iranian supporters"] == "IRNCVL" and got["relatives"].endswith("CVL")
    assert coded(read("Analysts are skeptical that the two leaders can agree."))["Analysts"] == "EDU"
    held = coded(read("Armed men took several policemen hostage. Police clashed with Bahraini youth."))
    assert held["several policemen hostage"].endswith("CVL") and held["Bahraini youth"] == "BHRCVL"


def test_a_listed_body_named_for_a_kind_of_actor_is_still_the_body(read):
    facts = read("Reporters Without Borders appealed for punishment of those responsible for the murder.")
    body = next(e for e in facts.entities if e.name == "Reporters Without Borders")
    assert body.code == "NGOHRIMED"  # not the 'reporters' of the agents list


def test_negotiators_are_their_governments_and_minorities_civilians(read):
    facts = read("Iran's negotiators were welcomed home. Religious minorities in northern Iraq fled the fighting.")
    codes = coded(facts)
    assert codes["Iran's negotiators"] == "IRNGOV" and codes["Religious minorities in northern Iraq"] == "IRQCVL"


def test_advisers_operators_volunteers_and_planners_are_kinds_of_actor(read):
    facts = read("An advisor to the Palestinian team spoke. Mobile operators in Egypt were told to suspend "
                 "services. Yazidi volunteers are being trained in Iraq. Pentagon planners drew up options.")
    codes = coded(facts)
    assert codes["An advisor"] == "PSEGOV"  # to the Palestinian team
    assert codes["Mobile operators in Egypt"] == "EGYBUS"
    assert codes["Yazidi volunteers"].endswith("UAF") and codes["Pentagon planners"].endswith("MIL")


def test_an_agency_is_no_news_agency_by_its_name_nor_a_company_the_lists_call_media(read):
    facts = read("Inspections by the International Atomic Energy Agency (IAEA) will continue. "
                 "Vodafone said operators must suspend services. The BBC reported.")
    types = {e.name: e.type for e in facts.entities}
    assert types["International Atomic Energy Agency"] == "Organization" and types["Vodafone"] == "Organization"
    assert types["BBC"] == "NewsAgency"


def test_a_states_navy_or_air_force_is_that_states_military_not_a_rebel_group(read):
    codes = {e.name: e.code for e in read("The Indian Navy sank a pirate ship. The U.S. Air Force flew the bodies "
                                          "home.").entities}
    assert codes["Indian Navy"] == "INDMIL" and codes["U.S. Air Force"] == "USAMIL"
    seals = read("Iraqi troops and Navy SEALs raided a house in Mosul, Iraq's army said.").entities
    assert next(e.code for e in seals if e.name.startswith("Navy")).endswith("MIL")  # no country named: still MIL


def test_aid_agencies_unions_and_juries_are_kinds_of_actor(read):
    got = coded(read("Aid agencies appealed for $400 million. Farmers' unions petitioned the ministry. A federal "
                     "grand jury indicted two men."))
    assert got["Aid agencies"] == "NGO" and got["Farmers' unions"].endswith("LAB")
    assert got["A federal grand jury"].endswith("JUD")


def test_ones_own_opposition_to_something_is_a_stance_not_the_opposition(read):
    facts = read("The general also noted his opposition to torture. The opposition boycotted the vote.")
    assert [m.text for e in facts.entities if e.code == "OPP" for m in e.mentions] == ["The opposition"]


def test_a_kind_with_no_country_of_its_own_takes_the_one_country_the_article_gives_that_kind(read):
    facts = read("Somali pirates seized a tanker on Monday. The pirates demanded a ransom.")
    assert [e.code for e in facts.entities if e.generic and e.sector == "CRM"] == ["SOMCRM"]


def test_a_crowd_the_text_only_counts_doing_what_protesters_do_is_protesters(read):
    facts = read("Tens of thousands took to the streets of Khartoum. Hundreds protested the conference. "
                 "Thousands were killed in the war.")
    crowds = [m.text for e in facts.entities if e.code and e.code.endswith("OPP") for m in e.mentions]
    assert crowds == ["Tens of thousands", "Hundreds"]  # not the dead
    assert all(e.sources for e in facts.events if e.plover == "PROTEST")


def test_an_acronym_defined_after_a_body_the_actor_lists_name_is_that_body(read):
    facts = read("Reporters Without Borders (RWB) have appealed for punishment of those responsible. "
                 "According to RWB, journalists do not feel free.")
    body = next(e for e in facts.entities if e.name == "Reporters Without Borders")
    assert [m.text for m in body.mentions] == ["Reporters Without Borders", "RWB", "RWB"]
    assert not [e for e in facts.entities if e.name == "RWB"]


def test_demonyms_joined_by_and_name_the_kind_of_actor_of_each_country(read):
    facts = read("Chinese and Indian troops disengaged from the Pangong lake area on Wednesday.")
    phrase = {e.code for e in facts.entities if e.generic for m in e.mentions if m.text == "Chinese and Indian troops"}
    assert phrase == {"CHNMIL", "INDMIL"}


def test_people_the_news_quotes_are_kinds_of_actor(read):
    facts = read("'It's like the seventies all over again,' one pensioner said. Rescuers worked through the night.")
    got = coded(facts)
    assert got["one pensioner"].endswith("CVL")
    assert any(code.endswith("HLH") for text, code in got.items() if "Rescuers" in text)


def test_rescue_workers_are_health_workers_not_any_workers(read):
    got = coded(read("Iraqi rescue workers pulled survivors from the rubble."))
    assert got["Iraqi rescue workers"] == "IRQHLH"
