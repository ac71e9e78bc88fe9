"""Check an output folder against ontology/shapes.ttl and say what to fix, per file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyshacl
from rdflib.namespace import Namespace

from pipeline.write import read_article

SH = Namespace("http://www.w3.org/ns/shacl#")
ONTOLOGY = Path(__file__).resolve().parent.parent / "ontology"


@dataclass(frozen=True)
class Violation:
    file: str
    focus: str
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.focus}: {self.path}: {self.message}"


def validate_file(path: Path) -> list[Violation]:
    shapes = ONTOLOGY
    conforms, report, _ = pyshacl.validate(read_article(path), shacl_graph=str(shapes / "shapes.ttl"),
                                           ont_graph=str(shapes / "conflict.ttl"), advanced=True)
    if conforms:
        return []
    found = []
    for result in report.subjects(SH.resultSeverity, SH.Violation):
        found.append(Violation(path.name, str(report.value(result, SH.focusNode)),
                               str(report.value(result, SH.resultPath) or ""),
                               str(report.value(result, SH.resultMessage) or "constraint violated")))
    return sorted(found, key=str)


def validate_folder(out: Path) -> tuple[int, list[Violation]]:
    files = sorted((out / "articles").glob("*.ttl"))
    if not files:
        raise FileNotFoundError(f"{out / 'articles'}: no Turtle files; run `conflict-kg ingest` first")
    return len(files), [v for f in files for v in validate_file(f)]
