"""Shared fixtures: the model is loaded once; the seed and two more real articles are
ingested once, through the command line, into a temporary folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline import casing
from pipeline import nlp as nlp_stage
from pipeline.cli import main
from pipeline.extract import extract
from pipeline.facts import ArticleFacts
from pipeline.link import Linker
from pipeline.sources import make_article

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
ARTICLES = Path(__file__).resolve().parent / "fixtures" / "articles"
GOLD = Path(__file__).resolve().parent / "gold"


@pytest.fixture(scope="session")
def nlp():
    return nlp_stage.load()


@pytest.fixture(scope="session")
def read(nlp):
    """Text in, linked facts out: the pipeline up to the RDF builder."""
    linker = Linker()

    def run(text: str, published: str | None = None) -> ArticleFacts:
        article = make_article("t", text, text.encode(), published=published)
        return linker.link(extract(casing.parse(nlp, article.nlp_text), article))

    return run


@pytest.fixture(scope="session")
def ingested(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("out")
    assert main(["ingest", str(SEEDS), str(ARTICLES), "--out", str(out), "--offline",
                 "--cache", str(out.parent / "cache.sqlite")]) == 0
    return out


def names(facts: ArticleFacts, keys) -> set[str]:
    return {facts.entity(k).name for k in keys}
