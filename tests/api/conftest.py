"""API test fixtures: a graph per test module loaded with our fictional fixture documents
(tests/api/fixture_graph.py), and TestClients on the real app. Write tests get a fresh graph of
their own.

Every fixture here runs once per store: the run's embedded FalkorDB (tests/conftest.py) and the
Neo4j test server (skipped, with the reason, when there is none). `api_data_dir` is the
module-scoped switch: a data dir that also says which store (`kind`); `_settings` and `_open`
read it, so every test module that builds its own app (contract, corpus) follows.

Neo4j Community has one database, so a Neo4j graph is resident one at a time: a write test's
fresh graph replaces the module's fixture graph, which is written again after the test.
"""

from __future__ import annotations

import itertools
import uuid
import sys
from pathlib import Path
from typing import Callable

import pytest
from fastapi.testclient import TestClient

sys.path.insert(0, str(Path(__file__).parent))

import fixture_graph  # noqa: E402

from reformkg.api import fast_json  # noqa: E402
from reformkg.api.main import create_app  # noqa: E402
from reformkg.config import Settings  # noqa: E402
from reformkg.graph.ontology import get_ontology  # noqa: E402
from tests.conftest import STORE_KINDS, neo4j_settings, open_neo4j_store  # noqa: E402

API_KEY = "test-key-123"
_counter = itertools.count()
_RUN = uuid.uuid4().hex[:6]


class StoreDir(type(Path())):  # a concrete PosixPath/WindowsPath subclass
    """The embedded data dir, tagged with the store kind the API fixtures use."""

    kind: str = "embedded"


@pytest.fixture(autouse=True, scope="session")
def _fast_json_checked():
    """Every answer the hot routes write directly is checked against its response model's JSON."""
    fast_json.verify(True)
    yield
    fast_json.verify(False)


@pytest.fixture(scope="module", params=STORE_KINDS)
def api_data_dir(request, embedded_data_dir) -> StoreDir:
    """The run's one embedded FalkorDB (tests/conftest.py); API graphs get names of their own.
    Parametrised: every API test module runs once on it and once on Neo4j."""
    d = StoreDir(embedded_data_dir)
    d.kind = request.param
    if d.kind == "neo4j":
        neo4j_settings(embedded_data_dir)  # skips, with the reason, when there is no server
    return d


def _settings(data_dir: Path, graph: str, **kw) -> Settings:
    if getattr(data_dir, "kind", "embedded") == "neo4j":
        return neo4j_settings(Path(data_dir), graph_name=graph, **kw)
    return Settings(data_dir=Path(data_dir), graph_name=graph, **kw)


# the Neo4j graph to write again after a write test emptied the one database: (store, loader)
_resident: list[tuple[object, Callable[[object], None]]] = []


def _open(settings: Settings):
    from reformkg.graph.store import open_store

    if not settings.embedded:
        return open_neo4j_store(settings)
    store = open_store(settings)
    store.clear()
    store.ensure_schema()
    return store


@pytest.fixture(scope="module")
def api_settings(api_data_dir) -> Settings:
    return _settings(api_data_dir, f"api_ro_{_RUN}_{next(_counter)}", api_key=API_KEY, row_cap=50,
                     max_upload_bytes=64 * 1024)


@pytest.fixture(scope="module")
def loaded(api_settings):
    """A store holding the fixture graph (read-only tests share it per module)."""
    store = _open(api_settings)
    fixture_graph.load(store, get_ontology())
    resident = (store, lambda st: fixture_graph.load(st, get_ontology()))
    if not api_settings.embedded:
        _resident.append(resident)
    yield store
    if resident in _resident:
        _resident.remove(resident)
    store.clear()
    store.close()


@pytest.fixture(scope="module")
def client(api_settings, loaded) -> TestClient:
    return TestClient(create_app(api_settings, loaded))


@pytest.fixture()
def fresh(api_data_dir):
    """(settings, store) on an empty graph of its own, with an API key configured."""
    settings = _settings(api_data_dir, f"api_rw_{_RUN}_{next(_counter)}", api_key=API_KEY, max_upload_bytes=64 * 1024)
    store = _open(settings)
    yield settings, store
    store.clear()
    store.close()
    if not settings.embedded and _resident:  # the one Neo4j database held the module's graph
        resident_store, load = _resident[-1]
        resident_store.clear()
        load(resident_store)


@pytest.fixture()
def write_client(fresh) -> TestClient:
    settings, store = fresh
    fixture_graph.load(store, get_ontology())
    return TestClient(create_app(settings, store))


@pytest.fixture()
def auth() -> dict[str, str]:
    return {"Authorization": f"Bearer {API_KEY}"}


