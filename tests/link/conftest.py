from pathlib import Path

import pytest

from tests.servers import Oxigraph, Proxy, SearchAPI

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "wikidata.ttl"


@pytest.fixture(scope="session")
def oxigraph(tmp_path_factory):
    server = Oxigraph(FIXTURE, tmp_path_factory.mktemp("oxigraph"))
    yield server
    server.stop()


@pytest.fixture
def proxy(oxigraph):
    p = Proxy(oxigraph.url)
    yield p
    p.stop()


@pytest.fixture
def search_api():
    s = SearchAPI(FIXTURE)
    yield s
    s.stop()
