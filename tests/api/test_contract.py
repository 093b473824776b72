"""Contract test: schemathesis fuzzes every endpoint of the OpenAPI schema against the real app
on a real embedded store. No 5xx, and every response matches its documented schema.

Two passes: anonymous (write routes answer 401), and with the API key on a graph of its own
(uploads, deletes, merges and splits really run, on fixture data).
"""

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from conftest import API_KEY
from reformkg.api.main import create_app

CHECKS = [not_a_server_error, response_schema_conformance]
FUZZ = settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)


@pytest.fixture(scope="module")
def contract_schema(client):
    return schemathesis.openapi.from_asgi("/openapi.json", client.app)


@pytest.fixture(scope="module")
def authed_schema(api_data_dir):
    import fixture_graph

    from conftest import _RUN, _open, _settings
    from reformkg.graph.ontology import get_ontology

    s = _settings(api_data_dir, f"api_contract_rw_{_RUN}", api_key=API_KEY, max_upload_bytes=64 * 1024, row_cap=100)
    store = _open(s)
    fixture_graph.load(store, get_ontology())
    app = create_app(s, store)
    TestClient(app)  # app ready
    yield schemathesis.openapi.from_asgi("/openapi.json", app)
    store.clear()
    store.close()


anonymous = schemathesis.pytest.from_fixture("contract_schema")
authed = schemathesis.pytest.from_fixture("authed_schema")


@anonymous.parametrize()
@FUZZ
def test_no_server_error(case):
    case.call_and_validate(checks=CHECKS)


@authed.include(method=["POST", "DELETE"]).parametrize()
@FUZZ
def test_no_server_error_with_key(case):
    case.call_and_validate(checks=CHECKS, headers={"Authorization": f"Bearer {API_KEY}"})
