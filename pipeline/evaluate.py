"""Score an output folder against reference annotations (tests/gold/*.json).

Everything is read back through the query contract (SPARQL over the Turtle files), so
the score measures what a user of the graph would find, not the extractor's internals.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, URIRef

from pipeline.link import query
from pipeline.vocab import CKG, WD

PLACE_CLASSES = {"Place", "City", "State"}
ORG_CLASSES = {"Organization", "NewsAgency"}


def norm(text: str) -> str:
    return " ".join(text.replace("’", "'").replace("“", '"').replace("”", '"').casefold().split())


def local(iri: object) -> str:
    return str(iri).rsplit("#", 1)[-1].rsplit("/", 1)[-1]


@dataclass
class Score:
    article: str
    counts: dict[str, tuple[int, int]] = field(default_factory=dict)  # name -> (hits, total)
    misses: dict[str, list[str]] = field(default_factory=dict)

    def add(self, name: str, ok: bool, label: str) -> None:
        hits, total = self.counts.get(name, (0, 0))
        self.counts[name] = (hits + ok, total + 1)
        if not ok:
            self.misses.setdefault(name, []).append(label)

    def as_dict(self) -> dict:
        return {"article": self.article, "counts": {k: list(v) for k, v in self.counts.items()}, "misses": self.misses}


def score_article(gold: dict, graph: Graph, text: str) -> Score:
    score = Score(Path(gold["article"]).stem)
    mentions: dict[str, list[tuple[URIRef, set[str]]]] = {}
    types: dict[URIRef, set[str]] = {}
    anchors: dict[URIRef, set[str]] = {}
    for row in graph.query(query("eval_entities")):
        types.setdefault(row.x, set()).add(local(row.type))
        anchors.setdefault(row.x, set()).add(norm(str(row.anchor)))
    resolved: dict[str, URIRef] = {}
    for ent in gold["entities"]:
        wanted = {norm(m) for m in ent["mentions"]} | {norm(ent["name"])}
        found = sorted(((len(a & wanted), str(x), x) for x, a in anchors.items() if a & wanted), reverse=True)
        typed = [x for _, _, x in found if ent["type"] in types[x]]
        best = typed[0] if typed else (found[0][2] if found else None)
        if best is not None:
            resolved[ent["id"]] = best
        score.add("entities", bool(typed), ent["id"])
        if ent.get("qid"):
            score.add("qids", best == WD[ent["qid"]], f"{ent['id']} ({ent['qid']})")
        else:
            score.add("unguessed", best is None or not str(best).startswith(str(WD)), ent["id"])
    events: dict[URIRef, dict] = {}
    for row in graph.query(query("eval_events")):
        ev = events.setdefault(row.e, {"classes": set(), "codes": set(), "actors": set(), "begin": int(row.begin)})
        ev["classes"].add(local(row["class"]))
        if row.code:
            ev["codes"].add(str(row.code))
        if row.actor:
            ev["actors"].add(row.actor)
    for gev in gold["events"]:
        accepted = {gev.get("plover"), gev.get("type"), *gev.get("alternatives", [])} - {None}
        parties = [*gev.get("actors", []), *gev.get("targets", [])]
        need = {resolved.get(p) for p in parties}
        start = text.find(gev["evidence"])
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", start)
        line_end = len(text) if line_end < 0 else line_end
        ok = start >= 0 and None not in need and any(
            (ev["codes"] | ev["classes"]) & accepted and need <= ev["actors"] and line_start <= ev["begin"] < line_end
            for ev in events.values())
        score.add("events", ok, gev["id"])
    quotes = [(norm(str(r.text)), r.speaker) for r in graph.query(query("eval_quotes"))]
    for gq in gold["quotes"]:
        speaker = resolved.get(gq["speaker"])
        ok = any(norm(gq["contains"]) in t and s is not None and s == speaker for t, s in quotes)
        score.add("quotes", ok, gq["contains"][:40])
    for rule in gold.get("must_not", []):
        score.add("must_not", _holds(rule, graph, types, anchors, events), rule["check"])
    window = gold.get("date_window")
    if window:
        for row in graph.query(query("eval_dates")):
            d = str(row.date)
            score.add("dates_in_window", window["earliest"] <= d <= window["latest"], d)
    return score


def _holds(rule: dict, graph: Graph, types: dict, anchors: dict, events: dict) -> bool:
    if rule["check"] == "not_participant":
        return not any(WD[rule["qid"]] in ev["actors"] for ev in events.values())
    if rule["check"] == "no_entity_named":
        return not any(norm(rule["text"]) in a for x in anchors for a in anchors[x])
    if rule["check"] == "not_type":
        banned = PLACE_CLASSES if rule["type"] == "Place" else ORG_CLASSES if rule["type"] == "Organization" \
            else {rule["type"]}
        return not any(norm(rule["text"]) in anchors[x] and types[x] & banned for x in anchors)
    raise ValueError(f"unknown must_not check {rule['check']!r}")


def evaluate(gold_files: list[Path], out: Path) -> list[Score]:
    scores = []
    for path in gold_files:
        gold = json.loads(path.read_text(encoding="utf-8"))
        ttl = out / "articles" / f"{Path(gold['article']).stem}.ttl"
        graph = Graph().parse(ttl, format="turtle")
        text = str(next(graph.objects(None, URIRef("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#isString"))))
        scores.append(score_article(gold, graph, text))
    return scores


def table(scores: list[Score]) -> str:
    names = sorted({n for s in scores for n in s.counts})
    lines = ["article".ljust(42) + "".join(n.rjust(17) for n in names)]
    for s in scores:
        lines.append(s.article[:42].ljust(42) + "".join(
            (f"{s.counts[n][0]}/{s.counts[n][1]}" if n in s.counts else "-").rjust(17) for n in names))
    return "\n".join(lines)


__all__ = ["evaluate", "score_article", "table", "Score", "CKG"]
