import hashlib
import subprocess
import sys
from pathlib import Path

import pyshacl
from rdflib import Dataset, Graph

from pipeline.cli import main
from pipeline.query import CACHE  # a query cache is no output
from pipeline.write import read_article
from tests.conftest import ARTICLES, ROOT, SEEDS


def digests(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*"))
            if p.is_file() and not p.relative_to(folder).parts[0].startswith(CACHE)}


def test_ingest_writes_one_turtle_per_article_the_merge_and_the_named_graph_dataset(ingested):
    files = sorted(p.name for p in (ingested / "articles").iterdir())
    assert files == sorted([p.stem + ".ttl" for p in SEEDS.glob("*.txt")] +
                           [p.stem + ".ttl" for p in ARTICLES.glob("*.txt")])
    merged = Graph().parse(ingested / "graph.ttl")
    ds = Dataset().parse(ingested / "graph.trig", format="trig")
    described = Graph().parse(ingested / "descriptions.ttl")
    union = set().union(*(set(Graph().parse(p)) for p in (ingested / "articles").iterdir()))
    assert set(merged) == union | set(described)
    assert len([g for g in ds.graphs() if len(g)]) == len(files) + 1  # the articles and the descriptions


def test_no_triple_is_in_two_graphs_so_the_union_of_the_graphs_is_a_set_on_any_store(ingested):
    ds = Dataset().parse(ingested / "graph.trig", format="trig")
    quads = [(s, p, o) for s, p, o, _ in ds.quads((None, None, None, None))]
    assert len(quads) == len(set(quads)) == len(Graph().parse(ingested / "graph.ttl"))


def test_every_output_validates_against_the_shapes(ingested):
    for path in sorted((ingested / "articles").iterdir()):
        conforms, _, report = pyshacl.validate(read_article(path), shacl_graph=str(ROOT / "ontology/shapes.ttl"),
                                               ont_graph=str(ROOT / "ontology/conflict.ttl"), advanced=True)
        assert conforms, f"{path.name}:\n{report[:2000]}"


def test_a_second_run_gives_byte_identical_files(ingested, tmp_path):
    again = tmp_path / "again"
    assert main(["ingest", str(SEEDS), str(ARTICLES), "--out", str(again), "--offline",
                 "--cache", str(tmp_path / "c.sqlite")]) == 0
    assert digests(again) == digests(ingested)


def test_the_module_runs_as_a_program_with_a_summary_line(tmp_path):
    out = tmp_path / "out"
    done = subprocess.run([sys.executable, "-m", "pipeline", "ingest", str(SEEDS), "--out", str(out), "--offline",
                           "--cache", str(tmp_path / "c")],
                          capture_output=True, text=True, cwd=ROOT, check=True)
    assert "1 articles," in done.stdout and " triples, " in done.stdout and " entities, " in done.stdout


def test_json_lines_articles_are_ingested_with_their_publication_date(tmp_path):
    feed = tmp_path / "feed.jsonl"
    record = {"id": "ap-1", "url": "https://example.org/ap-1", "headline": "Russia backs Assad",
              "published": "2016-12-01", "text": "Russia backs President Bashar Assad, officials said Thursday."}
    feed.write_text(__import__("json").dumps(record) + "\n")
    out = tmp_path / "out"
    assert main(["ingest", str(feed), "--out", str(out), "--offline", "--cache", str(tmp_path / "c")]) == 0
    text = (out / "articles" / "ap-1.ttl").read_text()
    assert 'schema:datePublished "2016-12-01"^^xsd:date' in text
    assert 'schema:url "https://example.org/ap-1"^^xsd:anyURI' in text
    assert '"2016-12-01"^^xsd:date' in text.split("sem:hasTimeStamp", 1)[1][:40]


def test_a_base_iri_that_is_not_one_is_refused_before_anything_is_read(tmp_path, capsys):
    assert main(["ingest", str(SEEDS), "--out", str(tmp_path / "out"), "--base", "my kg/"]) == 2
    assert "--base 'my kg/': not an absolute http(s) IRI" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_dictionaries_with_nothing_to_convert_says_so_and_exits_2(capsys):
    assert main(["dictionaries"]) == 2
    assert "--from DIR, --cities FILE" in capsys.readouterr().err
