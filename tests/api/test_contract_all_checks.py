"""Issue 12: schemathesis with every check it has (status codes, content types, headers,
schemas, negative/positive data, missing headers, unsupported methods and their Allow
headers, auth) over every endpoint, anonymously and with the API key, on the real app and a
real embedded store. The Cypher rate limit is lifted here: the fuzzer is one busy client."""

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings
from schemathesis.checks import CHECKS
from schemathesis.config import SchemathesisConfig

from conftest import API_KEY
from reformkg.api.main import create_app

ALL_CHECKS = list(CHECKS.get_all())
# 4xx that a schema-valid request may still get: 400 bad Cypher, 422 a semantic problem the
# schema cannot state (since/until without center; an upload whose every file fails)
CONFIG = SchemathesisConfig.from_str("""
[checks.positive_data_acceptance]
expected-statuses = ["2xx", "400", "401", "403", "404", "409", "422", "429"]
""")
FUZZ = settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)


def _app(api_data_dir, name: str):
    import fixture_graph

    from conftest import _RUN, _open, _settings
    from reformkg.graph.ontology import get_ontology

    s = _settings(api_data_dir, f"{name}_{_RUN}", api_key=API_KEY, max_upload_bytes=64 * 1024, row_cap=100,
                  cypher_rate_per_minute=1_000_000)
    store = _open(s)
    fixture_graph.load(store, get_ontology())
    app = create_app(s, store)
    TestClient(app)
    return app, store


@pytest.fixture(scope="module")
def all_checks_schema(api_data_dir):
    app, store = _app(api_data_dir, "api_allchecks")
    yield schemathesis.openapi.from_asgi("/openapi.json", app, config=CONFIG)
    store.clear()
    store.close()


every_check = schemathesis.pytest.from_fixture("all_checks_schema")
# the browser UI's routes (/viz) belong to the UI's own tests


@every_check.exclude(path_regex="^/viz").parametrize()
@FUZZ
def test_every_check_anonymous(case):
    case.call_and_validate(checks=ALL_CHECKS)


@every_check.include(method=["POST", "DELETE"]).parametrize()
@FUZZ
def test_every_check_with_key(case):
    case.call_and_validate(checks=_checks_for(case), headers={"Authorization": f"Bearer {API_KEY}"})


def _checks_for(case) -> list:
    """Every check, but for multipart uploads not `negative_data_rejection`: a multipart part is
    bytes whatever the schema says, so "an integer where a file belongs" is a valid text file."""
    if case.operation.method.upper() == "POST" and case.operation.path == "/api/documents":
        return [c for c in ALL_CHECKS if c.__name__ != "negative_data_rejection"]
    return ALL_CHECKS
