"""The ingest job: executors give byte-identical output; unchanged articles are skipped."""

import hashlib
import json
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.query import CACHE  # a query cache is no output
from tests.conftest import ARTICLES, SEEDS


def digests(folder: Path, but: tuple[str, ...] = ()) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name not in but and not p.relative_to(folder).parts[0].startswith(CACHE)}


def outcomes(out: Path) -> list[str]:
    return [i["outcome"] for i in json.loads((out / "report.json").read_text())["inputs"]]


def ingest(out: Path, *extra: str) -> int:
    return main(["ingest", str(SEEDS), str(ARTICLES), "--out", str(out), "--offline",
                 "--cache", str(out.parent / f"{out.name}.sqlite"), "--batch", "2", *extra])


def test_two_worker_processes_and_a_dask_cluster_write_the_same_bytes_as_one_process(ingested, tmp_path):
    assert ingest(tmp_path / "pool", "--workers", "2") == 0
    assert ingest(tmp_path / "dask", "--executor", "dask", "--workers", "2") == 0
    assert digests(tmp_path / "pool") == digests(ingested)
    assert digests(tmp_path / "dask") == digests(ingested)


def test_a_rerun_skips_unchanged_articles_and_redoes_changed_ones(tmp_path, capsys):
    src = tmp_path / "in"
    src.mkdir()
    inputs = [*SEEDS.glob("*.txt"), *ARTICLES.glob("*.txt")]
    for p in inputs:
        (src / p.name).write_bytes(p.read_bytes())
    out = tmp_path / "out"
    args = ["ingest", str(src), "--out", str(out), "--offline", "--cache", str(tmp_path / "c")]
    assert main(args) == 0
    first = digests(out)
    capsys.readouterr()
    assert main(args) == 0
    assert "0 articles," in capsys.readouterr().out.splitlines()[-1]
    assert digests(out, but=("report.json",)) == {k: v for k, v in first.items() if k != "report.json"}
    assert set(outcomes(out)) == {"unchanged"}  # the report says what this run did
    changed = src / "010_georgia_south_ossetia_russia_2008.txt"
    changed.write_text(changed.read_text().replace("Tskhinvali", "Tskhinval"))
    assert main(args) == 0
    line = capsys.readouterr().out.splitlines()[-1]
    assert line.startswith("1 articles,") and f"({len(inputs) - 1} unchanged articles skipped)" in line
    after = digests(out)
    assert after["articles/010_georgia_south_ossetia_russia_2008.ttl"] != first[
        "articles/010_georgia_south_ossetia_russia_2008.ttl"]
    assert after["articles/000_a338ea7d94fc7d37.ttl"] == first["articles/000_a338ea7d94fc7d37.ttl"]
    manifest = json.loads((out / "manifest.json").read_text())
    assert len(manifest["articles"]) == len(inputs)


def test_the_entity_cap_keeps_the_most_mentioned_and_says_so(tmp_path, capsys):
    out = tmp_path / "out"
    seed = next(SEEDS.glob("*.txt"))
    assert main(["ingest", str(seed), "--out", str(out), "--offline", "--cache", str(tmp_path / "c"),
                 "--max-entities", "3"]) == 0
    err = capsys.readouterr().err
    assert f"warning: limit: {seed}: " in err and "entities, kept the 3 most mentioned (--max-entities)" in err
    report = json.loads((out / "report.json").read_text())
    assert len(report["limits"]) == 1 and report["summary"]["entities"] == 3 + 2  # + publisher and photo credit
    from pipeline.validate import validate_folder
    assert validate_folder(out)[1] == []  # events whose actors were dropped still make a valid graph
    text = (out / "articles" / f"{seed.stem}.ttl").read_text()
    assert {"wd:Q159", "wd:Q43", "wd:Q858"} <= set(text.split())  # Russia, Turkey, Syria: the most mentioned
    assert "wd:Q2429253" not in text.split()  # Mevlut Cavusoglu, mentioned less, is not


def test_an_article_that_breaks_the_model_or_an_extractor_fails_alone(tmp_path, monkeypatch):
    """A bug met by one article in a million must not cost the other 999,999."""
    from spacy.language import Language

    from pipeline import ingest as ingest_module
    from pipeline.ingest import Settings, ingest as run, worker_state

    @Language.component("breaks_on_marker")
    def breaks_on_marker(doc):
        if "MODEL-BREAKER" in doc.text:
            raise ValueError("the model cannot take this text")
        return doc

    real_extract = ingest_module.extract

    def extract(doc, article, model=""):
        if "EXTRACTOR-BREAKER" in doc.text:
            raise KeyError("no such entity")
        return real_extract(doc, article, model)

    src = tmp_path / "in"
    src.mkdir()
    good = next(SEEDS.glob("*.txt")).read_text()
    for name, text in [("a", good), ("b", good + "\nMODEL-BREAKER\n"), ("c", good + "\nEXTRACTOR-BREAKER\n"),
                       ("d", good + "\nA different ending.\n")]:
        (src / f"{name}.txt").write_text(text)
    settings = Settings(out=tmp_path / "out", offline=True, cache=tmp_path / "c.sqlite")
    worker_state(settings)[0].add_pipe("breaks_on_marker", first=True)
    monkeypatch.setattr(ingest_module, "extract", extract)
    summary = run([src], settings)
    assert sorted(p.stem for p in (tmp_path / "out" / "articles").iterdir()) == ["a", "d"]
    reasons = {Path(f.where).stem: f.reason for f in summary.failures}
    assert reasons["b"].startswith("internal error in nlp (ValueError: the model cannot take this text)")
    assert reasons["c"].startswith("internal error in extract (KeyError: 'no such entity')")
    assert outcomes(tmp_path / "out") == ["ingested", "failed", "failed", "ingested"]


def test_a_text_too_long_for_oxigraph_to_read_back_is_flagged():
    from pipeline.facts import Article
    from pipeline.ingest import oversized_text
    assert oversized_text(Article(id="a", text="Russia backs Assad. " * 800_000)) is None  # 15.3 MiB
    warning = oversized_text(Article(id="b", text="Russia backs Assad. " * 900_000, source_path="b.txt"))
    assert warning.startswith("b.txt: its text is 17.2 MiB") and "reads no literal over 16 MiB" in warning


def test_reingesting_a_changed_article_rebuilds_the_descriptions_graph_from_what_the_articles_say_now(tmp_path):
    from rdflib import Graph, Literal
    from pipeline.vocab import RDFS
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    (folder / "a.txt").write_text("Talks\n\nRussia backs President Bashar Assad, officials said.\n")
    (folder / "b.txt").write_text("Aid\n\nTurkey supports rebel factions in Syria.\n")
    args = ["ingest", str(folder), "--out", str(out), "--offline", "--cache", str(tmp_path / "c")]
    assert main(args) == 0
    labels = lambda: set(Graph().parse(out / "descriptions.ttl").objects(None, RDFS.label))  # noqa: E731
    assert Literal("Bashar Assad") in labels() and Literal("Turkey") in labels()
    (folder / "a.txt").write_text("Talks\n\nRussia backs the government in Damascus, officials said.\n")
    assert main(args) == 0
    assert Literal("Bashar Assad") not in labels() and Literal("Turkey") in labels()
    b = (out / "articles" / "b.ttl").read_bytes()
    assert main(args) == 0 and (out / "articles" / "b.ttl").read_bytes() == b


def test_the_garbage_collector_waits_for_every_running_batch_and_comes_back_as_it_was():
    import gc

    from pipeline.ingest import collector_paused
    assert gc.isenabled()
    first, second = collector_paused(), collector_paused()  # two batches overlapping, as in threads
    first.__enter__()
    second.__enter__()
    first.__exit__(None, None, None)
    assert not gc.isenabled()  # the other batch still runs
    second.__exit__(None, None, None)
    assert gc.isenabled()
    with pytest.raises(ValueError):
        with collector_paused():
            raise ValueError("a batch that fails")
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()  # off before the batch: left off
    finally:
        gc.enable()
