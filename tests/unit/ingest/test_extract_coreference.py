"""Coreference: 她/他, 该同志, 这位… become Person mentions of the person they refer to; pronouns
in quoted speech, plural and non-personal forms (他们/其他/他人) and ambiguous ones are left
alone; the resolver maps them to the antecedent's entity without making them aliases."""

from __future__ import annotations

from reformkg.graph.ontology import get_ontology
from reformkg.ingest.extract.coreference import Coreference
from reformkg.ingest.pipeline import Pipeline, default_components
from reformkg.ingest.resolve import resolve
from tests.unit.ingest._docs import make_doc
from tests.unit.ingest._pipe import extract

PROFILE = ("巧手绣出精品路\n——记嘉兴某纺织有限公司高级技师孙建平\n\n"
           "孙建平是嘉兴某纺织有限公司的一名挡车工。2019年，她荣获全国五一劳动奖章。\n\n"
           "她带领团队完成技术革新12项。这位老师傅还带出徒弟20多人。\n\n"
           "“他们都比我辛苦，她们也是。”孙建平说。")


def _pronouns(doc):
    return [m for m in doc.mentions if m.attrs.get("pronoun")]


def test_component_is_registered_between_awards_and_outcomes() -> None:
    names = [c.name for c in default_components()]
    assert names.index("awards") < names.index("coreference") < names.index("outcomes") < names.index("relations")
    c = Coreference()
    assert c.requires == ("mentions",) and c.assigns == ("mentions", "profile")


def test_profile_pronouns_resolve_to_the_profiled_person() -> None:
    doc = extract(PROFILE, upto="coreference")
    refs = _pronouns(doc)
    surfaces = [m.surface for m in refs]
    assert surfaces == ["她", "她", "这位老师傅"]          # not 他们/她们, not inside the quote
    for m in refs:
        assert m.label == "Person" and m.normalised == "孙建平"
        ante = doc.mentions[m.attrs["antecedent"]]
        assert ante.label == "Person" and ante.normalised == "孙建平" and not ante.attrs.get("pronoun")
        assert set(m.attrs) == {"pronoun", "antecedent"}     # nothing copied from the antecedent


def test_indices_of_positions_stay_valid_after_insertion() -> None:
    doc = extract("某市总工会主席郑海波到企业调研。他强调，要关心职工。", upto="coreference")
    p = next(m for m in doc.mentions if m.surface == "郑海波")
    assert doc.mentions[p.attrs["org"]].label == "Union"
    he = _pronouns(doc)
    assert [m.normalised for m in he] == ["郑海波"]


def test_awarded_through_a_pronoun_and_no_alias() -> None:
    res = Pipeline().run_text(PROFILE)
    persons = [e for e in res.entities if e.label == "Person"]
    assert [e.name for e in persons] == ["孙建平"]
    assert not {"她", "这位老师傅"} & set(persons[0].aliases)
    names = {e.id: e.name for e in res.entities}
    awarded = {(names[f.source_id], names[f.target_id]) for f in res.facts if f.type == "AWARDED"}
    assert ("孙建平", "全国五一劳动奖章") in awarded


def test_two_persons_before_it_in_the_sentence_leave_it_unresolved() -> None:
    doc = extract("会议由副市长吴立新主持，市总工会主席陈晓燕讲话。他强调，要抓落实。吴立新和陈晓燕都指出，他也同意。",
                  upto="coreference")
    assert [(m.surface, m.normalised) for m in _pronouns(doc)] == [("他", "陈晓燕")]


def test_plural_and_non_personal_forms_are_not_pronouns() -> None:
    doc = extract("钱国栋是一名焊工。他们班组很团结，其他人员和他人也来学习，他山之石可以攻玉。", upto="coreference")
    assert _pronouns(doc) == []


def test_direct_speech_is_skipped() -> None:
    doc = extract("钱国栋在车间工作。“他比我强，我要向他学习。”钱国栋说。", upto="coreference")
    assert _pronouns(doc) == []


def test_official_anaphor_and_previous_paragraph() -> None:
    doc = extract("表彰决定\n\n王立强同志是某机床厂工人。\n\n该同志先后完成技术攻关8项。", upto="coreference")
    assert [(m.surface, m.normalised) for m in _pronouns(doc)] == [("该同志", "王立强")]


def test_no_antecedent_far_back_outside_a_profile() -> None:
    text = "赵明远到会讲话。\n\n会议部署了工作。\n\n各单位作了交流。\n\n他表示，要抓好落实。"
    doc = make_doc(text, [("赵明远", "Person")])
    Coreference()(doc)
    assert _pronouns(doc) == []


def test_profile_skips_a_pronoun_after_another_person_in_its_sentence() -> None:
    text = "——记焊工孙建平\n\n孙建平是焊工。孙建平爱钻研。孙建平肯吃苦。\n\n在师傅李国华的指导下，她很快掌握了技术。她还获得了奖励。"
    doc = make_doc(text, [("孙建平", "Person", None, None, 0), ("孙建平", "Person", None, None, 1),
                          ("孙建平", "Person", None, None, 2), ("孙建平", "Person", None, None, 3),
                          ("李国华", "Person")])
    Coreference()(doc)
    got = [(m.span.start, m.normalised) for m in _pronouns(doc)]
    assert got == [(text.rindex("她"), "孙建平")]


def test_resolver_maps_a_pronoun_to_the_antecedent_entity() -> None:
    text = "李国华是一名电工。他荣获全国劳动模范。"
    doc = make_doc(text, [("李国华", "Person"), ("全国劳动模范", "Award")])
    Coreference()(doc)
    res = resolve(doc, get_ontology())
    persons = [e for e in res.entities if e.label == "Person"]
    assert len(persons) == 1 and persons[0].name == "李国华" and persons[0].aliases == []


def test_a_count_profile_does_not_reach_past_another_person() -> None:
    # no subtitle: 孙建平 is the most named person, but 周志刚 was named after him last
    text = "孙建平是焊工。孙建平爱钻研。孙建平肯吃苦。\n\n另讯，电工周志刚参加比赛。\n\n他获得了第一名。"
    doc = make_doc(text, [("孙建平", "Person", None, None, 0), ("孙建平", "Person", None, None, 1),
                          ("孙建平", "Person", None, None, 2), ("周志刚", "Person")])
    Coreference()(doc)
    assert _pronouns(doc) == []


def test_a_subtitled_profile_credits_subjectless_results_to_the_person() -> None:
    """In a profile (——记…NAME), results whose clause has no subject of its own are the
    profiled person's; a result with a written organisational subject keeps its subject."""
    from reformkg.ingest.jsonl import to_record
    from reformkg.ingest.pipeline import Pipeline

    text = ("巧手绣出新天地\n"
            "——记青州远航纺织有限公司首席技师林秀英\n"
            "走进青州远航纺织有限公司织造车间，林秀英正在调试设备。\n"
            "多年来，她潜心钻研工艺，工作室累计攻克技术难题26项，为企业创造经济效益800余万元。\n"
            "青州远航纺织有限公司今年培训职工1200人次。\n")
    rec = to_record(Pipeline().run_text(text, path="profile.txt"))
    by_value = {o["value"]: o["actor"] for o in rec["outcomes"]}
    assert by_value.get(26) == "林秀英"
    assert by_value.get(8000000) == "林秀英"
    assert by_value.get(1200) == "青州远航纺织有限公司"
