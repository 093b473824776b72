"""A small hand-made graph (our own fictional sentences) in the writer's layout, as GraphBatch
records: two documents whose answers to each saved query are known in advance.

Layout as written by reformkg.graph.writer: nodes carry `id`, `name`, `aliases` and their
label-specific properties, the umbrella label `Entity` (not on Document), `PilotUnit` where
designated; edges carry `id`, their properties and the evidence arrays `ev_doc`,
`ev_sentence`, `ev_start`, `ev_end`, `evidence_count`; MENTIONED_IN edges carry `count`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from reformkg.graph.model import (
    EdgeRecord,
    Evidence,
    GraphBatch,
    NodeRecord,
    document_node_id,
    entity_id,
    fact_id,
)

SYMMETRIC = {"CO_SPONSORS", "PARTNERS_WITH"}

DOC1 = "h5doc0000000001"
DOC2 = "h5doc0000000002"
DOCS: dict[str, dict[str, Any]] = {
    DOC1: {
        "title": "杭州市推进产改工作纪实",
        "date": "2023-05-01",
        "source": "测试工人报",
        "authors": ["测试记者"],
        "source_key": "fixtures/h5/doc1.txt",
    },
    DOC2: {
        "title": "宁波市技能竞赛综述",
        "date": "2024-03-15",
        "source": "测试日报",
        "authors": [],
        "source_key": "fixtures/h5/doc2.txt",
    },
}

# label, name, extra props, extra labels, aliases
NODES: list[tuple[str, str, dict[str, Any], list[str], list[str]]] = [
    ("Region", "浙江省", {"level": "province", "adcode": "330000"}, [], ["浙江"]),
    ("Region", "杭州市", {"level": "city", "adcode": "330100"}, [], ["杭州"]),
    ("Region", "西湖区", {"level": "district", "adcode": "330106"}, [], []),
    ("Region", "宁波市", {"level": "city", "adcode": "330200"}, ["PilotUnit"], ["宁波"]),
    ("Union", "杭州市总工会", {"region": "杭州市"}, [], ["市总工会"]),
    ("Union", "西湖区总工会", {"region": "西湖区"}, ["PilotUnit"], []),
    ("Union", "宁波市总工会", {"region": "宁波市"}, [], []),
    ("Agency", "杭州市人社局", {"region": "杭州市"}, [], ["市人社局"]),
    ("Agency", "杭州市产改联席会议", {"region": "杭州市"}, [], ["联席会议"]),
    ("Enterprise", "青山机械有限公司", {"region": "西湖区"}, ["PilotUnit"], ["青山机械"]),
    ("Enterprise", "海港集团", {"region": "宁波市"}, [], []),
    ("Institution", "杭州技师学院", {"region": "杭州市"}, [], []),
    ("Person", "张明", {"region": "杭州市"}, [], []),
    ("Person", "李华", {"region": "西湖区"}, [], []),
    ("Person", "王芳", {"region": "宁波市"}, [], []),
    ("Programme", "产业工人队伍建设改革", {"kind": "initiative"}, [], ["产改"]),
    ("Programme", "“匠心杯”职业技能竞赛", {"kind": "competition"}, [], ["匠心杯"]),
    ("Programme", "技能提升培训工程", {"kind": "training"}, [], []),
    ("Programme", "《关于深化产改的实施意见》", {"kind": "policy"}, [], []),
    ("Award", "全国劳动模范", {"level": "national"}, [], []),
    ("Award", "浙江工匠", {"level": "provincial"}, [], []),
    ("Award", "工人先锋号", {"level": "national"}, [], []),
]

# type, source name, target name, props, doc
FACTS: list[tuple[str, str, str, dict[str, Any], str]] = [
    ("PART_OF", "杭州市", "浙江省", {}, DOC1),
    ("PART_OF", "西湖区", "杭州市", {}, DOC1),
    ("PART_OF", "宁波市", "浙江省", {}, DOC2),
    ("LOCATED_IN", "杭州市总工会", "杭州市", {}, DOC1),
    ("LOCATED_IN", "西湖区总工会", "西湖区", {}, DOC1),
    ("LOCATED_IN", "宁波市总工会", "宁波市", {}, DOC2),
    ("LOCATED_IN", "杭州市人社局", "杭州市", {}, DOC1),
    ("LOCATED_IN", "杭州市产改联席会议", "杭州市", {}, DOC1),
    ("LOCATED_IN", "青山机械有限公司", "西湖区", {}, DOC1),
    ("LOCATED_IN", "海港集团", "宁波市", {}, DOC2),
    ("LOCATED_IN", "杭州技师学院", "杭州市", {}, DOC1),
    ("HOLDS_POSITION", "张明", "杭州市总工会", {"title": "主席"}, DOC1),
    ("HOLDS_POSITION", "张明", "杭州市产改联席会议", {"title": "召集人"}, DOC1),
    ("HOLDS_POSITION", "李华", "青山机械有限公司", {"title": "高级技师"}, DOC1),
    ("HOLDS_POSITION", "王芳", "海港集团", {"title": "班组长"}, DOC2),
    ("AWARDED", "李华", "全国劳动模范", {"year": 2023, "level": "national"}, DOC1),
    ("AWARDED", "王芳", "浙江工匠", {"year": 2024, "level": "provincial"}, DOC2),
    ("AWARDED", "青山机械有限公司", "工人先锋号", {"year": 2023, "level": "national"}, DOC1),
    ("PILOTS", "西湖区总工会", "产业工人队伍建设改革", {"level": "municipal"}, DOC1),
    ("PILOTS", "青山机械有限公司", "产业工人队伍建设改革", {"level": "provincial"}, DOC1),
    ("PILOTS", "宁波市", "产业工人队伍建设改革", {"level": "national"}, DOC2),
    ("RUNS", "杭州市总工会", "技能提升培训工程", {}, DOC1),
    ("RUNS", "宁波市总工会", "“匠心杯”职业技能竞赛", {}, DOC2),
    ("SPONSORS", "杭州市总工会", "“匠心杯”职业技能竞赛", {"role": "主办"}, DOC1),
    ("SPONSORS", "杭州市人社局", "“匠心杯”职业技能竞赛", {"role": "主办"}, DOC1),
    ("SPONSORS", "青山机械有限公司", "“匠心杯”职业技能竞赛", {"role": "承办"}, DOC1),
    ("CO_SPONSORS", "杭州市总工会", "杭州市人社局", {"programme": "“匠心杯”职业技能竞赛"}, DOC1),
    ("PARTNERS_WITH", "青山机械有限公司", "杭州技师学院", {}, DOC1),
    ("MEMBER_OF", "杭州市总工会", "杭州市产改联席会议", {}, DOC1),
    ("MEMBER_OF", "杭州市人社局", "杭州市产改联席会议", {}, DOC1),
    ("ISSUED", "杭州市人社局", "《关于深化产改的实施意见》", {}, DOC1),
]

# actor name, value, unit, qualifier, metric, year, doc
OUTCOMES: list[tuple[str, float, str, str, str, int | None, str]] = [
    ("技能提升培训工程", 5000.0, "人次", "余", "培训", 2023, DOC1),
    ("技能提升培训工程", 1200.0, "人次", "", "培训", 2024, DOC2),
    ("杭州市总工会", 300.0, "名", "", "再就业", 2023, DOC1),
    ("宁波市总工会", 10_000_000.0, "元", "余", "补贴", 2024, DOC2),
    ("海港集团", 800.0, "人次", "近", "培训", 2024, DOC2),
]


@dataclass
class Expected:
    """Names and ids the tests check answers against."""

    ids: dict[str, str] = field(default_factory=dict)  # entity name -> id
    labels: dict[str, str] = field(default_factory=dict)  # entity name -> primary label


def _sentence(kind: str, a: str, b: str) -> str:
    return f"测试句：{a}与{b}（{kind}）。"


def build() -> tuple[list[GraphBatch], Expected]:
    """Two batches (one per document), each self-contained as the writer makes them."""
    exp = Expected()
    for label, name, _props, _extra, _aliases in NODES:
        exp.ids[name] = entity_id(label, name)
        exp.labels[name] = label
    node_def = {name: (label, props, extra, aliases) for label, name, props, extra, aliases in NODES}

    batches: dict[str, GraphBatch] = {d: GraphBatch(doc_id=d, source_key=DOCS[d]["source_key"]) for d in DOCS}
    seen: dict[str, dict[str, int]] = {d: {} for d in DOCS}

    def mention(doc: str, name: str) -> None:
        seen[doc][name] = seen[doc].get(name, 0) + 1

    offset = {d: 0 for d in DOCS}

    def evidence(doc: str, sentence: str) -> Evidence:
        start = offset[doc]
        offset[doc] += len(sentence)
        return Evidence(doc_id=doc, sentence=sentence, start=start, end=start + len(sentence))

    for rel_type, src, tgt, props, doc in FACTS:
        s, t = exp.ids[src], exp.ids[tgt]
        if rel_type in SYMMETRIC and t < s:
            s, t = t, s
        ev = evidence(doc, _sentence(rel_type, src, tgt))
        batches[doc].edges.append(
            EdgeRecord(id=fact_id(rel_type, s, t, rel_type in SYMMETRIC), type=rel_type, src=s, tgt=t,
                       props=dict(props), evidence=[ev])
        )
        mention(doc, src)
        mention(doc, tgt)

    outcome_nodes: dict[str, list[NodeRecord]] = {d: [] for d in DOCS}
    for actor, value, unit, qualifier, metric, year, doc in OUTCOMES:
        oid = f"out_{entity_id('Outcome', f'{actor}|{metric}|{value}|{unit}|{year}')[4:]}"
        name = f"{metric}{qualifier}{value:g}{unit}"
        exp.ids[name] = oid
        exp.labels[name] = "Outcome"
        outcome_nodes[doc].append(
            NodeRecord(id=oid, labels=["Outcome"],
                       props={"id": oid, "name": name, "aliases": [], "value": value, "unit": unit,
                              "qualifier": qualifier, "metric": metric, "year": year})
        )
        ev = evidence(doc, _sentence("REPORTED", actor, name))
        batches[doc].edges.append(
            EdgeRecord(id=fact_id("REPORTED", exp.ids[actor], oid), type="REPORTED", src=exp.ids[actor],
                       tgt=oid, props={}, evidence=[ev])
        )
        mention(doc, actor)

    for doc, batch in batches.items():
        meta = DOCS[doc]
        dnode = document_node_id(doc)
        batch.nodes.append(
            NodeRecord(id=dnode, labels=["Document"],
                       props={"id": dnode, "doc_id": doc, "name": meta["title"], "title": meta["title"],
                              "date": meta["date"], "source": meta["source"], "authors": meta["authors"],
                              "path": meta["source_key"], "source_key": meta["source_key"]})
        )
        for name, count in sorted(seen[doc].items()):
            label, props, extra, aliases = node_def[name]
            nid = exp.ids[name]
            batch.nodes.append(
                NodeRecord(id=nid, labels=[label, *extra, "Entity"],
                           props={"id": nid, "name": name, "aliases": list(aliases), **props})
            )
            batch.edges.append(
                EdgeRecord(id=fact_id("MENTIONED_IN", nid, dnode), type="MENTIONED_IN", src=nid, tgt=dnode,
                           props={"count": count})
            )
        for onode in outcome_nodes[doc]:
            batch.nodes.append(onode)
            batch.edges.append(
                EdgeRecord(id=fact_id("MENTIONED_IN", onode.id, dnode), type="MENTIONED_IN", src=onode.id,
                           tgt=dnode, props={"count": 1})
            )
    return list(batches.values()), exp
