"""Pipeline: requires/assigns checked at construction, timings, ComponentError naming both."""

from __future__ import annotations

from pathlib import Path

import pytest

from reformkg.ingest.document import Document
from reformkg.ingest.extract.base import ComponentError
from reformkg.ingest.extract.orgs import Orgs
from reformkg.ingest.extract.tagger import Tagger
from reformkg.ingest.loaders import LoadError
from reformkg.ingest.pipeline import Pipeline, default_components


class Boom:
    name = "boom"
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()

    def __call__(self, doc: Document) -> Document:
        raise RuntimeError("kaput")


def test_missing_layer_is_an_error_at_construction() -> None:
    with pytest.raises(ValueError, match="orgs"):
        Pipeline(components=[Tagger(), Orgs()])


def test_default_order_is_valid_and_complete() -> None:
    names = [c.name for c in default_components()]
    assert names == ["meta", "tagger", "regions", "orgs", "persons", "programmes", "awards", "coreference", "outcomes",
                     "relations", "relation_scorer"]
    Pipeline()


def test_run_text_times_each_component() -> None:
    res = Pipeline().run_text("绍兴市总工会开展“越匠”培训工程，培训职工2000余人次。", path="x/doc.txt")
    assert {"tagger", "regions", "orgs", "resolve"} <= set(res.timings)
    assert any(e.label == "Union" for e in res.entities)
    assert res.path == "x/doc.txt"


def test_component_failure_names_doc_and_component() -> None:
    p = Pipeline(components=[Boom()])
    with pytest.raises(ComponentError) as ei:
        p.run_text("内容", path="a.txt")
    assert ei.value.component == "boom" and ei.value.doc_path == "a.txt"


def test_run_file_raises_load_error(tmp_path: Path) -> None:
    f = tmp_path / "empty.txt"
    f.write_text("")
    with pytest.raises(LoadError):
        Pipeline().run_file(f)
