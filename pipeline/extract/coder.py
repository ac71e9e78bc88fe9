"""The CAMEO verb dictionary as an event coder: a verb, the words around it, a CAMEO code,
and through the OEDA crosswalk a PLOVER type, mode and context.

The seam: dictionary data (pipeline/data/cameo/verbs.json, plover.csv, converted by
pipeline/dictionaries.py) -> `VerbCoder.code(verb)` -> a `Coding` -> the event reader
(pipeline/extract/events.py), which finds source and target in the parse.

A verb is looked up by lemma (or written form, or a phrasal form such as "shoot down");
its block's patterns are tried against the words of its own clause: the object side
against what follows the verb (its objects, prepositional phrases, particles), the
subject side against its subject. The most specific pattern that matches decides (a
pattern coded `---` means the words are no event: "killed in a training accident");
with none, the verb's own code does. A code the crosswalk gives no PLOVER type is no event
(statements, most appeals). Patterns are matched by presence, not word order, and a word
without a trailing `_` also matches its inflections, as TABARI's stems do.
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

from spacy.tokens import Token

from pipeline.extract.lexicon import DATA

OWN_CLAUSE = {"dobj", "dative", "attr", "oprd", "prep", "prt", "agent", "xcomp", "acomp", "npadvmod", "advmod",
              "compound", "pobj", "amod"}  # what follows the verb in its own clause
SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
MODIFIERS = {"compound", "amod", "nmod", "poss", "det", "nummod", "quantmod"}
KEYS = "ckg.match_keys"  # Doc.user_data key: token index -> the pattern words the token matches


@dataclass(frozen=True)
class Coding:
    cameo: str
    plover: str
    mode: str
    context: str
    by_pattern: bool  # a pattern of words around the verb decided, not the verb alone


@lru_cache(maxsize=None)
def _words(element: str) -> tuple[str, ...]:
    """'not_only' -> ('not', 'only'); 'sit-in' -> ('sit', '-', 'in'), as spaCy splits it; a final
    '_' (this exact word) stays on the last word."""
    exact = element.endswith("_")
    words = [w for part in element.rstrip("_").split("_") for w in part.replace("-", " - ").split()]
    if exact and words:
        words[-1] += "_"
    return tuple(words)


def match_keys(token: Token) -> frozenset[str]:
    """Every pattern word a token matches: its form (also as 'form_', this exact word), its
    lemma, and the stems of four letters or more its form starts with, up to three letters
    short of it (TABARI's stems: 'ATTACK' matches 'attacked', 'attackers')."""
    low = token.lower_
    return frozenset({low, low + "_", token.lemma_.lower(), *(low[:n] for n in range(max(4, len(low) - 3), len(low)))})


@dataclass
class Context:
    """The words of one side of a verb's clause, with what each matches; `heads` is what the
    words that head a phrase match ('* GOVERNMENT' is not 'government installations')."""
    tokens: list[Token]
    keys: list[frozenset[str]]
    heads: set[str] = field(init=False)

    def __post_init__(self) -> None:
        self.heads = {k for t, ks in zip(self.tokens, self.keys) if t.dep_ not in MODIFIERS for k in ks}


class VerbCoder:
    def __init__(self, verbs: dict, crosswalk: dict[str, tuple[str, str, str]]):
        self.sets = {name: [tuple(m.split()) for m in members] for name, members in verbs["sets"].items()}
        self.blocks = verbs["blocks"]
        self.crosswalk = crosswalk
        self.single: dict[str, list[tuple[int, str | None]]] = {}
        self.phrasal: dict[str, list[tuple[tuple[str, ...], int, str | None]]] = {}
        for n, block in enumerate(self.blocks):
            for syn in block["synonyms"]:
                for form in [" ".join(syn["words"]), *syn["forms"]]:
                    words = tuple(form.split())
                    if len(words) == 1:
                        self.single.setdefault(words[0], []).append((n, syn["code"]))
                    elif words:
                        self.phrasal.setdefault(words[0], []).append((words[1:], n, syn["code"]))

    # --- matching words ---------------------------------------------------------
    @staticmethod
    def context(tokens: list[Token]) -> Context:
        if not tokens:
            return Context([], [])
        known = tokens[0].doc.user_data.setdefault(KEYS, {})  # each token's keys, once per document
        keys = []
        for t in tokens:
            if t.i not in known:
                known[t.i] = match_keys(t)
            keys.append(known[t.i])
        return Context(tokens, keys)

    @staticmethod
    def run_matches(words: tuple[str, ...], ctx: Context) -> bool:
        return any(all(w in ctx.keys[i + k] for k, w in enumerate(words))
                   for i in range(len(ctx.keys) - len(words) + 1))

    def element_matches(self, element: object, ctx: Context) -> bool:
        if isinstance(element, dict):  # a prepositional phrase: its preposition, and its words inside it
            return any(t.lower_ == element["prep"] and all(
                self.element_matches(e, self.context(sorted(t.subtree, key=lambda x: x.i))) for e in element["words"])
                for t in ctx.tokens)
        if isinstance(element, list):
            return self.run_matches(tuple(element), ctx)
        if element.startswith("&"):
            return any(self.run_matches(member, ctx) if len(member) > 1 else member[0] in ctx.heads
                       for member in self.sets.get(element[1:].rstrip("_"), ()))
        words = _words(element)
        return self.run_matches(words, ctx) if len(words) > 1 else words[0] in ctx.heads

    # --- coding a verb ------------------------------------------------------------
    def candidates(self, verb: Token) -> list[tuple[int, str | None, int]]:
        """(block, the synonym's own code, words of the verb form used) for the verb."""
        found: list[tuple[int, str | None, int]] = []
        following = [t.lower_ for t in verb.doc[verb.i + 1:verb.i + 4]]
        for key in dict.fromkeys((verb.lemma_.lower(), verb.lower_)):
            for rest, block, code in self.phrasal.get(key, ()):
                if tuple(following[:len(rest)]) == rest:
                    found.append((block, code, 1 + len(rest)))
            found += [(block, code, 1) for block, code in self.single.get(key, ())]
        longest = max((n for _, _, n in found), default=0)
        return [f for f in found if f[2] == longest]

    @staticmethod
    def contexts(verb: Token) -> tuple[list[Token], list[Token]]:
        """(subject-side words, object-side words) of the verb's own clause."""
        subject = sorted((t for c in verb.children if c.dep_ in SUBJECTS for t in c.subtree), key=lambda t: t.i)
        obj = sorted((t for c in verb.children if c.i > verb.i and c.dep_ in OWN_CLAUSE for t in c.subtree),
                     key=lambda t: t.i)
        return subject, obj

    def code(self, verb: Token) -> Coding | None:
        candidates = self.candidates(verb)
        if not candidates:
            return None
        subject, obj = (self.context(side) for side in self.contexts(verb))
        best: tuple[tuple[int, bool], str | None] | None = None
        verb_words = {verb.lemma_.lower(), verb.lower_}
        for block, _, _ in candidates:
            for pattern in self.blocks[block]["patterns"]:
                rank = (len(pattern["subject"]) + len(pattern["object"]), bool(verb_words & set(pattern["verbs"])))
                if best is not None and rank <= best[0]:
                    continue
                if all(self.element_matches(e, subject) for e in pattern["subject"]) and \
                        all(self.element_matches(e, obj) for e in pattern["object"]):
                    best = (rank, pattern["code"])
        code = best[1] if best is not None else candidates[0][1]
        return self.coding(code, best is not None) if code else None

    def coding(self, cameo: str, by_pattern: bool = False) -> Coding | None:
        for key in (cameo, cameo[:3], cameo[:2]):
            if key in self.crosswalk:
                plover, mode, context = self.crosswalk[key]
                return Coding(cameo, plover, mode, context, by_pattern)
        return None


class Discards:
    """Phoenix's discard phrases: a sentence holding one ('scored a goal', 'world cup') is not
    political news and codes no event; a story phrase silences the whole article."""

    def __init__(self, rows: list[dict[str, str]]):
        def pattern(scope: str) -> re.Pattern[str] | None:
            alts = sorted((re.escape(r["phrase"]) + (r"\b" if r["match"] == "word" else "")
                           for r in rows if r["scope"] == scope), key=lambda a: (-len(a), a))
            return re.compile(r"(?<!\w)(?:" + "|".join(alts) + ")", re.IGNORECASE) if alts else None
        self.sentence, self.story = pattern("sentence"), pattern("story")

    def in_sentence(self, text: str) -> bool:
        return bool(self.sentence and self.sentence.search(" ".join(text.split())))

    def in_story(self, text: str) -> bool:
        return bool(self.story and self.story.search(" ".join(text.split())))


@cache
def discards() -> Discards:
    with open(DATA / "cameo" / "discards.csv", newline="", encoding="utf-8") as f:
        return Discards(list(csv.DictReader(f)))


@cache
def load() -> VerbCoder:
    verbs = json.loads((DATA / "cameo" / "verbs.json").read_text(encoding="utf-8"))
    with open(DATA / "cameo" / "plover.csv", newline="", encoding="utf-8") as f:
        crosswalk = {r["cameo"]: (r["plover"], r["mode"], r["context"]) for r in csv.DictReader(f)}
    return VerbCoder(verbs, crosswalk)
