"""Loads graph/ontology.yaml, validates it once with pydantic and exposes frozen lookups.

Everything that names a label or relationship type (DDL, writer checks, API enums, colours,
extraction checks, the JSONL writer) asks this module, never a literal of its own.
"""

from __future__ import annotations

import re
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Literal

import yaml
from reformkg.graph.vocab import Label
from pydantic import BaseModel, ConfigDict, Field, model_validator

ONTOLOGY_PATH = Path(__file__).with_name("ontology.yaml")

_LABEL_RE = re.compile(r"^[A-Z][A-Za-z0-9]*$")
_TYPE_RE = re.compile(r"^[A-Z][A-Z0-9_]*$")
_PROP_RE = re.compile(r"^[a-z][a-z0-9_]*$")


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Style(_Frozen):
    color: str
    shape: str = "dot"


class PropertySpec(_Frozen):
    type: Literal["string", "string_list", "int", "float", "date", "enum", "bool"]
    values: tuple[str, ...] = ()
    indexed: bool = False
    searchable: bool = False

    @model_validator(mode="after")
    def _enum_has_values(self) -> "PropertySpec":
        if self.type == "enum" and not self.values:
            raise ValueError("enum property without values")
        return self


class LabelSpec(_Frozen):
    name: str = ""
    description: str
    key: str
    actor: bool = False
    properties: dict[str, PropertySpec] = Field(default_factory=dict)
    style: Style


class ExtraLabelSpec(_Frozen):
    name: str = ""
    description: str
    applies_to: tuple[str, ...]
    style: Style


class RelSpec(_Frozen):
    name: str = ""
    description: str
    from_: tuple[str, ...] = Field(alias="from")
    to: tuple[str, ...]
    symmetric: bool = False
    scored: bool = False
    properties: dict[str, PropertySpec] = Field(default_factory=dict)
    style: Style

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


class Ontology(_Frozen):
    version: int
    umbrella_label: str
    reserved_prefix: str
    extra_labels: dict[str, ExtraLabelSpec]
    labels: dict[str, LabelSpec]
    relationships: dict[str, RelSpec]

    @model_validator(mode="after")
    def _check(self) -> "Ontology":
        names = set(self.labels)
        for label in list(names) + list(self.extra_labels) + [self.umbrella_label]:
            if not _LABEL_RE.match(label) or label.startswith(self.reserved_prefix):
                raise ValueError(f"bad label name {label!r}")
        for name, extra in self.extra_labels.items():
            unknown = set(extra.applies_to) - names
            if unknown:
                raise ValueError(f"extra label {name} on unknown labels {sorted(unknown)}")
        for name, spec in self.labels.items():
            for prop in spec.properties:
                if not _PROP_RE.match(prop):
                    raise ValueError(f"bad property name {name}.{prop}")
        for name, rel in self.relationships.items():
            if not _TYPE_RE.match(name):
                raise ValueError(f"bad relationship type {name!r}")
            unknown = (set(rel.from_) | set(rel.to)) - names
            if unknown:
                raise ValueError(f"relationship {name} has unknown endpoint labels {sorted(unknown)}")
        # fill in the names (frozen models: rebuild the dicts)
        object.__setattr__(self, "labels", {k: v.model_copy(update={"name": k}) for k, v in self.labels.items()})
        object.__setattr__(self, "extra_labels", {k: v.model_copy(update={"name": k}) for k, v in self.extra_labels.items()})
        object.__setattr__(self, "relationships", {k: v.model_copy(update={"name": k}) for k, v in self.relationships.items()})
        return self

    # ---- lookups -------------------------------------------------------------------------
    @property
    def label_names(self) -> tuple[str, ...]:
        return tuple(self.labels)

    @property
    def rel_types(self) -> tuple[str, ...]:
        return tuple(self.relationships)

    @cached_property
    def actor_labels(self) -> tuple[str, ...]:
        return tuple(k for k, v in self.labels.items() if v.actor)

    @cached_property
    def entity_labels(self) -> tuple[str, ...]:
        """Labels that carry the umbrella label (everything but Document and Outcome)."""
        return tuple(k for k in self.labels if k not in (Label.DOCUMENT, Label.OUTCOME))

    @cached_property
    def scored_types(self) -> tuple[str, ...]:
        return tuple(k for k, v in self.relationships.items() if v.scored)

    @cached_property
    def symmetric_types(self) -> frozenset[str]:
        return frozenset(k for k, v in self.relationships.items() if v.symmetric)

    def is_label(self, label: str) -> bool:
        return label in self.labels or label in self.extra_labels or label == self.umbrella_label

    def check_label(self, label: str) -> str:
        """Return the label if the ontology knows it, else raise: labels enter Cypher text only after this."""
        if not self.is_label(label):
            raise ValueError(f"unknown label {label!r}")
        return label

    def check_type(self, rel_type: str) -> str:
        if rel_type not in self.relationships:
            raise ValueError(f"unknown relationship type {rel_type!r}")
        return rel_type

    def allows(self, rel_type: str, source_label: str, target_label: str) -> bool:
        """Endpoint rule check (either direction for symmetric types)."""
        spec = self.relationships.get(rel_type)
        if spec is None:
            return False
        if source_label in spec.from_ and target_label in spec.to:
            return True
        return spec.symmetric and target_label in spec.from_ and source_label in spec.to

    def style_of(self, label_or_type: str) -> Style:
        if label_or_type in self.labels:
            return self.labels[label_or_type].style
        if label_or_type in self.extra_labels:
            return self.extra_labels[label_or_type].style
        return self.relationships[label_or_type].style

    def to_json(self) -> dict:
        return self.model_dump(by_alias=True)


def load_ontology(path: Path | None = None) -> Ontology:
    data = yaml.safe_load((path or ONTOLOGY_PATH).read_text(encoding="utf-8"))
    return Ontology.model_validate(data)


@lru_cache(maxsize=1)
def get_ontology() -> Ontology:
    """The packaged ontology, loaded once (immutable, so caching it is not mutable global state)."""
    return load_ontology()
