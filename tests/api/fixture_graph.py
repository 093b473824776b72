"""Our own small fictional graph for the API tests, as DocumentResults written through the real
writer (`build_batch` + `GraphStore.write_document`). Two documents with known dates so that
time filters, evidence, paths, collaborators and curation have known answers."""

from __future__ import annotations

from reformkg.graph.model import DocumentResult, Entity, Evidence, Fact, Outcome, entity_id, fact_id, outcome_id
from reformkg.graph.ontology import Ontology

DOC_A = "apitestdoc00000a"
DOC_B = "apitestdoc00000b"

# key → (label, name, aliases, props, extra labels)
ENTITIES = {
    "prov": ("Region", "江南省", ["江南"], {"level": "province", "adcode": "990000"}, []),
    "city": ("Region", "临川市", ["临川"], {"level": "city", "adcode": "990100"}, []),
    "dist": ("Region", "东湖区", [], {"level": "district", "adcode": "990102"}, []),
    "union": ("Union", "临川市总工会", ["市总工会"], {"region": "临川市"}, []),
    "agency": ("Agency", "临川市人社局", [], {"region": "临川市"}, []),
    "meeting": ("Agency", "临川市产改联席会议", [], {"region": "临川市"}, []),
    "ent": ("Enterprise", "东湖精密机械有限公司", ["东湖精机"], {"region": "东湖区"}, ["PilotUnit"]),
    "school": ("Institution", "临川技师学院", [], {"region": "临川市"}, []),
    "chair": ("Person", "赵志远", [], {"region": "临川市"}, []),
    "worker": ("Person", "钱小梅", [], {"region": "东湖区"}, []),
    "prog": ("Programme", "“金蓝领”技能提升行动", ["金蓝领"], {"kind": "training"}, []),
    "award": ("Award", "全国五一劳动奖章", [], {"level": "national"}, []),
    "dup": ("Enterprise", "东湖精密机械公司", [], {"region": "东湖区"}, []),
}

S1 = "临川市总工会与临川市人社局联合举办“金蓝领”技能提升行动。"
S2 = "东湖精密机械有限公司承办“金蓝领”技能提升行动，临川市总工会主席赵志远出席。"
S3 = "临川市总工会、临川市人社局均为临川市产改联席会议成员单位。"
S4 = "东湖精密机械有限公司与临川技师学院签订校企合作协议。"
S5 = "东湖精密机械有限公司职工钱小梅荣获全国五一劳动奖章。"
S6 = "“金蓝领”技能提升行动全年培训职工3000余人次。"
S7 = "东湖精密机械公司位于东湖区。"


def eid(key: str) -> str:
    label, name, *_ = ENTITIES[key]
    return entity_id(label, name)


def _entity(key: str, doc: str, sentence: str) -> Entity:
    label, name, aliases, props, extra = ENTITIES[key]
    start = max(sentence.find(name), 0)
    return Entity(id=eid(key), label=label, name=name, aliases=list(aliases), extra_labels=list(extra),
                  props=dict(props), mentions=1, evidence=[Evidence(doc, sentence, start, start + len(name))])


def _fact(rtype: str, a: str, b: str, doc: str, sentence: str, ontology: Ontology, **props: object) -> Fact:
    sym = rtype in ontology.symmetric_types
    s, t = eid(a), eid(b)
    if sym and t < s:
        s, t = t, s
    return Fact(id=fact_id(rtype, s, t, sym), type=rtype, source_id=s, target_id=t, props=dict(props),
                evidence=[Evidence(doc, sentence, 0, len(sentence))])


def outcome_of(doc: str) -> Outcome:
    return Outcome(id=outcome_id(eid("prog"), "培训职工", 3000.0, "人次", 2023), value=3000.0, unit="人次",
                   qualifier="余", metric="培训职工", year=2023, actor_id=eid("prog"),
                   evidence=[Evidence(doc, S6, 0, len(S6))])


def document_a(ontology: Ontology) -> DocumentResult:
    keys = ["prov", "city", "dist", "union", "agency", "meeting", "ent", "chair", "prog"]
    sent = {"prov": "江南省临川市东湖区", "city": "江南省临川市东湖区", "dist": "江南省临川市东湖区",
            "union": S1, "agency": S1, "meeting": S3, "ent": S2, "chair": S2, "prog": S1}
    facts = [
        _fact("PART_OF", "city", "prov", DOC_A, "江南省临川市", ontology),
        _fact("PART_OF", "dist", "city", DOC_A, "临川市东湖区", ontology),
        _fact("LOCATED_IN", "union", "city", DOC_A, S1, ontology),
        _fact("LOCATED_IN", "ent", "dist", DOC_A, S2, ontology),
        _fact("CO_SPONSORS", "union", "agency", DOC_A, S1, ontology, programme="“金蓝领”技能提升行动"),
        _fact("RUNS", "union", "prog", DOC_A, S1, ontology),
        _fact("RUNS", "agency", "prog", DOC_A, S1, ontology),
        _fact("SPONSORS", "ent", "prog", DOC_A, S2, ontology, role="承办"),
        _fact("HOLDS_POSITION", "chair", "union", DOC_A, S2, ontology, title="主席"),
        _fact("MEMBER_OF", "union", "meeting", DOC_A, S3, ontology),
        _fact("MEMBER_OF", "agency", "meeting", DOC_A, S3, ontology),
    ]
    return DocumentResult(doc_id=DOC_A, source_key="apitest/a.txt", path="apitest/a.txt", title="临川市产改工作综述",
                          date="2023-04-01", source="测试工人报", authors=["测试记者"], text_length=200,
                          entities=[_entity(k, DOC_A, sent[k]) for k in keys], facts=facts,
                          outcomes=[outcome_of(DOC_A)])


def document_b(ontology: Ontology) -> DocumentResult:
    keys = ["ent", "school", "worker", "award", "union", "prog", "dup", "dist"]
    sent = {"ent": S4, "school": S4, "worker": S5, "award": S5, "union": S1, "prog": S1, "dup": S7, "dist": S7}
    facts = [
        _fact("PARTNERS_WITH", "ent", "school", DOC_B, S4, ontology),
        _fact("AWARDED", "worker", "award", DOC_B, S5, ontology, year=2024),
        _fact("RUNS", "union", "prog", DOC_B, S1, ontology),
        _fact("LOCATED_IN", "dup", "dist", DOC_B, S7, ontology),
    ]
    return DocumentResult(doc_id=DOC_B, source_key="apitest/b.txt", path="apitest/b.txt", title="东湖区校企合作见闻",
                          date="2024-06-10", source="测试日报", authors=[], text_length=150,
                          entities=[_entity(k, DOC_B, sent[k]) for k in keys], facts=facts)


def load(store, ontology: Ontology) -> None:
    from reformkg.graph.writer import build_batch

    for doc in (document_a(ontology), document_b(ontology)):
        store.write_document(build_batch(doc, ontology))
