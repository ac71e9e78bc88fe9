"""Actors as event data codes them: a country and a sector for every actor.

Two passes over an article's entity table:

- generic actors: a noun phrase naming a kind of actor ("Kenyan police", "Syria's army",
  "rebels in northern Mali", "security forces") becomes an actor of the graph, one per
  (country, sector) in every article, so "Syrian troops" here and there are one actor;
  its sector comes from the Phoenix agents dictionary (with the project's corrections),
  its country from the phrase (demonym, possessive, compound, "in/of/from" a place),
  else for government words the article's most named state, else the one country the
  places of its sentence lie in, else the article's own country, else none;
- named actors: a person, body or group found in the Phoenix actor lists gets the code
  valid at the article's date (the lists date who held which office when), and its
  sector decides what kind of thing it is where the model only guessed.

The dictionaries are converted data (pipeline/data/cameo/, see its NOTICE), loaded once
per process; every lookup is a dict lookup.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Span as TokSpan, Token

from pipeline.extract.entities import POSSESSIVE, EntityTable, merge_acronyms
from pipeline.extract import lexicon
from pipeline.extract.lexicon import DATA, Lexicon, fold
from pipeline.facts import (ARMED_GROUP, GOVERNMENT, NEWS_AGENCY, ORGANIZATION, PERSON, PLACE, PLACE_TYPES, STATE,
                            Article, Entity)

CAMEO = DATA / "cameo"
GENERIC = "Generic"  # key prefix of generic actors: "Generic|SYRMIL"
MAX_WORDS = 4  # the longest agent phrase looked for before a head noun
COUNTRY_PREPS = {"in", "of", "from", "for"}  # "police in Nablus", "a spokesman for the Turkish army"
MEMBER_PREPS = {"of", "from", "for"}  # "the armed wing of Hamas", "a spokesman for al-Shabaab"
NO_HOME_SECTORS = {"MED", "BUS", "NGO", "IGO", "HRI", "IMG"}  # journalists, companies: no country by default
STATE_FORCES = {"navy", "air force", "marines", "marine corps", "coast guard"}  # a state's arms, by name
FOREIGN = {"foreign", "international", "western", "african", "arab", "european", "regional", "overseas", "world",
           "global"}
BODIES = {ORGANIZATION, ARMED_GROUP, GOVERNMENT}  # what a kind of actor in apposition may name
ARMED_SECTORS = {"MIL", "REB", "INS", "UAF", "IMG", "RAD"}


@dataclass(frozen=True)
class Sector:
    cls: str  # the ontology class of a generic actor of this sector
    label: str


@dataclass(frozen=True)
class Dictionaries:
    agents: dict[str, str]  # folded phrase -> sector code(s): 'police officers' -> 'COP'
    actors: dict[str, tuple[tuple[str, str, str], ...]]  # folded name -> (code, from, until) ISO dates or ""
    country_words: dict[str, str]  # folded word -> country code: 'kenyan', 'nablus', 'helmand'
    code_of: dict[str, str]  # country name (countries.csv) -> code
    country_of: dict[str, str]  # code -> country name
    sectors: dict[str, Sector]
    lists_end: str  # the last date of the actor lists: later roles are unknown to them

    def sector(self, code: str) -> Sector | None:
        return self.sectors.get(code[:3])


def _rows(name: str, delimiter: str = ",") -> list[dict[str, str]]:
    with open(CAMEO / name if (CAMEO / name).exists() else DATA / name, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter=delimiter))


@cache
def load() -> Dictionaries:
    agents = {r["phrase"]: r["sector"] for r in _rows("agents.csv")}
    agents.update({fold(r["phrase"]): r["sector"] for r in _rows("agents_extra.csv")})  # the project's corrections
    actors = {}
    for r in _rows("actors.tsv", "\t") + _rows("actors_extra.tsv", "\t"):  # then the bodies the lists predate
        actors[r["name"]] = tuple(tuple(c.split(":")) for c in r["codes"].split(";"))  # type: ignore[misc]
    lists_end = max(date for codes in actors.values() for _, start, end in codes for date in (start, end))
    code_of = {r["country"]: r["code"] for r in _rows("country_codes.csv")}
    return Dictionaries(
        agents=agents, actors=actors,  # type: ignore[arg-type]
        country_words=lexicon.load().place_countries,
        code_of=code_of, country_of={c: n for n, c in sorted(code_of.items(), reverse=True)},
        sectors={r["sector"]: Sector(r["class"], r["label"]) for r in _rows("sectors.csv")}, lists_end=lists_end)


# --- named actors ---------------------------------------------------------------

def code_at(codes: tuple[tuple[str, str, str], ...], date: str | None) -> str | None:
    """The code valid on `date`: a dated entry covering it, else the entry without dates;
    with no date, the entry without dates, else the latest entry still open."""
    if date:
        dated = [c for c, start, end in codes if (start or end) and (not start or start <= date)
                 and (not end or date <= end)]
        if dated:
            return dated[-1]
    default = [c for c, start, end in codes if not start and not end]
    if default:
        return default[-1]
    current = [c for c, _, end in codes if not end] if not date else []
    return current[-1] if current else None


def code_named(table: EntityTable, article: Article, d: Dictionaries) -> None:
    """Persons, groups and bodies the actor lists know: their code at the article's date;
    an organisation the model typed loosely takes the kind its sector says; a person
    with no state yet is affiliated with the code's country."""
    date = article.published or article.dateline
    for e in list(table.entities.values()):
        if e.key.startswith(GENERIC) or e.role:
            continue
        if e.type == STATE:
            e.code, e.code_basis = d.code_of.get(e.name), "country list"
            e.sector, e.country = None, e.key if e.code else None
            continue
        codes = d.actors.get(fold(e.name)) or d.actors.get(fold(e.name).replace("-", " ")) or \
            d.actors.get("the " + fold(e.name))  # "Guardian" is listed as "the guardian"
        then = code_at(codes, date) if codes else None
        code = code_at(codes, None) if codes else None
        if then is None and code is None:
            _code_from_text(e, table, d)
            continue
        e.code, e.code_basis = code or then, "actor list"
        e.code_then = then if then != e.code else None
        e.sector = _sector_of(e.code, d)
        state = d.country_of.get(e.code[:3])
        if state:
            e.country = table.get(state, STATE).key
            if e.type == PERSON and e.affiliation is None:
                e.affiliation = e.country
        if e.type in {ORGANIZATION, PLACE} and (e.sector in ARMED_SECTORS or e.code[:3] in ARMED_SECTORS):
            e.type = ARMED_GROUP  # "the Islamic State", which the model takes for a place
        elif e.type == ORGANIZATION and e.sector == "GOV" and state is None:
            e.type = GOVERNMENT
        elif e.type == ORGANIZATION and e.sector == "MED" and not e.code.startswith("MNC"):
            e.type = NEWS_AGENCY  # "BBC", "The Guardian" (not Vodafone or Google, companies the lists give MED)


MAX_NAME = 6  # the most words of a listed name looked for
NAME_LINKS = {"of", "and", "the", "for", "de"}  # small words inside a name


def listed_bodies(table: EntityTable, d: Dictionaries, lex: Lexicon) -> None:
    """Bodies and groups of the actor lists the model did not tag ('AU', 'OAS', 'Peshmerga')
    or cut short ('Sans Frontieres' of 'Medecins Sans Frontieres'): a whole run of
    capitalised words that the lists name is an organisation. Not a listed kind of actor
    ('NGO', 'White House Spokesman'), not a run the lists date (persons hold offices for a
    time: 'Ignazio La Russa'), and a place or a longer name the model found stays as it is."""
    words = table.words
    for sentence in table.sentences:
        if table.text_of(sentence).isupper():
            continue  # an all-capitals wire: every word looks like a name
        i = sentence.start
        while i < sentence.end:
            if not words[i][:1].isupper():
                i += 1
                continue
            end = i
            while end < sentence.end and (words[end][:1].isupper() or (
                    end > i and words[end].lower() in NAME_LINKS)):
                end += 1
            while end > i and not words[end - 1][:1].isupper():
                end -= 1  # "Front of the": a run ends on a name word
            start = i + (words[i].lower() in NAME_LINKS)  # "The Peshmerga"
            if end > start:
                _make_body(table, table.doc[start:end], d, lex)
            i = max(end, i + 1)


def _make_body(table: EntityTable, span: TokSpan, d: Dictionaries, lex: Lexicon) -> None:
    name = fold(table.text_of(span))
    codes = d.actors.get(name)
    if not codes or any(start or end for _, start, end in codes) or (len(span) == 1 and span[0].pos_ != "PROPN"):
        return
    words = name.split()
    named_for = len(words) > 2 and words[1] in {"without", "for", "against"}  # "Reporters Without Borders"
    if words[0] in d.agents and not named_for or words[-1] in d.agents or name in lex.titles:
        return  # a kind of actor, or a person by office ('King ...', '... Spokesman', 'Secretary of State')
    inside = [table.entities[k] for k in dict.fromkeys(k for t in span for k in table.keys_at(t))]
    mentions = [m for e in inside for m in e.mentions if m.start < span.end_char and m.end > span.start_char]
    if any(m.start < span.start_char or m.end > span.end_char or m.text == span.text for m in mentions):
        return
    if {e.type for e in inside} & ({STATE} | PLACE_TYPES):
        return
    if any(e.type == PERSON for e in inside) and codes[0][0][:3] in d.country_of:
        return  # a person's name that a body of one country shares
    body = table.get(table.text_of(span), ORGANIZATION)
    for e in inside:
        table.move(span, e, body)
    if not inside:
        table.mention(body, span)


def _sector_of(code: str, d: Dictionaries) -> str | None:
    """The first sector of an actor code: 'SYRGOV' -> GOV, 'MED' -> MED (a code of no
    country), 'MNCUSAMED' -> MED (a company of the United States)."""
    chunks = [code[i:i + 3] for i in range(0, len(code), 3)]
    if len(chunks) == 1:
        return chunks[0] if d.sector(chunks[0]) else None
    return next((c for c in chunks[1:] if d.sector(c) and c not in d.country_of), None)


def _code_from_text(e: Entity, table: EntityTable, d: Dictionaries) -> None:
    """Not in the lists: a country from its affiliation, a sector from its title
    ('Turkish Foreign Minister' -> TUR GOV) or the kind of actor that qualifies it ('army
    commander', 'militia leader': the army's, the militia's), or its kind (an armed group ->
    REB, of the article's own country when nothing says whose it is)."""
    country = table.entities[e.affiliation].name if e.affiliation in table.entities else None
    code = d.code_of.get(country or "", "")
    sector = next((d.agents[w][:3] for t in e.titles for w in (t, t.split()[0], t.split()[-1]) if w in d.agents),
                  None)  # the title's, else its kind's ("militia leader": UAF), else its head's ("oil minister": GOV)
    if sector is None and e.type == ARMED_GROUP and _state_force(e):
        sector = "MIL"  # "the Indian Navy": India's military; "Navy SEALs": the article's country's
        code = code or _force_country(e, table, d) or home_country(table, d) or ""
    if sector is None and e.type == ARMED_GROUP:
        sector = "REB"
        code = code or home_country(table, d) or ""  # an armed group with no stated side: the article's country's
    if sector is None and e.type == GOVERNMENT:
        sector = "GOV"
    if code or sector:
        e.code, e.sector, e.code_basis = code + (sector or ""), sector, "text"
        state = d.country_of.get(code)
        e.country = table.get(state, STATE).key if state else None


def _state_force(e: Entity) -> bool:
    """A navy, an air force, marines or a coast guard by name ('the Indian Navy', 'Navy SEALs'):
    a state's arms; not an 'army', which rebels name themselves too (the Free Syrian Army)."""
    words = fold(e.name).split()
    return any(w in STATE_FORCES for w in words) or any(" ".join(words[i:i + 2]) in STATE_FORCES
                                                       for i in range(len(words) - 1))


def _force_country(e: Entity, table: EntityTable, d: Dictionaries) -> str | None:
    span = table.doc.char_span(e.mentions[0].start, e.mentions[0].end, alignment_mode="expand") if e.mentions else None
    return _country_in(table.tokens_of(span), table, d) if span is not None else None


# --- generic actors ---------------------------------------------------------------

def of_phrase(head: Token, d: Dictionaries) -> Token | None:
    """The last word of an agent phrase that goes on after its head with 'of' ('heads of state')."""
    for prep in (c for c in head.rights if c.dep_ == "prep" and c.lower_ == "of" and c.i == head.i + 1):
        for obj in (p for p in prep.children if p.dep_ == "pobj" and p.i == prep.i + 1):
            if fold(head.doc[head.i:obj.i + 1].text) in d.agents:
                return obj
    return None


def agent_phrase(head: Token, d: Dictionaries, tokens: list[Token]) -> str | None:
    """The sector code of the longest agent phrase ending at `head` ('police officers' -> 'COP',
    'peace-keepers' -> 'MIL'). `tokens`: the document's, made once (spaCy makes a Token per access)."""
    obj = of_phrase(head, d)
    if obj is not None:
        return d.agents[fold(head.doc[head.i:obj.i + 1].text)]
    start = head.i  # the phrase may start at any of the modifiers right before the head
    while start > max(0, head.i - MAX_WORDS + 1) and _modifies(tokens[start - 1], head):
        start -= 1
    lasts = (head.lower_, head.lemma_.lower())
    for first in range(start, head.i + 1):  # the longest first
        before = "".join(t.text_with_ws for t in tokens[first:head.i]).lower()  # as written: "peace-", "police "
        for last in lasts:
            sector = d.agents.get(fold(before + last))
            if sector:
                return sector
    return None


def _modifies(t: Token, head: Token) -> bool:
    return t.head.i <= head.i and (t.dep_ in {"compound", "amod"} or t.text == "-")


def _country_in(tokens: list[Token], table: EntityTable, d: Dictionaries) -> str | None:
    """The country code the words name: a state, a place in one, a person's state, an
    organisation's code ('NATO troops': IGO), a demonym or a place word of the country lists."""
    for n, t in enumerate(tokens):
        for k in table.keys_at(t):
            ent = table.entities[k]
            if ent.type == STATE and ent.name in d.code_of:
                return d.code_of[ent.name]
            if ent.type == PERSON and ent.affiliation in table.entities:
                return d.code_of.get(table.entities[ent.affiliation].name)
            if ent.type in {ORGANIZATION, ARMED_GROUP, GOVERNMENT} and not ent.generic:
                codes = d.actors.get(fold(ent.name))
                code = code_at(codes, None) if codes else None
                if code:
                    return code[:3]
            if ent.type in PLACE_TYPES:
                code = _stated_state(t, table, d) or d.country_words.get(fold(ent.name))
                if code in d.country_of:
                    return code
        named = t.pos_ in {"PROPN", "ADJ", "NOUN"} and t.text[:1].isupper() and not any(
            table.entities[k].type in PLACE_TYPES for k in table.keys_at(t))  # a place is looked up whole
        nxt = tokens[n + 1] if n + 1 < len(tokens) else None  # "Equatorial Guinean" before "Guinean"
        pair = d.country_words.get(fold(f"{t.text} {nxt.text}")) if named and nxt is not None else None
        code = pair or d.country_words.get(fold(t.text)) if named else None  # not "Nassau" of "Nassau County"
        if code in d.country_of:
            return code
    return None


def _names_body(prep: Token, table: EntityTable) -> bool:
    return any(not table.entities[k].generic and table.entities[k].type in BODIES
               for t in prep.subtree for k in table.keys_at(t))


def _names_place(prep: Token, table: EntityTable) -> bool:
    """The object of the preposition is itself a place or a state ('for Afghanistan')."""
    return any(table.entities[k].type in PLACE_TYPES | {STATE} for p in prep.children if p.dep_ == "pobj"
               for k in table.keys_at(p))


def home_country(table: EntityTable, d: Dictionaries) -> str | None:
    """The article's own country: the one its states and places name most (a place counts
    twice, for the country the country lists put it in, if the article names that country:
    where things happen says more than who speaks), at least three times and more than any
    other; none on a tie."""
    counts: dict[str, int] = {}
    named = _named_countries(table, d)
    for e in table.entities.values():
        if e.type == STATE:
            code, weight = d.code_of.get(e.name), 1
        elif e.type in PLACE_TYPES:
            code, weight = d.country_words.get(fold(e.name)), 2  # where things happen says more than who speaks
        else:
            continue
        if code in d.country_of and code in named:  # a place counts for a country the article names
            counts[code] = counts.get(code, 0) + weight * len(e.mentions)
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if not ranked or ranked[0][1] < 3 or len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None
    return ranked[0][0]


def _where(tok: Token, table: EntityTable, d: Dictionaries) -> str | None:
    """The one country the places named in the token's sentence lie in (none if they lie in
    two), counting a place only for a country the article names: the lists' Juba is South
    Sudan's capital, the Juba river of a Somali story is not."""
    countries = {_place_country(t, table.entities[k], table, d) for t in table.tokens_of(table.sentence(tok))
                 for k in table.keys_at(t) if table.entities[k].type in PLACE_TYPES - {STATE}}
    countries.discard(None)
    return countries.pop() if len(countries) == 1 else None


def _named_countries(table: EntityTable, d: Dictionaries) -> set[str]:
    return {d.code_of[e.name] for e in table.entities.values()
            if e.type == STATE and e.mentions and e.name in d.code_of}


def _place_country(tok: Token, place: Entity, table: EntityTable, d: Dictionaries) -> str | None:
    """The country of a place somewhere in the sentence (weaker evidence than 'police in
    Nablus'): the state the text puts it in, else the lists' country if the article names
    that country at all."""
    code = _stated_state(tok, table, d) or d.country_words.get(fold(place.name))
    return code if code in d.country_of and code in _named_countries(table, d) else None


def _stated_state(place: Token, table: EntityTable, d: Dictionaries) -> str | None:
    """'the Juba region in Somalia': the state the text puts a place in, over the lists' guess
    (their Juba is South Sudan's capital)."""
    head = place.head if place.dep_ == "compound" else place
    for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "in"):
        for obj in (p for p in prep.children if p.dep_ == "pobj"):
            state = next((table.entities[k] for k in table.keys_at(obj) if table.entities[k].type == STATE), None)
            if state is not None:
                return d.code_of.get(state.name)
    return None


def _kind(tok: Token, table: EntityTable, d: Dictionaries, lex: Lexicon) -> tuple[str, str | None] | None:
    """(sector, country the kind itself gives) of a noun naming a kind of actor: an agent
    phrase ('police officers'); a member noun whose modifier or 'of' phrase is one ('rebel
    factions', 'FMLN members', 'armed wing of Hamas'); a plural demonym ('Palestinians')."""
    found = agent_phrase(tok, d, table.tokens)
    if found is not None and fold(tok.text) not in lex.member_nouns:
        return found, None
    if fold(tok.text) in lex.member_nouns:
        mods = [c for c in tok.lefts if c.dep_ in {"compound", "amod", "nmod", "poss"}]
        objects = [p for c in tok.rights if c.dep_ == "prep" and c.lower_ in MEMBER_PREPS for p in c.children
                   if p.dep_ == "pobj"]
        mods += objects + [c for p in objects for c in p.children if c.dep_ == "compound"]  # "leaders of the
        for m in mods:  # FMLN delegation": the FMLN's
            named = next((table.entities[k] for k in table.keys_at(m) if not table.entities[k].generic
                          and table.entities[k].type in {ORGANIZATION, ARMED_GROUP, GOVERNMENT}), None)
            if named is not None and named.code and len(named.code) >= 6:
                if named.code[:3] in lex.non_state_countries and d.sector(named.code[:3]):  # "UN officials": UNO IGO
                    inner = named.code[3:6]
                    return named.code[:3], inner if inner in lex.non_state_countries else None
                return named.code[3:6], named.code[:3]  # "Hamas fighters": PSE REB, as Hamas is
            if named is not None and named.type == ARMED_GROUP:
                return "REB", named.code[:3] if named.code and len(named.code) > 3 else None  # "FMLN members"
            inner = agent_phrase(m, d, table.tokens)
            if inner is not None:
                return inner, None
        if found is not None:
            return found, None
    if tok.ent_type_ == "NORP" and tok.dep_ not in {"amod", "compound"} and tok.lower_.endswith("s"):
        country = lex.demonyms.get(fold(tok.text[:-1]))
        if country and country in d.code_of:
            return "CVL", d.code_of[country]
    return None


def generic_actors(table: EntityTable, lex: Lexicon, d: Dictionaries) -> None:
    """Every noun phrase that names a kind of actor becomes a mention of the generic actor
    (country, sector) it names."""
    doc = table.doc
    home = home_country(table, d)
    main = table.main_state()
    unplaced: list[tuple[TokSpan, str]] = []  # kinds left with no country at all: the article's one for the kind
    for tok in table.tokens:
        if tok.pos_ not in {"NOUN", "PROPN"} or tok.ent_type_ in {"PERSON", "GPE", "LOC", "FAC", "DATE"}:
            continue
        if tok.dep_ == "compound" and tok.head.i > tok.i and (
                tok.head.pos_ == "NOUN" or tok.head.pos_ == "PROPN" and tok.head.ent_type_ != "PERSON"):
            continue  # "police" in "police station": the head decides ("army spokeswoman Sirichan" is the army's)
        if tok.i + 1 < len(doc) and doc[tok.i + 1].text == "-" and not tok.whitespace_:
            continue  # "rebel-held" (but "the police force - they ..." is the police)
        named = [table.entities[k] for k in table.keys_at(tok) if not table.entities[k].generic
                 and table.entities[k].type in {PERSON} | BODIES]
        if named and all(e.type != PERSON and " " not in e.name and fold(e.name) in d.agents for e in named):
            for e in named:  # "the ARMY" tagged as a name is the kind of actor
                table.unmention(e, tok)
        elif named:
            continue  # part of a name: "the Revolutionary Armed Forces of Colombia"
        if tok.lemma_.lower() in {"government", "administration"} and any(
                c.dep_ == "poss" and c.lower_ in {"his", "her", "our", "my"} for c in tok.children):
            continue  # "her government": the state of whoever she is (events.EventReader._own_state)
        if tok.lemma_.lower() == "opposition" and any(
                c.dep_ == "poss" and c.lower_ in {"his", "her", "its", "my", "your"} for c in tok.children):
            continue  # "noted his opposition to torture": a stance, not the opposition
        kind = _kind(tok, table, d, lex)
        if kind is None:
            continue
        sector, country = kind[0][:3], kind[1]  # "UAFMUS": the first sector is the actor's
        left = [t for t in tok.lefts if t.dep_ in {"amod", "compound", "poss", "nmod", "nummod", "det", "quantmod"}]
        mods = [t for c in left for t in c.subtree]
        start = min([t.i for t in mods] + [tok.i])
        end = (of_phrase(tok, d) or tok).i + 1
        if country is None:
            country = _country_in([t for t in mods if t.lower_ not in POSSESSIVE], table, d)
        if fold(tok.text) in lex.member_nouns:  # "a spokesman for al-Shabaab": the phrase names the body
            end = max([end] + [prep.right_edge.i + 1 for prep in tok.rights if prep.dep_ == "prep" and prep.lower_
                               in MEMBER_PREPS and _names_body(prep, table)])
        if country is None:
            for prep in (c for c in tok.rights if c.dep_ == "prep" and c.lower_ in COUNTRY_PREPS):
                if prep.lower_ == "for" and _names_place(prep, table):
                    continue  # "troops for Afghanistan" are not Afghan
                country = _country_in(list(prep.subtree), table, d)
                if country:
                    end = max(end, prep.right_edge.i + 1)
                    break
        foreign = any(t.lower_ in FOREIGN for t in mods) or fold(tok.text) in lex.stranger_nouns
        if country is None and not foreign and main is not None and (
                sector == "GOV" or any(t.lower_ == "government" for t in mods)):
            country = d.code_of.get(main.name)  # "the government", "government troops": the article's state's
        if country is None and not foreign and sector not in NO_HOME_SECTORS:
            country = _where(tok, table, d) or home  # the country its sentence's places are in, else the article's
        states = [table.entities[k] for k in table.keys_at(tok) if table.entities[k].type == STATE]
        if states and tok.ent_type_ != "NORP":
            continue  # "the two nations": the states named before, not a kind of actor
        for state in states:  # "Palestinians": the people, not the state
            table.unmention(state, tok)
        if country is None and not foreign and sector not in NO_HOME_SECTORS:
            unplaced.append((doc[start:end], sector))
            continue
        _mention_generic(table, doc[start:end], country, sector, d, lex)
        for other in _joined_countries(left, country, table, d):  # "Chinese and Indian troops": both sides' troops
            _mention_generic(table, doc[start:end], other, sector, d, lex)
    for phrase, sector in unplaced:  # "the rebels" in an article whose only rebels are "Somali rebels"
        placed = {e.country for e in table.entities.values() if e.generic and e.sector == sector and e.country}
        country = table.entities[placed.pop()].name if len(placed) == 1 else None
        _mention_generic(table, phrase, d.code_of.get(country) if country else None, sector, d, lex)


def _joined_countries(modifiers: list[Token], first: str | None, table: EntityTable, d: Dictionaries) -> list[str]:
    """The other countries of modifiers joined by 'and' ('Israeli and Palestinian negotiators'):
    one phrase names the kind of actor of each."""
    joined = [c for m in modifiers for c in m.conjuncts if c.dep_ == "conj"]
    codes = [_country_in([c], table, d) for c in joined]
    return sorted({c for c in codes if c and c != first})


def _mention_generic(table: EntityTable, phrase: TokSpan, country: str | None, sector: str, d: Dictionaries,
                     lex: Lexicon) -> None:
    info = d.sector(sector)
    if info is None:
        return
    state = d.country_of.get(country or "")
    code = f"{country or ''}{sector}"
    where = state or lex.non_state_countries.get(country or "", country)
    name = f"{where}: {info.label}" if where else info.label
    key = f"{GENERIC}|{code}"
    if key not in table.entities:
        country_key = table.get(state, STATE).key if state else None
        table.entities[key] = Entity(key=key, name=name, type=info.cls, code=code, sector=sector,
                                     country=country_key, code_basis="text", generic=True)
    table.mention(table.entities[key], phrase)


def named_in_apposition(table: EntityTable) -> None:
    """'Thailand's military junta, the National Council for Peace and Order', 'the Red Shirts,
    a protest group': a kind of actor set beside a named body is that body, and so is every
    other mention of the same noun in the article ('the junta' later on)."""
    named_as: dict[tuple[str, str], Entity] = {}
    for tok in table.tokens:
        if tok.dep_ != "appos":
            continue
        pair = [tok.head, tok]
        generic = [k for t in pair for k in table.keys_at(t) if table.entities[k].generic]
        named = [table.entities[k] for t in pair for k in table.keys_at(t)
                 if table.entities[k].type in BODIES and not table.entities[k].generic]
        if len(generic) == 1 and len(named) == 1:
            head = next(t for t in pair if generic[0] in table.keys_at(t))
            named_as.setdefault((generic[0], head.lemma_.lower()), named[0])
    for (key, lemma), body in named_as.items():
        generic = table.entities.get(key)
        if generic is None:
            continue  # emptied by another noun of the same kind ('the junta', 'the regime')
        if body.code is None:  # the text says what the body is: "the NCPO, Thailand's military junta"
            body.code, body.sector, body.country = generic.code, generic.sector, generic.country
            body.code_basis = "text"
            if generic.sector == "GOV":
                body.type = GOVERNMENT
            elif generic.sector in ARMED_SECTORS:
                body.type = ARMED_GROUP
        for tok in [t for t in table.tokens if t.lemma_.lower() == lemma and key in table.keys_at(t)]:
            mention = next((m for m in generic.mentions if m.start <= tok.idx < m.end), None)
            if mention is not None:
                table.move(table.doc.char_span(mention.start, mention.end, alignment_mode="expand"), generic, body)


def rebels_are_the_named_movement(table: EntityTable, lex: Lexicon) -> None:
    """In an article about one named insurgent movement ('Ogaden National Liberation
    Front', 'Justice and Equality Movement'), 'the rebels' are that movement."""
    generic = [e for e in table.entities.values() if e.generic and e.sector in {"REB", "INS"}]
    movements = [e for e in table.entities.values() if e.type == ARMED_GROUP and not e.generic
                 and set(fold(e.name).split()) & lex.movement_words and _proper_name(e.name)]
    if len(generic) == 1 and len(movements) == 1:
        table.merge(generic[0], movements[0])


def crowds(table: EntityTable, lex: Lexicon, d: Dictionaries) -> None:
    """'Thousands rallied outside the embassy', 'Tens of thousands took to the streets',
    'Hundreds protested the conference': a crowd the text only counts, doing what protesters do,
    is protesters (OPP), of the country its sentence's places are in, else the article's."""
    home = home_country(table, d)
    for tok in table.tokens:
        verb = tok.head
        rallying = verb.lemma_.lower() in lex.rallying_verbs or verb.lemma_.lower() == "take" and any(
            p.lower_ == "streets" for c in verb.children if c.dep_ == "prep" and c.lower_ == "to" for p in c.children)
        if tok.dep_ != "nsubj" or not rallying or table.keys_at(tok):
            continue
        phrase = table.doc[tok.left_edge.i:tok.right_edge.i + 1]
        if fold(phrase.text) in lex.vague_amounts:  # "thousands", "tens of thousands"
            _mention_generic(table, phrase, _where(tok, table, d) or home, "OPP", d, lex)


def _proper_name(name: str) -> bool:
    return all(w[:1].isupper() for w in name.split() if w.lower() not in {"of", "and", "the", "for"})


def code_actors(table: EntityTable, article: Article, lex: Lexicon) -> None:
    """Named actors first (a kind of actor may borrow a named group's code: 'Hamas fighters'),
    then kinds of actor, then the states those brought in."""
    d = load()
    listed_bodies(table, d, lex)
    merge_acronyms(table)
    code_named(table, article, d)
    generic_actors(table, lex, d)
    crowds(table, lex, d)
    named_in_apposition(table)
    rebels_are_the_named_movement(table, lex)
    code_named(table, article, d)
