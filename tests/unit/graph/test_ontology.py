"""The ontology as data: ontology.yaml against ../shared/ontology.md (drift test, when present),
and every element has the schema, enum and style the other parts derive from it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reformkg.graph.ontology import Ontology, get_ontology
from reformkg.graph.schema import schema_items

ONTOLOGY_MD = Path(__file__).resolve().parents[3].parent / "shared" / "ontology.md"

# Known differences of the YAML from the prose tables: type → (sources the YAML adds,
# sources the YAML leaves out). A new difference fails the test until it is fixed or listed.
KNOWN_DIFFERENCES: dict[str, tuple[set[str], set[str]]] = {
}


def _tables(md: str) -> dict[str, list[list[str]]]:
    """Markdown tables under each '## ' heading: rows of cells (header and rule removed)."""
    out: dict[str, list[list[str]]] = {}
    heading = ""
    for line in md.splitlines():
        if line.startswith("## "):
            heading = line[3:].strip()
        elif line.startswith("|") and not re.match(r"^\|\s*-", line):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            out.setdefault(heading, []).append(cells)
    return {k: rows[1:] for k, rows in out.items()}  # drop header rows


def _expand(side: str, ont: Ontology) -> set[str]:
    side = re.sub(r"\(.*?\)", "", side).strip()
    if side == "any actor":
        return set(ont.actor_labels)
    if side == "any node":
        return {label for label in ont.labels if label != "Document"}
    labels: set[str] = set()
    for part in re.split(r"\s+or\s+|/", side):
        part = part.strip()
        if part == "actor":
            labels |= set(ont.actor_labels)
        elif part:
            labels.add(part)
    return labels


@pytest.fixture(scope="module")
def md_tables() -> dict[str, list[list[str]]]:
    if not ONTOLOGY_MD.exists():
        pytest.skip(f"{ONTOLOGY_MD} not present")
    return _tables(ONTOLOGY_MD.read_text(encoding="utf-8"))


def test_labels_match_ontology_md(md_tables, ontology):
    md_labels = {row[0].strip("`") for row in md_tables["Node labels"]}
    assert md_labels == set(ontology.labels)


def test_relationship_types_match_ontology_md(md_tables, ontology):
    rows = md_tables["Relationship types"]
    md_types = {row[0].strip("`"): row for row in rows}
    assert set(md_types) == set(ontology.relationships)
    for name, row in md_types.items():
        spec = ontology.relationships[name]
        ends = row[1]
        symmetric = "symmetric" in ends
        assert spec.symmetric == symmetric, name
        src, tgt = re.split(r"\s+[→—]\s+", ends.replace("(symmetric)", "").strip(), maxsplit=1)
        md_from, md_to = _expand(src, ontology), _expand(tgt, ontology)
        added, left_out = KNOWN_DIFFERENCES.get(name, (set(), set()))
        assert set(spec.from_) == (md_from | added) - left_out, f"{name}: from {sorted(spec.from_)} vs md {sorted(md_from)}"
        assert set(spec.to) == md_to, f"{name}: to {sorted(spec.to)} vs md {sorted(md_to)}"


def test_enum_values_match_ontology_md(md_tables, ontology):
    region = " ".join(r[1] for r in md_tables["Node labels"] if r[0] == "`Region`")
    assert set(ontology.labels["Region"].properties["level"].values) <= set(re.findall(r"[a-z]+", region.split("level")[1]))
    programme = " ".join(r[1] for r in md_tables["Node labels"] if r[0] == "`Programme`")
    assert set(ontology.labels["Programme"].properties["kind"].values) == set(
        re.findall(r"[a-z]+", programme.split("kind")[1]))


def test_pilot_unit_applies_to_match_ontology_md(ontology):
    if not ONTOLOGY_MD.exists():
        pytest.skip("ontology.md not present")
    text = ONTOLOGY_MD.read_text(encoding="utf-8")
    sentence = text[text.index("`PilotUnit` is an extra label"):].split("\n\n")[0]
    listed = set(re.findall(r"`([A-Z][A-Za-z]+)`", sentence)) - {"PilotUnit"}
    assert listed == set(ontology.extra_labels["PilotUnit"].applies_to)


def test_every_label_has_schema_and_style(ontology):
    items = schema_items(ontology)
    unique_labels = {label for label, prop in items["unique"] if prop == "id"}
    assert set(ontology.labels) | {ontology.umbrella_label} <= unique_labels
    for label, spec in ontology.labels.items():
        assert spec.style.color.startswith("#")
        for prop, pspec in spec.properties.items():
            if pspec.indexed:
                assert (label, prop) in items["range"]
    for name, rel in ontology.relationships.items():
        assert rel.style.color.startswith("#"), name
        assert (name, "id") in items["rel"], name
    assert items["fulltext"] == [(ontology.umbrella_label, "search_text")]


def test_check_label_and_type_refuse_unknown_names(ontology):
    for bad in ["Person) DETACH DELETE (n", "person", "_Curation", ""]:
        with pytest.raises(ValueError):
            ontology.check_label(bad)
    with pytest.raises(ValueError):
        ontology.check_type("RUNS]->() DELETE x //")
    assert get_ontology() is get_ontology()
