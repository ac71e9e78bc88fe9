"""Doc in, facts out: every extractor reads a spaCy Doc and returns plain dataclasses.

Order matters only where one fact needs another: quotations need the entities
(speakers), events need quotations (whose claim) and times (when).
"""

from __future__ import annotations

from spacy.tokens import Doc

from pipeline.extract import lexicon
from pipeline.extract.dates import extract_times
from pipeline.extract.entities import extract_entities
from pipeline.extract.events import extract_events
from pipeline.extract.figures import extract_figures
from pipeline.extract.quotes import extract_quotes
from pipeline.facts import Article, ArticleFacts


def extract(doc: Doc, article: Article, model: str = "") -> ArticleFacts:
    lex = lexicon.load()
    table = extract_entities(doc, article, lex)
    quotes = extract_quotes(doc, table, lex)
    times = extract_times(doc, article)
    figures = extract_figures(doc, quotes, lex)
    events = extract_events(doc, table, quotes, times, figures, lex)
    used = {k for e in events for k in (*e.sources, *e.targets, *e.places)} | {q.speaker for q in quotes}
    entities = [e for e in table.entities.values() if e.mentions or e.key in used]
    return ArticleFacts(article, entities, events, quotes, figures, times, model)
