"""Identity of persons across documents: the regions and bodies a document ties a person to, and
an optional lookup of existing nodes with the same name (the store's side)."""

from __future__ import annotations

import logging
from typing import Protocol

from reformkg.graph.vocab import Label
from reformkg.ingest.resolve.group import Group

log = logging.getLogger(__name__)


class IdentityLookup(Protocol):
    """Existing nodes with this label and name: [{"id","name","aliases","region","positions"}]."""

    def candidates(self, label: str, name: str) -> list[dict]: ...


def person_context(g: Group) -> tuple[set[str], set[str]]:
    """Regions and bodies this document ties the person to (from the titles before the name)."""
    regions: set[str] = set()
    bodies: set[str] = set()
    for m in g.mentions:
        for org, _title in m.attrs.get("org_mentions", []) or []:
            bodies.add(org.normalised)
            if org.attrs.get("region"):
                regions.add(org.attrs["region"])
        if m.attrs.get("region"):
            regions.add(m.attrs["region"])
    return regions, bodies


def _compatible(c: dict, regions: set[str], bodies: set[str]) -> bool:
    """An existing person node fits this document's person: no context on either side, the same
    region, or a shared body."""
    c_region = c.get("region") or ""
    c_pos = {p if isinstance(p, str) else (p.get("org") or p.get("target") or "") for p in c.get("positions") or []}
    return (not regions and not bodies) or (not c_region and not c_pos) or \
        c_region in regions or bool(c_pos & bodies)


def _lookup(identity: IdentityLookup, name: str) -> list[dict]:
    try:
        return identity.candidates(Label.PERSON, name)
    except Exception as exc:  # the store is optional for extraction
        log.warning("identity lookup failed for %s: %s", name, exc)
        return []


def person_identity(name: str, g: Group, identity: IdentityLookup | None) -> tuple[str, str | None]:
    """(identity key, id of an existing node to reuse). Same name and compatible regions or
    positions → the existing node; same name, incompatible → a key qualified by region/body
    so the two stay apart; no store → the name."""
    regions, bodies = person_context(g)
    if identity is None:
        return name, None
    cands = _lookup(identity, name)
    if not cands:
        return name, None
    for c in cands:
        if _compatible(c, regions, bodies) and c.get("id"):
            return name, c["id"]
    qualifier = sorted(regions)[0] if regions else (sorted(bodies)[0] if bodies else "")
    return (f"{name}@{qualifier}" if qualifier else name), None
