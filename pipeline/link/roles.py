"""An official's code at the article's date, from the offices Wikidata says a linked person held.

The Phoenix actor lists date who held which office until early 2015 (their last date is
2015-02-17): for a later article their last known role is stale ("Ahmet Davutoglu: TURGOV
from 2009", prime minister until 2016), and a person the lists do not know gets a code only
from the words of the article. For a linked person, Wikidata's positions held (P39, with
their start and end) decide instead, where the lists cannot: for an article after the lists
end, or a person they lack. An office held on the article's date makes the person their
state's government (GOV); a listed official whose every office ended before the article is
a former official, one of the elites (ELI), as the lists code former officials. Each code
says what decided it (`ckg:codeBasis`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass

from pipeline.extract.actors import Dictionaries
from pipeline.extract.lexicon import fold
from pipeline.facts import PERSON, STATE, ArticleFacts, Entity
from pipeline.link.stores import qid_of

HELD = "Wikidata: office held on the article's date"
FORMER = "Wikidata: every office ended before the article's date"


@dataclass(frozen=True)
class Office:
    state: str  # the English label of the state it belongs to
    state_qid: str
    start: str  # ISO date, or "" when Wikidata gives none
    end: str

    def held_on(self, date: str) -> bool:
        return (not self.start or self.start <= date) and (not self.end or date <= self.end)


def offices_from_rows(rows: Iterable[dict[str, str]]) -> dict[str, list[Office]]:
    """Person QID -> the offices with a state; an office without one cannot give a code."""
    found: dict[str, list[Office]] = {}
    for row in rows:
        if not row.get("state") or not row.get("stateLabel"):
            continue
        office = Office(row["stateLabel"], qid_of(row["state"]), row.get("start", "")[:10], row.get("end", "")[:10])
        held = found.setdefault(qid_of(row["item"]), [])
        if office not in held:
            held.append(office)
    return {qid: sorted(held, key=lambda o: (o.start, o.end, o.state)) for qid, held in found.items()}  # any row order


def recode(facts: ArticleFacts, offices: dict[str, list[Office]], d: Dictionaries, lists_end: str) -> ArticleFacts:
    """The article's people recoded where Wikidata's offices decide (see the module's note)."""
    date = facts.article.published or facts.article.dateline
    if not date:
        return facts
    entities = list(facts.entities)
    for i, e in enumerate(entities):
        if e.type != PERSON or not e.qid or e.qid not in offices:
            continue
        if e.code_basis == "actor list" and date <= lists_end:
            continue  # the lists' dated roles cover the article
        known = [o for o in offices[e.qid] if o.state in d.code_of]
        now = next((o for o in known if o.held_on(date)), None)
        listed_official = e.code_basis == "actor list" and (e.code_then or e.code or "")[3:6] == "GOV"
        if now is not None:
            code, basis, office = d.code_of[now.state] + "GOV", HELD, now
        elif listed_official and known and all(o.end and o.end < date for o in known):
            office = max(known, key=lambda o: (o.end, o.state))
            code, basis = d.code_of[office.state] + "ELI", FORMER
        else:
            continue
        state = _state(entities, office, d)
        entities[i] = dataclasses.replace(e, code=code, code_then=None, sector=code[3:], country=state.key,
                                          code_basis=basis, affiliation=e.affiliation or state.key)
    return dataclasses.replace(facts, entities=entities)


def _state(entities: list[Entity], office: Office, d: Dictionaries) -> Entity:
    """The article's entity for the office's state, added (unmentioned) if the article has none."""
    key = f"{STATE}|{fold(office.state)}"
    found = next((e for e in entities if e.key == key), None)
    if found is None:
        found = Entity(key=key, name=office.state, type=STATE, qid=office.state_qid, code=d.code_of[office.state],
                       code_basis="country list")
        entities.append(found)
    return found
