"""viz/pyvis_view.py: a subgraph becomes one standalone HTML page that loads nothing from outside."""

import json
import re

from selectolax.lexbor import LexborHTMLParser as HTMLParser

from reformkg.graph.ontology import get_ontology
from reformkg.viz.pyvis_view import build_network, render_html

SUBGRAPH = {
    "nodes": [
        {"id": "uni_a", "name": "某市总工会", "labels": ["Union", "Entity", "PilotUnit"], "props": {"region": "某市"}},
        {"id": "pro_b", "name": "“金蓝领”技能竞赛</script><b>x</b>", "labels": ["Programme", "Entity"], "props": {}},
        {"id": "per_c", "name": "张三", "labels": ["Person", "Entity"], "props": {}},
    ],
    "edges": [
        {"id": "rel_1", "type": "RUNS", "source": "uni_a", "target": "pro_b", "evidence_count": 2, "props": {}},
        {"id": "rel_2", "type": "HOLDS_POSITION", "source": "per_c", "target": "uni_a", "evidence_count": 1,
         "props": {"title": "主席"}},
        {"id": "rel_3", "type": "CO_SPONSORS", "source": "uni_a", "target": "per_c", "evidence_count": 1, "props": {}},
        {"id": "rel_x", "type": "RUNS", "source": "uni_a", "target": "missing", "evidence_count": 1, "props": {}},
    ],
    "truncated": True,
    "total": 9,
}

URL = re.compile(r"(?i)(https?:)?//[a-z0-9.-]+\.[a-z]{2,}")


def _data(html: str, var: str) -> list[dict]:
    m = re.search(r"var %s = new vis\.DataSet\((.*?)\);\n" % var, html)
    assert m, var
    return json.loads(m.group(1).replace("<\\/", "</"))


def test_page_is_offline_no_url_at_all():
    html = render_html(SUBGRAPH, title="t")
    assert not re.search(r"https?://", html)
    assert not URL.search(html.replace(":\\/\\/", ""))  # no protocol-relative URL either
    tree = HTMLParser(html)
    for node in tree.css("script[src], link[href], img[src], iframe, object, embed"):
        raise AssertionError(f"external resource tag: {node.html[:120]}")
    assert "new vis.Network(" in html and "window.vis" not in html[:200]
    assert "cdnjs" not in html and "jsdelivr" not in html and "bootstrap" not in html.lower()


def test_nodes_edges_styles_and_escaping():
    onto = get_ontology()
    html = render_html(SUBGRAPH, title="标题<script>", center="uni_a")
    nodes = {n["id"]: n for n in _data(html, "nodes")}
    edges = {e["id"]: e for e in _data(html, "edges")}
    assert set(nodes) == {"uni_a", "pro_b", "per_c"}
    assert set(edges) == {"rel_1", "rel_2", "rel_3"}  # the edge to a missing node is dropped
    assert nodes["pro_b"]["shape"] == onto.labels["Programme"].style.shape
    assert nodes["uni_a"]["color"]["border"] == onto.extra_labels["PilotUnit"].style.color
    assert edges["rel_1"]["label"] == "RUNS" and edges["rel_1"]["arrows"] == "to"
    assert edges["rel_3"]["arrows"] == ""
    assert "title=主席" in edges["rel_2"]["title"]
    # the only </script> closing tags are ours; names cannot break out of the script
    assert html.count("</script>") == 2
    assert "标题&lt;script&gt;" in html
    assert "showing 3 of 9 relationships" in html
    assert "某市总工会" in html  # Chinese kept as is (ensure_ascii=False)


def test_legend_lists_present_labels_and_types():
    html = render_html(SUBGRAPH)
    legend = HTMLParser(html).css_first("#legend").text()
    for name in ("Union", "Programme", "Person", "PilotUnit", "RUNS", "HOLDS_POSITION", "CO_SPONSORS"):
        assert name in legend
    assert "Award" not in legend


def test_build_network_accepts_store_style_edges():
    sg = {"nodes": [{"id": "a", "labels": ["Region"], "props": {"name": "甲区"}},
                    {"id": "b", "labels": ["Region"], "props": {"name": "乙市"}}],
          "edges": [{"id": "e", "type": "PART_OF", "src": "a", "tgt": "b"}]}
    net = build_network(sg)
    assert [n["label"] for n in net.nodes] == ["甲区", "乙市"]
    assert net.edges[0]["from"] == "a" and net.edges[0]["to"] == "b"
