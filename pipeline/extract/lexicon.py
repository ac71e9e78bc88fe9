"""The lexicons the extractors read: trigger words, titles, demonyms, capitals.

They are data (pipeline/data/*.csv, *.json), so a user extends the extractors
without touching Python.
"""

from __future__ import annotations

import csv
import json
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"


RELATIVES = frozenset({"who", "which", "that"})  # relative pronouns: a clause's subject is its noun


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Case- and diacritic-insensitive form: 'Çavuşoğlu' and 'cavusoglu' fold alike."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.replace("ı", "i").casefold().replace("’", "'").split())


@dataclass(frozen=True)
class Trigger:
    lemma: str
    pos: str
    requires: tuple[str, frozenset[str]] | None  # ("prep", {"for"}), ("object", {"ceasefire", ...})
    code: str | None  # PLOVER category
    event_class: str
    cameo: str | None = None  # the CAMEO code, when the verb dictionary coded it
    by_pattern: bool = True  # False: the verb dictionary coded the verb alone, without words around it
    mode: str = ""  # PLOVER mode and context, from the CAMEO -> PLOVER crosswalk
    context: str = ""


@dataclass(frozen=True)
class Lexicon:
    countries: dict[str, str]  # folded name -> country name
    demonyms: dict[str, str]  # folded demonym -> country name
    capitals: dict[str, str]  # folded capital -> country name
    cities: frozenset[str]  # folded names of cities of 100,000 people or more (GeoNames, cities.csv)
    triggers: dict[tuple[str, str], tuple[Trigger, ...]]
    reporting_verbs: frozenset[str]
    noun_classes: dict[str, frozenset[str]]
    titles: dict[str, str]  # folded surface -> title class
    movement_words: frozenset[str]  # words that name an insurgent movement
    org_keywords: tuple[tuple[str, str], ...]  # (folded keyword, entity type), longest first
    generic_suffixes: frozenset[str]
    country_nouns: frozenset[str]
    pair_nouns: frozenset[str]
    locative_preps: frozenset[str]
    admin_units: frozenset[str]
    figure_kinds: dict[str, str]  # word -> "deaths", "displaced", ...
    people_nouns: frozenset[str]
    vague_amounts: dict[str, tuple[int, int | None]]
    number_words: dict[str, int]
    approximators: tuple[str, ...]
    member_nouns: frozenset[str]  # 'members', 'factions', 'commanders': whose kind their modifier says
    not_acronyms: frozenset[str]  # words in capitals that name no body ('DNA', 'URL', 'GMT')
    asking_verbs: frozenset[str]  # 'asked X to leave': what is asked for has not happened
    comment_verbs: frozenset[str]  # 'declined to comment', 'refused to confirm': no act refused, no event
    blaming_verbs: frozenset[str]  # 'blamed the attacks on Al-Qaeda': the 'on' or 'to' of the object is blamed
    wanting_verbs: frozenset[str]  # 'wants the government to resign': a demand of the government
    blast_nouns: frozenset[str]  # 'the blast killed 30': harm done by a thing of war (not 'floods killed 50')
    undergoing_verbs: frozenset[str]  # 'drew the criticism of HRW', 'faced condemnation': the subject undergoes it
    met_things: frozenset[str]  # 'met some resistance', 'met the deadline': what is met is no one
    kin_nouns: frozenset[str]  # 'arrested the son of the leader': the son is arrested, not the leader
    whereabouts_nouns: frozenset[str]  # 'shelled the outskirts of Damascus': a place, not its state
    prospect_nouns: frozenset[str]  # 'fear of an attack', 'plans for a strike': an act that may come, not one
    naming_verbs: frozenset[str]  # 'called the attempt deplorable', 'described X as traitors': the subject judges
    issuing_verbs: frozenset[str]  # 'the Council adopted a resolution': 'the resolution' later acts for the Council
    ongoing_verbs: frozenset[str]  # 'fighting continued between X and Y': X and Y are its sides
    around_words: frozenset[str]  # 'outside of Manama', 'north of Baghdad': the place named is a location
    stranger_nouns: frozenset[str]  # 'tourists', 'foreigners': never the article's own country by default
    captive_nouns: frozenset[str]  # 'freed two hostages': people held, whom a release is done to though unnamed
    town_nouns: frozenset[str]  # 'the town of Marja': what follows is a city, whatever the model took it for
    outlet_nouns: frozenset[str]  # 'Danish newspaper Jyllands-Posten', 'network NBC': the name is a news outlet's
    media_nouns: frozenset[str]  # 'television network NBC', 'news agency': an outlet only as a news or TV one
    outlet_name_words: frozenset[str]  # 'The Telegraph', 'The Jerusalem Post': the last word of a newspaper's name
    rioting_nouns: frozenset[str]  # 'rioters torched cars': violence by protesters is a riot (PLOVER PROTEST)
    office_nouns: frozenset[str]  # 'the chairman said': offices beyond the title classes, referred back to
    title_abbreviations: dict[str, str]  # 'Gen. David Petraeus ... the general'
    body_nouns: frozenset[str]  # 'the organization said': a named body referred back to
    fearing_verbs: frozenset[str]  # 'officials fear an attack': the act feared is not (yet) one
    mandative_verbs: frozenset[str]  # 'insisted that Belgrade allow': a subjunctive clause is asked of its subject
    rallying_verbs: frozenset[str]  # 'thousands rallied': what a counted crowd does as protesters
    quoting_verbs: frozenset[str]  # 'dismissed the claims as "only speculation"': quoted words that are the subject's
    voicing_verbs: frozenset[str]  # 'protesters chanted, "Down with Mubarak"': a quotation's verb, yet no statement
    obstructing_verbs: frozenset[str]  # 'truckers blockaded the highways': civilians' blocking is a protest
    plover_classes: dict[str, str]  # PLOVER type -> the ontology's event class ('AID' -> 'ProvideAid')
    partitive_nouns: frozenset[str]  # 'hundreds of protesters': the actor is what follows 'of'
    denial_verbs: frozenset[str]  # 'denied that troops had been killed': what they govern did not happen
    casualty_verbs: frozenset[str]  # '26 civilians were killed': harm counted, with or without a doer
    mishap_words: frozenset[str]  # 'died of a heart attack', 'died in a helicopter crash': no act of conflict
    figures_of_speech: dict[str, frozenset[str]]  # verb -> objects that make it a figure: 'struck a defiant tone'
    relinquishing_verbs: frozenset[str]  # 'handed in their weapons': a side giving up its own arms disarms
    signing_verbs: frozenset[str]  # 'signed a peace agreement': signing or ratifying is PLOVER SUPPORT
    utterance_nouns: frozenset[str]  # 'Those were the words of X': a quotation's speaker in the next sentence
    collective_nouns: frozenset[str]  # 'a brigade of doctors': what the group is of decides what it is
    speaking_nouns: frozenset[str]  # 'A White House spokeswoman ... she said': kinds of person quoted unnamed
    female_nouns: frozenset[str]  # not 'he'
    male_nouns: frozenset[str]  # not 'she'
    abstract_targets: frozenset[str]  # 'an assault on basic human rights': harm to an idea is a figure of speech
    calamities: frozenset[str]  # 'tragedy struck', 'the earthquake hit': nature or fate, not an actor
    unit_nouns: frozenset[str]  # 'Russia's FSB security service': a unit named for a body is that body
    owned_things: frozenset[str]  # 'defied the UN deadline': a thing named for a body is the body's
    accident_verbs: frozenset[str]  # 'the plane crashed, killing all 15 on board': deaths by mishap, not violence
    refusal_modes: dict[str, str]  # a cooperative PLOVER type the text negates ('will not release') -> its REJECT mode
    non_state_countries: dict[str, str]  # PLOVER's codes of no state ('UNO' -> 'United Nations'): UN officials, UNO IGO
    hyphen_prefixes: frozenset[str]  # 'counter-demonstration': a first half that leaves the word what its second is
    intent_words: frozenset[str]  # 'vowed to retaliate', 'its intent to arrest': violence intended is a threat
    statement_nouns: frozenset[str]  # 'X issued a statement welcoming Y': what the statement does, X does
    place_words: frozenset[str]  # 'Freedom Square': a name ending in one of these is a place
    place_prefixes: frozenset[str]  # 'Jebel Moon', 'Lake Chad': a name starting with one of these is a place
    no_default_verbs: frozenset[str]  # 'took place', 'controls the cabinet': coded by a pattern, never by the default
    named_target_types: frozenset[str]  # PLOVER types the verb dictionary codes only with a named target
    place_countries: dict[str, str]  # folded place -> country code: the country lists' and the project's ('marja' AFG)
    agent_words: frozenset[str]  # the words of the kinds of actor ('civil', 'defence'): no words of a person's name
    weapon_nouns: frozenset[str]  # 'NATO airstrikes', 'US drones': the modifier's actor acts through them
    light_verbs: frozenset[str]  # 'X launched an offensive', 'X held talks': the verb's subject does the nominal event
    threat_modes: dict[str, str]  # PLOVER type announced for the future ('we will strike') -> its THREATEN mode


def _csv(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


# the Lexicon fields that lexicon.json holds as a plain list of words, read as sets
WORD_SETS = ("reporting_verbs", "movement_words", "generic_suffixes", "country_nouns", "pair_nouns",
             "locative_preps", "admin_units", "people_nouns", "member_nouns", "asking_verbs", "comment_verbs",
             "blaming_verbs", "blast_nouns", "wanting_verbs", "undergoing_verbs", "prospect_nouns", "met_things",
             "kin_nouns", "whereabouts_nouns", "naming_verbs", "issuing_verbs", "ongoing_verbs", "around_words",
             "stranger_nouns", "captive_nouns", "rioting_nouns", "obstructing_verbs", "voicing_verbs", "body_nouns",
             "office_nouns", "quoting_verbs", "rallying_verbs", "mandative_verbs", "fearing_verbs", "town_nouns", "outlet_nouns",
             "media_nouns", "outlet_name_words", "partitive_nouns", "denial_verbs", "casualty_verbs", "mishap_words",
             "unit_nouns", "owned_things", "relinquishing_verbs", "signing_verbs", "utterance_nouns", "collective_nouns", "speaking_nouns", "female_nouns", "male_nouns", "abstract_targets", "calamities", "accident_verbs", "hyphen_prefixes",
             "intent_words", "statement_nouns", "place_words", "place_prefixes", "no_default_verbs",
             "named_target_types", "weapon_nouns", "light_verbs")


@cache
def load() -> Lexicon:
    countries, demonyms, capitals = {}, {}, {}
    with open(DATA / "countries.csv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            countries[fold(row["country"])] = row["country"]
            for d in filter(None, row["demonyms"].split("|")):  # Dominica has none: "Dominican" is the Republic's
                demonyms[fold(d)] = row["country"]
            for c in filter(None, row["capital"].split("|")):  # none where the name is ambiguous (Kingston)
                capitals[fold(c)] = row["country"]
            for a in filter(None, row["aliases"].split("|")):  # "US", "U.S.", "Britain"
                countries[fold(a)] = row["country"]
    triggers: dict[tuple[str, str], list[Trigger]] = {}
    with open(DATA / "triggers.csv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            req = None
            if row["requires"]:
                kind, _, values = row["requires"].partition(":")
                req = (kind, frozenset(values.split("|")))
            t = Trigger(row["lemma"], row["pos"], req, row["code"] or None, row["event_class"])
            triggers.setdefault((t.lemma, t.pos), []).append(t)
    for listed in triggers.values():  # a row that requires something is tried before the word's plain row
        listed.sort(key=lambda t: t.requires is None)
    raw = json.loads((DATA / "lexicon.json").read_text(encoding="utf-8"))
    titles = {fold(s): cls for cls, surfaces in raw["titles"].items() for s in surfaces}
    org_keywords = sorted(((fold(k), typ) for typ, ks in raw["org_keywords"].items() for k in ks),
                          key=lambda kv: -len(kv[0]))
    return Lexicon(
        **{name: frozenset(raw[name]) for name in WORD_SETS},
        countries=countries, demonyms=demonyms, capitals=capitals,
        cities=frozenset(fold(r["name"]) for r in _csv(DATA / "cities.csv")),
        triggers={k: tuple(v) for k, v in triggers.items()},
        noun_classes={k: frozenset(v) for k, v in raw["noun_classes"].items()},
        titles=titles,
        org_keywords=tuple(org_keywords),
        figure_kinds={w: kind for kind, words in raw["figure_kinds"].items() for w in words},
        vague_amounts={k: (v[0], v[1]) for k, v in raw["vague_amounts"].items()},
        number_words=raw["number_words"],
        approximators=tuple(raw["approximators"]),
        not_acronyms=frozenset(w.lower() for w in raw["not_acronyms"]),
        plover_classes=raw["plover_classes"],
        refusal_modes=raw["refusal_modes"],
        title_abbreviations=raw["title_abbreviations"],
        non_state_countries=raw["non_state_countries"],
        place_countries={fold(r["word"]): r["code"] for name in ("cameo/country_words.csv", "country_words_extra.csv")
                         for r in _csv(DATA / name)},
        threat_modes=raw["threat_modes"],
        figures_of_speech={verb: frozenset(things) for verb, things in raw["figures_of_speech"].items()},
        agent_words=frozenset(w for name in ("cameo/agents.csv", "agents_extra.csv") for r in _csv(DATA / name)
                              for w in fold(r["phrase"]).split()),
    )


@cache
def broader_classes() -> dict[str, str]:
    """Kind-of-actor class -> the broader class written beside it ('Rebels' -> 'ArmedGroup'),
    so that a store without inference finds rebels among armed groups."""
    with open(DATA / "sectors.csv", newline="", encoding="utf-8") as f:
        return {r["class"]: r["broader"] for r in csv.DictReader(f) if r["broader"]}
