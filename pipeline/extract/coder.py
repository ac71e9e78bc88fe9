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
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Token

from pipeline.extract.lexicon import DATA

OWN_CLAUSE = {"dobj", "dative", "attr", "oprd", "prep", "prt", "agent", "xcomp", "acomp", "npadvmod", "advmod",
              "compound", "pobj", "amod"}  # what follows the verb in its own clause
SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
MODIFIERS = {"compound", "amod", "nmod", "poss", "det", "nummod", "quantmod"}


@dataclass(frozen=True)
class Coding:
    cameo: str
    plover: str
    mode: str
    context: str
    by_pattern: bool  # a pattern of words around the verb decided, not the verb alone


def _words(element: str) -> tuple[str, ...]:
    """'not_only' -> ('not', 'only'); 'sit-in' -> ('sit', '-', 'in'), as spaCy splits it; a final
    '_' (this exact word) stays on the last word."""
    exact = element.endswith("_")
    words = [w for part in element.rstrip("_").split("_") for w in part.replace("-", " - ").split()]
    if exact and words:
        words[-1] += "_"
    return tuple(words)


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
    def word_matches(word: str, token: Token) -> bool:
        if word.endswith("_"):
            return token.lower_ == word[:-1]
        low = token.lower_
        return low == word or token.lemma_.lower() == word or (len(word) >= 4 and low.startswith(word)
                                                                and len(low) - len(word) <= 3)

    def run_matches(self, words: tuple[str, ...], tokens: list[Token]) -> bool:
        for i in range(len(tokens) - len(words) + 1):
            if all(self.word_matches(w, tokens[i + k]) for k, w in enumerate(words)):
                return True
        return False

    def head_matches(self, word: str, tokens: list[Token]) -> bool:
        """A single word of a pattern names a phrase's head, not a modifier of another noun
        ('* GOVERNMENT' is not 'government installations')."""
        return any(t.dep_ not in MODIFIERS and self.word_matches(word, t) for t in tokens)

    def element_matches(self, element: object, tokens: list[Token]) -> bool:
        if isinstance(element, dict):  # a prepositional phrase: its preposition, and its words inside it
            return any(t.lower_ == element["prep"] and all(
                self.element_matches(e, sorted(t.subtree, key=lambda x: x.i)) for e in element["words"])
                for t in tokens)
        if isinstance(element, list):
            return self.run_matches(tuple(element), tokens)
        if element.startswith("&"):
            return any(self.run_matches(member, tokens) if len(member) > 1 else self.head_matches(member[0], tokens)
                       for member in self.sets.get(element[1:].rstrip("_"), ()))
        words = _words(element)
        return self.run_matches(words, tokens) if len(words) > 1 else self.head_matches(words[0], tokens)

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
        subject, obj = self.contexts(verb)
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
