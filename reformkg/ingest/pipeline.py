"""The ingest pipeline: load → normalise → segment → extraction components → resolve.

A fixed, ordered list of components (see base.Component): H1's document metadata, the
tagger, regions, organisations, persons, programmes, awards, coreference (pronouns → the
person they refer to), then H3's outcomes and
relations. At construction a component that requires a layer no earlier step assigns is an
error; at run time each component is timed (DocumentResult.timings) and a failure raises
ComponentError naming the document and the component. A document longer than
REFORMKG_EXTRACT_WINDOW_CHARS is extracted window by window (reformkg.ingest.windows) and
resolved as one document.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Iterable

from reformkg.graph.model import DocumentResult
from reformkg.graph.ontology import Ontology, get_ontology
from reformkg.config import get_settings
from reformkg.ingest import loaders, normalise as normalise_mod, segment as segment_mod, windows
from reformkg.ingest.document import Document, RawDocument
from reformkg.ingest.extract.awards import Awards
from reformkg.ingest.extract.meta import Meta
from reformkg.ingest.extract.outcomes import OutcomesComponent
from reformkg.ingest.extract.relations import RelationsComponent
from reformkg.ingest.extract.relscore.component import RelationScorer
from reformkg.ingest.extract.base import Component, ComponentError
from reformkg.ingest.loaders import LoadError
from reformkg.ingest.extract.coreference import Coreference
from reformkg.ingest.extract.orgs import Orgs
from reformkg.ingest.extract.persons import Persons
from reformkg.ingest.extract.programmes import Programmes
from reformkg.ingest.extract.regions import Regions
from reformkg.ingest.extract.tagger import Tagger
from reformkg.ingest.resolve import Curation, IdentityLookup, resolve

log = logging.getLogger(__name__)

# layers that load/normalise/segment provide before any component runs
BASE_LAYERS = ("text", "sentences", "paragraphs")


def rule_components() -> list[Component]:
    """Every component up to the hand rules' relations (what the relation scorer is trained on)."""
    return [Meta(), Tagger(), Regions(), Orgs(), Persons(), Programmes(), Awards(), Coreference(),
            OutcomesComponent(),
            RelationsComponent()]


def default_components() -> list[Component]:
    return rule_components() + [RelationScorer()]


def check_order(components: list[Component], base: Iterable[str] = BASE_LAYERS) -> None:
    """Raise ValueError when a component requires a layer that no earlier step assigns."""
    have = set(base)
    for c in components:
        missing = [r for r in c.requires if r not in have]
        if missing:
            raise ValueError(f"component {c.name!r} requires {missing} which no earlier component assigns")
        have.update(c.assigns)


class Pipeline:
    """Documents in, DocumentResults out. Lexicons and the tagger are cached per process."""

    def __init__(self, ontology: Ontology | None = None, identity: IdentityLookup | None = None,
                 curation: Curation | None = None, components: list[Component] | None = None,
                 window_chars: int | None = None):
        self.window_chars = get_settings().extract_window_chars if window_chars is None else window_chars
        if self.window_chars < 0:
            raise ValueError(f"window_chars must be 0 (never split) or positive, not {self.window_chars}")
        self.ontology = ontology or get_ontology()
        self.identity = identity
        self.curation = curation
        self.components = list(components) if components is not None else default_components()
        check_order(self.components)

    def run_file(self, path: Path) -> DocumentResult:
        return self.run_raw(loaders.load(Path(path)))

    def run_text(self, text: str, path: str = "<text>") -> DocumentResult:
        return self.run_raw(RawDocument(path=path, media_type="text/plain", encoding="utf-8", source_text=text))

    def run_raw(self, raw: RawDocument) -> DocumentResult:
        doc, timings = self.prepare(raw)
        return self.finish(doc, timings)

    def prepare(self, raw: RawDocument) -> tuple[Document, dict[str, float]]:
        """The document-local part (normalise, segment, components): no store involved, so it
        runs anywhere (worker processes, a dask cluster). `finish` resolves it."""
        timings: dict[str, float] = {}
        t0 = time.perf_counter()
        doc = normalise_mod.normalise(raw)
        doc = segment_mod.segment(doc)
        timings["normalise+segment"] = time.perf_counter() - t0
        doc = self.extract(doc, timings)
        return doc, timings

    def finish(self, doc: Document, timings: dict[str, float] | None = None) -> DocumentResult:
        """Resolve a prepared document (identity lookups and curation: the writer's side)."""
        timings = dict(timings or {})
        t = time.perf_counter()
        try:
            result = resolve(doc, self.ontology, self.identity, self.curation)
        except Exception as exc:
            raise ComponentError(doc.path, "resolve", exc) from exc
        timings["resolve"] = time.perf_counter() - t
        result.timings = timings
        return result

    def extract(self, doc: Document, timings: dict[str, float] | None = None) -> Document:
        """Run the components over a segmented document (window by window when it is longer
        than `window_chars`)."""
        if self.window_chars and len(doc.text) > self.window_chars:
            return windows.extract_windowed(doc, self.components, self.window_chars,
                                            lambda d, cs: self._run(d, cs, timings))
        return self._run(doc, self.components, timings)

    @staticmethod
    def _run(doc: Document, components: list[Component], timings: dict[str, float] | None) -> Document:
        """Run `components` in order over `doc`; each one's time is added to `timings`."""
        for c in components:
            t = time.perf_counter()
            try:
                out = c(doc)
            except Exception as exc:
                raise ComponentError(doc.path, c.name, exc) from exc
            if out is not None:
                doc = out
            if timings is not None:
                timings[c.name] = timings.get(c.name, 0.0) + time.perf_counter() - t
        return doc


def error_line(path: Path | str, exc: BaseException) -> str:
    """The one-line report of a file that failed: `error: <file>: <problem>`."""
    if isinstance(exc, LoadError):
        return f"error: {exc.path}: {exc.reason}"
    if isinstance(exc, ComponentError):
        return f"error: {exc.doc_path}: component {exc.component} failed: {exc.cause}"
    return f"error: {path}: {type(exc).__name__}: {exc}"
