"""Our own small fictional documents as DocumentResult records, written through the real writer
(reformkg.graph.writer.build_batch) into a real store, for the viz route tests, the browser
tests and bench/ui_load.py. Nothing here comes from ../shared/corpus.

`load_fixture(store)` writes two documents whose graph the browser tests know:
李建华 (Person) — HOLDS_POSITION → 示范市总工会 — RUNS → “匠心杯”职业技能竞赛 ← SPONSORS —
示范职业技术学院 — PARTNERS_WITH — 东湖精工有限公司 (PilotUnit) ← HOLDS_POSITION — 王小燕 …
`load_hub(store, n)` writes one document with a hub union linked to `n` enterprises.
"""

from __future__ import annotations

from typing import Any

from reformkg.graph.model import (
    DocumentResult,
    Entity,
    Evidence,
    Fact,
    Outcome,
    entity_id,
    fact_id,
    outcome_id,
    stable_hash,
)
from reformkg.graph.ontology import get_ontology
from reformkg.graph.writer import build_batch

# label, name, aliases, props, extra labels
ENTITIES: dict[str, tuple[str, str, list[str], dict[str, Any], list[str]]] = {
    "city": ("Region", "示范市", ["示范"], {"level": "city"}, []),
    "district": ("Region", "东湖区", [], {"level": "district"}, []),
    "union": ("Union", "示范市总工会", ["市总工会"], {"region": "示范市"}, []),
    "dunion": ("Union", "东湖区总工会", [], {"region": "东湖区"}, []),
    "hr": ("Agency", "示范市人社局", ["市人社局"], {"region": "示范市"}, []),
    "joint": ("Agency", "示范市产改联席会议", [], {"region": "示范市"}, []),
    "firm": ("Enterprise", "东湖精工有限公司", ["东湖精工"], {"region": "东湖区"}, ["PilotUnit"]),
    "school": ("Institution", "示范职业技术学院", [], {"region": "示范市"}, []),
    "li": ("Person", "李建华", [], {"region": "示范市"}, []),
    "wang": ("Person", "王小燕", [], {"region": "东湖区"}, []),
    "zhao": ("Person", "赵一鸣", [], {"region": "示范市"}, []),
    "contest": ("Programme", "“匠心杯”职业技能竞赛", ["匠心杯"], {"kind": "competition"}, []),
    "reform": ("Programme", "产业工人队伍建设改革", ["产改"], {"kind": "initiative"}, []),
    "medal": ("Award", "全国五一劳动奖章", [], {"level": "national"}, []),
    "expert": ("Award", "示范市技术能手", [], {"level": "municipal"}, []),
}

DOC_A = {
    "title": "示范市推进产业工人队伍建设改革纪实",
    "date": "2023-04-10",
    "source": "测试工人日报",
    "sentences": [
        ("示范市总工会党组书记、常务副主席李建华介绍，今年全市将深化产改。", [("HOLDS_POSITION", "li", "union", {"title": "党组书记、常务副主席"})]),
        ("示范市总工会联合示范市人社局举办“匠心杯”职业技能竞赛。", [("RUNS", "union", "contest", {}), ("CO_SPONSORS", "union", "hr", {})]),
        ("东湖精工有限公司是产业工人队伍建设改革试点企业，位于东湖区。", [("PILOTS", "firm", "reform", {"level": "municipal"}), ("LOCATED_IN", "firm", "district", {})]),
        ("东湖精工有限公司高级技师王小燕荣获全国五一劳动奖章。", [("HOLDS_POSITION", "wang", "firm", {"title": "高级技师"}), ("AWARDED", "wang", "medal", {})]),
        ("东湖精工有限公司与示范职业技术学院签订校企合作协议。", [("PARTNERS_WITH", "firm", "school", {})]),
        ("东湖区是示范市下辖区，示范市总工会位于示范市。", [("PART_OF", "district", "city", {}), ("LOCATED_IN", "union", "city", {})]),
    ],
    "outcomes": [("示范市总工会全年培训职工5000余人次。", "union", 5000.0, "人次", "余", "培训职工", 2023)],
}
DOC_B = {
    "title": "“匠心杯”职业技能竞赛在示范市举行",
    "date": "2024-06-01",
    "source": "测试日报",
    "sentences": [
        ("本次“匠心杯”职业技能竞赛由示范职业技术学院承办。", [("SPONSORS", "school", "contest", {"role": "承办"})]),
        ("东湖区总工会、示范市总工会均为示范市产改联席会议成员单位。", [("MEMBER_OF", "dunion", "joint", {}), ("MEMBER_OF", "union", "joint", {})]),
        ("示范市总工会举办“匠心杯”职业技能竞赛，赵一鸣获评示范市技术能手。", [("RUNS", "union", "contest", {}), ("AWARDED", "zhao", "expert", {})]),
        ("示范职业技术学院与东湖精工有限公司共建实训基地。", [("PARTNERS_WITH", "firm", "school", {})]),
    ],
    "outcomes": [],
}


def eid(key: str) -> str:
    label, name, *_ = ENTITIES[key]
    return entity_id(label, name)


def _result(doc: dict[str, Any], path: str) -> DocumentResult:
    onto = get_ontology()
    text = "".join(s for s, _ in doc["sentences"]) + "".join(o[0] for o in doc["outcomes"])
    doc_id = stable_hash("viz-fixture", path, text)
    used: dict[str, Entity] = {}

    def ent(key: str, ev: Evidence) -> str:
        label, name, aliases, props, extra = ENTITIES[key]
        if key not in used:
            used[key] = Entity(id=eid(key), label=label, name=name, aliases=list(aliases), extra_labels=list(extra),
                               props=dict(props), mentions=0, evidence=[ev])
        used[key].mentions += 1
        return used[key].id

    facts: dict[str, Fact] = {}
    pos = 0
    for sentence, rels in doc["sentences"]:
        ev = Evidence(doc_id=doc_id, sentence=sentence, start=pos, end=pos + len(sentence))
        for rel, a, b, props in rels:
            src, tgt = ent(a, ev), ent(b, ev)
            sym = rel in onto.symmetric_types
            if sym and tgt < src:
                src, tgt = tgt, src
            fid = fact_id(rel, src, tgt, sym)
            if fid in facts:
                facts[fid].evidence.append(ev)
            else:
                facts[fid] = Fact(id=fid, type=rel, source_id=src, target_id=tgt, props=dict(props), evidence=[ev])
        pos += len(sentence)
    outcomes = []
    for sentence, actor, value, unit, qual, metric, year in doc["outcomes"]:
        ev = Evidence(doc_id=doc_id, sentence=sentence, start=pos, end=pos + len(sentence))
        aid = ent(actor, ev)
        outcomes.append(Outcome(id=outcome_id(aid, metric, value, unit, year), value=value, unit=unit, qualifier=qual,
                                metric=metric, year=year, actor_id=aid, evidence=[ev]))
        pos += len(sentence)
    return DocumentResult(doc_id=doc_id, source_key=path, path=path, title=doc["title"], date=doc["date"],
                          source=doc["source"], authors=["测试记者"], text_length=len(text),
                          entities=list(used.values()), facts=list(facts.values()), outcomes=outcomes)


def load_fixture(store: Any) -> dict[str, str]:
    """Write the two fixture documents; returns {key: entity id}."""
    onto = get_ontology()
    for i, doc in enumerate((DOC_A, DOC_B)):
        store.write_document(build_batch(_result(doc, f"fixtures/viz/doc{i}.txt"), onto))
    return {k: eid(k) for k in ENTITIES}


def load_hub(store: Any, n: int = 200, name: str = "枢纽市总工会") -> str:
    """One document: a union linked to `n` enterprises (RUNS a programme each tenth); returns the hub id."""
    onto = get_ontology()
    hub = Entity(id=entity_id("Union", name), label="Union", name=name, props={"region": "枢纽市"})
    entities, facts = [hub], []
    path = f"fixtures/viz/hub{n}.txt"
    doc_id = stable_hash("viz-hub", path, n)
    pos = 0
    for i in range(n):
        label = "Enterprise" if i % 10 else "Programme"
        other = Entity(id=entity_id(label, f"枢纽{i:03d}号{'企业' if i % 10 else '竞赛'}"), label=label,
                       name=f"枢纽{i:03d}号{'企业' if i % 10 else '竞赛'}", props={"kind": "competition"} if i % 10 == 0 else {})
        entities.append(other)
        rel = "RUNS" if i % 10 == 0 else "PARTNERS_WITH"
        sentence = f"{name}与{other.name}开展合作。"
        ev = Evidence(doc_id=doc_id, sentence=sentence, start=pos, end=pos + len(sentence))
        pos += len(sentence)
        src, tgt = hub.id, other.id
        sym = rel in onto.symmetric_types
        if sym and tgt < src:
            src, tgt = tgt, src
        facts.append(Fact(id=fact_id(rel, src, tgt, sym), type=rel, source_id=src, target_id=tgt, evidence=[ev]))
    result = DocumentResult(doc_id=doc_id, source_key=path, path=path, title=f"{name}合作单位名录", date="2024-01-01",
                            source="测试", authors=[], text_length=pos, entities=entities, facts=facts)
    store.write_document(build_batch(result, onto))
    return hub.id
