"""Events: who did what to whom, where and when, coded with PLOVER categories.

A trigger word from pipeline/data/triggers.csv, read in the dependency parse: the
subject is the source, the object (or the object of its prepositions) the target,
a place it is located in or a relative clause hangs from the place, and the date is
the time expression attached to the trigger in the parse (its clause's or its noun's
temporal modifier), else the nearest in its sentence that does not modify another
clause (a date on the governing "said Thursday" clause counts), else none. An event stated inside a quotation, or in a
clause reported by "X said", is X's claim and says so.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Collection, Iterator

from spacy.tokens import Doc, Token

from pipeline.extract import coder
from pipeline.extract import actors as actor_lists
from pipeline.extract.actors import BODIES
from pipeline.extract.dates import FUTURE_AUX, clause_verb, tense
from pipeline.extract.entities import EntityTable, in_subject, titled_person
from pipeline.extract.lexicon import RELATIVES, Lexicon, Trigger, fold
from pipeline.extract.quotes import governing_verbs, reporting_verbs, saying_verbs
from pipeline.facts import (ARMED_GROUP, CITY, GOVERNMENT, NEWS_AGENCY, ORGANIZATION, PERSON, PLACE, PLACE_TYPES, STATE,
                            Entity, Event, Figure, Quote, Span, TimeExpr)

SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
OBJECTS = {"dobj", "dative", "attr", "oprd"}
DEMAND = "DEMAND"  # the trigger kind of "X must/should do": the speaker's demand of X
OBLIGING = {"must", "should"}
JUDGING = {"ACCUSE", "SUPPORT", "REJECT"}  # a judgment of an act is one of whoever did it
MATERIAL = {"ASSAULT", "SANCTION", "RETREAT", "MOBILIZE", "AID", "COOPERATE"}  # acts done, not said
ABOUT_OTHERS = {"ACCUSE", "THREATEN", "REQUEST", "REJECT"}  # verbal conflict: whom the clause it governs is about
LEAVING = {"SANCTION", "RETREAT"}  # withdrawing or expelling: what is left is the target ("from X")
# "took part in the fighting", "went on the offensive", "turned out for marches": the subject is the
# doer (not "died in the fighting")
ENGAGED_IN = {"in", "into", "on", "for"}
CAUSING = {"cause", "lead"}  # 'caused 14 people to die': a death, not one to come
HOSTING = {"host", "receive", "welcome"}  # the host of a visit is its recipient
SHARED_NOUNS = {"union", "state", "government", "army", "military", "police", "people"}  # many bodies' names end
# in these, and they name other actors too: 'the union' after the European Union may be a teachers' union, 'the
# state' after Islamic State a state, 'the army' after the Free Syrian Army the state's (a name's own word is not)
ORDINALS = {"first", "second", "third", "last", "only", "latest"}  # "the first country to recognise"
MEETINGS = {"summit", "meeting", "conference", "talk", "visit", "discussion", "consultation", "negotiation"}  # what
# a leader travels for
MEETING = {"meet", "encounter"}  # 'met the envoy'; 'met some resistance' meets no one
OFFERING = {"offer", "threaten", "plan"}  # light verbs that make the act they govern an offer or a threat
ENGAGING = {"be", "take", "engage", "join", "participate", "go", "embark", "lead", "turn"}
PLEDGING = {"promise", "pledge", "vow", "agree", "offer"}  # a withdrawal pledged is declared, not done
SPANS = {"round", "day", "week", "month", "hour", "year", "series", "wave"}  # "held two days of talks"
PERMITTING = {"allow", "permit", "authorize", "authorise", "empower", "enable", "entitle"}
PLACING = {"place", "put", "keep", "hold"}  # "placed the poet under house arrest", "put him on trial": the placer
# arrests or accuses the placed
# "X arrived in Cairo for talks with Y", "sat down for talks": the traveller is the party to what they came for
TRAVELLING = {"arrive", "travel", "fly", "come", "head", "gather", "convene", "sit", "return", "cross", "step"}
MAX_LOOKBACK = 8  # sentences a pronoun looks back over, quoted ones included
TARGET_PREPS = {"with", "against", "for", "to", "on", "upon", "of", "between", "alongside", "at"}
FIRST_PERSON = {"we", "us", "our"}
SPEAKING = FIRST_PERSON | {"i", "me", "my"}  # the speaker of a quotation, in its own words
DONE_TO = {"COERCE", "RETREAT", "ASSAULT"}  # arrests, releases, abductions: often only whom they were done to
AGENT_SUFFIXES = ("er", "or", "ist", "ally")  # a doer noun: its target follows "of" ("defender of")
THIRD_PARTIES = {"IGO", "NGO", "UNO"}  # code prefixes of bodies that mediate rather than fight
DEMONSTRATIVES = {"this", "that", "these", "those"}
WARNINGS = {"warn", "caution"}  # a warning is a threat only when aimed at someone
NOBODY = {"nobody", "none", "noone", "neither"}
PERSONAL = {"he", "she", "they", "we", "i"}
ASPECT_VERBS = {"begin", "start", "continue", "resume", "keep"}  # 'began shelling': the shelling is the act
LINKED = {"xcomp", "dobj", "conj", "pcomp", "pobj"}  # a word that carries on its head's act
PROMISED = {"CONSULT", "SUPPORT", "COOPERATE", "AID"}  # in the future tense these are AGREE (PLOVER)
ANNOUNCING = {"xcomp", "pcomp", "prep", "dobj", "acl"}  # "will continue to fight", "will make an arrest"
STATE_SECTORS = {"GOV", "MIL", "COP", "JUD"}  # a state's people: its government, forces, police, courts
WILLING = {"willing", "ready", "prepared", "able", "eager"}  # 'is not willing to X': X is not done
HYPOTHETICAL = {"would", "could", "might", "may", "should", "must"}
ATTEMPT_VERBS = {"try", "attempt", "go", "want", "seek", "hope", "intend", "plan", "aim", "prepare"}
TRIGGER_POS = {"VERB", "NOUN", "PROPN", "ADJ"}
CLIMBED = {"xcomp", "conj", "dobj", "pobj", "pcomp", "attr", "prep", "advcl"}  # a doer is looked for up these
COPULAS = {"be", "seem", "appear", "remain", "become"}  # "the deal was a mistake": what is said of the deal
SERVICES = ("object", frozenset({"services"}))  # a requirement: the internet, phones, water cut off
COMMODITIES = ("object", frozenset({"commodities"}))  # a requirement: oil or gas traded between states
RESTRICTIONS = ("object", frozenset({"restrictions"}))  # a requirement: a curfew, a ban, an emergency lifted
FORCES = ("object", frozenset({"armed_forces"}))  # a requirement: troops, warships, reservists as the object
BODY = "body"  # for _last_named: a named organisation, armed group or government ('the group said')
BODY_LOOKBACK = 4  # narrative sentences 'the organization' looks back over (a person's 'he': 2)
ESCAPING = {"escape", "avoid", "flee"}  # "fled to Bangladesh to escape the army": whom they flee
SEEKING = {"want", "seek", "demand", "request"}  # verbs whose object is asked for, besides lexicon asking_verbs
PROTESTING = {"CVL", "PPL", "OPP", "LAB", "EDU", "AGR", "REL"}  # sectors whose blocking a road is a protest
FLEEING = {"flee", "escape"}  # verbs whose subject is the one who flees (not "displaced", "drove out")
JOINT_TITLES = {"chief", "chiefs", "statement", "declaration", "communique", "press", "news", "conference", "session",
                "letter", "resolution", "appeal", "venture"}  # said, or a business: not done together
FUNDING = {"fund", "finance"}  # money given: aid only to someone
GIVING = {"COOPERATE", "AID", "RETREAT"}  # acts that hand something to someone
MUTUAL = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE"}  # acts that parties named together do with each other
STANDS_ALONE = {"PROTEST", "MOBILIZE", "ASSAULT", "COERCE", "RETREAT", "CONCEDE"}  # PLOVER types with no target
STATE_NOUNS = {"territory", "soil", "land", "border", "force", "troop", "army", "military", "government"}
FIGURE_FOR = {"Displacement": {"displaced"}, "Casualties": {"deaths", "injured"},
              "Assault": {"deaths", "injured"}, "Accuse": {"deaths"}}


def finite(clause: Token) -> bool:
    """A clause with its own tense or a 'that': a statement about something, not an act let or made to happen."""
    return clause.tag_ in {"VBD", "VBZ"} or any(c.dep_ == "mark" or c.dep_ in {"aux", "auxpass"} and c.lower_ != "to"
                                                for c in clause.children)


def _depth(root: Token, verb: Token | None) -> int:
    """How many heads up from a time expression's root its clause verb is (all of them
    when it has none)."""
    if verb is None:
        return len(list(root.ancestors))
    return next((i + 1 for i, t in enumerate(root.ancestors) if t == verb), 0)


def phrase_key(token: Token) -> str:
    """'cease-fire' and 'ceasefire' alike: the noun with its compounds, no hyphens."""
    parts = [c.text for c in token.lefts if c.dep_ in {"compound", "nmod", "punct"} and c.text != ","] + [token.text]
    return fold("".join(parts)).replace("-", "")


CASUALTIES = Trigger("kill", "VERB", None, "ASSAULT", "Casualties")


def is_passive(token: Token) -> bool:
    return any(c.dep_ in {"nsubjpass", "auxpass"} for c in token.children)


def announced(token: Token, intent_words: frozenset[str], light_verbs: frozenset[str]) -> Token | None:
    """The word that makes an act a stated intention, if any: will/shall on its own verb or on
    the verbs it completes or is the object of a light verb of ('we will continue this
    operation', 'we shall keep on targeting them', 'we will have to make an arrest'; not 'will
    investigate the killing'), or a word of intent it completes ('vowed to retaliate', 'its
    intent to arrest protesters')."""
    for tok in (token, *token.ancestors):
        if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in tok.children):
            return tok
        if tok is not token and tok.lemma_.lower() in intent_words:
            return tok
        if tok.dep_ in {"advcl", "xcomp"} and any(c.lower_ == "to" for c in tok.children):
            intent = next((c for c in tok.head.children if c.dep_ == "dobj" and c.lemma_.lower() in intent_words), None)
            if intent is not None:  # "announced its intent on Tuesday to arrest": the parser hung "to arrest" on
                return intent  # the verb, not on "intent"
        if tok.dep_ == "conj" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
            continue  # "prepared to fight for our country and to go to war": both are intended (not "threatened
            # the villagers and burned their homes")
        if tok.dep_ not in ANNOUNCING or tok.dep_ == "dobj" and tok.head.lemma_.lower() not in light_verbs:
            return None  # "will make an arrest", not "will investigate the killing"
    return None


def pobjects(token: Token, preps: Collection[str]) -> list[Token]:
    """The objects of the token's prepositions among `preps` ('for' in 'called for a ceasefire')."""
    return [p for c in token.children if c.dep_ == "prep" and c.lower_ in preps for p in c.children
            if p.dep_ == "pobj"]


_AMERICAN = re.compile(r"is(ation|e)$")


def lemmas(token: Token) -> list[str]:
    """The token's lemma, and for a past form the model lemmatised oddly ('raped' -> 'rap')
    the form without its -d or -ed; for the head of a hyphenated noun the tokenizer split
    ('sit-in': 'sit' '-' 'in'), the whole word first; and for a British spelling the American
    one the lists use ('mobilisation': 'mobilization')."""
    lemma = token.lemma_.lower()
    if "is" in lemma and (american := _AMERICAN.sub(r"iz\1", lemma)) != lemma:
        return [lemma, american]
    if token.tag_ in {"VBD", "VBN"} and token.lower_.endswith("ed"):
        return [lemma, token.lower_[:-1], token.lower_[:-2]]
    doc, i = token.doc, token.i
    if token.pos_ == "NOUN" and i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and \
            doc[i - 2].head.i == i and not doc[i - 2].whitespace_:
        return [f"{doc[i - 2].lower_}-{lemma}", lemma]
    return [lemma]


def subjunctive(verb: Token) -> bool:
    """'that Belgrade allow', 'that the government release': a bare verb with its own subject
    and no auxiliary, where the indicative would say 'allows', 'releases'."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or any(a.dep_ in {"aux", "auxpass"} for a in verb.children):
        return False
    singular = subject.tag_ in {"NN", "NNP"} or subject.lower_ in {"he", "she", "it"}
    return verb.tag_ == "VB" or verb.tag_ == "VBP" and singular


def directed_at(noun: Token) -> bool:
    """'attacks on foreigners', 'the arrest of protesters': a harm named by a noun whose target
    the text marks, and whose doer it does not hide behind 'their' ('their advance against')
    or make a party ('fighting with the army')."""
    return not any(c.dep_ == "poss" for c in noun.children) and \
        any(c.dep_ == "prep" and c.lower_ in {"on", "against", "of"} for c in noun.children)


def ongoing(verb: Token) -> bool:
    """'are providing help': the present progressive, without 'will', reports what is going on."""
    return verb.tag_ == "VBG" and not any(c.dep_ == "aux" and c.lower_ in {"will", "shall", "'ll", "wo"}
                                          for c in verb.children)


def agent(verb: Token) -> Token | None:
    """The 'by' phrase's noun of a passive ('were killed by rebels': rebels)."""
    return next((p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"), None)


def for_clause(token: Token, marks: Collection[str]) -> bool:
    """'for NATO forces to act', which the parser makes a clause marked by 'for'."""
    return token.dep_ in {"advcl", "ccomp"} and any(m.dep_ == "mark" and m.lower_ in marks for m in token.children)


def hyphenated(token: Token, prefixes: frozenset[str]) -> bool:
    """The second half of a hyphenated word ('cease-fire', 'non-stop'): the whole word says
    what it is, unless its first half only qualifies it ('counter-demonstration', 'air-strike')."""
    return token.i > 1 and token.nbor(-1).text == "-" and not token.nbor(-1).whitespace_ \
        and not token.nbor(-2).whitespace_ and token.nbor(-2).lower_ not in prefixes


def starts_clause(conjunct: Token, first: Token) -> bool:
    """'backs Assad and Turkey supports ...': a conjunct followed by a finite verb other
    than one its phrase hangs from is the subject of a new clause the parser attached to the
    wrong head ('clashes between police and protesters occurred' is one clause)."""
    nxt = conjunct.nbor(1) if conjunct.i + 1 < len(conjunct.doc) else None
    if nxt is None or nxt.tag_ not in {"VBZ", "VBD", "VBP"}:
        return False
    own = {a.i for a in first.ancestors}  # "UNHCR and the Ugandan government are assisting": 'are' is the
    return nxt.i not in own and not (nxt.dep_ in {"aux", "auxpass"} and nxt.head.i in own)  # clause's own


class EventReader:
    """Reads the events of one parsed article, given its entities and quotations."""

    def __init__(self, doc: Doc, table: EntityTable, quotes: list[Quote], times: list[TimeExpr],
                 figures: list[Figure], lex: Lexicon):
        self.doc, self.table, self.quotes, self.times, self.figures, self.lex = doc, table, quotes, times, figures, lex
        self.classes: dict[frozenset[str], frozenset[str]] = {}  # a requirement's words, made once per article
        self.coder = coder.load()
        self.quotes_sorted = sorted(quotes, key=lambda q: q.span.start)
        self.quote_starts = [q.span.start for q in self.quotes_sorted]
        self.threat_words = {lemma for (lemma, _), ts in lex.triggers.items() for t in ts if t.code == "THREATEN"}
        self.harm_nouns = {t.lemma for (lemma, pos), ts in lex.triggers.items() if pos == "NOUN"
                           for t in ts if t.code in {"ASSAULT", "COERCE"}}
        self.wielded = self.harm_nouns | lex.weapon_nouns  # what a modifier's actor does or uses: "NATO airstrikes"

    # --- who ------------------------------------------------------------------
    def quote_at(self, token: Token) -> Quote | None:
        n = bisect.bisect_right(self.quote_starts, token.idx) - 1  # quotations do not overlap
        return self.quotes_sorted[n] if n >= 0 and token.idx < self.quotes_sorted[n].span.end else None

    def actors(self, token: Token | None, conjuncts: bool = True) -> list[str]:
        """Entity keys a noun phrase (and its conjuncts) refers to; places are not actors."""
        if token is None:
            return []
        keys: list[str] = []
        parts = [token, *(c for c in token.conjuncts if conjuncts and not starts_clause(c, token))]
        if conjuncts:  # "Saudi Arabia, the UAE, Bahrain and Egypt cut ties": a list the parser read as an
            parts += [x for a in token.children if a.dep_ == "appos" and a.conjuncts for x in (a, *a.conjuncts)]
            # apposition with conjuncts
        for t in parts:
            found = [k for c in t.children if c.dep_ == "appos" for k in self.table.keys_at(c)  # "the activist,
                     if self.table.entities[k].type == PERSON] or self.table.keys_at(t)  # Khurram Parvez,"
            if not found and t.lower_ in SPEAKING:
                found = self._first_person(t)
            if not found and t.lower_ in {"he", "she", "his", "her"}:
                found = self._last_named(t, PERSON)
            if not found and t.lower_ in self.lex.body_nouns and any(c.lower_ == "the" for c in t.children):
                found = self._last_named(t, BODY)  # "the organization said": the body named last
            if not found and t.pos_ == "NOUN" and [c.lower_ for c in t.children] == ["the"] and \
                    t.lower_ not in SHARED_NOUNS:
                found = self._named_for(t)  # "the brigade wrote": the Sabratha Martyrs Brigade named before
            if not found and (titled := titled_person(t, self.table)):
                found = [titled]  # "the spokesman said the army would ...": the spokesman named before
            if not found and t.lower_ in {"country", "nation"} and any(c.lower_ == "the" for c in t.children):
                verb = t.head.head if t.dep_ == "pobj" else t.head  # "China warned the nation": another state
                doer = self.subject(verb) if t.dep_ not in SUBJECTS and verb.pos_ == "VERB" else None
                acting = self.table.keys_at(doer) if doer is not None else []
                found = [k for k in self._last_named(t, STATE, acting) if not self._in_own_phrase(t, k)]
            if not found and t.lower_ in {"country", "nation", "government"}:
                found = self._own_state(t)  # "his country will send ten instructors": the minister's
            if not found and t.lower_ in {"it", "they"}:
                found = self._reporter(t) or self._last_subject(t)
            if not found and t.lemma_.lower() in self.lex.statement_nouns and \
                    any(c.lower_ in {"the", "this"} for c in t.children):
                found = self._issuer(t)  # "The resolution also warned": whoever adopted it
            if not found and t.lemma_.lower() in STATE_NOUNS:  # "Georgian territory", "Russia's forces"
                found = [k for c in t.children if c.dep_ in {"amod", "compound", "poss"}
                         for k in self.table.keys_at(c) if self.table.entities[k].type == STATE]
            if not found:
                found = [k for c in t.children if c.dep_ in {"compound", "poss"} for k in self.table.keys_at(c)
                         if self.table.entities[k].type == PERSON or t.lemma_.lower() in self.wielded]  # "NATO jets"
            if not found:  # "the rebels' civilian leadership, the Transitional National Council,"
                found = [k for c in t.children if c.dep_ == "appos" for k in self.table.keys_at(c)]
            if not found and (t.lemma_.lower() in self.lex.office_nouns or fold(t.text) in self.lex.titles) and \
                    not any(c.lower_ in {"former", "ex"} for c in t.children):  # not "the UN's former rights chief"
                found = [k for c in t.children if c.dep_ in {"poss", "compound"} for k in self.table.keys_at(c)
                         if not self.table.entities[k].generic and self.table.entities[k].type in BODIES]  # "The
                # IMF's managing director praised": the IMF's act, its holder unnamed
            if not found and (t.lemma_.lower() in self.lex.unit_nouns or fold(t.text) in self.lex.member_nouns):
                # "Russia's FSB security service": the FSB; "UNRWA staff": UNRWA; "Vietnamese teams": Vietnam
                found = [k for c in t.subtree if c.i < t.i and (  # "the U.N. human rights office", "Kenya's
                    c.dep_ in {"compound", "nmod"} or c.dep_ in {"amod", "poss"} and c.head.i == t.i)  # commission"
                         for k in self.table.keys_at(c) if not self.table.entities[k].generic  # (not "a Liberian-
                         and self.table.entities[k].type in BODIES | {STATE}]  # flagged ship")
                found = [k for k in found if self.table.entities[k].type != STATE] or found  # "Russia's FSB
                # security service": the FSB
            if found and all(self.table.entities[k].generic for k in found):  # "Hamas fighters" act as Hamas
                found = self._armed_group_of(t) or found
            if t.lower_ in self.lex.partitive_nouns:  # "hundreds of protesters", "the members of the Security Council"
                found = [k for p in pobjects(t, {"of"}) for k in self.table.keys_at(p)] or found
            for k in found:
                if self.table.entities[k].type != CITY and k not in keys:  # regions act; cities are where
                    keys.append(k)
            for c in t.children:  # "other African countries, including Ethiopia, Kenya and Uganda"
                if c.dep_ == "prep" and c.lower_ in {"including", "like"}:
                    keys += [k for p in c.children if p.dep_ == "pobj" for k in self.actors(p) if k not in keys]
        return keys

    def _named_for(self, noun: Token) -> list[str]:
        """The body named last before 'the <noun>' whose name ends in that noun: 'The Sabratha Martyrs
        Brigade ... the brigade', 'the Ministry of Defence' is not ('the ministry' needs the word last)."""
        word = noun.lemma_.lower()
        since = self.table.sentences[max(0, self.table.sentence_of[noun.i] - 3)].start_char  # named lately
        named = [(m.start, k) for k, e in self.table.entities.items() if not e.generic and e.type in BODIES
                 and fold(e.name).split()[-1:] in ([word], [noun.lower_]) for m in e.mentions
                 if since <= m.start and m.end <= noun.idx]
        return [max(named)[1]] if named else []

    def _armed_group_of(self, t: Token) -> list[str]:
        """'Hamas fighters', 'insurgents of the Islamic State': the named armed group a kind of
        actor belongs to, which event data codes as the doer."""
        mods = [c for c in t.children if c.dep_ in {"compound", "poss"}]
        mods += pobjects(t, {"of"})
        return [k for m in mods for k in self.table.keys_at(m) if self.table.entities[k].type == ARMED_GROUP
                and not self.table.entities[k].generic]

    def visit(self, verb: Token, sources: list[str]) -> bool:
        """A leader or a state travelling somewhere: a visit (PLOVER CONSULT), not troops arriving."""
        return verb.pos_ == "VERB" and verb.lemma_.lower() in TRAVELLING | {"visit"} and bool(sources) and all(
            self.table.entities[k].type == PERSON or self.official(k) for k in sources)

    def visited(self, verb: Token) -> list[str]:
        """Whom a visit is to: the other party of what it is for ('travelled to Lahore for a summit with
        Nawaz Sharif'), else the capital it goes to ('arrived in Jerusalem on a historic visit')."""
        purposes = [p for p in pobjects(verb, {"for", "on"}) if self.is_event_noun(p) or p.lemma_.lower() in MEETINGS]
        met = [k for p in purposes for q in pobjects(p, {"with"}) for k in self.actors(q)]
        code_of = actor_lists.load().code_of
        travellers = [self.table.entities[k] for k in self.actors(self.subject(verb))]
        home = {e.code[:3] for e in travellers if e.code} | {  # a leader arriving in their own capital comes home
            code_of.get(self.table.entities[x].name) for e in travellers for x in (e.country, e.affiliation, e.key)
            if x in self.table.entities and self.table.entities[x].type == STATE}
        return met or [k for p in pobjects(verb, {"to", "in"}) for k in self.table.keys_at(p)
                       if self.table.entities[k].type == CITY and fold(self.table.entities[k].name) in self.lex.capitals
                       and code_of.get(self.lex.capitals[fold(self.table.entities[k].name)]) not in home]

    def misread(self, token: Token, trigger: Trigger, sources: list[str], targets: list[str]) -> bool:
        """'ordered the army', 'gave an address': the verb dictionary's talk codes (lexicon
        named_target_types) misread common verbs unless someone named is thanked, pressed, met
        (measured: 2 of 24 right without). Not so for forces mobilised, parties named together,
        captives released, a request of someone to do something ('ordered the army to restore
        order'), or a claim about whoever a clause says acted ('alleged that Armenian forces had
        shelled the town')."""
        if not trigger.cameo or trigger.code not in self.lex.named_target_types or trigger.requires == FORCES:
            return False
        if self.mutual(trigger, sources, targets) or self.captives(token, trigger):
            return False
        if trigger.cameo == "057" and (targets or token.lemma_.lower() in self.lex.signing_verbs and any(
                c.dep_ == "dobj" and c.lemma_.lower() in self.class_words({"agreements"}) for c in token.children)):
            return False  # "the rebels signed an agreement with the government", "Sudan signed the Abraham Accords
            # declaration", "ratified the treaty": signing or ratifying an agreement (PLOVER SUPPORT)
        if trigger.code == "CONSULT" and targets and self.visit(token, sources):
            return False  # "arrived in Jerusalem on a historic visit": a leader's visit to a capital
        if trigger.code in {"CONCEDE", "RETREAT"} and trigger.by_pattern and \
                trigger.cameo not in {"08", "080", "0871"}:
            return False  # "relaxed press censorship rules", "called off its strike", "abandoned their positions":
            # a pattern names the concession (not a ceasefire's, whose words match too loosely: "holds a position on
            # how to achieve a cease-fire")
        asked_to = any(c.dep_ == "xcomp" and c.pos_ == "VERB" for c in token.children)
        if trigger.code == "REQUEST" and targets and asked_to:
            return False
        said_of = [k for c in token.children if c.dep_ == "ccomp" for s in c.children if s.dep_ in SUBJECTS
                   for k in self.actors(s)]  # "alleged that Armenian forces had shelled the town"
        if trigger.code in ABOUT_OTHERS and set(targets) & set(said_of):
            return False
        freed = {k for c in token.children if c.dep_ == "dobj" for k in self.table.keys_at(c)} \
            if trigger.code == "RETREAT" else set()  # "freed a professor", "released the crew" (not "released
        # tear gas on protesters")
        kinds = [self.table.entities[k] for k in targets]
        praised = {e.key for e in kinds if e.country and e.sector in STATE_SECTORS} if trigger.code == "SUPPORT" \
            else set()  # "commended Gambia's new government", "hailed Ghana's army": a state's people
        return not any((not self.table.entities[k].generic or k in freed | praised)
                       and self.table.entities[k].type not in {CITY, PLACE} for k in targets)

    def mutual(self, trigger: Trigger, sources: list[str], targets: list[str]) -> bool:
        """'Israel and Jordan signed a peace treaty', 'Biden and Xi spoke by phone': parties named
        together to an act of cooperation are each other's party, though no target is named ('Egypt
        and Israel exchanged ambassadors': a kind of actor is no party named)."""
        return trigger.code in MUTUAL and all(self.table.entities[k].generic for k in targets) and \
            self.together(sources)

    def together(self, sources: list[str]) -> bool:
        """Two or more named parties, not of one state ('China and Russia', not 'Obama and Biden')."""
        return len({self.table.entities[k].country or k for k in sources if not self.table.entities[k].generic}) >= 2

    def captives(self, token: Token, trigger: Trigger) -> bool:
        """'The rebels freed two hostages', 'detainees were released': a release is of people held,
        whom the text need not name."""
        release = (trigger.cameo or "").startswith("084")  # "Iran released 10 U.S. Navy sailors": counted people
        return trigger.code == "RETREAT" and any(  # of any kind, where the verb dictionary codes a release
            c.dep_ in {"dobj", "nsubjpass"} and (c.lower_ in self.lex.captive_nouns or release and self.actors(c) and
                                                 any(n.dep_ == "nummod" for n in c.children))  # counted people
            for c in token.children)

    def unnamed_doer(self, token: Token) -> bool:
        """'Hundreds protested the conference': people the text counts but does not name did
        it, and 'He blamed the attacks on Al-Qaeda' or 'The report accuses Israel' with nobody
        named before the word that refers back: the event stands with its source unknown. (A
        'he' or 'we' that some earlier name could resolve but does not is dropped: on the
        references those events were the named speaker's, whom the scorer then missed.)"""
        acting = token.pos_ == "VERB" or token.dep_ == "dobj" and token.head.lemma_.lower() in self.lex.light_verbs
        subj = self.subject(token) if acting else None  # "we will have to make an arrest"
        if subj is None or subj.dep_ != "nsubj":
            return False
        referring = subj.lower_ in PERSONAL or subj.lemma_.lower() in self.lex.statement_nouns and any(
            c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in subj.children)  # "The report accuses"
        return subj.lower_ in self.lex.vague_amounts or referring and not any(
            m.start < subj.idx for e in self.table.entities.values() if e.type not in {CITY, PLACE}
            for m in e.mentions)

    def _in_own_phrase(self, token: Token, key: str) -> bool:
        """'the United States invasion of the country': a state named in the very phrase
        'the country' completes is not the country."""
        phrase = token.head.head if token.dep_ == "pobj" else token.head
        return any(key in self.table.keys_at(t) for t in phrase.subtree if t.i < token.i)

    def _last_named(self, token: Token, kind: str, besides: Collection[str] = ()) -> list[str]:
        """'he', 'she': the person named last, in this sentence or the one before; 'the
        country': the state named last there; 'the group' (kind BODY): the named body. A sentence
        wholly inside a quotation is the speaker's words, not the narrative: it is looked through, not counted, and names in it
        are not candidates ('"... there was you," Betancourt said. "..." She called on Sarkozy'). An
        earlier 'he' as a subject on the way back is the same person. `besides`: keys passed over
        ('China delivered a warning to the nation': not China)."""
        here = self.table.sentence_of[token.i]
        narrative = 0
        fallback: list[str] = []
        for n in range(here, max(-1, here - MAX_LOOKBACK), -1):
            sent = self.table.sentences[n]
            words = [t for t in self.table.tokens_of(sent) if not t.is_punct and not t.is_space]
            quoted = bool(words) and all(self.quote_at(t) is not None for t in (words[0], words[-1]))
            for t in reversed(self.table.tokens[sent.start:min(token.i, sent.end)]):
                if self.quote_at(t) is not None and self.quote_at(token) is None:
                    continue
                if kind == BODY and t.lower_ == token.lower_ and t.i != token.i:
                    # "A group of protesters ... The group attacked": that group, no body named before; "The press
                    # freedom organization said ... the organization said": whoever that one was
                    definite = any(c.lower_ == "the" for c in t.children)
                    return self.table.keys_at(t)[:1] or (self._last_named(t, kind) if definite else [])
                named = [k for k in self.table.by_token.get(t.i, ()) if k not in besides and (
                    self.table.entities[k].type == kind or
                    kind == BODY and self.body_for(token, self.table.entities[k]))]
                if named and (kind not in {PERSON, BODY} or in_subject(t)):
                    return named[:1]
                fallback = fallback or named[:1]  # "Obama spoke with Putin. ... he said": the subject, Obama
                if kind == PERSON and t.lower_ == token.lower_ and t.dep_ in SUBJECTS:
                    return fallback or self._last_named(t, kind)  # '"...," he added. "..." He described ...':
                    # the same 'he' as before, whoever that was
            narrative += bool(words) and not quoted  # a closing mark alone is no sentence
            if narrative == (BODY_LOOKBACK if kind == BODY else 2):
                break
        return fallback

    def body_for(self, noun: Token, e: Entity) -> bool:
        """A named body 'the organization' or 'the group' can be: not a government or ministry
        (but 'the agency' may be one)."""
        return e.type in BODIES and not e.generic and (e.type != GOVERNMENT or noun.lower_ in {"agency", "body"})

    def _own_state(self, noun: Token) -> list[str]:
        """'his country', 'our government': the state of the person 'his' is ('La Russa said his
        country will send instructors': Italy) or of the one speaking ('"our country"' in Sambi's
        words: the Comoros)."""
        poss = next((c for c in noun.children if c.dep_ == "poss" and c.lower_ in {"his", "her", "our", "my"}), None)
        if poss is None:
            return []
        people = self._last_named(poss, PERSON) if poss.lower_ in {"his", "her"} else \
            [self.quote_at(poss).speaker] if self.quote_at(poss) is not None and self.quote_at(poss).speaker else []
        if not people and poss.lower_ in {"his", "her"}:  # "The Iranian foreign minister said his country would":
            people = [k for a in noun.ancestors if a.lemma_.lower() in self.lex.reporting_verbs  # whoever said it
                      for s in a.children if s.dep_ in SUBJECTS for k in self.table.keys_at(s)][:1]
        states = [self.table.entities[k].affiliation or self.table.entities[k].country for k in people
                  if k in self.table.entities]
        return [k for k in states if k]

    def _last_subject(self, token: Token) -> list[str]:
        """'it', 'they' as a subject (or 'its', 'their' as a possessive): the actor that was the
        subject last, in this sentence or the one before ('The rebels seized the town. They then
        attacked ...'), if it is not a person or a place, and is one thing for 'it', many for 'they'."""
        if token.dep_ not in SUBJECTS and token.dep_ != "poss":
            return []
        plural = token.lower_ in {"they", "their"}
        start = self.table.sentence(token).start
        if start > 0:
            start = self.table.sentence(start - 1).start
        for t in reversed(self.table.tokens[start:token.i]):
            if t.dep_ not in SUBJECTS or t.pos_ == "PRON" or any(
                    a.i < t.i and a.lemma_.lower() in self.lex.reporting_verbs for a in t.ancestors):
                continue  # "The UN report said the army had committed abuses. It called on": not the army
            keys = [k for k in self.table.keys_at(t) if self.table.entities[k].type not in {PERSON, CITY, PLACE}]
            many = t.tag_ in {"NNS", "NNPS"} or bool(t.conjuncts) or any(
                self.table.entities[k].generic and not t.tag_ == "NN" for k in keys)
            collective = plural and all(self.table.entities[k].type in {ARMED_GROUP, ORGANIZATION} for k in keys)
            if keys and (many == plural or collective):  # "The Peshmerga gained control ... their advance"
                if not many:
                    return keys[:1]
                return list(dict.fromkeys(keys + [k for c in t.conjuncts for k in self.table.keys_at(c)
                                                  if self.table.entities[k].type not in {PERSON, CITY, PLACE}]))
                # "France and Italy have announced that they will be sending": both
            if not keys and not plural and t.lemma_.lower() in self.lex.statement_nouns:
                return self._issuer(t)  # "The report ... It also accused India": the report's issuer
            if keys or t.pos_ in {"NOUN", "PROPN"}:
                return []  # the last subject is something else: no guess
        return []

    def _issuer(self, noun: Token) -> list[str]:
        """Who issued the statement, report or resolution a definite noun refers back to: the
        body an earlier mention names ('the UN report'), the subject of a verb of issuing that had
        it as object ('the Security Council adopted a resolution'; not 'Israel rejected a report'),
        or of the clause it was said in ('In a statement, the army said'), the nearest before it in the
        article ('the report' twenty sentences on is still the UN's). A subject that is itself such a
        noun is no answer ('In the report, the report warns'). 'The EU report': the EU, at once."""
        for t in reversed(self.table.tokens[:noun.i + 1]):
            if t.lemma_ != noun.lemma_:
                continue
            own = [k for c in t.children if c.dep_ in {"compound", "poss"} for k in self.actors(c)]
            own += [k for p in pobjects(t, {"by"}) for k in self.actors(p)]  # "a resolution by the Arab League"
            if own:  # "the UN report ... The report accuses"
                return own
            if t.dep_ == "dobj" and t.head.lemma_.lower() in self.lex.issuing_verbs:
                verb = t.head
            elif t.dep_ == "pobj" and t.head.lower_ == "in" and t.head.head.lemma_.lower() in self.lex.reporting_verbs:
                verb = t.head.head
            else:
                continue
            subject = self.subject(verb)
            if subject is not None and subject.lemma_.lower() not in self.lex.statement_nouns:
                keys = self.actors(subject)
                if keys:
                    return keys
        return []

    def _reporter(self, token: Token) -> list[str]:
        """'Russia said it would ...': `it` inside what a group or state says is that group or state."""
        child = token
        for anc in token.ancestors:
            if anc.lemma_.lower() in self.lex.reporting_verbs and child.dep_ in {"ccomp", "parataxis"}:
                subj = next((c for c in anc.children if c.dep_ in SUBJECTS), None)
                keys = self.table.keys_at(subj) if subj is not None else []
                if subj is not None and token.lower_ in {"they", "their"}:  # "France and Italy announced that
                    keys = keys + [k for c in subj.conjuncts for k in self.table.keys_at(c)]  # they will": both
                return [k for k in dict.fromkeys(keys) if self.table.entities[k].type != PERSON][
                    :None if token.lower_ in {"they", "their"} else 1]
            child = anc
        return []

    def _first_person(self, token: Token) -> list[str]:
        """'I' in a quotation is its speaker; 'we' is the state or group an official speaks
        for, or a speaking group itself ('"we will fight," said the attackers')."""
        quote = self.quote_at(token)
        if quote is None or quote.speaker is None:
            return []
        speaker = self.table.entities[quote.speaker]
        if token.lower_ not in FIRST_PERSON:
            return [quote.speaker]
        if speaker.affiliation:
            return [speaker.affiliation]
        if speaker.type == PERSON:
            return self._speaks_for(speaker)  # else a person's "we" is a group we cannot name
        return [quote.speaker]

    def _speaks_for(self, person: Entity) -> list[str]:
        """'Taliban spokesman Zabihullah Mujahid', 'Ali Dhere, a spokesman for al-Shabaab': the
        named body a person's title makes them speak or act for (a member noun: spokesman,
        commander, leader), whose "we" is that body's."""
        for mention in person.mentions:
            name = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if name is None:
                continue
            root = name.root
            titles = [c for c in root.children if c.dep_ in {"compound", "appos"} and c.i not in range(
                name.start, name.end) and fold(c.text) in self.lex.member_nouns]
            titles += [root.head] if root.dep_ == "appos" and fold(root.head.text) in self.lex.member_nouns else []
            named = [m for title in titles for m in (*(c for c in title.children if c.dep_ in {"compound", "poss"}),
                                                      *pobjects(title, {"of", "for"}))]  # not "fighting X"
            bodies = [k for m in named for t in (m, *(c for c in m.children if c.dep_ == "compound"))
                      for k in self.table.keys_at(t)
                      if not self.table.entities[k].generic and self.table.entities[k].type in BODIES]
            if bodies:
                return bodies[:1]
        return []

    def subject(self, token: Token) -> Token | None:
        for _ in range(4):
            subj = min((c for c in token.children if c.dep_ in SUBJECTS), key=lambda c: abs(c.i - token.i),
                       default=None)
            issued = self.issued(token.head) if token.dep_ in {"relcl", "acl"} else None
            if subj is not None and subj.lower_ in RELATIVES and token.dep_ == "relcl":
                if issued is not None:  # "X released a statement that urged ...": X urges
                    token = issued
                    continue
                return token.head  # "Medvedev and Kokoity, who met ..."
            if subj is not None:
                return subj
            if token.dep_ == "acl" and issued is not None:
                token = issued  # "X issued a statement welcoming ...": X welcomes
                continue
            if token.dep_ == "acl" or (token.dep_ == "relcl" and token.head.pos_ in {"NOUN", "PROPN"}
                                       and not any(c.lower_ == "where" for c in token.children)):
                return token.head  # "rebel factions fighting ..."
            if token.dep_ == "acomp" and token.lemma_.lower() in self.lex.intent_words:
                token = token.head  # "we are prepared to fight": we (a threat); not "equipped to repel"
                continue
            if token.dep_ in CLIMBED and token.head.i != token.i:  # "after speaking with X, Y said": Y
                token = token.head
                continue
            break
        return None

    def issued(self, noun: Token) -> Token | None:
        """What a statement, report or resolution says is said by its issuer: its own modifier
        ('a UN report that accused'), else the subject of the verb of issuing it is the object of
        ('X released a statement that urged'; not 'Israel rejected a report that accused')."""
        if noun.lemma_.lower() not in self.lex.statement_nouns:
            return None
        own = next((c for c in noun.children if c.dep_ in {"compound", "poss"} and self.table.keys_at(c)), None)
        if own is not None:
            return own
        return noun.head if noun.dep_ == "dobj" and noun.head.lemma_.lower() in self.lex.issuing_verbs else None

    def left_neighbour_actor(self, token: Token) -> list[str]:
        """A subject the parser lost ('... and Turkey supports rebels'): the entity right before the verb."""
        for i in range(token.i - 1, max(self.table.sentence(token).start, token.i - 3) - 1, -1):
            keys = self.actors(self.doc[i], conjuncts=False)
            if keys:
                return keys
            if self.doc[i].pos_ in {"VERB", "AUX", "PUNCT", "CCONJ"}:  # "killed 12 soldiers and wounded": not them
                break
        return []

    def stolen_object(self, verb: Token) -> Token | None:
        """'backs Assad and Turkey supports': the parser made 'Assad and Turkey' the subject of
        the second verb; a noun right after a verb with no object is that verb's object."""
        nxt = verb.nbor(1) if verb.i + 1 < len(verb.doc) else None
        if nxt is None or any(c.dep_ in OBJECTS for c in verb.children):
            return None
        for tok in self.table.tokens[nxt.i:self.table.sentence(nxt).end]:
            if tok.left_edge.i == nxt.i and tok.dep_ in SUBJECTS and tok.head.i != verb.i and tok.conjuncts:
                return tok
        return None

    def objects(self, token: Token) -> list[str]:
        found: list[str] = []
        stolen = self.stolen_object(token) if token.pos_ == "VERB" else None
        if stolen is not None:
            found += self.actors(stolen, conjuncts=False)
        for c in token.children:
            if c.dep_ in OBJECTS:
                found += self.actors(c) or self.owners(c)
                found += [k for p in pobjects(c, {"with"}) for k in self.actors(p)]  # "discussed the coffee problem
                # with Sarney", where the parser hangs "with" on the object
                if token.lemma_.lower() in self.lex.blaming_verbs and not pobjects(token, {"on", "to"}):
                    found += self.blamed(c)
            elif c.dep_ == "prep" and c.lower_ in TARGET_PREPS:
                found += [k for p in c.children if p.dep_ == "pobj" for k in self.actors(p)]
            elif c.dep_ == "xcomp" and c.pos_ == "VERB":
                found += [k for o in c.children if o.dep_ in OBJECTS for k in self.actors(o)]
            elif for_clause(c, {"for"}):  # "called for NATO forces to act": asked of NATO's forces
                found += [k for s in c.children if s.dep_ in SUBJECTS for k in self.actors(s)]
            elif c.dep_ == "agent":
                continue
        return list(dict.fromkeys(found))

    def blamed(self, thing: Token) -> list[str]:
        """'blamed the attacks on Al-Qaeda', 'blamed the attack on the Indian embassy in Kabul on
        Pakistani intelligence': whom the last 'on' (or 'to') of what is blamed names."""
        last = max((p for p in thing.subtree if p.dep_ == "prep" and p.lower_ in {"on", "to"}), key=lambda p: p.i,
                   default=None)
        return [k for p in last.children if p.dep_ == "pobj" for k in self.actors(p)] if last is not None else []

    def owners(self, noun: Token) -> list[str]:
        """'condemned the actions of FARC', 'praised the commitments made by Abbas', 'welcomed
        the proposal by the UN', 'destroyed the homes of civilians': what is done to a thing is
        done to whose it is. Not for an event noun, whose 'of' is its undergoer ('condemned the
        killing of journalists' accuses the killers)."""
        lemma, places = noun.lemma_.lower(), self.lex.whereabouts_nouns | self.lex.admin_units | self.lex.place_words
        if noun.pos_ != "NOUN" or (lemma, "NOUN") in self.lex.triggers or lemma in self.lex.kin_nouns or \
                lemma in places or noun.lower_ in places:
            return []  # nor a person's kin ('the son of the opposition leader') nor a place ('the outskirts of
            # Damascus', 'the town of Kafr Nabl')
        whose = [c for c in noun.children if c.dep_ == "poss"] + pobjects(noun, {"of", "by"})
        whose += [a for a in map(agent, (c for c in noun.children if c.dep_ == "acl")) if a is not None]
        named = [k for c in noun.children if c.dep_ == "compound" and c.pos_ == "PROPN"
                 and lemma in self.lex.owned_things for k in self.table.keys_at(c)
                 if not self.table.entities[k].generic and self.table.entities[k].type in BODIES | {STATE}]
        # 'defied the UN deadline' (not 'a Toyota truck')
        return [k for w in whose for k in self.actors(w)] + named

    def stray_agent(self, verb: Token) -> Token | None:
        """'were threatened with arrest by local police', 'were killed in an attack by rebels': a
        passive's 'by' phrase the parser hung on the event noun of its 'with' or 'in' (not 'after a
        visit by the envoy', 'over a report by HRW')."""
        return next((b for c in verb.children if c.dep_ == "prep" and c.lower_ in {"with", "in"}
                     for p in c.children if p.dep_ == "pobj" and self.is_event_noun(p)
                     for by in p.children if by.dep_ in {"prep", "agent"} and by.lower_ == "by"
                     for b in by.children if b.dep_ == "pobj"), None)

    def roles(self, token: Token, trigger: Trigger) -> tuple[list[str], list[str]]:
        if trigger.pos == DEMAND:  # "Israel must exercise restraint," said Ban: Ban asks it of Israel
            speaker = self.speaker(token)
            return ([speaker] if speaker else []), [k for k in self.actors(self.subject(token)) if k != speaker]
        if trigger.requires is not None and trigger.requires[0] == "role":
            return self.judgment_roles(token)
        if token.pos_ == "ADJ":  # "X is responsible for": the speaker accuses X
            cop = token.head if token.dep_ in {"acomp", "amod"} else token
            targets = self.actors(next((c for c in cop.children if c.dep_ in SUBJECTS), None))
            judged = [k for p in pobjects(token, {"of"}) for k in self.actors(p)]
            if trigger.code == "CONCEDE":  # "the government said sorry to the Stolen Generations": it apologises
                return targets, [k for p in pobjects(token, {"to"}) for k in self.actors(p) if k not in targets]
            if judged:  # "X is supportive of Y", "X is critical of Y": X's stance towards Y
                return targets, [k for k in judged if k not in targets]
            speaker = self.speaker(token)
            return ([speaker] if speaker else []), targets
        if token.pos_ == "NOUN" or token.dep_ == "pobj" and any(c.dep_ == "det" for c in token.children) or \
                token.tag_ == "VBG" and token.dep_ == "conj" and \
                (token.head.lemma_.lower(), "NOUN") in self.lex.triggers:
            # a gerund joined to an event noun is one too: "heavy fighting and shelling by Israeli forces"
            sources, targets = self.noun_roles(token)  # also a gerund used as a noun: "because of the shelling"
            return sources, [t for t in targets if t not in sources]
        shared = token.dep_ == "conj" and is_passive(token.head) and \
            not any(c.dep_ in SUBJECTS for c in token.children) and \
            (token.tag_ == "VBN" or any(c.dep_ == "agent" for c in token.children))  # "taken ... and raped by X"
        by = agent(token)
        if token.dep_ == "acl" and token.tag_ == "VBN" and by is not None:  # "rebels backed by Eritrea"
            sources = self.actors(by)
            targets = self.actors(token.head)
        elif token.dep_ in {"pcomp", "advcl"} and any(c.dep_ == "auxpass" for c in token.children) and \
                not any(c.dep_ == "nsubjpass" for c in token.children):  # "Betancourt arrived, two days after
            sources = self.actors(by)  # being rescued from the FARC": the one the clause is about underwent it
            targets = self.actors(self.subject(token))
        elif shared or any(c.dep_ == "nsubjpass" for c in token.children):
            verbs = (token, token.head) if shared else (token,)
            sources = self.actors(next(filter(None, map(agent, verbs)), None) or self.stray_agent(token))
            undergoer = next((c for v in verbs for c in v.children if c.dep_ == "nsubjpass"), None)
            if undergoer is not None and undergoer.lower_ in RELATIVES and token.dep_ == "relcl":
                undergoer = token.head  # "militias which are being deployed", "hostages who were freed"
            targets = self.actors(undergoer)
        else:
            poss = next((c for c in token.children if c.dep_ == "poss" and c.lower_ not in {"its", "their"}), None)
            if poss is None and token.pos_ == "NOUN":  # "an offensive launched by the ONLF"
                poss = next(filter(None, (agent(c) for c in token.children if c.dep_ == "acl")), None)
            subj = self.subject(token)
            if subj is not None and subj.conjuncts and subj.left_edge.i > 0 and \
                    self.doc[subj.left_edge.i - 1].pos_ == "VERB":
                sources = self.actors(subj.conjuncts[-1], conjuncts=False)  # the rest is the verb before's object
            else:
                sources = self.actors(poss if poss is not None else subj)
            if not sources and subj is not None and subj.lemma_.lower() in self.class_words({"ceasefire"}):
                sources = [k for p in pobjects(subj, {"between"}) for k in self.actors(p)]  # "the truce between
                # government troops and the rebels held": its parties observed it
            if not sources and token.tag_ == "VBG" and subj is None:  # "Indiscriminate shelling by Qaddafi forces"
                sources = [k for p in pobjects(token, {"by"}) for k in self.actors(p)]
            if not sources and token.pos_ == "VERB":
                sources = self.left_neighbour_actor(token)
            targets = self.objects(token)
            if not targets and trigger.code in JUDGING:  # "condemned the use of cluster bombs by Gaddafi's
                targets = [k for c in token.children if c.dep_ == "dobj" and self.is_event_noun(c)  # forces",
                           for k in self.noun_roles(c)[0]]  # "criticized the US raid": the doers are judged
            if token.pos_ == "NOUN" and token.dep_ == "pobj" and not targets:
                targets = self.objects(token.head.head)  # "in agreement ... with Russia"
            if not targets and trigger.code in ABOUT_OTHERS:  # "warned that the country risks ...": the country;
                clauses = [c for c in token.children if c.dep_ == "ccomp"]  # "pleaded with the authorities to grant"
                clauses += [p for c in token.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pcomp"]
                targets = [k for c in clauses for s in c.children if s.dep_ in SUBJECTS for k in self.actors(s)]
            if not targets and trigger.code == "PROTEST" and token.dep_ == "advcl":  # "summoned Myanmar's
                targets = self.objects(token.head)  # ambassador to protest": protested to whom it summoned
            if trigger.code == "CONSULT" and self.visit(token, sources):
                targets = self.visited(token)  # whom the summit is with, else the capital visited (not a city passed)
            if not targets and trigger.code in GIVING:  # "extradited a suspect to the United States", "resumed
                targets = [k for c in token.children if c.dep_ == "dobj"  # gas exports to Tajikistan": whom the
                           for p in pobjects(c, {"to"}) for k in self.actors(p)]  # parser hung on the thing given
            if not targets and trigger.code in LEAVING:  # "withdrew its staff from the country", "pulled out of"
                left = [c for c in token.children if c.dep_ == "prep" and c.lower_ == "from"]
                left += [o for c in token.children if c.lower_ == "out" for o in c.children if o.lower_ == "of"]
                targets = [k for c in left for p in c.children if p.dep_ == "pobj" for k in self.actors(p)]
        if trigger.code == "MOBILIZE" and not sources and token.pos_ == "VERB" and is_passive(token):
            sources, targets = targets, []  # "troops are being deployed": the forces moved are the actor
        visitors = [k for c in token.children if c.dep_ == "dobj" for k in self.actors(c)]
        if trigger.code == "CONSULT" and token.lemma_.lower() in HOSTING and visitors and not is_passive(token):
            sources, targets = visitors, sources  # "Merkel received Poroshenko at the chancellery": the visitor
            # is the actor, the host the recipient (PLOVER)
        moving = trigger.requires if trigger.requires is not None and trigger.requires[0] == "object" else \
            FORCES if trigger.code == "MOBILIZE" else None  # "mobilised its reservists": the forces, moved
        if moving is not None and trigger.code not in {"CONSULT", "REJECT"}:  # (a mission barred is its target)
            words = self.class_words(moving[1])  # "sent troops to X": the troops are what is sent,
            # not its target (but a delegation received is met)
            moved = {k for c in token.children if c.dep_ in OBJECTS and (c.lemma_.lower() in words or c.lower_ in words)
                     for k in self.table.keys_at(c)}
            targets = [t for t in targets if t not in moved]
        targets = [t for t in targets if t not in sources]
        if token.lemma_.lower() in FLEEING and token.pos_ == "VERB" and not is_passive(token):
            return self.flight_roles(token, sources)  # PLOVER: flight is coded with whoever caused it as actor
        return sources, targets

    def flight_roles(self, verb: Token, fled: list[str]) -> tuple[list[str], list[str]]:
        """Flight: whoever caused it acts on those who fled. 'The army forced villagers to flee':
        the army, the villagers (the verb of forcing's subject and object); else whom they flee."""
        forcing = verb.head if verb.dep_ == "xcomp" and verb.head.pos_ == "VERB" else None
        made = [k for c in (forcing.children if forcing is not None else ()) if c.dep_ == "dobj"
                for k in self.actors(c)]
        if made:
            sources = self.actors(self.subject(forcing))
            return sources, [k for k in made if k not in sources]
        causes = self.flight_causes(verb)
        return causes, [k for k in fled if k not in causes]

    def flight_causes(self, verb: Token) -> list[str]:
        """Whom people flee: 'fled to Bangladesh to escape the Myanmar army', 'fled the
        militants', 'fled after Janjaweed militia raided their villages', 'fleeing an offensive
        by the army'. Not a state or a place left ('fled the DRC'), nor fighting by no one named."""
        fled = [c for c in verb.children if c.dep_ == "dobj"] + pobjects(verb, {"from"})
        fled += [o for c in verb.children if c.dep_ in {"xcomp", "advcl"} and c.lemma_.lower() in ESCAPING
                 for o in c.children if o.dep_ == "dobj"]
        fled += [s for c in verb.children if c.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ in {"after", "as", "when"} for m in c.children)
                 for s in c.children if s.dep_ == "nsubj"]  # "after militia raided their villages"
        keys = [k for f in fled for k in (self.noun_roles(f)[0] if self.is_event_noun(f) else self.actors(f))]
        return list(dict.fromkeys(k for k in keys if self.table.entities[k].type not in {STATE, CITY, PLACE}))

    def judged_with(self, token: Token) -> Token | None:
        """The verb a word of judgment is said of something with: its predicate ('the deal was a
        historic mistake', 'called the attempt "deplorable"', which the parser may hang on the
        object) or what something is described or viewed as ('described X as traitors', 'viewed
        as illegal'); None for a word that only names ('the terrorist attack'), says something else
        ('tested positive') or is denied ('was not a violation', 'there was no violation')."""
        if any(c.dep_ == "det" and c.lower_ == "no" for c in token.children):
            return None
        if token.dep_ in {"attr", "acomp"} and token.head.lemma_.lower() in COPULAS or \
                token.dep_ == "oprd" and token.head.lemma_.lower() in self.lex.naming_verbs:
            return None if any(c.dep_ == "neg" for c in token.head.children) else token.head
        if token.dep_ in {"pobj", "amod"} and token.head.lower_ == "as":
            head = token.head.head
        elif token.dep_ == "amod" and token.i > token.head.i and token.head.dep_ in OBJECTS and \
                token.head.head.lemma_.lower() in self.lex.naming_verbs:
            head = token.head.head
        else:
            return None
        for _ in range(3):  # "described Tsvangirai and the opposition as traitors": up the conjuncts
            if head.pos_ in {"VERB", "AUX"}:
                return head
            head = head.head
        return None

    def judgment_roles(self, token: Token) -> tuple[list[str], list[str]]:
        """Who judges whom: the subject of a verb of naming judges its object ('Ban called the
        attempt deplorable', 'Mugabe described Tsvangirai as a traitor'), the one 'by' whom the
        passive says it ('was viewed as illegal by the African Union'); what a speaker says is a
        mistake, the speaker ('the deal was a historic mistake', said Netanyahu)."""
        verb = self.judged_with(token) or token.head
        if verb.lemma_.lower() in self.lex.naming_verbs:
            passive = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
            if passive is not None:
                by = agent(verb)
                speaker = self.speaker(token)
                sources = self.actors(by) if by is not None else [speaker] if speaker else []
                return sources, [k for k in self.actors(passive) if k not in sources]
            sources = self.actors(self.subject(verb))
            return sources, [k for c in verb.children if c.dep_ in OBJECTS for k in self.actors(c) if k not in sources]
        speaker = self.speaker(token)
        targets = self.actors(next((c for c in verb.children if c.dep_ in SUBJECTS), None))
        return ([speaker] if speaker else []), [k for k in targets if k != speaker]

    def noun_roles(self, token: Token) -> tuple[list[str], list[str]]:
        """A nominal event: its doers are a possessive, a modifier ('NATO airstrikes', 'Russian
        troops' deployment') or 'by X'; both sides of 'between X and Y'; its target 'on',
        'against', 'to', 'for' or 'with' X, and 'of' X for a harm ('the invasion of Iraq') or after
        a noun for a doer ('a defender of the government'). With no doer in the phrase, the
        subject of the light verb it is the object of ('X launched an offensive', 'X held talks')
        or of a verb of taking part ('X took part in the fighting', 'X went on the offensive')."""
        sources: list[str] = []
        targets: list[str] = []
        lemma = token.lemma_.lower()
        of_target = lemma in self.harm_nouns or lemma.endswith(AGENT_SUFFIXES)  # "invasion of", "defender of"
        own = set(self.table.keys_at(token))
        shared_by = [c for conj in token.conjuncts for c in conj.children
                     if c.dep_ in {"prep", "agent"} and c.lower_ == "by"]
        for c in [*token.children, *shared_by]:  # "fighting and shelling by Israeli forces": both are theirs
            objects = [p for p in c.children if p.dep_ == "pobj"]
            if c.dep_ == "poss" and c.lower_ in {"its", "their"}:  # "their advance": the group subject before
                sources += self._last_subject(c)
            elif c.dep_ == "poss" and c.lower_ in {"his", "her"}:  # "his opposition to torture"
                sources += self._last_named(c, PERSON)
            elif c.dep_ in {"poss", "compound", "amod", "nmod"}:
                sources += [k for k in self.actors(c) if k not in own and not (  # "the Lockerbie bombing", "the
                    c.dep_ in {"compound", "nmod"} and self.table.entities[k].type in {PLACE, CITY})]  # Khowst attack":
                # where, not who
            elif c.dep_ in {"prep", "agent"} and c.lower_ in {"by", "between", "among", "from"}:
                sources += [k for p in objects for k in self.actors(p)]
            elif c.dep_ == "prep" and (c.lower_ in {"on", "against", "to", "with", "at", "into", "for"} or
                                       c.lower_ == "of" and of_target):
                targets += [k for p in objects for k in self.actors(p)]
            elif c.dep_ == "acl":  # "an offensive launched by the ONLF", "restrictions placed on citizens by"
                sources += self.actors(agent(c))
                targets += [k for p in pobjects(c, {"on", "against"}) for k in self.actors(p)]
        if self.listed_codes(token, "NOUN") & {"MOBILIZE", "RETREAT"}:  # "the withdrawal of the last Vietnamese
            forces = self.lex.noun_classes["armed_forces"]  # troops from Cambodia", "the deployment of 2,000
            moved = [p for p in pobjects(token, {"of"}) if (p.lemma_.lower() in forces or p.lower_ in forces) and any(
                self.table.entities[k].type == STATE for c in p.children if c.dep_ in {"amod", "compound", "poss"}
                for k in self.table.keys_at(c))]  # Ugandan troops": the forces moved move, whose the text says
            doers = [k for p in moved for k in self.actors(p)]  # (not "a deployment of troops was necessary"): the
            if doers:  # forces act, and a place they leave ("from Mali") is what they leave, not the doer
                sources, targets = doers, [k for k in targets + sources if k not in doers]
        if not sources and token.dep_ == "nsubj" and token.head.lemma_.lower() in self.lex.ongoing_verbs:
            # "fighting continued between X and Y", not "the ambush happened between Kandahar and Helmand"
            sources = [k for p in pobjects(token.head, {"between", "among"}) for k in self.actors(p)]
        first = token  # "staged air and naval drills": an event noun joined to the verb's object is one too
        while first.dep_ == "conj" and first.head.pos_ == "NOUN":
            first = first.head
        if first.dep_ == "pobj" and first.head.lower_ == "of" and first.head.head.lemma_.lower() in SPANS:
            first = first.head.head  # "held a second round of talks", "two days of talks"
        governing = first.head.head if first.dep_ == "pobj" else first.head
        governor = governing.lemma_.lower()
        naming = any(c.dep_ == "oprd" for c in governing.children)  # "officials called the attack small"
        if not sources and not naming and (
                first.dep_ == "dobj" and not self.lex.light_verbs.isdisjoint(lemmas(governing))  # "staged" ->
                # "stag": the model's lemma of a past form may miss
                or first.dep_ == "attr"
                or first.dep_ == "pobj" and first.head.lower_ in ENGAGED_IN and governor in ENGAGING
                or first.dep_ == "pobj" and first.head.lower_ == "for" and governor in TRAVELLING
                or first.dep_ == "pobj" and first.head.lower_ in {"under", "on"} and governor in PLACING
                or first.dep_ == "pobj" and first.head.lower_ == "in" and self.protest_noun(first)):  # "occupied
            # the legislature in protest": whoever did it protests
            sources = self.actors(self.subject(first))  # "X launched an offensive", not "X rejected the presence of"
            if first.dep_ == "pobj" and governor in PLACING and is_passive(governing):  # "was placed on trial"
                sources = self.actors(agent(governing))
                targets = [k for c in governing.children if c.dep_ == "nsubjpass" for k in self.actors(c)]
        if not sources and not naming and first.dep_ == "nsubjpass" and \
                not self.lex.light_verbs.isdisjoint(lemmas(governing)):  # "a formal apology was extended by the
            sources = self.actors(agent(governing))  # Canadian government", "a pardon was granted by the king"
        if not targets and token.dep_ == "pobj":
            targets = self.objects(token.head.head)  # "we are in agreement ... with Russia"
        if not targets and (verb := self.light_verb_of(token)) is not token:  # "voiced concern on Friday over
            targets = [k for p in pobjects(verb, TARGET_PREPS | {"over", "about"})  # Israel's decision"
                       for k in self.actors(p) or self.owners(p) or (  # "about the detention of journalists by
                           self.noun_roles(p)[0] if self.is_event_noun(p) else [])]  # Turkish police": the police
        owned = first.head.head if first.dep_ == "pobj" and first.head.lower_ == "for" else None
        if not sources and owned is not None and owned.lemma_.lower() == "responsibility" and owned.head.pos_ == "VERB":
            sources = self.actors(self.subject(owned.head))  # "the group claimed responsibility for the attack"
        if first.dep_ == "pobj" and first.head.lower_ == "under" and governor in {"come", "be"}:
            targets = self.actors(self.subject(governing))  # "a convoy came under fire from Taliban insurgents"
            sources = [k for p in [*pobjects(token, {"from"}), *pobjects(governing, {"from"})] for k in self.actors(p)]
        if token.dep_ == "dobj" and governor in self.lex.undergoing_verbs:  # "Israel faced US criticism", "drew
            targets = self.actors(self.subject(governing))  # sharp criticism from Turkey": the subject undergoes it
            critics = [*pobjects(token, {"of", "from", "by"}), *pobjects(governing, {"from", "by"})]
            sources = [k for k in sources + [k for p in critics for k in self.actors(p)] if k not in targets]
        return list(dict.fromkeys(sources)), list(dict.fromkeys(targets))

    def speaker(self, token: Token) -> str | None:
        """Whose claim this is: the quotation's speaker, or the subject of the reporting
        verb whose clause holds the trigger."""
        quote = self.quote_at(token)
        if quote is not None:
            return quote.speaker
        child = token
        for anc in token.ancestors:
            if anc.lemma_.lower() in self.lex.reporting_verbs and child.dep_ in {"ccomp", "parataxis"}:
                subj = min((c for c in anc.children if c.dep_ in SUBJECTS), key=lambda c: abs(c.i - anc.i),
                           default=None)
                keys = self.table.keys_at(subj) if subj is not None else []
                return next((k for k in keys if self.table.entities[k].type == PERSON), keys[0] if keys else None)
            child = anc
        return None

    # --- where and when ---------------------------------------------------------
    def places(self, token: Token, actors: list[str]) -> list[str]:
        found: list[str] = []
        for tok in (token, *list(token.ancestors)[:3]):
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ in {"in", "at", "near", "across", "inside"}:
                    for p in c.children:
                        found += [k for k in self.table.keys_at(p) if self.table.entities[k].type in PLACE_TYPES]
            if tok.dep_ == "relcl":
                found += [k for k in self.table.keys_at(tok.head) if self.table.entities[k].type in PLACE_TYPES]
            if found:
                break
        if not found:
            found = [k for t in self.table.tokens_of(self.table.sentence(token)) for k in self.table.keys_at(t)
                     if self.table.entities[k].type in {CITY, PLACE}]
        return [k for k in dict.fromkeys(found) if k not in actors]

    def time(self, token: Token) -> TimeExpr | None:
        sent = self.table.sentence(token)
        own: list[tuple[int, TimeExpr]] = []
        free: list[TimeExpr] = []
        for t in self.times:
            if not sent.start_char <= t.span.start < sent.end_char:
                continue
            span = self.doc.char_span(t.span.start, t.span.end, alignment_mode="expand")
            root = span.root if span is not None else None
            verb = clause_verb(root) if root is not None else None
            chain = [] if root is None else [root.head, *root.head.ancestors][: _depth(root, verb)]
            if verb is not None and verb.dep_ in {"acl", "relcl"}:  # "an offensive launched on November 10"
                chain.append(verb.head)
            if token in chain:
                own.append((chain.index(token), t))
            elif verb is None or verb == token or verb in token.ancestors:
                free.append(t)
        if own:
            return min(own, key=lambda pair: pair[0])[1]
        return min(free, key=lambda t: abs(t.span.start - token.idx), default=None)

    def figure(self, token: Token, event_class: str) -> Figure | None:
        """The toll the trigger itself counts: of the kind its word says ('killed': deaths, 'wounded':
        the injured), held by its own subject or object (or, for 'were reported injured', the
        subject of the verb it completes), the nearest of those; else the first of its kind in the
        sentence, which an attack only takes if its word counts ('killed', not 'shelling'). 'Twelve people were killed
        and 40 wounded': 12 dead, 40 injured; 'At least 30 people were killed when two car bombs
        exploded': 30."""
        sent = self.table.sentence(token)
        here = [f for f in self.figures if f.what in FIGURE_FOR.get(event_class, set())
                and sent.start_char <= f.span.start < sent.end_char]
        said = self.lex.figure_kinds.get(token.lemma_.lower()) or self.lex.figure_kinds.get(token.lower_)
        here = [f for f in here if f.what == said] or here
        holders = [c for c in token.children if c.dep_ in SUBJECTS | OBJECTS]
        if token.dep_ in {"oprd", "xcomp", "conj"} and not holders:
            holders = [c for c in token.head.children if c.dep_ in SUBJECTS]
        spans = [(h.left_edge.idx, h.right_edge.idx + len(h.right_edge)) for h in holders]
        own = [f for f in here if any(lo <= f.span.start < hi for lo, hi in spans)]
        if own:
            return min(own, key=lambda f: abs(f.span.start - token.idx))
        counts = said or event_class not in {"Assault", "Casualties"}  # "responsible for the deaths of 600,000"
        return next(iter(here), None) if counts else None  # "shelling by government forces killed 12": the killing's

    # --- what -----------------------------------------------------------------
    def class_words(self, values: Collection[str]) -> frozenset[str]:
        """The words a trigger's requirement names: a noun class's members ('armed_forces'), else the word."""
        key = frozenset(values)
        if key not in self.classes:
            self.classes[key] = frozenset().union(*(self.lex.noun_classes.get(v, {v}) for v in key))
        return self.classes[key]

    def matches(self, token: Token, trigger: Trigger) -> bool:
        if trigger.requires is None:
            return True
        kind, values = trigger.requires
        if kind == "role":  # "called the attempt deplorable", "described X as traitors", "the deal was a mistake"
            return self.judged_with(token) is not None
        if kind in {"prep", "target"}:  # "called on X", not "called ... on Tuesday"; "voiced concern on Friday
            # over X" ("target": and it codes only with someone there)
            light = self.light_verb_of(token)
            return (token.dep_ == "pobj" and token.head.lower_ in values) or light is not token and any(
                c.dep_ == "prep" and c.lower_ in values for c in light.children) or any(
                c.dep_ == "prep" and c.lower_ in values and not any(  # (but "called for three days of mourning")
                    p.ent_type_ in {"DATE", "TIME"} and not pobjects(p, {"of"}) for p in c.children if p.dep_ == "pobj")
                or for_clause(c, values)
                for c in token.children)
        if kind == "particle":  # "stepped down", "turned down a request", "pulled out of"
            return any(c.lower_ in values and (c.dep_ in {"prt", "advmod"} or c.dep_ == "prep" and not any(
                p.dep_ == "pobj" for p in c.children)) for c in token.children)  # not "gave ... in the aftermath"
        if kind == "modifier":  # "a hunger strike", "test-fired" (parsed "test" "-" "fired"), "a joint army
            # exercise" (parsed with "joint" on "army")
            mods = [*token.children, *(m for c in token.children if c.dep_ == "compound" and c.pos_ == "NOUN"
                                       for m in c.children if m.dep_ == "amod")]  # not "Libyan National Army"
            hyphenated = {f"{m.lower_}-{c.lower_}" for c in token.children if c.dep_ in {"compound", "amod"}
                          and c.i >= 2 for m in c.children if m.i == c.i - 2 and c.nbor(-1).text == "-"}  # "live-fire
            # drills", "a week-long exercise" ('week' hangs on 'long')
            return not hyphenated.isdisjoint(values) or any(
                c.lower_ in values and (c.dep_ in {"amod", "compound"} or c.dep_ == "npadvmod" and c.nbor().text == "-")
                for c in mods)
        if kind == "left":  # "quit the bloc", "withdrew from the accord", "pulled out of the talks" (not "withdrew
            # from Goma under a deal")
            preps = [c for c in token.children if c.dep_ == "prep" and c.lower_ in {"from", "of"}]
            preps += [p for c in token.children if c.dep_ in {"prt", "prep", "advmod"} and c.lower_ == "out"
                      for p in c.children if p.dep_ == "prep" and p.lower_ == "of"]
            left = [c for c in token.children if c.dep_ == "dobj"] + [p for c in preps for p in c.children
                                                                       if p.dep_ == "pobj"]
            words = self.class_words(values)
            return any(c.lemma_.lower() in words or c.lower_ in words or any(  # "quit OPEC", "left ECOWAS"
                (self.table.entities[k].code or "").startswith("IGO") for k in self.table.keys_at(c)) for c in left)
        if kind == "after":  # "went on strike"
            return token.dep_ == "pobj" and token.head.lower_ in values
        if kind == "placed":  # "put him on trial"
            return token.dep_ == "pobj" and token.head.lower_ in values and token.head.head.lemma_.lower() in PLACING
        if kind in {"object", "subject"}:
            deps = SUBJECTS if kind == "subject" else OBJECTS | {"pobj", "nsubjpass"}  # "food was delivered"
            words = self.class_words(values)
            candidates = [c for c in token.children if c.dep_ in deps]
            direct = any(c.dep_ == "dobj" for c in token.children)  # "returned fire on the suspects", "threw
            # its weight behind the plan": with a direct object, a preposition's object is not what is acted on
            candidates += [p for c in token.children if c.dep_ in {"prep", "xcomp", "agent"} and (
                not direct or c.dep_ == "xcomp" or c.lower_ in {"with", "for"}) for p in c.children if p.dep_ in deps]
            if kind == "object":  # "allowed a U.N. aid convoy to enter": the convoy, the clause's subject (not
                candidates += [p for c in token.children if c.dep_ == "ccomp" and not finite(c)  # "let trucks
                               for p in c.children if p.dep_ == "nsubj"]  # reach" (not "announced that the truce
                # had expired", "said the ceasefire was over")
                candidates += [m for c in candidates for m in c.children if m.dep_ in {"amod", "acl"} and m.tag_ in
                               {"VBN", "JJ"}]  # "three suspected PKK members", "a militant wanted for the bombing"
            candidates += [j for c in candidates for j in c.conjuncts]  # "sent tents, blankets and supplies"
            candidates += [m for c in candidates if c.pos_ == "PROPN" for m in c.children  # "frigate INS Tabar"
                           if m.dep_ in {"compound", "amod"}]  # a ship's or a unit's name, not "weapons inspectors"
            if token.dep_ == "relcl" and any(c.lower_ in RELATIVES for c in candidates):
                candidates.append(token.head)  # "civilian casualties which we regret"
            if kind == "subject" and token.dep_ == "acl" and token.tag_ != "VBN":
                candidates.append(token.head)  # "Around 450 troops disembarked on Monday", parsed as a noun phrase
            candidates += [p for c in candidates if c.lower_ in self.lex.partitive_nouns for p in pobjects(c, {"of"})]
            # "hundreds of Yazidi volunteers are being trained"
            members = {c.i: pobjects(c, {"of"}) for c in candidates if c.lower_ in self.lex.collective_nouns}
            candidates = [m for c in candidates for m in (members.get(c.i) or [c])]  # "sent a brigade of 300
            # doctors": doctors, not a military brigade
            return any((phrase_key(c) in words or c.lemma_.lower() in words or c.lower_ in words) and not any(
                d.dep_ == "det" and d.lower_ == "no" for d in c.children) for c in candidates)  # "gave no details"
        return False

    @staticmethod
    def engaged_in(verb: Token) -> list[Token]:
        """What a verb of taking part is in: 'took part in the talks', 'joined in the protests'."""
        heads = [verb, *(c for c in verb.children if c.dep_ == "dobj" and c.lower_ == "part")]
        return [p for h in heads for p in pobjects(h, ENGAGED_IN)]

    def purpose(self, verb: Token) -> bool:
        """An infinitive saying what an act or a thing is for ('sent troops to help the army',
        'efforts to rally the people') or what someone is asked to do ('requested more troops
        to assist the army'), unless a word of intent makes it a promise or a threat ('announced
        its intent ... to arrest protesters'). So is a verb joined to one ('ordered the army to bring
        Anjouan back and free her citizens')."""
        if verb.dep_ == "conj" and verb.head.pos_ == "VERB" and not any(c.dep_ in SUBJECTS for c in verb.children):
            return self.purpose(verb.head)
        asked = verb.dep_ == "xcomp" and verb.head.lemma_.lower() in self.lex.asking_verbs  # "asked X to leave"
        came = verb.dep_ == "advcl" and verb.head.lemma_.lower() in TRAVELLING  # "stepped across the line to meet
        # Moon": one who travels to meet someone meets them
        nouns = [verb.head] if verb.dep_ == "acl" else [c for c in verb.head.children if c.dep_ == "attr"] \
            if verb.dep_ == "advcl" else []
        first = any(c.dep_ == "amod" and c.lower_ in ORDINALS for n in nouns for c in n.children)
        # "became the first country to recognise Estonia": the act done, not what the country is for
        return verb.pos_ == "VERB" and (verb.dep_ in {"advcl", "acl"} and not came and not first or asked) and \
            any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and \
            announced(verb, self.lex.intent_words, self.lex.light_verbs) is None

    def light_on_act(self, verb: Token, named: dict[int, str], code: str | None) -> bool:
        """A light verb whose object is an event noun of another type, directly or through another
        light verb; not one that makes it an offer or a threat. (Of one type, verb and noun are one
        event: one_per_phrase.) So is a verb of placing over one: 'putting Bacar on trial' accuses."""
        placed = pobjects(verb, {"on", "under"}) if verb.lemma_.lower() in PLACING else []
        if any(named.get(p.i, code) != code for p in placed):
            return True
        if verb.lemma_.lower() not in self.lex.light_verbs - OFFERING:
            return False
        return any(c.dep_ == "dobj" and named.get(c.i, code) != code or
                   c.dep_ == "xcomp" and self.light_on_act(c, named, code) for c in verb.children)

    def light_verb_of(self, noun: Token) -> Token:
        """The light verb whose object the noun is ('voiced concern', 'made an appeal'), whose
        prepositions are the noun's; else the noun itself."""
        verb = noun.head
        if noun.dep_ == "dobj" and not self.lex.light_verbs.isdisjoint(lemmas(verb)) and not any(
                self.matches(verb, t) for t in self.lex.triggers.get((verb.lemma_.lower(), "VERB"), ())):
            return verb  # not "send aid to": a verb coded itself (but "held talks", though "held their fire" is)
        return noun

    def mishap(self, token: Token) -> bool:
        """'Kim Jong Il died of a heart attack', 'died in a helicopter crash', 'the plane crashed,
        killing all 15 people on board': a death by illness or accident is no act of conflict, nor is a
        heart attack an attack."""
        ill = self.lex.mishap_words
        causes = [*pobjects(token, {"of", "from", "in"}), token]
        return any(c.lemma_.lower() in ill or any(m.dep_ in {"compound", "amod"} and m.lower_ in ill
                                                  for m in c.children) for c in causes) or \
            token.dep_ in {"advcl", "conj"} and token.head.lemma_.lower() in self.lex.accident_verbs

    @staticmethod
    def joint(noun: Token) -> bool:
        """'joint searches', 'coordinated patrols', 'a joint military command post': what two parties
        do or run together is cooperation, whatever the noun (not what they say together, 'a joint
        press conference', 'a joint letter', nor 'the joint chiefs')."""
        compounds = [c for c in noun.children if c.dep_ == "compound"]
        mods = [*noun.children, *(m for c in compounds for m in c.children)]
        return not {noun.lemma_.lower(), *(c.lemma_.lower() for c in compounds)} & JOINT_TITLES and any(
            m.dep_ == "amod" and m.lower_ in {"joint", "coordinated"} for m in mods)

    def disarming(self, verb: Token) -> bool:
        """A verb of giving up whose object is the doer's own arms: 'handed in their weapons',
        'destroyed its remaining rifles' (not 'fired their weapons into the crowd')."""
        arms = self.class_words({"arms"})
        return verb.pos_ == "VERB" and verb.lemma_.lower() in self.lex.relinquishing_verbs and any(
            c.dep_ == "dobj" and c.lemma_.lower() in arms and any(
                p.dep_ == "poss" and p.lower_ in {"their", "its", "his"} for p in c.children) for c in verb.children)

    def figurative(self, token: Token, trigger: Trigger) -> bool:
        """'struck a defiant tone', 'the talks hit a snag': a verb its object makes a figure of speech;
        'an assault on basic human rights', 'attacked press freedom': harm to an idea; 'tragedy struck',
        'floods hit the region': nature or fate as the doer."""
        things = self.lex.figures_of_speech.get(token.lemma_.lower(), ()) if token.pos_ == "VERB" else ()
        if any(c.dep_ == "dobj" and (c.lemma_.lower() in things or c.lower_ in things) for c in token.children):
            return True
        harmed = [c for c in token.children if c.dep_ == "dobj"] + pobjects(token, {"on", "against"})
        if trigger.code == "ASSAULT" and any(c.lower_ in self.lex.abstract_targets for c in harmed):
            return True
        subject = self.subject(token) if token.pos_ == "VERB" else None
        return subject is not None and subject.lemma_.lower() in self.lex.calamities

    def listed_codes(self, token: Token, pos: str) -> set[str | None]:
        """The types triggers.csv lists the token's lemma under, as this part of speech."""
        return {t.code for t in self.lex.triggers.get((token.lemma_.lower(), pos), ())}

    def is_event_noun(self, noun: Token) -> bool:
        return noun.pos_ == "NOUN" and bool(self.listed_codes(noun, "NOUN"))

    def saying(self, verb: Token) -> bool:
        """A verb of saying or issuing: what two parties 'jointly announced' is a statement, not an act."""
        lemma = verb.lemma_.lower()
        return any(lemma in words for words in (self.lex.reporting_verbs, self.lex.issuing_verbs,
                                                 self.lex.voicing_verbs, self.lex.comment_verbs))

    def protest_noun(self, noun: Token) -> bool:
        return "PROTEST" in self.listed_codes(noun, "NOUN") and noun.ent_type_ != "DATE"  # not "in March 2007"

    def protested_with(self, token: Token) -> Token | None:
        """The verb an 'in protest' or 'to protest' says the purpose of, if any."""
        if token.dep_ == "pobj" and token.head.lower_ == "in" and token.head.head.pos_ == "VERB":
            return token.head.head
        if token.pos_ == "VERB" and token.dep_ == "advcl" and token.head.pos_ == "VERB":
            return token.head
        return None

    def literal(self, token: Token, trigger: Trigger) -> bool:
        """A phrasal verb in its literal sense: 'pulled out a pistol', 'stepped down from the truck',
        'turned down the volume', 'walked out of the factory'; and 'X hosted the Olympics', a host
        with no visitor."""
        if trigger.code == "CONSULT" and token.lemma_.lower() in HOSTING:
            return not any(c.dep_ in OBJECTS and self.actors(c) for c in token.children)
        if trigger.requires is None or trigger.requires[0] != "particle":
            return False
        things = [c for c in token.children if c.dep_ in OBJECTS] + [
            p for c in token.children if c.dep_ in {"prep", "prt"} for q in [c, *c.children] for p in q.children
            if p.dep_ == "pobj"]
        if trigger.code == "RETREAT":
            vehicles = self.class_words({"vehicles"})
            return any(t.lemma_.lower() in vehicles for t in things)
        if trigger.code in {"REJECT", "SANCTION"}:
            proposals = self.class_words({"proposals"})
            return not any(self.actors(t) or t.lemma_.lower() in proposals or t.lower_ in proposals for t in things) \
                and not any(c.dep_ in {"xcomp", "advcl"} and c.tag_ == "VBG" or c.dep_ == "xcomp"
                            for c in token.children)  # "ruled out negotiating", "ruled out sending troops"
        return False

    def done_in_protest(self, verb: Token) -> bool:
        """'occupied the legislature in protest against', 'blocked highways to protest against'."""
        protesting = any(c.dep_ == "advcl" and "PROTEST" in self.listed_codes(c, "VERB") for c in verb.children)
        return verb.pos_ == "VERB" and (any(self.protest_noun(p) for p in pobjects(verb, {"in"})) or protesting)

    def promised(self, token: Token, trigger: Trigger) -> bool:
        """An act in the future tense or said to be coming ('said it would'), or a cooperative verb's
        act intended ('is ready to provide aid'): of the verb, or of the light verb an event noun is
        the object of ('will hold talks next week'; not 'will continue its support', ongoing). A
        withdrawal decided on is carried out ('decided to resign')."""
        verb = token if token.pos_ == "VERB" else self.light_verb_of(token)
        if token.pos_ == "NOUN" and token.dep_ == "dobj" and token.head.lemma_.lower() in self.lex.ongoing_verbs:
            return self.intended(token.head)  # "is ready to resume talks", "ready to resume aid"
        if token.dep_ == "pobj" and token.head.lower_ == "for" and token.head.head.lemma_.lower() in TRAVELLING:
            verb = token.head.head  # "will arrive on Saturday for talks"
        if verb.pos_ != "VERB" or verb.lemma_.lower() in self.lex.ongoing_verbs and not self.intended(verb):
            return False  # "will continue its support" goes on (but "is ready to resume the dialogue" is an offer)
        if token is verb and trigger.code in PROMISED:
            return tense(verb) == "future" and not ongoing(verb) or self.intended(verb) or bool(self.said_would(verb))
        if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ASPECT_VERBS:
            verb = verb.head  # "would begin pulling out": the beginning is what is to come
        will = any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in verb.children)  # said, not infinitive
        pledged = verb.dep_ == "xcomp" and verb.head.lemma_.lower() in PLEDGING  # "promised to withdraw"
        return will or pledged or self.said_would(verb) is not None

    def permitted(self, token: Token) -> bool:
        """'The law allows the government to place people under arrest without charges': what a
        law, a decree or a rule permits is a power, not an act done."""
        for above in list(token.ancestors)[:4]:
            if above.lemma_.lower() in PERMITTING:
                subject = self.subject(above)
                return subject is not None and subject.pos_ == "NOUN" and not self.actors(subject)
        return False

    def by_a_thing(self, verb: Token) -> bool:
        """'A car bomb killed 30 people', 'the blast wounded dozens', 'the attack killed 12 soldiers':
        the subject is a weapon, an explosion or an act (lexicon blast_nouns, the trigger nouns), not
        an actor, a pronoun or a disaster."""
        subject = self.subject(verb)
        lemma = subject.lemma_.lower() if subject is not None else ""
        return subject is not None and subject.pos_ == "NOUN" and not self.actors(subject) and (
            lemma in self.wielded or lemma in self.lex.blast_nouns or (lemma, "NOUN") in self.lex.triggers)
        # (not "floods killed 50 people", "cholera has killed 200")

    def said_would(self, verb: Token) -> Token | None:
        """'said his country would attack Israel': 'would' in what someone said is the future of the
        past, an announcement like 'will' (not 'would attack' alone, a hypothetical)."""
        would = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ in {"would", "'d"}), None)
        return would if would is not None and any(
            a.lemma_.lower() in self.lex.reporting_verbs and a.i < verb.i for a in verb.ancestors) else None

    def wanted_of_others(self, verb: Token) -> Token | None:
        """The act a verb of wanting wants someone else to do ('Al Wefaq wants elected politicians
        to name the cabinet'), not one it wants to do itself ('wants to talk')."""
        if verb.lemma_.lower() not in self.lex.wanting_verbs:
            return None
        return next((c for c in verb.children if c.dep_ in {"xcomp", "ccomp"} and c.pos_ == "VERB"
                     and any(s.dep_ in SUBJECTS for s in c.children)), None)

    def recode(self, trigger: Trigger, code: str, mode: str | None = None) -> Trigger:
        """The trigger as another PLOVER type: a refusal, a promise, a threat, an offer."""
        changed = dataclasses.replace(trigger, code=code, event_class=self.lex.plover_classes[code])
        return changed if mode is None else dataclasses.replace(changed, mode=mode)

    def armed_support(self, verb: Token) -> bool:
        """'The Peshmerga were supported by US airstrikes', 'backed with troops': support given
        by force of arms is military assistance (PLOVER AID), not diplomatic support."""
        means = [p for c in verb.children if c.dep_ == "agent" or c.dep_ == "prep" and c.lower_ == "with"
                 for p in c.children if p.dep_ == "pobj"]
        return verb.pos_ == "VERB" and any(p.lemma_.lower() in self.wielded or phrase_key(p) in
                                           self.lex.noun_classes["armed_forces"] for p in means)

    def calls_for_peace(self, token: Token) -> bool:
        """'called for a ceasefire', 'want a truce', 'demanded an end to the fighting': what is
        asked for is the conflict's end."""
        asked = [c for c in token.children if c.dep_ in OBJECTS]
        asked += pobjects(token, {"for"})
        ends, fighting = self.lex.noun_classes["conflict_end"], self.lex.noun_classes["fighting"]
        return any(phrase_key(a) in ends or a.lemma_.lower() in ends or a.lemma_.lower() in {"end", "halt"} and any(
            p.lemma_.lower() in fighting or p.lower_ in fighting for p in pobjects(a, {"to", "of"})) for a in asked)

    def rioting(self, key: str) -> bool:
        e = self.table.entities[key]
        return e.generic and any(fold(m.text.split()[-1]) in self.lex.rioting_nouns for m in e.mentions)

    def authority(self, key: str) -> bool:
        """A state, or a government's, an army's, a police force's or an armed group's people: who
        can cut a country's services."""
        e = self.table.entities[key]
        return e.type in {STATE, ARMED_GROUP} or (e.sector or "") in {"GOV", "MIL", "COP", "SPY", "JUD", "REB", "UAF"}

    def official(self, key: str) -> bool:
        """A state, or a government's people or bodies: its protest is a diplomatic one."""
        e = self.table.entities[key]
        return e.type == STATE or (e.sector or "") == "GOV"

    def third_party(self, key: str) -> bool:
        """The UN, another intergovernmental body, an NGO: whose call for peace is a request of
        the sides, not an offer. Known by the actor code's first part (a state that mediates is
        not told apart from a side)."""
        e = self.table.entities[key]
        return (e.code or "")[:3] in THIRD_PARTIES or (e.sector or "") in THIRD_PARTIES

    def no_act(self, token: Token, trigger: Trigger, targets: list[str]) -> bool:
        """Words about talking to the press, not acts between parties: 'declined to comment',
        'was asked about the attack' or 'asked whether' (a question, not a request), 'spoke with
        Agence France-Presse' (a news agency is a source, not a party met), 'met some resistance',
        'met the deadline' (what is met is a thing: lexicon met_things)."""
        if trigger.code == "REJECT" and any(c.dep_ == "xcomp" and c.lemma_.lower() in self.lex.comment_verbs
                                            and not any(o.dep_ in OBJECTS for o in c.children)
                                            for c in token.children):
            return True  # not "refused to confirm the appointment"
        if trigger.code == "REQUEST" and token.lemma_.lower() == "ask" and any(
                c.dep_ == "prep" and c.lower_ == "about" or c.dep_ == "ccomp" and any(
                    m.dep_ == "mark" and m.lower_ in {"if", "whether"} for m in c.children) for c in token.children):
            return True
        if token.lemma_.lower() in MEETING and any(
                c.dep_ == "dobj" and c.lemma_.lower() in self.lex.met_things for c in token.children):
            return True  # "met some resistance", "met the deadline": no one met
        return trigger.code == "CONSULT" and bool(targets) and all(
            self.table.entities[k].type == NEWS_AGENCY or self.table.entities[k].sector == "MED" for k in targets)

    def intended(self, token: Token) -> bool:
        """An act a word of intent governs ('is ready to provide aid', 'pledged to send')."""
        by = announced(token, self.lex.intent_words, self.lex.light_verbs)
        return by is not None and by.lemma_.lower() in self.lex.intent_words

    def foretold(self, token: Token) -> bool:
        """A death told as to come: announced ('will be killed'), in a clause with no tense of its
        own under a verb that is ('we will fight until we die'), an infinitive ('deserved to die',
        'about to die'), or 'is to die'."""
        own_tense = any(c.dep_ in {"aux", "auxpass"} for c in token.children)  # "after 12 soldiers were killed"
        infinitive = token.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children) \
            and token.head.lemma_.lower() not in CAUSING  # not "caused at least 14 people to die"
        return infinitive or announced(token, self.lex.intent_words, self.lex.light_verbs) is not None or \
            token.dep_ == "advcl" and not own_tense and \
            announced(token.head, self.lex.intent_words, self.lex.light_verbs) is not None \
            or token.dep_ == "xcomp" and token.head.lemma_ == "be"

    def denied(self, token: Token) -> bool:
        """The text says it did not happen: a negation on the trigger ('did not attack'), or
        a clause under a verb of denial ('denied that troops had been killed', 'denied
        attacking'), up to two clauses up."""
        if any(c.dep_ == "neg" for c in token.children):
            return True
        if token.dep_ == "xcomp" and token.head.lower_ in WILLING and token.head.dep_ == "acomp" and any(
                c.dep_ == "neg" for c in token.head.head.children):
            return True  # "is not willing to demobilize the contras", "was not ready to withdraw" (not "not afraid to")
        subject = next((c for c in token.children if c.dep_ in SUBJECTS), None)
        if subject is not None and (subject.lower_ in NOBODY or any(
                c.dep_ == "det" and c.lower_ == "no" for c in subject.children)):
            return True  # "no other member of the UN has recognized these republics"
        child = token
        for head in list(token.ancestors)[:3]:
            if child.dep_ in {"ccomp", "xcomp", "pcomp", "dobj"} and head.lemma_.lower() in self.lex.denial_verbs:
                return True
            child = head
        return False

    def names_a_noun(self, verb: Token) -> bool:
        """A participle naming or describing a noun, not an event: 'a group called Hizbul
        Islam', 'a report released Thursday', 'UN-supported', 'according to'. A passive
        participle with its doer ('rebels backed by Eritrea') and an active one ('rebel
        factions fighting to oust Assad': the noun is its doer) are events, unless the verb
        only carries the noun's own act ('attacks carried out by', 'a report issued by')."""
        if verb.dep_ in {"amod", "prep"}:
            return True
        if verb.dep_ != "acl" or verb.tag_ != "VBN":
            return False
        if not any(c.dep_ == "agent" for c in verb.children):
            return True
        acts = [verb.head, *pobjects(verb.head, {"of"})]  # "acts of violence committed by"
        return verb.lemma_.lower() in self.lex.light_verbs and any(  # "attacks carried out by X": the attacks
            a.lemma_.lower() in self.lex.statement_nouns | self.lex.noun_classes["fighting"]  # are the event, as
            or (a.lemma_.lower(), "NOUN") in self.lex.triggers for a in acts)  # a report is its issuer's (not
        # "troops deployed by")

    def demanded(self, verb: Token) -> bool:
        """'Israel must exercise restraint,' said Ban: what a speaker says another must or
        should do is the speaker's demand (REQUEST), whatever the verb."""
        if not any(c.dep_ == "aux" and c.lower_ in OBLIGING for c in verb.children):
            return False
        subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
        return subject is not None and subject.lower_ not in SPEAKING and self.speaker(verb) is not None

    def asked_for(self, noun: Token) -> bool:
        """An act named as what someone asks, wants or seeks ('demanded an apology from the army',
        'is seeking the extradition of Assange', 'called for talks')."""
        verb = noun.head if noun.dep_ == "dobj" else noun.head.head if noun.dep_ == "pobj" and \
            noun.head.lower_ == "for" else None
        return verb is not None and verb.lemma_.lower() in self.lex.asking_verbs | SEEKING

    def feared(self, noun: Token) -> bool:
        """An act feared, risked or warned of ('officials fear an attack', 'fear a return of the
        violence between Hutus and Tutsis', 'warned of renewed fighting'), through one noun of
        its coming back ('return of', 'resumption of')."""
        fearing = self.lex.fearing_verbs
        if noun.dep_ == "dobj":
            return noun.head.lemma_.lower() in fearing
        if noun.dep_ != "pobj" or noun.head.lower_ != "of":
            return False
        gov = noun.head.head
        return gov.pos_ == "VERB" and gov.lemma_.lower() in fearing | {"warn"} or \
            gov.pos_ == "NOUN" and gov.dep_ == "dobj" and gov.head.lemma_.lower() in fearing

    def mandated(self, verb: Token) -> bool:
        """'Solana insisted that Belgrade allow an armed force into Kosovo': a verb of insisting
        whose clause is in the subjunctive (a bare verb with its own subject, no auxiliary) asks
        it of that subject (REQUEST), though to insist is otherwise only to say."""
        return verb.lemma_.lower() in self.lex.mandative_verbs and any(
            c.dep_ == "ccomp" and subjunctive(c) for c in verb.children)

    def codable(self, verb: Token) -> bool:
        """Whether the CAMEO coder may code a verb: not a reporting verb (the saying is not
        the event; what is said is), not 'call X Y', and not hypothetical ('would attack',
        'was going to shoot', 'try to target')."""
        if verb.lemma_.lower() in self.lex.reporting_verbs:
            return False
        if any(c.dep_ == "oprd" and c.lemma_.lower() != "dead" for c in verb.children):
            return False  # "called the attack deplorable", but "was shot dead" is a killing
        if any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL for c in verb.children) and \
                not any(c.dep_ == "neg" for c in verb.children):
            return False  # but "would not release" is a refusal
        if verb.lemma_.lower() in ASPECT_VERBS and any(c.dep_ == "xcomp" and c.pos_ == "VERB" for c in verb.children):
            return False  # "began handing in their weapons", "resumed shelling the town": the verb it governs
        return not (verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ATTEMPT_VERBS)

    def triggers(self) -> Iterator[tuple[Token, Trigger]]:
        """The project's triggers (pipeline/data/triggers.csv) first, as an override layer;
        a verb they do not code goes to the CAMEO verb dictionary."""
        for token in self.table.tokens:
            pos = "VERB" if token.pos_ == "AUX" else token.pos_
            if pos not in TRIGGER_POS:
                continue  # triggers.csv lists verbs, nouns and adjectives; the verb dictionary, verbs
            word, listed = next(((lemma, ts) for lemma in lemmas(token) if (ts := self.lex.triggers.get(
                (lemma, "NOUN" if pos == "PROPN" else pos)))), ("", ()))
            if pos == "NOUN" and token.dep_ in {"dobj", "conj", "pobj"} and token.head.lower_ != "by" and \
                    self.joint(token) and all(t.code in {"MOBILIZE", "COOPERATE"} for t in listed):  # "coordinated
                # patrols" (a patrol is military unless joint), not "coordinated missile strikes"
                yield token, Trigger(token.lemma_.lower(), "NOUN", None, "COOPERATE",
                                     self.lex.plover_classes["COOPERATE"])
                continue  # "conducted joint searches with U.S. specialists", "a joint investigation team"
            if pos != "VERB" and not listed:
                continue  # only verbs go on to the verb dictionary
            if pos in {"NOUN", "PROPN"} and (token.ent_type_ == "DATE" or token.dep_ == "compound"):
                continue  # "On March 3"; "a protest group": the head decides
            if pos == "VERB" and self.names_a_noun(token) or \
                    hyphenated(token, self.lex.hyphen_prefixes) and "-" not in word:  # but a listed 'sit-in'
                continue
            if token.dep_ == "ccomp" and self.mandated(token.head):
                continue  # "insisted that Belgrade allow a force in": asked, not done
            if pos == "VERB" and self.mandated(token):
                yield token, Trigger(token.lemma_.lower(), "VERB", None, "REQUEST", self.lex.plover_classes["REQUEST"])
                continue
            if pos == "VERB" and self.demanded(token):
                yield token, Trigger(token.lemma_.lower(), DEMAND, None, "REQUEST", self.lex.plover_classes["REQUEST"])
                continue
            trigger = next((t for t in listed if self.matches(token, t)), None)
            if trigger is None and token.pos_ == "VERB" and self.codable(token):
                coding = self.coder.code(token)
                if coding is not None and not coding.by_pattern and token.lemma_.lower() in self.lex.no_default_verbs:
                    coding = None  # "took place", "controls the cabinet": the block's default code misreads them
                if coding is not None and coding.plover in self.lex.plover_classes:
                    trigger = Trigger(token.lemma_.lower(), "VERB", None, coding.plover,
                                      self.lex.plover_classes[coding.plover], coding.cameo, coding.by_pattern,
                                      coding.mode, coding.context)
                    if trigger.code == "MOBILIZE" and self.matches(token, moved := dataclasses.replace(
                            trigger, requires=FORCES)):
                        trigger = moved  # "mobilised its reservists": the forces are what is moved, not a target
            if (trigger is None or not trigger.by_pattern) and pos == "VERB" and not self.saying(token) and any(
                    c.dep_ == "advmod" and c.lower_ == "jointly" for c in token.children):
                trigger = Trigger(token.lemma_.lower(), "VERB", None, "COOPERATE", self.lex.plover_classes["COOPERATE"])
                # "jointly inspected the rail line", "began jointly clearing landmines": done together, whatever
                # the verb alone would code
            if trigger is not None:
                yield token, trigger

    def events(self) -> Iterator[Event]:
        discards = coder.discards()
        sport = [n for n, sent in enumerate(self.table.sentences) if discards.in_story(self.table.text_of(sent))]
        if sport and (sport[0] < 2 or len(sport) > 1):
            return  # a sport or entertainment story (Phoenix story discards) by its first two sentences or by
            # two of its sentences; once, further down, "the World Cup" in news of a boycott silences its sentence
        silenced: dict[int, bool] = {}
        found = list(self.triggers())
        named = {t.i: tr.code for t, tr in found}  # tokens that are events of their own, and their types
        for token, trigger in found:
            n = self.table.sentence_of[token.i]
            if n not in silenced:
                sentence = self.table.text_of(self.table.sentences[n])
                silenced[n] = discards.in_sentence(sentence) or discards.in_story(sentence)
            if silenced[n]:
                continue
            if self.purpose(token) and trigger.code != "PROTEST":
                continue  # "sent troops to help the army": what an act is for has not happened (but "blocked
                # highways to protest": the blocking is the protest)
            if self.mishap(token) or self.literal(token, trigger) or self.figurative(token, trigger):
                continue
            if trigger.code == "COERCE" and self.done_in_protest(token):
                continue  # "occupied the legislature in protest", "blocked highways to protest": the protest is
                # the event (but "fired rockets in protest", "withdrew its ambassador in protest" are those acts)
            if trigger.code == "PROTEST" and (over := self.protested_with(token)) is not None and \
                    named.get(over.i) in MATERIAL | {"PROTEST"}:
                continue  # "fired rockets in protest": the rocket fire; "rallied to protest": one protest (but
                # "summoned the ambassador to protest": a protest made by summoning)
            if token.dep_ == "pobj" and token.head.lower_ == "with" and \
                    token.head.head.lemma_.lower() in self.threat_words:
                continue  # "were threatened with arrest": the threat is the event, the arrest its content
            if (token.dep_ in {"xcomp", "advcl"} or token.dep_ == "pcomp" and token.tag_ == "VBG") and \
                    named.get(token.head.i) == "REJECT" and trigger.code != "PROTEST":
                continue  # "ruled out negotiating with Boko Haram": the refusal is the event, not the talks
            if token.dep_ == "pcomp" and token.head.lower_ in {"of", "for", "with"} and \
                    named.get(token.head.head.i) == "ACCUSE":
                continue  # "accused Russia of shelling Kherson": the accusation is the event, the shelling its
                # content (and not the accuser's act)
            if token.pos_ == "NOUN" and token.dep_ == "dobj" and trigger.code in PROMISED and \
                    named.get(token.head.i) in {"SANCTION", "REJECT"}:
                continue  # "froze aid to Ukraine": the aid is withheld, not given
            if any(c.dep_ == "mark" and c.lower_ in {"if", "unless", "whether"} or c.dep_ in {"mark", "advmod"} and
                   c.lower_ in {"when", "whenever"} and token.tag_ in {"VBZ", "VBP"} for c in token.children):
                continue  # "would attack Israel if provoked", "when a fighter kills a soldier": a condition or
                # what happens whenever, not an act
            if trigger.pos != DEMAND and token.pos_ == "VERB" and not self.said_would(token) and any(
                    c.dep_ == "aux" and c.lower_ in HYPOTHETICAL for c in token.children) and \
                    not any(c.dep_ == "neg" for c in token.children):
                continue  # "Israel could attack Iran": hypothetical (but "would not release" is a refusal)
            if token.dep_ in {"xcomp", "ccomp"} and getattr(self.wanted_of_others(token.head), "i", None) == token.i:
                continue  # "Israel wants the UN to investigate": a demand, not an investigation
            if not trigger.by_pattern and token.lemma_.lower() in self.lex.intent_words and \
                    any(c.dep_ == "xcomp" and c.i in named for c in token.children):
                continue  # "want to capture the capital": the act intended is the event (a threat), not the wish
            if token.lemma_.lower() in ENGAGING and any(p.i in named for p in self.engaged_in(token)):
                continue  # "took part in the talks": the talks are the event, the subject its party
            if self.light_on_act(token, named, trigger.code):
                continue  # "has begun negotiations" (CAMEO: intent to negotiate), "accepted the resignation": the
                # noun names the act
            if token.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in DEMONSTRATIVES for c in token.children):
                continue  # "in this attack": an event told before, not a new one
            if token.pos_ == "NOUN" and self.asked_for(token):
                continue  # "demanded an apology", "called for talks": asked for, not made
            if token.pos_ == "NOUN" and self.feared(token):
                continue  # "fear a return of the violence between", "warned of renewed fighting": not (yet) an act
            if token.pos_ == "NOUN" and (token.dep_ == "dobj" and token.head.lemma_.lower() in self.lex.blaming_verbs
                                         or token.dep_ == "pobj" and token.head.lower_ in {"for", "of"}
                                         and token.head.head.lemma_.lower() in self.lex.blaming_verbs):
                continue  # "blamed the bombings on Hamas", "blamed Israel for the attack": the accusation is the
                # event, and Hamas or Israel no target of the attack
            if token.pos_ == "NOUN" and token.dep_ == "pobj" and token.head.lower_ in {"of", "for"} and \
                    token.head.head.lemma_.lower() in self.lex.prospect_nouns:
                continue  # "the fear of an attack by the United States", "plans for a strike": not (yet) an act
            if trigger.code == "ASSAULT" and token.dep_ == "acl" and \
                    token.head.lemma_.lower() in self.lex.statement_nouns:
                continue  # "a resolution targeting the group's finances": a document harms no one
            sources, targets = self.roles(token, trigger)
            if trigger.code != "REQUEST" and token.lemma_.lower() in self.lex.asking_verbs and any(
                    c.dep_ == "dobj" and self.actors(c) for c in token.children) and any(
                    c.dep_ == "xcomp" and c.pos_ == "VERB" for c in token.children):
                trigger = dataclasses.replace(self.recode(trigger, "REQUEST"), cameo=None)  # "is pressing
                # Islamabad to act": asked of someone, whatever the verb dictionary's block says of 'press'
            if (wanted := self.wanted_of_others(token)) is not None:  # "wants the government to release them":
                trigger = dataclasses.replace(self.recode(trigger, "REQUEST"), cameo=None)  # a demand of the
                # government (PLOVER REQUEST), whatever the verb dictionary codes the verb alone as
                targets = [k for c in wanted.children if c.dep_ in SUBJECTS for k in self.actors(c) if k not in sources]
            if trigger.code == "ASSAULT" and token.dep_ in {"oprd", "xcomp"} and is_passive(token.head) and \
                    token.lemma_.lower() in self.lex.casualty_verbs and not any(  # not "is reported to have killed"
                        c.dep_ in {"aux", "dobj"} for c in token.children):  # "24 people have been reported injured":
                sources = self.actors(agent(token))  # the people are the injured, not the ones who injured
                targets = [k for c in token.head.children if c.dep_ == "nsubjpass" for k in self.actors(c)]
                if not sources:
                    trigger = CASUALTIES
            if trigger.code == "ASSAULT" and not sources and token.pos_ == "VERB" and \
                    token.lemma_.lower() in self.lex.casualty_verbs and (is_passive(token) or self.by_a_thing(token)):
                trigger = CASUALTIES  # "26 civilians were killed", "a car bomb killed 30 people": harm reported
                # without a perpetrator
            needs_actor = trigger.event_class not in {"Displacement", "CeasefireCollapse", "Casualties"}
            # done to someone the text names: "were detained", "attacks on foreigners", "Pakistan was asked to
            # stop" (not "Petraeus was asked if", not "the battle of Marja")
            asked_to = trigger.code == "REQUEST" and any(c.dep_ == "xcomp" for c in token.children)
            undergone = token.pos_ == "NOUN" and token.dep_ == "dobj" and \
                token.head.lemma_.lower() in self.lex.undergoing_verbs  # "Shafik had received criticism"
            done_to = (trigger.code in DONE_TO or asked_to or undergone) and targets and (
                token.pos_ == "VERB" and is_passive(token) or token.pos_ == "NOUN" and directed_at(token)
                or undergone) and any(self.table.entities[k].type not in {CITY, PLACE} for k in targets)
            if needs_actor and not sources and not done_to and not self.unnamed_doer(token):
                continue  # an act with no doer: only one done to someone the text names, by someone unnamed
            if trigger.pos == DEMAND and not targets:
                continue
            if self.no_act(token, trigger, targets) or self.permitted(token):
                continue
            if trigger.requires == COMMODITIES and not targets:
                continue  # "Saudi Arabia pumped more oil in June": output, not trade with someone
            if trigger.lemma in FUNDING and not targets:
                continue  # "the company funded the new stadium": money for no one is no aid (PLOVER: a recipient)
            if trigger.requires is not None and trigger.requires[0] == "target" and not targets:
                continue  # "investors voiced concern over rising interest rates": no one is accused
            if trigger.requires in (SERVICES, RESTRICTIONS) and not any(map(self.authority, sources)):
                continue  # "Google shut down its Stadia service", "the company lifted its ban on remote work": a
                # business act; a state's cut-off coerces, its lifting a curfew concedes
            if trigger.code == "THREATEN" and trigger.lemma in WARNINGS and not targets and not any(
                    c.dep_ in {"dobj", "dative"} or c.dep_ == "prep" and c.lower_ in {"of", "against"}
                    for c in token.children):
                continue  # "warned that time was running out": a forecast; not "warned the areas", "warned of"
            if not trigger.by_pattern and not targets and trigger.code not in STANDS_ALONE:
                continue  # "X agreed", "X called": a verb alone is too vague to code
            if trigger.code in self.lex.refusal_modes and any(c.dep_ == "neg" for c in token.children) and \
                    not any(c.lower_ == "yet" for c in token.children):  # "not accepted yet" is pending, not refused
                trigger = self.recode(trigger, "REJECT", mode=self.lex.refusal_modes[trigger.code])  # "won't release"
            elif self.denied(token) and trigger.pos != DEMAND:  # "must not attack" is still a demand
                continue  # "did not attack", "denied that troops had been killed": not the event (PLOVER)
            if self.misread(token, trigger, sources, targets):
                continue
            if trigger.code == "AGREE" and token.pos_ == "NOUN" and token.dep_ == "dobj" and \
                    token.head.lemma_.lower() in self.lex.signing_verbs:
                trigger = self.recode(trigger, "SUPPORT")  # "signed a peace agreement": PLOVER SUPPORT (sign or ratify
                # an agreement); "will sign" stays a promise (AGREE) below
            if trigger.code in {"ASSAULT", "COERCE"} and sources and all(map(self.rioting, sources)):
                trigger = dataclasses.replace(self.recode(trigger, "PROTEST", mode="riot"), cameo=None)  # "rioters
                # torched cars", "protesters stormed the embassy": PLOVER's riot is a protest
            elif trigger.code == "COERCE" and token.lemma_.lower() in self.lex.obstructing_verbs and sources and \
                    not targets and all(self.table.entities[k].generic and self.table.entities[k].sector in
                                        PROTESTING for k in sources):  # not pirates, nor "blocked farmers from"
                trigger = dataclasses.replace(self.recode(trigger, "PROTEST", mode="obstruct"), cameo=None)  # "truckers
                # blockaded the highways", "farmers blocked roads": no authority restricts; people obstruct in protest
            elif trigger.code == "MOBILIZE" and token.pos_ == "NOUN" and not targets and self.together(sources):
                trigger = self.recode(trigger, "COOPERATE")  # "China and Russia kicked off naval drills": PLOVER's
                # MOBILIZE is one country's; forces moved or drilled together are military cooperation
            elif trigger.code == "ACCUSE" and any(p.lemma_.lower() in self.lex.weapon_nouns
                                                for p in pobjects(token, {"with"})):
                trigger = self.recode(trigger, "ASSAULT")  # "police charged the crowd with batons"
            elif trigger.code == "PROTEST" and sources and all(map(self.official, sources)) and (
                    token.pos_ == "VERB" or token.dep_ == "dobj") and token.lemma_.lower() == "protest":  # not "the
                # Egypt protests", a place's, nor a sit-in or a march, which civilians stage
                trigger = self.recode(trigger, "ACCUSE")  # "Beijing lodged a protest with Tokyo": a state's
                # protest is diplomatic, an accusation (PLOVER); PROTEST is civilians' demonstrating
            elif trigger.code == "AID" and token.lemma_.lower() == "defend" and (any(
                    self.table.entities[k].type == PERSON for k in targets) or any(
                    c.dep_ == "advcl" and c.lemma_.lower() in self.lex.reporting_verbs | self.lex.naming_verbs
                    for c in token.children)):
                trigger = dataclasses.replace(self.recode(trigger, "SUPPORT"), cameo=None)  # "defended Dodik
                # against U.S. sanctions", "defended the military, saying ...": in words, not arms
            elif trigger.code in {"ASSAULT", "AID"} and self.disarming(token):  # "destroyed their remaining
                trigger = dataclasses.replace(self.recode(trigger, "RETREAT"), cameo=None)  # weapons", "handed in
                # their weapons": a side giving up its own arms disarms (PLOVER RETREAT)
            elif trigger.code == "SUPPORT" and self.armed_support(token):  # "supported by US airstrikes"
                trigger = self.recode(trigger, "AID")
            elif trigger.code == "REQUEST" and sources and self.calls_for_peace(token) and \
                    not any(self.third_party(k) for k in sources):  # a side calling for a truce offers one (PLOVER)
                trigger = self.recode(trigger, "AGREE")
            elif trigger.code == "AGREE" and trigger.cameo == "036" and self.visit(token, sources) and \
                    not self.promised(token, dataclasses.replace(trigger, code="CONSULT")):
                trigger = self.recode(trigger, "CONSULT")  # "Obama flew to Cairo", "flew to Tehran for discussions":
                # the verb dictionary's 'intent to meet' (036) for a trip made is the visit itself (PLOVER CONSULT)
                targets = self.visited(token) or targets
            elif trigger.code in PROMISED | {"RETREAT"} and self.promised(token, trigger):
                trigger = self.recode(trigger, "AGREE" if trigger.code in PROMISED else "CONCEDE")  # "will provide
                # aid", "will hold talks": a promise ("are providing aid" is aid); "announced it would withdraw its
                # troops": a withdrawal declared, not carried out (PLOVER CONCEDE)
            elif trigger.event_class == "Casualties" and self.foretold(token):
                continue  # "anyone who resists will be killed", "we will fight until we die": nobody is dead yet
            elif trigger.code in self.lex.threat_modes and \
                    (by := announced(token, self.lex.intent_words, self.lex.light_verbs) or self.said_would(token)):
                # "we will strike", "vowed to retaliate": violence announced is a threat (PLOVER)
                if by.lemma_.lower() in self.threat_words:
                    continue  # "threatened to attack": the threat is the event, the attack its content
                trigger = self.recode(trigger, "THREATEN", mode=self.lex.threat_modes[trigger.code])
            places = self.places(token, sources + targets)
            speaker = self.speaker(token)
            if trigger.pos in {"ADJ", DEMAND}:
                speaker = sources[0] if sources else None  # the speaker's own act, not a claim
            sent = self.table.sentence(token)
            sentence = Span(sent.start_char, sent.end_char, self.table.text_of(sent))
            confidence = 0.8 if sources and (targets or not needs_actor) else 0.6
            if not trigger.by_pattern:
                confidence -= 0.1  # the verb alone decided its type
            yield Event(trigger.event_class, trigger.code, Span(token.idx, token.idx + len(token.text), token.text),
                        sentence, tuple(sources), tuple(targets), tuple(places), self.time(token), speaker,
                        self.figure(token, trigger.event_class), confidence,
                        trigger.cameo, trigger.mode, trigger.context)


def attribute_quotes(doc: Doc, table: EntityTable, quotes: list[Quote], lex: Lexicon) -> list[Quote]:
    """Quotations whose verb of saying has a subject the quotation finder cannot name ('It says
    policies "are undermining ..."', 'The report says', 'the country said') get the actor the
    event reader resolves that subject to: a report's issuer, the last subject 'it' or 'they'
    stands for, a person's state. With no verb of saying, words quoted under a verb of asking,
    naming, judging or writing are its subject's ('the report asked to "urgently repeal ..."',
    'dismissed the claims as "only speculation"'); under any other verb they are the writer's
    ('killed 12 in the so-called "triangle of death"'). What the finder named stays."""
    reader = EventReader(doc, table, quotes, [], [], lex)
    saying = saying_verbs(table, lex)
    quoting = lex.quoting_verbs | lex.asking_verbs | lex.naming_verbs | lex.comment_verbs
    attributed = []
    for quote in quotes:
        if quote.speaker is None:
            verbs = reporting_verbs(doc, table, quote, saying) or [  # not 'killed 12 in the so-called "triangle
                v for v in governing_verbs(doc, quote) if v.lemma_.lower() in quoting]  # of death"': the writer's
            subjects = (reader.subject(v) for v in verbs)
            speaker = next((k for s in subjects for k in reader.actors(s, conjuncts=False)
                            if table.entities[k].type not in PLACE_TYPES), None)
            quote = dataclasses.replace(quote, speaker=speaker, confidence=0.6) if speaker else quote
        attributed.append(quote)
    return attributed


def extract_events(doc: Doc, table: EntityTable, quotes: list[Quote], times: list[TimeExpr],
                   figures: list[Figure], lex: Lexicon) -> list[Event]:
    return one_per_phrase(list(EventReader(doc, table, quotes, times, figures, lex).events()), doc)


def dated(verb: Token) -> bool:
    """The verb has a date of its own ('on 3 March', 'last night')."""
    return any(t.ent_type_ in {"DATE", "TIME"} for c in verb.children if c.dep_ in {"prep", "npadvmod"}
               for t in c.subtree)


def one_per_phrase(events: list[Event], doc: Doc) -> list[Event]:
    """'The US began launching airstrikes', 'launched an offensive', 'had taken control of the
    villages': words of one phrase (a verb and the verb or noun it governs) coding the same type
    between the same actors, or where one names only some of the other's, are one event with all
    the actors, told by the word that says most (a date, a figure, a pattern), else by the governed
    word ('airstrikes', 'offensive'), which names the act. Verbs joined by 'and' are one only
    between the very same actors ('Turkey attacked X and Russia attacked Y' are two)."""
    at = {doc.char_span(e.trigger.start, e.trigger.end, alignment_mode="expand")[0].i: e for e in events}
    now = {id(e): e for e in events}  # an event as merged so far; dropped ones leave
    for i, first in at.items():
        head = doc[i].head
        if doc[i].dep_ not in LINKED or head.i == i or head.i not in at or id(first) not in now:
            continue
        e, twin = now[id(first)], now.get(id(at[head.i]))
        if twin is None or (twin.plover or twin.event_class) != (e.plover or e.event_class):
            continue
        if (twin.sources, twin.targets) != (e.sources, e.targets) and (
                doc[i].dep_ == "conj" or not (_within(e, twin) or _within(twin, e))):
            continue
        if doc[i].dep_ == "conj" and dated(doc[i]) and dated(head):
            continue  # "attacked on 3 March and again on 5 March": two acts
        if e.figure is not None and twin.figure is not None and e.figure != twin.figure:
            continue  # "45 were killed at the market, and 27 were killed in New Baghdad": two tolls
        worse = min((twin, e), key=lambda x: (x.time is not None, x.figure is not None, x.confidence))
        better, fuller = (e if worse is twin else twin), (twin if _within(e, twin) else e)
        kept = first if better is e else at[head.i]
        coded = better if better.cameo or not worse.cameo else worse  # the verb dictionary's code and mode
        now[id(kept)] = dataclasses.replace(better, sources=fuller.sources, targets=fuller.targets,
                                            cameo=coded.cameo, mode=coded.mode, context=coded.context)
        del now[id(first if kept is not first else at[head.i])]
    return [now[id(e)] for e in events if id(e) in now]


def _within(small: Event, large: Event) -> bool:
    """The one event's actors are among the other's, in the same roles."""
    return set(small.sources) <= set(large.sources) and set(small.targets) <= set(large.targets)
