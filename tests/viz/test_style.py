"""viz/style.py: every ontology label and relationship type gets its style from the ontology."""

from reformkg.graph.ontology import get_ontology
from reformkg.viz import style


def test_node_style_follows_ontology_for_every_label():
    onto = get_ontology()
    for name, spec in onto.labels.items():
        st = style.node_style([name, onto.umbrella_label], onto)
        assert st["shape"] == spec.style.shape
        assert st["color"]["background"] == spec.style.color
        assert st["borderWidth"] == 1


def test_primary_label_skips_umbrella_and_extra_labels():
    onto = get_ontology()
    assert style.primary_label([onto.umbrella_label, "PilotUnit", "Enterprise"], onto) == "Enterprise"


def test_pilot_unit_is_marked():
    onto = get_ontology()
    plain = style.node_style(["Enterprise", "Entity"], onto)
    pilot = style.node_style(["Enterprise", "Entity", "PilotUnit"], onto)
    assert style.is_pilot(["Enterprise", "PilotUnit"], onto) and not style.is_pilot(["Enterprise"], onto)
    assert pilot["borderWidth"] > plain["borderWidth"]
    assert pilot["color"]["border"] == onto.extra_labels["PilotUnit"].style.color
    assert pilot["color"]["background"] == plain["color"]["background"]


def test_edge_style_arrows_only_on_directed_types():
    onto = get_ontology()
    for name, spec in onto.relationships.items():
        st = style.edge_style(name, onto)
        assert st["color"]["color"] == spec.style.color
        assert st["label"] == name
        assert st["arrows"] == ("" if spec.symmetric else "to")


def test_legend_and_style_json_cover_the_whole_ontology():
    onto = get_ontology()
    items = style.legend(onto)
    assert {i["name"] for i in items if i["kind"] == "label"} == set(onto.labels)
    assert {i["name"] for i in items if i["kind"] == "rel"} == set(onto.relationships)
    assert {i["name"] for i in items if i["kind"] == "extra"} == set(onto.extra_labels)
    js = style.style_json(onto)
    assert set(js["labels"]) == set(onto.labels) and set(js["rel_types"]) == set(onto.relationships)
