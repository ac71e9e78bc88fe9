"""Wire copy in capitals, parsed as if it were written in mixed case.

Older wire and monitoring-service text (FBIS, LDC corpora: "THE FMLN ALSO CATEGORICALLY
REJECTED THE GOVERNMENT'S PROPOSAL") defeats the statistical model: in capitals every
word looks like a name, so the tagger, parser and recogniser guess badly and almost no
event is found. The model is given a cased copy of the same length instead: every word
in lower case, a sentence's first word and known names (countries, places, demonyms and
the people and bodies of the actor lists) capitalised, acronyms kept ("FMLN", "M-19").
Its annotations are then put back on the original characters, so every offset and every
mention's text stay the article's own.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc

DATA = Path(__file__).resolve().parent / "data"
SHOUTING = 0.8  # share of letters in capitals above which a text is wire copy in capitals
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
SENTENCE_END = re.compile(r"[.!?:\"“”]\s*$|\n\s*$|^\s*$")


def shouting(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 20 and sum(c.isupper() for c in letters) >= SHOUTING * len(letters)


@cache
def _lexicon() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """(countries, places, actor-name words, dictionary words), lower case. Countries: the
    names, demonyms and capitals of countries.csv; places: the places of the country lists;
    actor-name words: the words of the names in the actor lists; dictionary words: stop
    words and the words of the agents and verb dictionaries."""
    common = set(STOP_WORDS)
    with open(DATA / "cameo" / "agents.csv", newline="", encoding="utf-8") as f:
        common |= {w for r in csv.DictReader(f) for w in r["phrase"].split()}
    verbs = json.loads((DATA / "cameo" / "verbs.json").read_text(encoding="utf-8"))
    common |= {w for b in verbs["blocks"] for s in b["synonyms"] for form in [" ".join(s["words"]), *s["forms"]]
               for w in form.split()}
    common |= {w for members in verbs["sets"].values() for m in members for w in m.split()}
    countries: set[str] = set()
    with open(DATA / "countries.csv", newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            countries |= {w.lower() for field in r.values() for w in re.split(r"[\s|]+", field) if w}
    with open(DATA / "cameo" / "country_words.csv", newline="", encoding="utf-8") as f:
        places = {w for r in csv.DictReader(f) for w in r["word"].split()}
    with open(DATA / "cameo" / "actors.tsv", newline="", encoding="utf-8") as f:
        actors = {w for r in csv.DictReader(f, delimiter="\t") for w in r["name"].split()}
    return frozenset(countries - STOP_WORDS), frozenset(places), frozenset(actors), frozenset(common)


@cache
def vocabulary(english: frozenset[str] = frozenset()) -> tuple[frozenset[str], frozenset[str]]:
    """(name words, common words). `english`: the words the model's lemmatizer knows (its
    WordNet index): a place or actor word that is also an English word ('reach', 'basic')
    stays common; country names and demonyms are always names. Cached: the sets cost 30 ms
    to build, once per model rather than once per text in capitals."""
    countries, places, actors, common = _lexicon()
    common = common | english
    names = countries | ((places | actors) - common)
    return frozenset(w for w in names if len(w) > 2), frozenset(common - countries)


def cased(text: str, english: frozenset[str] = frozenset()) -> str:
    """The text with its words re-cased for the model (same length, same offsets)."""
    names, common = vocabulary(english)

    def known(low: str) -> bool:  # the word or its stem: 'nuns', 'talks', 'reached', 'fighting'
        stems = (low, low[:-1], low[:-2], low[:-3] + "y", low[:-3], low[:-3] + "e") if len(low) > 4 else (low,)
        return any(stem in common for stem in stems)

    out, pos = [], 0
    for m in WORD.finditer(text):
        word = m.group(0)
        low = word.lower()
        near = text[max(0, m.start() - 4):m.end() + 4]
        if low in names or low in WEEKDAYS or low in MONTHS and any(c.isdigit() for c in near):
            new = word[0] + word[1:].lower()  # a name, a day, a month in a date ('21 MARCH 1988')
        elif len(low) <= 4 and not known(low) and low[:-1] not in common:
            new = word  # an acronym: FMLN, OAS, UN
        elif SENTENCE_END.search(text[max(0, m.start() - 3):m.start()]):
            new = word[0] + word[1:].lower()  # a sentence's first word
        elif len(low) > 4 and low.isalpha() and not known(low) and low not in STOP_WORDS:
            new = word[0] + word[1:].lower()  # no English word: a name the lists lack ('SHAFICK', 'SANTAMARIA')
        else:
            new = low
        if len(new) != len(word):  # a letter whose case changes its length: leave the word as it is
            new = word
        out += [text[pos:m.start()], new]
        pos = m.end()
    return "".join(out) + text[pos:]


def restored(doc: Doc, text: str) -> Doc:
    """The parse of a cased copy, over the original characters."""
    words = [text[t.idx:t.idx + len(t.text)] for t in doc]
    ents = [f"{t.ent_iob_}-{t.ent_type_}" if t.ent_iob_ in {"B", "I"} else "O" for t in doc]
    return Doc(doc.vocab, words=words, spaces=[bool(t.whitespace_) for t in doc], tags=[t.tag_ for t in doc],
               pos=[t.pos_ for t in doc], morphs=[str(t.morph) for t in doc], lemmas=[t.lemma_ for t in doc],
               heads=[t.head.i for t in doc], deps=[t.dep_ for t in doc], ents=ents)


def english_words(nlp: Language) -> frozenset[str]:
    """The words the model's rule lemmatizer indexes (nouns, verbs, adjectives, adverbs), once per model."""
    known = nlp.meta.setdefault("_conflict_kg_english", None)
    if known is None:
        tables = nlp.get_pipe("lemmatizer").lookups if "lemmatizer" in nlp.pipe_names else None
        index = tables.get_table("lemma_index") if tables is not None and tables.has_table("lemma_index") else {}
        known = frozenset(w for words in index.values() for w in words if "_" not in w)
        nlp.meta["_conflict_kg_english"] = known
    return known


def pipe(nlp: Language, texts: Iterable[str], batch_size: int = 32) -> Iterator[Doc]:
    """nlp.pipe, with texts in capitals parsed from their cased copy."""
    texts = list(texts)
    shouted = [shouting(t) for t in texts]
    english = english_words(nlp) if any(shouted) else frozenset()
    copies = [cased(t, english) if s else t for t, s in zip(texts, shouted)]
    for text, loud, doc in zip(texts, shouted, nlp.pipe(copies, batch_size=batch_size)):
        yield restored(doc, text) if loud else doc


def parse(nlp: Language, text: str) -> Doc:
    return next(pipe(nlp, [text]))
