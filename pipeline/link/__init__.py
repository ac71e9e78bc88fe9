"""Resolve entities to Wikidata items, or leave them unlinked with the reason.

The same SPARQL files (pipeline/queries/*.rq: standard SPARQL 1.1 over Wikidata's own
RDF model) run against the embedded slice in-process and against any endpoint. For a
batch of articles the linker sends one candidates query (every surface form in one
VALUES block) and one facts query (the candidates' classes, countries, sitelinks),
then weighs each candidate: how well the name matched, whether its Wikidata class
fits the type the text suggests, whether its country is one the article talks about,
whether its description fits the person's title, how well known it is. Below the
threshold, or when two candidates are too close to call, the entity stays unlinked
and the candidates are recorded: an identifier is never guessed.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from pipeline.extract import actors
from pipeline.extract.lexicon import fold, load as load_lexicon
from pipeline.facts import (ARMED_GROUP, CITY, GOVERNMENT, NEWS_AGENCY, ORGANIZATION, PERSON, PLACE, STATE,
                            ArticleFacts, Entity)
from pipeline.link import roles
from pipeline.link.stores import (CachedStore, EndpointError, LocalStore, NotCached, SearchAPI, iri_values, literal,
                                  qid_of)

HERE = Path(__file__).resolve().parent.parent
SLICE = HERE / "data" / "wikidata_slice.ttl"
THRESHOLD = 0.55
MARGIN = 0.1
BATCH = 150  # surface forms or items per query
COMPATIBLE = {
    PERSON: {PERSON: 0.3},
    STATE: {STATE: 0.3, PLACE: 0.15},
    CITY: {CITY: 0.3, PLACE: 0.1},
    PLACE: {STATE: 0.3, CITY: 0.3, PLACE: 0.15},  # a city, not its governorate, unless the name says so
    ORGANIZATION: {ORGANIZATION: 0.3, ARMED_GROUP: 0.3, NEWS_AGENCY: 0.3, GOVERNMENT: 0.3},
    ARMED_GROUP: {ARMED_GROUP: 0.3, ORGANIZATION: 0.2},
    NEWS_AGENCY: {NEWS_AGENCY: 0.3, ORGANIZATION: 0.2},
    GOVERNMENT: {GOVERNMENT: 0.3, ORGANIZATION: 0.2},
}
MOST_SPECIFIC = [PERSON, ARMED_GROUP, NEWS_AGENCY, CITY, STATE, GOVERNMENT, ORGANIZATION, PLACE]
NAME_SCORE = {"label": 0.5, "alias": 0.5, "folded": 0.45, "search": 0.35}


def query(name: str) -> str:
    """A query file without its comment lines (SPARQLWrapper guesses the query form from
    the text, and a quote in a comment can fool it into sending an update)."""
    text = (HERE / "queries" / f"{name}.rq").read_text(encoding="utf-8")
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#")) + "\n"


@cache
def class_types() -> tuple[dict[str, str], tuple[tuple[str, str], ...]]:
    """Wikidata classes to our types: by QID, then by keywords of the class label."""
    with open(HERE / "data" / "wikidata_types.csv", newline="", encoding="utf-8") as f:
        by_qid = {row["class"]: row["type"] for row in csv.DictReader(f)}
    with open(HERE / "data" / "class_keywords.csv", newline="", encoding="utf-8") as f:
        keywords = tuple((row["keyword"], row["type"]) for row in csv.DictReader(f))
    return by_qid, keywords


def type_of_class(qid: str, label: str) -> str | None:
    by_qid, keywords = class_types()
    if qid in by_qid:
        return by_qid[qid]
    low = label.lower()
    return next((t for kw, t in keywords if kw in low), None)


@dataclass(frozen=True)
class Item:
    qid: str
    label: str
    description: str = ""
    types: frozenset[str] = frozenset()
    countries: frozenset[str] = frozenset()
    sitelinks: int = 0


@dataclass(frozen=True)
class Decision:
    qid: str | None
    confidence: float
    note: str
    candidates: tuple[str, ...]
    type: str | None = None
    label: str | None = None


def surface_forms(entity: Entity) -> list[tuple[str, int]]:
    """(form, rank): the entity's name (rank 0) and its proper-name mentions (rank 1),
    with a leading 'the' and a generic trailing 'group' dropped; ALL-CAPS wire text is
    also tried in title case."""
    if entity.generic:
        return []
    lex = load_lexicon()
    forms: dict[str, int] = {}
    names = [(entity.name, 0)] + [(m.text, 1) for m in entity.mentions if m.text[:1].isupper()]
    for name, rank in names:
        name = " ".join(name.split())
        variants = [name, name.removeprefix("the ").removeprefix("The ")]
        words = variants[-1].rsplit(" ", 1)
        if len(words) == 2 and words[1].lower() in lex.generic_suffixes:
            variants.append(words[0])
        if name.isupper() and len(name) > 4:
            variants += [v.title() for v in variants]
        for v in variants:
            if v and len(v) <= 100 and v not in forms:
                forms[v] = rank
    return list(forms.items())


def items_from_rows(rows: Iterable[dict[str, str]]) -> dict[str, Item]:
    acc: dict[str, dict] = {}
    for row in rows:
        q = qid_of(row["item"])
        a = acc.setdefault(q, {"label": q, "description": "", "types": set(), "countries": set(), "sitelinks": 0})
        if row.get("label"):
            a["label"] = row["label"]
        if row.get("description"):
            a["description"] = row["description"]
        if row.get("class"):
            t = type_of_class(qid_of(row["class"]), row.get("classLabel", ""))
            if t:
                a["types"].add(t)
        if row.get("country"):
            a["countries"].add(qid_of(row["country"]))
        if row.get("sitelinks"):
            a["sitelinks"] = int(float(row["sitelinks"]))
    return {q: Item(q, a["label"], a["description"], frozenset(a["types"]), frozenset(a["countries"]),
                    a["sitelinks"]) for q, a in acc.items()}


class Slice:
    """The embedded slice, indexed by folded labels so 'Erdogan' finds 'Erdoğan' offline."""

    def __init__(self, path: Path = SLICE):
        self.store = LocalStore(path)
        self.by_form: dict[str, dict[str, set[str]]] = {}  # folded form -> qid -> labels as written
        for row in self.store.select(query("labels")):
            self.by_form.setdefault(fold(row["label"]), {}).setdefault(qid_of(row["item"]), set()).add(row["label"])
        qids = sorted({q for qs in self.by_form.values() for q in qs})
        self.items = items_from_rows(self.store.select(query("facts").replace("$ITEMS", iri_values(qids))))

    def candidates(self, form: str) -> list[tuple[Item, str]]:
        """(item, how): 'label' when a label or alias is the form up to case, else 'folded'."""
        found = self.by_form.get(fold(form), {})
        return [(self.items[q], "label" if any(l.casefold() == form.casefold() for l in found[q]) else "folded")
                for q in sorted(found)]


def decide(entity: Entity, cands: dict[str, tuple[Item, float]], context: set[str]) -> Decision:
    """cands: qid -> (item, name score)."""
    if entity.generic:
        return Decision(None, 0.0, "a kind of actor (country and sector), not a named thing: not linked", ())
    if entity.type == GOVERNMENT and entity.affiliation:
        return Decision(None, 0.0, "a government is described by its state; not linked on its own", ())
    if not cands:
        return Decision(None, 0.0, "no Wikidata candidate for its names", ())
    scored = []
    for item, name_score in cands.values():
        s = name_score
        fits = COMPATIBLE.get(entity.type, {entity.type: 0.3})
        bonus = max((fits.get(t, 0.0) for t in item.types), default=0.0)
        s += bonus if bonus else (-0.05 if item.types else 0.0)
        if len(cands) == 1:
            s += 0.1
        if context and (item.countries & context or item.qid in context):
            s += 0.3  # a place in a country the article is about, or a country whose city it names
        desc = item.description.lower()
        if any(word in desc for title in entity.titles for word in title.split() if len(word) > 3):
            s += 0.1
        scored.append((round(s, 3), item))
    top_links = max(i.sitelinks for _, i in scored)
    if len(scored) > 1 and top_links:
        scored = [(round(s + (0.05 if i.sitelinks == top_links else 0.0), 3), i) for s, i in scored]
    scored.sort(key=lambda si: (-si[0], -si[1].sitelinks, si[1].qid))
    best_score, best = scored[0]
    others = tuple(i.qid for _, i in scored)
    if best_score < THRESHOLD:
        return Decision(None, round(best_score, 2), f"best candidate {best.qid} scored {best_score:.2f} < {THRESHOLD}",
                        others)
    if len(scored) > 1 and scored[1][0] > best_score - MARGIN:
        return Decision(None, round(best_score, 2),
                        f"ambiguous: {best.qid} ({best_score:.2f}) and {scored[1][1].qid} ({scored[1][0]:.2f})", others)
    new_type = entity.type if entity.type in best.types or not best.types else next(
        t for t in MOST_SPECIFIC if t in best.types)
    note = f"matched {best.qid} ({best.label})"
    if new_type != entity.type:
        note += f"; type corrected from {entity.type} to {new_type} by its Wikidata class"
    return Decision(best.qid, round(min(best_score, 1.0), 2), note, tuple(q for q in others if q != best.qid),
                    new_type, best.label)


class Linker:
    """Links the entities of a batch of articles; facts come back with qid and corrected type."""

    def __init__(self, remote: CachedStore | None = None, search: SearchAPI | None = None, slice_: Slice | None = None,
                 batch: int = BATCH):
        self.slice = slice_ or Slice()
        self.remote, self.search = remote, search
        self.batch = max(1, batch)
        self.errors: list[str] = []
        self.split_batches = 0  # batches whose names needed more than one candidates query

    def resolve(self, entity: Entity, context: set[str] | None = None) -> Decision:
        """One entity against the embedded slice (and what the last batch fetched)."""
        return decide(entity, self._candidates(entity, {}, {}), context or set())

    def link(self, facts: ArticleFacts) -> ArticleFacts:
        return self.link_batch([facts])[0]

    def link_batch(self, batch: list[ArticleFacts]) -> list[ArticleFacts]:
        forms = sorted({f for facts in batch for e in facts.entities for f, _ in surface_forms(e)})
        remote_hits, remote_items, error = self._remote(forms, batch)
        linked = []
        for facts in batch:
            entities = list(facts.entities)
            context: set[str] = set()
            # places first, then states, then the rest: each linked place tells the next where we are
            order = sorted(range(len(entities)), key=lambda i: {CITY: 0, PLACE: 0, STATE: 1}.get(entities[i].type, 2))
            for i in order:
                e = entities[i]
                cands = self._candidates(e, remote_hits, remote_items)
                d = decide(e, cands, context)
                if d.qid is None and error and e.type != GOVERNMENT:
                    d = replace(d, note=f"{d.note}; endpoint unavailable ({error})")
                within = sorted(self._countries(d.qid, remote_items) - {d.qid}) if d.qid else []
                entities[i] = replace(e, qid=d.qid, link_confidence=d.confidence, link_note=d.note,
                                      candidates=d.candidates, type=d.type or e.type, name=d.label or e.name,
                                      located_in=within[0] if len(within) == 1 else None)
                if d.qid and d.type in {STATE, CITY}:
                    context.add(d.qid)
                    context |= self._countries(d.qid, remote_items)
            linked.append(replace(facts, entities=entities))
        offices = self._offices(sorted({e.qid for f in linked for e in f.entities if e.type == PERSON and e.qid}))
        if offices:
            dictionaries = actors.load()  # the actor lists: countries and their codes
            linked = [roles.recode(f, offices, dictionaries, dictionaries.lists_end) for f in linked]
        return linked

    def _offices(self, qids: list[str]) -> dict[str, list[roles.Office]]:
        """The offices the linked people held, one roles query per `batch` people; none offline
        or when the endpoint fails (the actor lists and the text then decide alone)."""
        if self.remote is None or not qids:
            return {}
        rows: list[dict[str, str]] = []
        try:
            for i in range(0, len(qids), self.batch):
                rows += self.remote.select(query("roles").replace("$ITEMS", iri_values(qids[i:i + self.batch])))
        except NotCached:
            return {}
        except EndpointError as err:
            self.errors.append(str(err))
            return {}
        return roles.offices_from_rows(rows)

    def _countries(self, qid: str, remote_items: dict[str, Item]) -> set[str]:
        item = remote_items.get(qid) or self.slice.items.get(qid)
        return set(item.countries) if item else set()

    def _candidates(self, e: Entity, remote_hits: dict[str, dict[str, str]],
                    remote_items: dict[str, Item]) -> dict[str, tuple[Item, float]]:
        found: dict[str, tuple[Item, float]] = {}

        def offer(item: Item, score: float) -> None:
            if item.qid not in found or found[item.qid][1] < score:
                found[item.qid] = (item, score)

        for form, rank in surface_forms(e):
            penalty = 0.1 * rank
            for qid, how in remote_hits.get(form, {}).items():
                if qid in remote_items:
                    offer(remote_items[qid], NAME_SCORE[how] - penalty)
            for item, how in self.slice.candidates(form):
                offer(remote_items.get(item.qid, item), NAME_SCORE[how] - penalty)
        return found

    def _remote(self, forms: list[str], batch: list[ArticleFacts]
                ) -> tuple[dict[str, dict[str, str]], dict[str, Item], str | None]:
        """One candidates query per `batch` forms, one facts query per `batch` items."""
        if self.remote is None:
            return {}, {}, None
        hits: dict[str, dict[str, str]] = {}
        if len(forms) > self.batch and self.remote.online:
            self.split_batches += 1
        try:
            for i in range(0, len(forms), self.batch):
                labels = " ".join(literal(f, lang) for f in forms[i:i + self.batch] for lang in ("en", "mul"))
                for row in self.remote.select(query("candidates").replace("$LABELS", labels)):
                    how = row.get("how", "alias")
                    hits.setdefault(row["label"], {})
                    prev = hits[row["label"]].get(qid_of(row["item"]))
                    if prev != "label":
                        hits[row["label"]][qid_of(row["item"])] = how
            if self.search is not None:
                for facts in batch:
                    for e in facts.entities:
                        if e.type in {PERSON, ARMED_GROUP, ORGANIZATION} and not any(
                                f in hits for f, _ in surface_forms(e)):
                            for qid in self.search.search(e.name):
                                hits.setdefault(e.name, {}).setdefault(qid, "search")
            qids = sorted({q for by_q in hits.values() for q in by_q})
            rows: list[dict[str, str]] = []
            for i in range(0, len(qids), self.batch):
                rows += self.remote.select(query("facts").replace("$ITEMS", iri_values(qids[i:i + self.batch])))
            return hits, items_from_rows(rows), None
        except NotCached:
            return {}, {}, None  # offline: the embedded slice alone decides
        except EndpointError as err:
            self.errors.append(str(err))
            return {}, {}, str(err)
