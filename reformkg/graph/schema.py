"""Ontology → indexes, constraints and full-text, through the dialect (idempotent).

For every label: a unique constraint on `id` (an exact-match index first on FalkorDB) and an
index on each `indexed` property (name, adcode, doc_id, source_key …); the umbrella label gets
the same `id`/`name` indexes (one cross-label lookup), plus the full-text index over
`search_text`, the bigram field the writer maintains; every relationship type gets an index on
its stable `id` (evidence look-ups by edge id); where the engine indexes list elements, the
`aliases` of every entity label and a Document's `source_keys` (identity candidates, versions of
a file). "Already indexed" counts as success.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from .dialects import FULLTEXT_FIELD
from .ontology import Ontology
from .vocab import Label
from .writer import SOURCE_KEYS

if TYPE_CHECKING:
    from .dialects import Dialect

log = logging.getLogger(__name__)


def schema_items(ontology: Ontology) -> dict[str, list[tuple[str, str]]]:
    """What ensure_schema creates: {"unique": [(label, prop)], "range": [...], "fulltext": [...]}."""
    unique: list[tuple[str, str]] = []
    ranges: list[tuple[str, str]] = []
    for label, spec in ontology.labels.items():
        ontology.check_label(label)
        unique.append((label, "id"))
        for prop, pspec in spec.properties.items():
            if pspec.indexed and (label, prop) not in ranges:
                ranges.append((label, prop))
    umbrella = ontology.check_label(ontology.umbrella_label)
    unique.append((umbrella, "id"))
    ranges.append((umbrella, "name"))
    for extra in ontology.extra_labels:
        ranges.append((ontology.check_label(extra), "id"))
    rels = [(ontology.check_type(t), "id") for t in ontology.rel_types]
    # list properties looked up by element: aliases (identity candidates), the paths holding a
    # document (its versions); only where the engine indexes list elements
    lists = [(ontology.check_label(label), "aliases") for label in ontology.entity_labels]
    if Label.DOCUMENT in ontology.labels:
        lists.append((ontology.check_label(Label.DOCUMENT), SOURCE_KEYS))
    return {"unique": unique, "range": ranges, "fulltext": [(umbrella, FULLTEXT_FIELD)], "rel": rels, "list": lists}


def ensure_schema(dialect: "Dialect", ontology: Ontology) -> dict[str, int]:
    """Create what is missing; returns how many items of each kind were ensured."""
    items = schema_items(ontology)
    for label, prop in items["unique"]:
        dialect.create_unique_constraint(label, prop)
    for label, prop in items["range"]:
        dialect.create_range_index(label, prop)
    for label, prop in items["fulltext"]:
        dialect.create_fulltext_index(label, prop)
    for rel_type, prop in items["rel"]:
        dialect.create_rel_index(rel_type, prop)
    if dialect.indexes_list_elements:
        for label, prop in items["list"]:
            dialect.create_range_index(label, prop)
    else:
        items.pop("list")
    dialect.await_indexes()
    log.debug("schema ensured on %s: %s", dialect.name, {k: len(v) for k, v in items.items()})
    return {k: len(v) for k, v in items.items()}
