"""API test fixtures: the run's embedded FalkorDB (tests/conftest.py), a graph per test module loaded with our fictional fixture documents (tests/api/fixture_graph.py), and
TestClients on the real app. Write tests get a fresh graph of their own."""

from __future__ import annotations

import itertools
import uuid
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

sys.path.insert(0, str(Path(__file__).parent))

import fixture_graph  # noqa: E402

from reformkg.api.main import create_app  # noqa: E402
from reformkg.config import Settings  # noqa: E402
from reformkg.graph.ontology import get_ontology  # noqa: E402

API_KEY = "test-key-123"
_counter = itertools.count()
_RUN = uuid.uuid4().hex[:6]


@pytest.fixture(scope="session")
def api_data_dir(embedded_data_dir):
    """The run's one embedded FalkorDB (tests/conftest.py); API graphs get names of their own."""
    return embedded_data_dir


def _settings(data_dir: Path, graph: str, **kw) -> Settings:
    return Settings(data_dir=data_dir, graph_name=graph, **kw)


def _open(settings: Settings):
    from reformkg.graph.store import open_store

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
    yield store
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


@pytest.fixture()
def write_client(fresh) -> TestClient:
    settings, store = fresh
    fixture_graph.load(store, get_ontology())
    return TestClient(create_app(settings, store))


@pytest.fixture()
def auth() -> dict[str, str]:
    return {"Authorization": f"Bearer {API_KEY}"}


