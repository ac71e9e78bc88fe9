"""An official's code at the article's date, from the offices Wikidata says a linked person held.

The Phoenix actor lists date who held which office until early 2015 (their last date is
2015-02-17): for a later article their last known role is stale ("Ahmet Davutoglu: TURGOV
from 2009", prime minister until 2016), and a person the lists do not know gets a code only
from the words of the article. For a linked person, Wikidata's positions held (P39, with
their start and end) decide instead, where the lists cannot: for an article after the lists
end, or a person they lack. An office of a country held on the article's date makes the
person that country's government (GOV); a listed official whose every office ended before
the article is a former official, one of the elites (ELI), as the lists code former
officials. Only what Wikidata dates counts: an office without a start, or with a date it
does not know ("unknown value"), decides nothing. Each code says what decided it
(`ckg:codeBasis`). Not told apart: the kind of office (a member of parliament is GOV too).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from dataclasses import dataclass

from pipeline.extract.actors import Dictionaries
from pipeline.extract.lexicon import fold
from pipeline.facts import PERSON, STATE, ArticleFacts, Entity
from pipeline.link.stores import qid_of

HELD = "Wikidata: office held on the article's date"
FORMER = "Wikidata: every office ended before the article's date"
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
UNKNOWN = "?"  # a date Wikidata has but does not know ("unknown value")


@dataclass(frozen=True)
class Office:
    state: str  # the English label of the country it belongs to, "" when none
    state_qid: str
    start: str  # ISO date, "" when Wikidata gives none, UNKNOWN when it gives an unknown value
    end: str

    def held_on(self, date: str) -> bool:
        return DATE.fullmatch(self.start) is not None and self.start <= date and \
            (not self.end or self.end != UNKNOWN and date <= self.end)

    def ended_before(self, date: str) -> bool:
        return DATE.fullmatch(self.end) is not None and self.end < date


def _date(value: str) -> str:
    return "" if not value else value[:10] if DATE.match(value) else UNKNOWN


def offices_from_rows(rows: Iterable[dict[str, str]]) -> dict[str, list[Office]]:
    """Person QID -> every office they held, with its country where it has one."""
    found: dict[str, list[Office]] = {}
    for row in rows:
        state = row.get("stateLabel", "") if row.get("state") else ""
        office = Office(state, qid_of(row["state"]) if state else "", _date(row.get("start", "")),
                        _date(row.get("end", "")))
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
        if e.type != PERSON or e.role or not e.qid or e.qid not in offices:
            continue
        if e.code_basis == "actor list" and date <= lists_end:
            continue  # the lists' dated roles cover the article
        coded = [(o, code) for o in offices[e.qid] if (code := _country_code(o.state, d))]
        now = next(((o, code) for o, code in coded if o.held_on(date)), None)
        listed_official = e.code_basis == "actor list" and (e.code_then or e.code or "")[3:6] == "GOV"
        if now is not None:
            (office, country), basis, sector = now, HELD, "GOV"
        elif listed_official and coded and all(o.ended_before(date) for o in offices[e.qid]):
            office, country = max(coded, key=lambda oc: (oc[0].end, oc[0].state))
            basis, sector = FORMER, "ELI"
        else:
            continue
        state = _state(entities, office, country)
        entities[i] = dataclasses.replace(e, code=country + sector, code_then=None, sector=sector, country=state.key,
                                          code_basis=basis, affiliation=e.affiliation or state.key)
    return dataclasses.replace(facts, entities=entities)


def _country_code(label: str, d: Dictionaries) -> str | None:
    """The CAMEO country code of a country's English label ('People's Republic of China': CHN)."""
    return (d.code_of.get(label) or d.country_words.get(fold(label))) if label else None


def _state(entities: list[Entity], office: Office, code: str) -> Entity:
    """The article's entity for the office's country (by key or QID), added, unmentioned, if the
    article has none."""
    key = f"{STATE}|{fold(office.state)}"
    found = next((e for e in entities if e.key == key or e.type == STATE and e.qid == office.state_qid), None)
    if found is None:
        found = Entity(key=key, name=office.state, type=STATE, qid=office.state_qid, code=code,
                       code_basis="country list", country=key)
        entities.append(found)
    return found
