"""The notebook runs from a clean state, against the seed's output and a loaded store."""

import json
import os

import nbformat
import pytest
from nbclient import NotebookClient

from pipeline.cli import main
from tests.conftest import ROOT
from tests.servers import Oxigraph

NOTEBOOK = ROOT / "queries" / "explore.ipynb"


def test_the_committed_notebook_has_no_outputs():
    nb = json.loads(NOTEBOOK.read_text())
    assert all(not c.get("outputs") and not c.get("execution_count") for c in nb["cells"] if c["cell_type"] == "code")


@pytest.fixture
def store(ingested, tmp_path):
    server = Oxigraph(None, tmp_path / "store", union=True)
    assert main(["load", str(ingested), "--store", server.store]) == 0
    yield server
    server.stop()


def test_the_notebook_executes_and_draws_the_actor_network(ingested, store, tmp_path, monkeypatch):
    figure = tmp_path / "actor_network.png"
    monkeypatch.setenv("CONFLICT_KG_OUT", str(ingested))
    monkeypatch.setenv("CONFLICT_KG_ENDPOINT", store.url)
    monkeypatch.setenv("CONFLICT_KG_FIGURE", str(figure))
    monkeypatch.setenv("PYTHONPATH", str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    nb = nbformat.read(NOTEBOOK, as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(ROOT / "queries")}}).execute()
    assert figure.exists() and figure.stat().st_size > 10_000 and figure.read_bytes()[:4] == b"\x89PNG"
    text = "\n".join(o.get("text", "") + json.dumps(o.get("data", {})) for c in nb.cells for o in c.get("outputs", []))
    assert "Syria: government" in text and "No store at" not in text
    assert "saved" in text and "actors" in text
