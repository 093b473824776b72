"""The component contract of the extraction pipeline (spaCy's idea: named, ordered components
that declare which layers they require and which they assign)."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from reformkg.ingest.document import Document


@runtime_checkable
class Component(Protocol):
    """One extraction step. `requires`/`assigns` name layers (keys of Document.layers) or the
    pseudo-layers "mentions", "relations", "outcomes", "meta"."""

    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def __call__(self, doc: Document) -> Document: ...


class ComponentError(Exception):
    """A component failed on a document: names both."""

    def __init__(self, doc_path: str, component: str, cause: BaseException):
        super().__init__(f"{doc_path}: component {component!r} failed: {cause!r}")
        self.doc_path = doc_path
        self.component = component
        self.cause = cause
