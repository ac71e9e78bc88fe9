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

from spacy.lang.en.stop_words import STOP_WORDS
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
    return _keys(token.lower_, token.lemma_)


@lru_cache(maxsize=65536)
def _keys(low: str, lemma: str) -> frozenset[str]:
    """match_keys of a word, made once per word and lemma: the same words recur in every article."""
    return frozenset({low, low + "_", lemma.lower(), *(low[:n] for n in range(max(4, len(low) - 3), len(low)))})


def _needed(elements: list) -> frozenset[str]:
    """Words a side's tokens must match for its elements to match (a set's members vary, so
    they need none): checking them first rules most patterns out with one set operation."""
    needed: set[str] = set()
    for element in elements:
        if isinstance(element, dict):
            needed |= {element["prep"], *_needed(element["words"])}
        elif isinstance(element, list):
            needed.update(element)
        elif not element.startswith("&"):
            needed.update(_words(element))
    return frozenset(needed)


@dataclass(frozen=True)
class Pattern:
    code: str | None
    subject: list
    object: list
    verbs: frozenset[str]
    size: int  # its number of elements: the more, the more specific
    needs_subject: frozenset[str]
    needs_object: frozenset[str]
    phrasal: bool  # only particles and prepositions ('HEAD TO', 'HEAD BACK'): a phrasal verb of its own verbs

    @classmethod
    def of(cls, raw: dict) -> Pattern:
        needs_subject, needs_object = _needed(raw["subject"]), _needed(raw["object"])
        words = needs_subject | needs_object
        phrasal = bool(words) and words <= STOP_WORDS and "&" not in json.dumps(raw["subject"] + raw["object"]) \
            and not any(w.endswith(("self", "selves")) for w in words)  # "- * HERSELF [---]  # KILL" is the block's
        return cls(raw["code"], raw["subject"], raw["object"], frozenset(raw["verbs"]),
                   len(raw["subject"]) + len(raw["object"]), needs_subject, needs_object, phrasal)


@dataclass(frozen=True)
class WordSet:
    """A synonym set ('&MILITARY'): its one-word members, matched by the head of a phrase, and
    its runs of words."""
    single: frozenset[str]
    runs: tuple[tuple[str, ...], ...]

    @classmethod
    def of(cls, members: list[str]) -> WordSet:
        words = [tuple(m.split()) for m in members]
        return cls(frozenset(w[0] for w in words if len(w) == 1), tuple(w for w in words if len(w) > 1))


@dataclass
class Context:
    """The words of one side of a verb's clause, with what each matches; `heads` is what the
    words that head a phrase match ('* GOVERNMENT' is not 'government installations')."""
    tokens: list[Token]
    keys: list[frozenset[str]]
    heads: set[str] = field(init=False)
    every: frozenset[str] = field(init=False)  # what any of the words matches

    def __post_init__(self) -> None:
        self.heads = {k for t, ks in zip(self.tokens, self.keys) if t.dep_ not in MODIFIERS for k in ks}
        self.every = frozenset().union(*self.keys)


class VerbCoder:
    def __init__(self, verbs: dict, crosswalk: dict[str, tuple[str, str, str]]):
        self.sets = {name: WordSet.of(members) for name, members in verbs["sets"].items()}
        self.crosswalk = crosswalk
        self.patterns = [[Pattern.of(p) for p in block["patterns"]] for block in verbs["blocks"]]
        self.single: dict[str, list[tuple[int, str | None]]] = {}
        self.phrasal: dict[str, list[tuple[tuple[str, ...], int, str | None]]] = {}
        for n, block in enumerate(verbs["blocks"]):
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
            members = self.sets.get(element[1:].rstrip("_"))
            return members is not None and (not members.single.isdisjoint(ctx.heads) or any(
                words[0] in ctx.every and self.run_matches(words, ctx) for words in members.runs))
        words = _words(element)
        return self.run_matches(words, ctx) if len(words) > 1 else words[0] in ctx.heads

    # --- coding a verb ------------------------------------------------------------
    def candidates(self, verb: Token) -> list[tuple[int, str | None, int]]:
        """(block, the synonym's own code, words of the verb form used) for the verb."""
        found: list[tuple[int, str | None, int]] = []
        following: tuple[str, ...] | None = None
        for key in dict.fromkeys((verb.lemma_.lower(), verb.lower_)):
            for rest, block, code in self.phrasal.get(key, ()):
                if following is None:
                    following = tuple(t.lower_ for t in verb.doc[verb.i + 1:verb.i + 4])
                if following[:len(rest)] == rest:
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
            for pattern in self.patterns[block]:
                if not (pattern.needs_subject <= subject.every and pattern.needs_object <= obj.every):
                    continue
                own = not verb_words.isdisjoint(pattern.verbs)
                if pattern.phrasal and pattern.verbs and not own:
                    continue  # "- * TO [030] # HEAD" is "head to", not "led to" of the same block
                rank = (pattern.size, own)
                if best is not None and rank <= best[0]:
                    continue
                if all(self.element_matches(e, subject) for e in pattern.subject) and \
                        all(self.element_matches(e, obj) for e in pattern.object):
                    best = (rank, pattern.code)
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
            trie: dict = {}
            for r in rows:
                if r["scope"] == scope:
                    node = trie
                    for char in r["phrase"].lower():
                        node = node.setdefault(char, {})
                    node[WORD_END if r["match"] == "word" else END] = {}
            return re.compile(r"(?<!\w)" + _trie_regex(trie), re.IGNORECASE) if trie else None
        self.sentence, self.story = pattern("sentence"), pattern("story")

    def in_sentence(self, text: str) -> bool:
        return bool(self.sentence and self.sentence.search(" ".join(text.split())))

    def in_story(self, text: str) -> bool:
        return bool(self.story and self.story.search(" ".join(text.split())))


END, WORD_END = "", r"\b"  # trie keys past a phrase's last character: a stem, or a whole word


def _trie_regex(node: dict) -> str:
    """The phrases of a character trie as one regex, factored by their common beginnings: the
    engine then tries one branch per character instead of four hundred phrases at every position."""
    if END in node:
        return ""
    branches = [re.escape(char) + _trie_regex(child) for char, child in sorted(node.items()) if char != WORD_END]
    if WORD_END in node:
        branches.append(WORD_END)
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


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
