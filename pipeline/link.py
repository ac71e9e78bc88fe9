"""Resolve entities to Wikidata items, or leave them unlinked with the reason.

The same SPARQL (pipeline/queries/*.rq, standard SPARQL 1.1 over Wikidata's own RDF
model) runs against the embedded slice in-process. Candidates are exact matches of
folded labels and aliases (case and diacritics ignored, a leading "the" and a
generic trailing "group" dropped); the choice weighs the class Wikidata gives the
item against the type the text suggests. Below the threshold an entity stays
unlinked: an identifier is never guessed.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from rdflib import Graph

from pipeline.extract.lexicon import fold, load as load_lexicon
from pipeline.facts import (ARMED_GROUP, CITY, GOVERNMENT, NEWS_AGENCY, ORGANIZATION, PERSON, PLACE, STATE,
                            ArticleFacts, Entity)
from pipeline.vocab import WD

HERE = Path(__file__).resolve().parent
SLICE = HERE / "data" / "wikidata_slice.ttl"
THRESHOLD = 0.6
COMPATIBLE = {
    PERSON: {PERSON},
    STATE: {STATE},
    CITY: {CITY},
    PLACE: {STATE, CITY},
    ORGANIZATION: {ORGANIZATION, ARMED_GROUP, NEWS_AGENCY, GOVERNMENT},
    ARMED_GROUP: {ARMED_GROUP, ORGANIZATION},
    NEWS_AGENCY: {NEWS_AGENCY, ORGANIZATION},
    GOVERNMENT: {GOVERNMENT, ORGANIZATION},
}


def query(name: str) -> str:
    return (HERE / "queries" / f"{name}.rq").read_text(encoding="utf-8")


@cache
def class_types() -> dict[str, str]:
    with open(HERE / "data" / "wikidata_types.csv", newline="", encoding="utf-8") as f:
        return {row["class"]: row["type"] for row in csv.DictReader(f)}


@dataclass(frozen=True)
class Item:
    qid: str
    label: str
    types: frozenset[str]  # ckg types implied by P31/P279*
    sitelinks: int = 0


def qid_of(iri: object) -> str:
    return str(iri).rsplit("/", 1)[-1]


class Slice:
    """An embedded Wikidata slice queried in-process with the linker's own .rq files."""

    def __init__(self, path: Path = SLICE):
        self.graph = Graph().parse(path, format="turtle")
        self.by_form: dict[str, set[str]] = {}
        for row in self.graph.query(query("labels")):
            self.by_form.setdefault(fold(str(row.label)), set()).add(qid_of(row.item))
        qids = sorted({q for qs in self.by_form.values() for q in qs})
        self.items = self._facts(qids)

    def _facts(self, qids: list[str]) -> dict[str, Item]:
        values = " ".join(f"<{WD[q]}>" for q in qids)
        labels: dict[str, str] = {}
        types: dict[str, set[str]] = {q: set() for q in qids}
        links: dict[str, int] = {}
        for row in self.graph.query(query("facts").replace("$ITEMS", values)):
            q = qid_of(row.item)
            if row.label is not None:
                labels[q] = str(row.label)
            if row["class"] is not None and qid_of(row["class"]) in class_types():
                types[q].add(class_types()[qid_of(row["class"])])
            if row.sitelinks is not None:
                links[q] = int(row.sitelinks)
        return {q: Item(q, labels.get(q, q), frozenset(types[q]), links.get(q, 0)) for q in qids}

    def candidates(self, form: str) -> list[Item]:
        return [self.items[q] for q in sorted(self.by_form.get(form, ()))]


def surface_forms(entity: Entity) -> list[str]:
    """The names worth looking up: the entity's name and the proper-name mentions of it."""
    lex = load_lexicon()
    names = [entity.name] + [m.text for m in entity.mentions if m.text[:1].isupper()]
    forms: list[str] = []
    for name in names:
        f = fold(name)
        variants = [f, f.removeprefix("the ")]
        last = variants[-1].rsplit(" ", 1)
        if len(last) == 2 and last[1] in lex.generic_suffixes:
            variants.append(last[0])
        forms += [v for v in variants if v and v not in forms]
    return forms


@dataclass(frozen=True)
class Decision:
    qid: str | None
    confidence: float
    note: str
    candidates: tuple[str, ...]
    type: str | None = None
    label: str | None = None


def decide(entity: Entity, store: Slice) -> Decision:
    if entity.type == GOVERNMENT and entity.affiliation:
        return Decision(None, 0.0, "a government is described by its state; not linked on its own", ())
    scored: dict[str, tuple[float, Item]] = {}
    for rank, form in enumerate(surface_forms(entity)):
        for item in store.candidates(form):
            score = (0.6 if rank == 0 else 0.5)
            if item.types & COMPATIBLE.get(entity.type, {entity.type}):
                score += 0.3
            # otherwise no bonus: the small model's type is often wrong ("Daesh" as a place),
            # and an exact, unambiguous name still carries the link
            if item.qid not in scored or scored[item.qid][0] < score:
                scored[item.qid] = (score, item)
    if not scored:
        return Decision(None, 0.0, "no candidate in the embedded Wikidata slice", ())
    ranked = sorted(scored.values(), key=lambda s: (-s[0], -s[1].sitelinks, s[1].qid))
    # several candidates split the evidence between them
    best_score, best = ranked[0]
    if len(ranked) > 1:
        best_score -= 0.2 if ranked[1][0] >= best_score - 0.1 else 0.0
    others = tuple(i.qid for _, i in ranked)
    if best_score < THRESHOLD:
        return Decision(None, round(best_score, 2), f"best candidate {best.qid} scored {best_score:.2f} < {THRESHOLD}",
                        others)
    new_type = entity.type if entity.type in best.types or not best.types else sorted(best.types)[0]
    note = f"matched label of {best.qid} ({best.label})"
    if new_type != entity.type:
        note += f"; type corrected from {entity.type} to {new_type} by its Wikidata class"
    return Decision(best.qid, round(min(best_score, 1.0), 2), note,
                    tuple(q for q in others if q != best.qid), new_type, best.label)


class Linker:
    """Links every entity of an article; the facts come back with qid and corrected type."""

    def __init__(self, store: Slice | None = None):
        self.store = store or Slice()

    def link(self, facts: ArticleFacts) -> ArticleFacts:
        linked = []
        for entity in facts.entities:
            d = decide(entity, self.store)
            linked.append(replace(entity, qid=d.qid, link_confidence=d.confidence, link_note=d.note,
                                  candidates=d.candidates, type=d.type or entity.type,
                                  name=d.label or entity.name))
        return replace(facts, entities=linked)
