"""Figures about people in a conflict: deaths, displaced, injured, fighters.

'600,000 people' is exact; 'tens of thousands' is a range and approximate; 'about
2,000' is approximate. A figure inside a quotation is the speaker's claim.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span as TokSpan, Token

from pipeline.extract.lexicon import Lexicon
from pipeline.facts import Figure, Quote, Span


def parse_amount(text: str, lex: Lexicon) -> tuple[int | None, int | None, int | None, bool] | None:
    """(value, minimum, maximum, approximate) of a number written in digits or words."""
    t = " ".join(text.lower().replace(",", "").split())
    approximate = False
    for a in lex.approximators:
        if t.startswith(a + " "):
            t, approximate = t[len(a) + 1:], True
            if a in {"more than", "over", "at least"}:
                n = _number(t, lex)
                return (None, n, None, True) if n is not None else None
    if t in lex.vague_amounts:
        lo, hi = lex.vague_amounts[t]
        return None, lo, hi, True
    n = _number(t, lex)
    return (n, None, None, approximate) if n is not None else None


def _number(t: str, lex: Lexicon) -> int | None:
    m = re.fullmatch(r"(\d+(?:\.\d+)?)(?:\s+(million|thousand|hundred))?", t)
    if m:
        scale = lex.number_words.get(m.group(2) or "", 1)
        return int(float(m.group(1)) * scale)
    words = t.replace("-", " ").split()
    if words and all(w in lex.number_words for w in words):
        total = 0
        for w in words:
            v = lex.number_words[w]
            total = total * v if v >= 100 and total else total + v
        return total
    return None


def _kind(root: Token, lex: Lexicon) -> tuple[str | None, Token]:
    noun = root.head if root.dep_ in {"nummod", "quantmod"} else root
    completing = [c for c in noun.head.children if c.dep_ in {"xcomp", "oprd"}] if noun.dep_ == "nsubjpass" else []
    for tok in [*noun.children, *list(noun.ancestors)[:3], *completing, noun]:  # 'troops killed': deaths;
        # '24 people have been reported injured': injured
        kind = lex.figure_kinds.get(tok.lower_) or lex.figure_kinds.get(tok.lemma_.lower())
        if kind:
            return kind, noun
    if noun.lower_ in lex.people_nouns or noun.lemma_.lower() in lex.people_nouns or noun.i == root.i:
        return "people", noun
    return None, noun


def extract_figures(doc: Doc, quotes: list[Quote], lex: Lexicon) -> list[Figure]:
    figures = []
    for ent in doc.ents:
        if ent.label_ not in {"CARDINAL", "QUANTITY"}:
            continue
        amount = parse_amount(ent.text, lex)
        if amount is None:
            continue
        kind, noun = _kind(ent.root, lex)
        if kind is None or (kind == "people" and noun.i == ent.root.i and ent.root.dep_ not in {"nsubj", "nsubjpass"}):
            continue
        value, lo, hi, approx = amount
        if value is not None and value < 2 and kind == "people":
            continue
        speaker = next((q.speaker for q in quotes if q.span.start <= ent.start_char < q.span.end), None)
        span = _figure_span(ent)
        figures.append(Figure(Span(span.start_char, span.end_char, span.text), kind, value, lo, hi, approx, speaker))
    return figures


def _figure_span(ent: TokSpan) -> TokSpan:
    """Include the counted noun: '600,000 people', not just '600,000'."""
    root = ent.root
    if root.dep_ == "nummod" and root.head.i == ent.end:
        return ent.doc[ent.start:ent.end + 1]
    return ent
