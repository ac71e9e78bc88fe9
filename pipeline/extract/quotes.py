"""Direct quotations and who said them.

A quotation runs from an opening mark to its closing mark, or to the end of the
paragraph when the writer leaves it open (a quote that continues in the next
paragraph). Its speaker is the subject of the reporting verb ("said", "told")
that governs it or stands beside it; a quotation with no reporting verb in its
paragraph continues the previous speaker's words.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from pipeline.extract.entities import EntityTable
from pipeline.extract.lexicon import Lexicon
from pipeline.facts import PERSON, Quote, Span

OPEN, CLOSE = "“\"", "”\""


def quote_spans(text: str) -> list[Span]:
    """Quotations, paragraph by paragraph (a line is a paragraph). A straight quote mark
    opens when it follows a space or the line start and closes when it follows a
    character; an opening left unclosed runs to the end of its paragraph, a closing
    with no opening starts at the beginning of it (a quote carried over a line break)."""
    spans = []
    pos = 0
    for line in text.split("\n"):
        opened: int | None = None
        for i, c in enumerate(line):
            if c not in OPEN and c not in CLOSE:
                continue
            before = line[i - 1] if i else " "
            after = line[i + 1] if i + 1 < len(line) else " "
            opening = c == "“" or (c == '"' and (before.isspace() or before in "([{—-") and not after.isspace())
            if opening and opened is None:
                opened = i + 1
            elif not opening:
                spans.append(_span(text, pos, opened if opened is not None else 0, i))
                opened = None
        if opened is not None:
            spans.append(_span(text, pos, opened, len(line)))
        pos += len(line) + 1
    return [s for s in spans if s is not None]


def _span(text: str, offset: int, start: int, end: int) -> Span | None:
    inner = text[offset + start:offset + end]
    stripped = inner.strip()
    if not stripped:
        return None
    s = offset + start + inner.index(stripped)
    return Span(s, s + len(stripped), stripped)


def _tokens_in(doc: Doc, start: int, end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def _speaker(verb: Token, table: EntityTable, last_person: str | None) -> str | None:
    subjects = sorted((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}),
                      key=lambda c: abs(c.i - verb.i))
    for subj in subjects:
        if subj.lower_ in {"he", "she"}:
            return last_person
        keys = table.keys_at(subj)
        if keys:
            return keys[0]
    return None


def extract_quotes(doc: Doc, table: EntityTable, lex: Lexicon) -> list[Quote]:
    text = doc.text
    quotes: list[Quote] = []
    previous: tuple[int, str | None] | None = None  # (paragraph start, speaker)
    reporting = [t for t in table.tokens if t.pos_ == "VERB" and t.lemma_.lower() in lex.reporting_verbs]
    for span in quote_spans(text):
        inside = set(t.i for t in _tokens_in(doc, span.start, span.end))
        first = min(inside) if inside else None
        if first is None:
            continue
        sents = {table.sentence_of[first], table.sentence_of[max(inside)]}
        verbs = [t for t in reporting if table.sentence_of[t.i] in sents and t.i not in inside]
        governing = [a for a in doc[first].ancestors if a in verbs]  # nearest first
        verbs = governing or sorted(verbs, key=lambda v: min(abs(v.i - first), abs(v.i - max(inside))))
        last_person = _last_person(doc, table, first)
        speaker = None
        for verb in verbs:
            speaker = _speaker(verb, table, last_person)
            if speaker:
                break
        para_start = text.rfind("\n", 0, span.start) + 1
        confidence = 0.9 if speaker else 0.0
        if speaker is None and previous and previous[0] == para_start and previous[1]:
            speaker, confidence = previous[1], 0.7
        quotes.append(Quote(span, speaker, confidence))
        previous = (para_start, speaker)
    return quotes


def _last_person(doc: Doc, table: EntityTable, before: int) -> str | None:
    for i in sorted((i for i in table.by_token if i < before), reverse=True):
        for key in table.by_token[i]:
            if table.entities[key].type == PERSON:
                return key
    return None
