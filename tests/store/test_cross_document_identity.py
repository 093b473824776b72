"""Cross-document identity through a real store: the same person, union or enterprise read in
two documents is one node; a namesake in an incompatible place stays a node of its own."""

from __future__ import annotations

from reformkg.graph.writer import build_batch
from reformkg.ingest.pipeline import Pipeline

DOC_A = (
    "台州市总工会召开产改推进会\n"
    "本报讯 日前，台州市总工会召开全市产业工人队伍建设改革推进会。"
    "台州市总工会党组书记、副主席李志强出席会议并讲话。"
    "台州华宇机械有限公司作为试点企业作交流发言。\n"
)
DOC_B = (
    "台州市总工会开展技能竞赛\n"
    "本报讯 近日，台州市总工会举办“匠心杯”职业技能竞赛。"
    "台州市总工会党组书记、副主席李志强为获奖选手颁奖。"
    "台州华宇机械有限公司承办了本次竞赛。\n"
)
DOC_C = (
    "遵义市汇川区推进产改\n"
    "本报讯 日前，遵义市汇川区总工会召开产改工作会议。"
    "遵义市汇川区总工会主席李志强出席会议并讲话。\n"
)


def _ingest(store, ontology, pipe: Pipeline, text: str, path: str) -> None:
    store.write_document(build_batch(pipe.run_text(text, path=path), ontology))


def _ids(store, label: str, name: str) -> list[str]:
    rows = store.read(f"MATCH (n:{label}) WHERE n.name = $name RETURN n.id ORDER BY n.id", {"name": name}).rows
    return [r[0] for r in rows]


def test_same_actors_in_two_documents_are_one_node_and_namesakes_stay_apart(store, ontology):
    pipe = Pipeline(ontology=ontology, identity=store)
    _ingest(store, ontology, pipe, DOC_A, "/docs/a.txt")
    _ingest(store, ontology, pipe, DOC_B, "/docs/b.txt")

    persons = _ids(store, "Person", "李志强")
    assert len(persons) == 1
    unions = _ids(store, "Union", "台州市总工会")
    assert len(unions) == 1
    # the person is tied to the union once, with evidence from both documents
    rows = store.read(
        "MATCH (p:Person {id: $p})-[h:HOLDS_POSITION]->(u:Union {id: $u}) RETURN h.ev_doc",
        {"p": persons[0], "u": unions[0]},
    ).rows
    assert len(rows) == 1 and len(set(rows[0][0])) == 2
    mentioned = store.read(
        "MATCH (p:Person {id: $p})-[:MENTIONED_IN]->(d:Document) RETURN count(d)", {"p": persons[0]}
    ).rows
    assert mentioned[0][0] == 2

    # a namesake in another province, holding a post in another body, is someone else
    _ingest(store, ontology, pipe, DOC_C, "/docs/c.txt")
    assert len(_ids(store, "Person", "李志强")) == 2
