"""The shipped relation model is exactly what `reformkg train` produces from the visible gold
(skipped with the reason when ../shared is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from reformkg.cli import app
from reformkg.ingest.extract.relscore.model import shipped_path

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
NEEDED = [SHARED / "gold", SHARED / "dev" / "gold", SHARED / "corpus", SHARED / "dev" / "docs"]

pytestmark = pytest.mark.skipif(not all(p.is_dir() for p in NEEDED), reason="../shared gold and documents not present")


def test_shipped_model_is_what_training_produces(tmp_path: Path) -> None:
    out = tmp_path / "model.json"
    r = CliRunner().invoke(app, ["train", str(SHARED / "gold"), str(SHARED / "corpus"), str(SHARED / "dev" / "docs"),
                                 "--gold", str(SHARED / "dev" / "gold"), "--out", str(out)])
    assert r.exit_code == 0, r.output
    assert out.read_text(encoding="utf-8") == shipped_path().read_text(encoding="utf-8")
