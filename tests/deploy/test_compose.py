"""docker-compose.yml is valid without a Docker engine: Debian's `docker-compose config`
(interpolation, schema, merge keys), the Compose Specification JSON schema, and the structure
the deployment relies on (healthy Neo4j before the API, named volumes, a one-shot ingest)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = ROOT / "docker-compose.yml"
# The Compose Specification schema as shipped by Debian's docker-compose package.
SPEC_SCHEMAS = [Path("/usr/lib/python3/dist-packages/compose/config/compose_spec.json")]
ENV = {"REFORMKG_NEO4J_PASSWORD": "test-password-123", "REFORMKG_NEO4J_USER": "analyst"}


@pytest.fixture(scope="module", params=["raw", "resolved"])
def config(request) -> dict:
    """The compose file as written, and as docker-compose resolves it (interpolated, merged)."""
    if request.param == "raw":
        return yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))
    exe = shutil.which("docker-compose")
    if exe is None:
        pytest.skip("docker-compose not installed (apt-get install docker-compose)")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("REFORMKG_", "NEO4J_"))} | ENV
    out = subprocess.run([exe, "-f", str(COMPOSE), "config"], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    return yaml.safe_load(out.stdout)


def _mount(v: str | dict) -> tuple[str, str, bool]:
    """(source, target, read_only) of a short or long volume entry."""
    if isinstance(v, dict):
        return v.get("source", ""), v["target"], bool(v.get("read_only"))
    parts = v.rsplit(":", 2) if v.endswith((":ro", ":rw")) else v.rsplit(":", 1)
    return parts[0], parts[1], len(parts) == 3 and parts[2] == "ro"


def _published(ports: list) -> set[str]:
    return {str(p["target"]) if isinstance(p, dict) else str(p).rsplit(":", 1)[-1].split("/")[0] for p in ports}


def test_docker_compose_config_accepts_the_file():
    exe = shutil.which("docker-compose")
    if exe is None:
        pytest.skip("docker-compose not installed (apt-get install docker-compose)")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("REFORMKG_", "NEO4J_"))} | ENV
    out = subprocess.run([exe, "-f", str(COMPOSE), "config", "--quiet"], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr


def test_password_is_required():
    """Without REFORMKG_NEO4J_PASSWORD the file refuses to resolve instead of using a default."""
    exe = shutil.which("docker-compose")
    if exe is None:
        pytest.skip("docker-compose not installed (apt-get install docker-compose)")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("REFORMKG_", "NEO4J_"))}
    out = subprocess.run([exe, "-f", str(COMPOSE), "config", "--quiet"], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode != 0
    assert "REFORMKG_NEO4J_PASSWORD" in out.stderr


def test_compose_spec_json_schema():
    jsonschema = pytest.importorskip("jsonschema")
    schema_path = next((p for p in SPEC_SCHEMAS if p.exists()), None)
    if schema_path is None:
        pytest.skip("no Compose Specification schema found (apt-get install docker-compose)")
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    raw = yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))
    validator = jsonschema.Draft7Validator(schema)
    errors = sorted(validator.iter_errors(raw), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors)


def test_neo4j_service(config):
    neo = config["services"]["neo4j"]
    assert neo["image"].startswith("neo4j:5") and "community" in neo["image"]
    auth = neo["environment"]["NEO4J_AUTH"]
    assert auth == "analyst/test-password-123" or ("REFORMKG_NEO4J_USER" in auth and "REFORMKG_NEO4J_PASSWORD" in auth)
    test = neo["healthcheck"]["test"]
    assert any("cypher-shell" in part or "7474" in part for part in test)
    assert not neo.get("ports"), "Neo4j's ports must not be published by default (issue 12)"
    assert {"NEO4J_db_transaction_timeout", "NEO4J_dbms_memory_transaction_total_max"} <= set(neo["environment"])
    mounts = [_mount(v) for v in neo["volumes"]]
    assert {"/data", "/logs"} <= {target for _s, target, _ro in mounts}
    assert {source for source, _t, _ro in mounts} <= set(config["volumes"]), "neo4j must use named volumes"


def test_api_waits_for_healthy_neo4j(config):
    api = config["services"]["api"]
    assert "build" in api
    assert api["depends_on"]["neo4j"]["condition"] == "service_healthy"
    assert api["environment"]["REFORMKG_STORE_URI"] == "bolt://neo4j:7687"
    assert "REFORMKG_NEO4J_PASSWORD" in api["environment"]
    assert api["command"][:2] == ["reformkg", "serve"] and "0.0.0.0" in api["command"]
    assert "8000" in _published(api["ports"])
    # published on the host's loopback unless REFORMKG_BIND says otherwise, and the app is told so
    for p in api["ports"]:
        host_ip = p.get("host_ip") if isinstance(p, dict) else str(p).split("}")[0] + "}" if str(p).startswith("${") \
            else str(p).split(":")[0]
        assert host_ip in ("127.0.0.1", "${REFORMKG_BIND:-127.0.0.1}"), p
    assert api["environment"]["REFORMKG_PUBLISHED_HOST"] in ("127.0.0.1", "${REFORMKG_BIND:-127.0.0.1}")


def test_ingest_is_one_shot_and_reads_a_read_only_mount(config):
    ing = config["services"]["ingest"]
    assert ing["restart"] == "no" and ing.get("profiles")
    assert ing["command"][:2] == ["reformkg", "ingest"]
    folder = ing["command"][2]
    mounts = {target: ro for _s, target, ro in (_mount(v) for v in ing["volumes"])}
    assert mounts.get(folder) is True, f"{folder} must be mounted read-only"
    assert ing["depends_on"]["neo4j"]["condition"] == "service_healthy"
    assert ing["environment"]["REFORMKG_STORE_URI"] == "bolt://neo4j:7687"
