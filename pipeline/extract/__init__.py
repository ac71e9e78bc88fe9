"""Doc in, facts out: every extractor reads a spaCy Doc and returns plain dataclasses.

Order matters only where one fact needs another: quotations need the entities
(speakers), events need quotations (whose claim) and times (when).

An article longer than one window is parsed window by window (memory grows with the
window, not the article); each window's facts are moved to the article's offsets and
merged, an entity found in two windows being one entity (same name and type, same key).
"""

from __future__ import annotations

import dataclasses
import re
import time
from bisect import bisect_right
from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

from pipeline.extract import actors, coder, lexicon
from pipeline.extract.actors import code_actors
from pipeline.extract.dates import extract_times
from pipeline.extract.entities import extract_entities
from pipeline.extract.events import attribute_quotes, extract_events
from pipeline.extract.figures import extract_figures
from pipeline.extract.quotes import extract_quotes
from pipeline.facts import Article, ArticleFacts, Boilerplate, Entity, Span

MAX_ENTITIES = 1000  # per article: a page listing thousands of names is not news about them
WINDOW = 50_000  # characters parsed at once: a few times the longest news article
BREAKS = (re.compile(r"\n\s*\n"), re.compile(r"\n"), re.compile(r"[.!?]\s"), re.compile(r"\s"))


def load_dictionaries() -> float:
    """Read every lexicon and dictionary the extractors use, once per process, so that a
    worker pays for them when it starts and not on its first article. Returns the seconds
    it took (issue 11's target: under 1 s)."""
    t = time.perf_counter()
    lexicon.load()
    actors.load()
    coder.load()
    coder.discards()
    return time.perf_counter() - t


def extract(doc: Doc, article: Article, model: str = "") -> ArticleFacts:
    lex = lexicon.load()
    table = extract_entities(doc, article, lex)
    code_actors(table, article, lex)
    quotes = attribute_quotes(doc, table, extract_quotes(doc, table, lex), lex)
    times = extract_times(doc, article)
    figures = extract_figures(doc, quotes, lex)
    events = extract_events(doc, table, quotes, times, figures, lex)
    used = {k for e in events for k in (*e.sources, *e.targets, *e.places)} | {q.speaker for q in quotes}
    used |= {e.country for e in table.entities.values() if e.mentions and e.country}
    entities = [e for e in table.entities.values() if e.mentions or e.key in used]
    return ArticleFacts(article, entities, events, quotes, figures, times, model)


def windows(text: str, size: int = WINDOW) -> list[tuple[int, int]]:
    """(start, end) pieces covering `text`, each at most `size` characters, cut at a
    paragraph break where there is one in the second half of the window, else at a line
    break, a sentence end, a space, and only as a last resort inside a word."""
    cuts, start = [], 0
    while len(text) - start > size:
        end = start + size
        for rx in BREAKS:
            found = [m.end() for m in rx.finditer(text, start + size // 2, end)]
            if found:
                end = found[-1]
                break
        cuts.append((start, end))
        start = end
    return cuts + [(start, len(text))]


def window(article: Article, start: int, end: int) -> Article:
    """The part of an article between two offsets, as an article of its own (offsets from 0)."""
    def inside(span: Span | None) -> Span | None:
        return moved(span, -start) if span and start <= span.start and span.end <= end else None
    return dataclasses.replace(
        article, text=article.text[start:end], publisher=inside(article.publisher),
        credits=tuple(c for c in map(inside, article.credits) if c),
        boilerplate=tuple(Boilerplate(s, b.kind) for b in article.boilerplate if (s := inside(b.span))))


def merge_windows(article: Article, parts: Iterable[tuple[int, ArticleFacts]], model: str = "") -> ArticleFacts:
    merged = ArticleFacts(article, [], [], [], [], [], model)
    entities: dict[str, Entity] = {}
    for start, facts in parts:
        for e in facts.entities:
            mentions = [moved(m, start) for m in e.mentions]
            if e.key in entities:  # windows do not overlap, so neither do their mentions
                entities[e.key].mentions.extend(mentions)
            else:
                entities[e.key] = dataclasses.replace(e, mentions=mentions)
        merged.events += [dataclasses.replace(
            ev, trigger=moved(ev.trigger, start), sentence=moved(ev.sentence, start),
            time=ev.time and dataclasses.replace(ev.time, span=moved(ev.time.span, start)),
            figure=ev.figure and dataclasses.replace(ev.figure, span=moved(ev.figure.span, start)))
            for ev in facts.events]
        merged.quotes += [dataclasses.replace(q, span=moved(q.span, start)) for q in facts.quotes]
        merged.figures += [dataclasses.replace(f, span=moved(f.span, start)) for f in facts.figures]
        merged.times += [dataclasses.replace(t, span=moved(t.span, start)) for t in facts.times]
    merged.entities = list(entities.values())
    return merged


def by_window(facts: ArticleFacts, cuts: list[tuple[int, int]]) -> Iterator[ArticleFacts]:
    """The facts of each window in turn (entities with their mentions there, and the
    times, figures, events and quotes that start there): for building a huge article's
    triples a window at a time."""
    starts = [start for start, _ in cuts]

    def where(span: Span) -> int:
        return bisect_right(starts, span.start) - 1

    views = [ArticleFacts(facts.article, [], [], [], [], [], facts.model) for _ in cuts]
    for e in facts.entities:
        mentions: dict[int, list[Span]] = {}
        for m in e.mentions:
            mentions.setdefault(where(m), []).append(m)
        for k, spans in mentions.items():
            views[k].entities.append(dataclasses.replace(e, mentions=spans))
    for attr, span in (("events", lambda x: x.trigger), ("quotes", lambda x: x.span),
                       ("figures", lambda x: x.span), ("times", lambda x: x.span)):
        for item in getattr(facts, attr):
            getattr(views[where(span(item))], attr).append(item)
    return iter(views)


def moved(span: Span, by: int) -> Span:
    return Span(span.start + by, span.end + by, span.text)


def cap_entities(facts: ArticleFacts, limit: int) -> int:
    """Keep the `limit` most mentioned entities (and the publisher and photo credits,
    which the article's own triples name); drop the others and every reference to them.
    Returns how many were dropped. A scraped page that lists thousands of names is not
    news about them, and would send thousands of names to the endpoint."""
    if not limit or len(facts.entities) <= limit:
        return 0
    ranked = sorted((e for e in facts.entities if not e.role), key=lambda e: (-len(e.mentions), e.mentions[:1], e.key))
    keep = {e.key for e in ranked[:limit]} | {e.key for e in facts.entities if e.role}
    dropped = len(facts.entities) - len(keep)

    def kept(keys: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(k for k in keys if k in keep)

    facts.entities = [e for e in facts.entities if e.key in keep]
    for e in facts.entities:
        e.affiliation = e.affiliation if e.affiliation in keep else None
    facts.events = [dataclasses.replace(
        ev, sources=kept(ev.sources), targets=kept(ev.targets), places=kept(ev.places),
        attributed_to=ev.attributed_to if ev.attributed_to in keep else None) for ev in facts.events]
    facts.quotes = [dataclasses.replace(q, speaker=q.speaker if q.speaker in keep else None) for q in facts.quotes]
    facts.figures = [dataclasses.replace(f, claimed_by=f.claimed_by if f.claimed_by in keep else None)
                     for f in facts.figures]
    return dropped
