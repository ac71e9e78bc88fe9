"""Score an output folder against reference annotations (tests/gold/*.json).

Everything is read back through the query contract (SPARQL over the Turtle files), so
the score measures what a user of the graph would find, not the extractor's internals.
A gold entity is found when some entity of the graph has a mention whose text is one of
the gold mentions; a gold event is found when an event on the same line of text has an
accepted PLOVER code (or class) and every gold party among its actors, each emitted event
matched to at most one reference event. `type_P`/`type_R` ask less, as event data
comparisons often do: an event of an accepted type on the same line. A gold generic
actor ("Kenyan police") is found when a mention holds all its words, and coded right
when its entity carries the reference's country and sector as `ckg:actorCode`.
"""

from __future__ import annotations

import calendar
import csv
import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, URIRef

from pipeline.extract.lexicon import DATA
from pipeline.link import query
from pipeline.vocab import NIF, WD
from pipeline.write import read_article

ENTITY_CLASSES = {"Person", "State", "City", "Place", "ArmedGroup", "Government", "Organization", "NewsAgency",
                  *(r["class"] for r in csv.DictReader((DATA / "sectors.csv").open(encoding="utf-8")))}
PLACE_CLASSES = {"Place", "City", "State"}
ORG_CLASSES = {"Organization", "NewsAgency"}


def norm(text: str) -> str:
    return " ".join(text.replace("’", "'").replace("“", '"').replace("”", '"').casefold().split())


def bare(text: str) -> str:
    """A mention without its leading article: 'the Syrian opposition' and 'Syrian opposition'
    name the same thing (the references write both ways)."""
    words = norm(text).split(" ", 1)
    return words[1] if len(words) == 2 and words[0] in {"the", "a", "an"} else " ".join(words)


def local(iri: object) -> str:
    return str(iri).rsplit("#", 1)[-1].rsplit("/", 1)[-1]


@dataclass
class Score:
    article: str
    counts: dict[str, tuple[int, int]] = field(default_factory=dict)  # name -> (hits, total)
    misses: dict[str, list[str]] = field(default_factory=dict)
    by_category: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0, 0, 0]))
    # category -> [gold found, gold total, predicted correct, predicted total]

    def add(self, name: str, ok: bool, label: str) -> None:
        hits, total = self.counts.get(name, (0, 0))
        self.counts[name] = (hits + ok, total + 1)
        if not ok:
            self.misses.setdefault(name, []).append(label)

    def as_dict(self) -> dict:
        return {"article": self.article, "counts": {k: list(v) for k, v in sorted(self.counts.items())},
                "events_by_category": {k: v for k, v in sorted(self.by_category.items())},
                "misses": self.misses}


def _line(text: str, start: int) -> tuple[int, int]:
    end = text.find("\n", start)
    return text.rfind("\n", 0, start) + 1, len(text) if end < 0 else end


def score_article(gold: dict, graph: Graph, text: str) -> Score:
    score = Score(Path(gold["article"]).stem)
    types: dict[URIRef, set[str]] = {}
    anchors: dict[URIRef, set[str]] = {}
    for row in graph.query(query("eval_entities")):
        kind = local(row.type)
        if kind in ENTITY_CLASSES:
            types.setdefault(row.x, set()).add(kind)
            anchors.setdefault(row.x, set()).add(bare(str(row.anchor)))
    resolved: dict[str, URIRef] = {}
    all_gold_mentions: set[str] = set()
    for ent in gold["entities"]:
        wanted = {bare(m) for m in ent["mentions"]} | {bare(ent["name"])}
        all_gold_mentions |= wanted
        found = sorted(((len(a & wanted), str(x), x) for x, a in anchors.items() if a & wanted), reverse=True)
        typed = [x for _, _, x in found if ent["type"] in types[x]]
        best = typed[0] if typed else (found[0][2] if found else None)
        score.add("entity_recall", best is not None, ent["id"])
        score.add("entities", bool(typed), ent["id"])  # found and typed as the reference says
        if ent.get("qid"):
            score.add("qids", best == WD[ent["qid"]], f"{ent['id']} ({ent['qid']})")
        else:
            score.add("unguessed", best is None or not str(best).startswith(str(WD)), ent["id"])
        if best is None:
            continue
        resolved[ent["id"]] = best
        score.add("typing", bool(typed), f"{ent['id']}: {sorted(types[best])} not {ent['type']}")
        expected = WD[ent["qid"]] if ent.get("qid") else None
        linked = best if str(best).startswith(str(WD)) else None
        score.add("linking", linked == expected, f"{ent['id']}: {local(linked) if linked else 'unlinked'}")
    all_gold_mentions |= _generic_actors(gold, graph, anchors, resolved, score)
    for x, a in sorted(anchors.items()):
        score.add("entity_precision", bool(a & all_gold_mentions), f"{sorted(a)[0]} ({'/'.join(sorted(types[x]))})")
    _events(gold, graph, text, resolved, score)
    quotes = [(norm(str(r.text)), r.speaker) for r in graph.query(query("eval_quotes"))]
    for gq in gold["quotes"]:
        speaker = resolved.get(gq["speaker"]) if gq["speaker"] else None
        ok = any(norm(gq["contains"]) in t and (s == speaker if gq["speaker"] else s is None)
                 for t, s in quotes if not gq["speaker"] or speaker is not None)
        score.add("quotes", ok, f"{gq['contains'][:40]} ({gq['speaker']})")
    _figures(gold, graph, resolved, score)
    for rule in gold.get("must_not", []):
        score.add("must_not", _holds(rule, types, anchors, graph), rule["check"])
    window = gold.get("date_window")
    if window:
        for row in graph.query(query("eval_dates")):
            d = str(row.date)
            first, last = interval(d)  # a month or a year is in the window when it overlaps it
            score.add("dates_in_window", first <= window["latest"] and window["earliest"] <= last, d)
    return score


def _generic_actors(gold: dict, graph: Graph, anchors: dict[URIRef, set[str]], resolved: dict[str, URIRef],
                    score: Score) -> set[str]:
    """Kinds of actor the text names ("Kenyan police"): found when an entity of the graph
    has a mention holding all the words of the reference's first mention; coded right when
    that entity's ckg:actorCode is the reference's country and sector ("KENCOP"). Events and
    quotes whose actor is one resolve to it. Returns their mentions (an entity that is one
    is no false positive)."""
    codes = {row.x: str(row.code) for row in graph.query(query("eval_actor_codes"))}
    mentions: set[str] = set()
    for gen in gold.get("generic_actors", []):
        wanted = {bare(m) for m in gen.get("mentions", [])} | {bare(gen["text"])}
        mentions |= wanted
        words = set(bare(gen["text"]).split())
        whole = sorted(str(x) for x, a in anchors.items() if any(words <= set(m.split()) for m in a))
        score.add("generic_found", bool(whole), f"{gen['id']} ({gen['text']})")
        want = f"{gen.get('country') or ''}{gen['sector']}"
        best = URIRef(whole[0]) if whole else None
        score.add("generic_coded", best is not None and codes.get(best) == want,
                  f"{gen['id']}: {codes.get(best) if best is not None else 'not found'}, not {want}")
        overlapping = sorted((len(a & wanted), str(x), x) for x, a in anchors.items() if a & wanted)
        if best is not None or overlapping:
            resolved.setdefault(gen["id"], best if best is not None else overlapping[-1][2])
    return mentions


def interval(value: str) -> tuple[str, str]:
    """The first and last day of a date, a month ("2008-08") or a year ("2008")."""
    if len(value) == 4:
        return f"{value}-01-01", f"{value}-12-31"
    if len(value) == 7:
        year, month = int(value[:4]), int(value[5:])
        return f"{value}-01", f"{value}-{calendar.monthrange(year, month)[1]:02d}"
    return value, value


def _events(gold: dict, graph: Graph, text: str, resolved: dict[str, URIRef], score: Score) -> None:
    events: dict[URIRef, dict] = {}
    for row in graph.query(query("eval_events")):
        ev = events.setdefault(row.e, {"kinds": set(), "actors": set(), "begin": int(row.begin), "date": None})
        ev["kinds"].add(local(row["class"]))
        if row.code:
            ev["kinds"].add(str(row.code))
        if row.actor:
            ev["actors"].add(row.actor)
        if row.date:
            ev["date"] = str(row.date)
    with_actors: dict[str, list[URIRef]] = {}  # reference event -> the emitted events that could be it
    by_type: dict[str, list[URIRef]] = {}
    for gev in gold["events"]:
        accepted = {gev.get("plover"), gev.get("type"), *gev.get("alternatives", [])} - {None}
        need = {resolved.get(p) for p in [*gev.get("actors", []), *gev.get("targets", [])]}
        start = text.find(gev["evidence"])
        lo, hi = _line(text, max(start, 0))
        same_type = [e for e, ev in sorted(events.items()) if start >= 0 and ev["kinds"] & accepted
                     and lo <= ev["begin"] < hi]
        by_type[gev["id"]] = same_type
        with_actors[gev["id"]] = [e for e in same_type if None not in need and need <= events[e]["actors"]]
    matched, typed = one_to_one(with_actors), one_to_one(by_type)
    for gev in gold["events"]:
        found = gev["id"] in matched
        category = gev.get("plover") or gev.get("type")
        score.by_category[category][1] += 1
        score.by_category[category][0] += found
        score.add("event_recall", found, gev["id"])
        score.add("type_recall", gev["id"] in typed, gev["id"])
        if gev.get("date"):
            score.add("dates", found and any(events[e]["date"] == gev["date"] for e in with_actors[gev["id"]]),
                      f"{gev['id']} {gev['date']}")
    matched_events, typed_events = set(matched.values()), set(typed.values())
    for e, ev in sorted(events.items()):
        codes = sorted(k for k in ev["kinds"] if k.isupper()) or sorted(k for k in ev["kinds"] if k != "ReportedClaim")
        category = codes[0] if codes else "?"
        score.by_category[category][3] += 1
        score.by_category[category][2] += e in matched_events
        score.add("event_precision", e in matched_events, f"{category} at {ev['begin']}")
        score.add("type_precision", e in typed_events, f"{category} at {ev['begin']}")


def one_to_one(candidates: dict[str, list[URIRef]]) -> dict[str, URIRef]:
    """The most reference events that can each have an emitted event of their own (a maximum
    bipartite matching, by augmenting paths): a greedy pass could give a reference event
    the one emitted event that another needed and leave both counted as missed."""
    owner: dict[URIRef, str] = {}

    def place(gid: str, seen: set[URIRef]) -> bool:
        for e in candidates[gid]:
            if e not in seen:
                seen.add(e)
                if e not in owner or place(owner[e], seen):
                    owner[e] = gid
                    return True
        return False

    for gid in candidates:
        place(gid, set())
    return {gid: e for e, gid in owner.items()}


def _figures(gold: dict, graph: Graph, resolved: dict[str, URIRef], score: Score) -> None:
    figures = []
    for row in graph.query(query("eval_figures")):
        figures.append({k: (str(row[k]) if row[k] is not None else None)
                        for k in ("what", "value", "min", "claimedBy")})
    for gev in gold["events"]:
        q = gev.get("quantity")
        if not q:
            continue
        claimed = resolved.get(q["claimed_by"]) if q.get("claimed_by") else None
        ok = any(f["what"] == q["what"] and (f["value"] == str(q["value"]) if "value" in q else f["min"] == str(q["min"]))
                 and (not q.get("claimed_by") or f["claimedBy"] == str(claimed)) for f in figures)
        score.add("figures", ok, f"{gev['id']}: {q.get('value', q.get('min'))} {q['what']}")


def _holds(rule: dict, types: dict, anchors: dict, graph: Graph) -> bool:
    if rule["check"] == "not_participant":
        return not any(str(r.actor) == str(WD[rule["qid"]]) for r in graph.query(query("eval_events")) if r.actor)
    if rule["check"] == "no_entity_named":
        return not any(bare(rule["text"]) in a for x in anchors if "/actor/" not in str(x)  # a kind of actor may
                       for a in anchors[x])
    if rule["check"] == "not_type":
        banned = PLACE_CLASSES if rule["type"] == "Place" else ORG_CLASSES if rule["type"] == "Organization" \
            else {rule["type"]}
        return not any(bare(rule["text"]) in anchors[x] and types[x] & banned for x in anchors)
    raise ValueError(f"unknown must_not check {rule['check']!r}")


def evaluate(gold_files: list[Path], out: Path) -> list[Score]:
    scores = []
    for path in gold_files:
        gold = json.loads(path.read_text(encoding="utf-8"))
        ttl = out / "articles" / f"{Path(gold['article']).stem}.ttl"
        if not ttl.exists():
            raise FileNotFoundError(f"{ttl}: no output for {path.name}; ingest {gold['article']} first")
        graph = read_article(ttl)
        text = str(next(graph.objects(None, NIF.isString)))
        scores.append(score_article(gold, graph, text))
    return scores


def _ratio(c: tuple[int, int] | None) -> float | None:
    return c[0] / c[1] if c and c[1] else None


def metrics(counts: dict[str, tuple[int, int]]) -> dict[str, float | None]:
    p, r = _ratio(counts.get("entity_precision")), _ratio(counts.get("entity_recall"))
    ep, er = _ratio(counts.get("event_precision")), _ratio(counts.get("event_recall"))
    f1 = lambda a, b: 2 * a * b / (a + b) if a is not None and b is not None and a + b else None  # noqa: E731
    return {"entity_P": p, "entity_R": r, "entity_F1": f1(p, r), "typing": _ratio(counts.get("typing")),
            "linking": _ratio(counts.get("linking")), "event_P": ep, "event_R": er, "event_F1": f1(ep, er),
            "quotes": _ratio(counts.get("quotes")), "figures": _ratio(counts.get("figures")),
            "dates": _ratio(counts.get("dates")), "must_not": _ratio(counts.get("must_not")),
            "dates_in_window": _ratio(counts.get("dates_in_window")),
            "generic_found": _ratio(counts.get("generic_found")), "generic_coded": _ratio(counts.get("generic_coded")),
            "type_P": _ratio(counts.get("type_precision")), "type_R": _ratio(counts.get("type_recall"))}


def total(scores: list[Score]) -> Score:
    t = Score("all articles (micro)")
    for s in scores:
        for k, (h, n) in s.counts.items():
            th, tn = t.counts.get(k, (0, 0))
            t.counts[k] = (th + h, tn + n)
        for cat, v in s.by_category.items():
            t.by_category[cat] = [a + b for a, b in zip(t.by_category[cat], v)]
    return t


def table(scores: list[Score]) -> str:
    rows = [*scores, total(scores)] if len(scores) > 1 else scores
    names = list(metrics({}).keys())
    lines = ["article".ljust(40) + "".join(n.rjust(max(10, len(n) + 1)) for n in names)]
    for s in rows:
        m = metrics(s.counts)
        lines.append(s.article[:40].ljust(40) + "".join(
            ("-" if m[n] is None else f"{m[n]:.2f}").rjust(max(10, len(n) + 1)) for n in names))
    t = total(scores)
    lines.append("\nevents by category: found/gold (recall), correct/predicted (precision)")
    for cat, (found, gold_n, correct, pred) in sorted(t.by_category.items()):
        lines.append(f"  {cat:20} {found:3}/{gold_n:<3} {correct:3}/{pred:<3}")
    return "\n".join(lines)


def eval_report(scores: list[Score]) -> dict:
    return {"articles": [dict(s.as_dict(), metrics=metrics(s.counts)) for s in scores],
            "total": dict(total(scores).as_dict(), metrics=metrics(total(scores).counts))}
