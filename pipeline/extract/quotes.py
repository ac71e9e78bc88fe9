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
    spans = []
    i, n = 0, len(text)
    while i < n:
        if text[i] in OPEN and (text[i] == "“" or i == 0 or not text[i - 1].isalnum()):
            start = i + 1
            para_end = text.find("\n", start)
            para_end = n if para_end < 0 else para_end
            close = next((j for j in range(start, para_end) if text[j] in CLOSE and
                          (text[j] == "”" or j + 1 == n or not text[j + 1].isalnum())), None)
            end = close if close is not None else para_end
            inner = text[start:end]
            stripped = inner.strip()
            if stripped:
                s = start + inner.index(stripped)
                spans.append(Span(s, s + len(stripped), stripped))
            i = end + 1
        else:
            i += 1
    return spans


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
    for span in quote_spans(text):
        inside = set(t.i for t in _tokens_in(doc, span.start, span.end))
        first = min(inside) if inside else None
        if first is None:
            continue
        sents = {doc[first].sent.start, doc[max(inside)].sent.start}
        verbs = [t for s in sents for t in doc[s].sent if t.i not in inside and t.pos_ == "VERB"
                 and t.lemma_.lower() in lex.reporting_verbs]
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
