"""Resolution: canonical names and aliases, short forms, identity keys, facts checked against the
ontology, LOCATED_IN/PART_OF, PilotUnit, evidence offsets, curation."""

from __future__ import annotations

from reformkg.graph.model import DocumentResult
from reformkg.graph.ontology import get_ontology
from reformkg.ingest.document import RelationCandidate
from reformkg.ingest.resolve import IMPLICIT, resolve
from tests.unit.ingest._pipe import extract


def _resolve(text: str, **kw) -> DocumentResult:
    doc = extract(text)
    return resolve(doc, get_ontology(), **kw)


def _by_name(res: DocumentResult) -> dict:
    return {e.name: e for e in res.entities}


def test_canonical_is_fullest_and_aliases_are_surfaces() -> None:
    res = _resolve("浙江省推进改革。省总工会牵头。浙江省总工会还开展了培训。")
    e = _by_name(res)["浙江省总工会"]
    assert e.label == "Union" and "省总工会" in e.aliases


def test_region_identity_by_adcode_and_props() -> None:
    res = _resolve("湖州市长兴县组织培训。长兴县的企业也参加。")
    e = _by_name(res)["长兴县"]            # the gazetteer's name; the prefixed form is an alias
    assert e.props["adcode"] == "330522" and e.props["level"] == "county"
    assert "湖州市长兴县" in e.aliases


def test_located_in_and_part_of_with_implicit_parent() -> None:
    res = _resolve("余杭区总工会举办活动。")
    ents = {e.id: e for e in res.entities}
    facts = {(f.type, ents[f.source_id].name, ents[f.target_id].name) for f in res.facts}
    assert ("LOCATED_IN", "余杭区总工会", "余杭区") in facts
    parent = [e for e in res.entities if e.name == "余杭区"][0]
    assert parent.props.get(IMPLICIT)          # named only inside the union's name


def test_part_of_from_gazetteer() -> None:
    res = _resolve("江山市的企业参加了比赛。")
    ents = {e.id: e for e in res.entities}
    part = [(ents[f.source_id].name, ents[f.target_id].name) for f in res.facts if f.type == "PART_OF"]
    assert ("江山市", "衢州市") in part


def test_enterprise_short_form_after_full_form() -> None:
    res = _resolve("远航发电在全省率先推行师带徒。今年，远电公司又开设了夜校。")
    names = {e.name: e for e in res.entities if e.label == "Enterprise"}
    assert len(names) == 1 and "远电公司" in next(iter(names.values())).aliases


def test_relation_candidates_pruned_and_symmetric_order() -> None:
    doc = extract("宁波市总工会与宁波大学合作。张伟说。")
    union = [m for m in doc.mentions if m.label == "Union"][0]
    uni = [m for m in doc.mentions if m.label == "Institution"][0]
    person = [m for m in doc.mentions if m.label == "Person"][0]
    doc.relations = [RelationCandidate("PARTNERS_WITH", uni, union), RelationCandidate("PARTNERS_WITH", union, uni),
                     RelationCandidate("ISSUED", person, union)]
    res = resolve(doc, get_ontology())
    pw = [f for f in res.facts if f.type == "PARTNERS_WITH"]
    assert len(pw) == 1 and pw[0].source_id < pw[0].target_id
    assert res.pruned == {"ISSUED": 1}


def test_pilot_unit_and_evidence_offsets() -> None:
    text = "\n\n  杭州市总工会被确定为试点单位。"
    doc = extract(text)
    union = [m for m in doc.mentions if m.label == "Union"][0]
    union.attrs["pilot"] = True
    res = resolve(doc, get_ontology())
    e = [x for x in res.entities if x.label == "Union"][0]
    assert "PilotUnit" in e.extra_labels
    ev = e.evidence[0]
    assert doc.source_text[ev.start:ev.end] == "杭州市总工会"


def test_identity_lookup_reuses_compatible_nodes_and_keeps_others_apart() -> None:
    class Lookup:
        def __init__(self, region: str):
            self.region = region

        def candidates(self, label: str, name: str) -> list[dict]:
            return [{"id": "per_existing", "name": name, "aliases": [], "region": self.region, "positions": []}]

    text = "台州市委书记李志强说，要抓落实。"
    same = _resolve(text, identity=Lookup("台州市"))
    other = _resolve(text, identity=Lookup("遵义市"))
    alone = _resolve(text)
    pid = {r: [e.id for e in x.entities if e.label == "Person"][0] for r, x in
           (("same", same), ("other", other), ("alone", alone))}
    assert pid["same"] == "per_existing"
    assert pid["other"] not in ("per_existing", pid["alone"])


def test_curation_is_applied_last() -> None:
    class Curate:
        def apply(self, result: DocumentResult) -> DocumentResult:
            result.entities = [e for e in result.entities if e.label != "Person"]
            return result

    res = _resolve("台州市委书记李志强说，要抓落实。", curation=Curate())
    assert not any(e.label == "Person" for e in res.entities)


def test_abbreviation_merge_but_not_parent_and_child_bodies() -> None:
    res = _resolve("无锡市总工会和无锡市梁溪区总工会召开会议。会上，梁溪区总工会发言。")
    unions = {e.name: e for e in res.entities if e.label == "Union"}
    assert set(unions) == {"无锡市总工会", "无锡市梁溪区总工会"}
    assert "梁溪区总工会" in unions["无锡市梁溪区总工会"].aliases
    res = _resolve("南通市有南通智能制造研究院。智能研究院今年培训1000人。")
    inst = [e for e in res.entities if e.label == "Institution"]
    assert len(inst) == 1 and "智能研究院" in inst[0].aliases


def test_one_meeting_written_long_and_short_is_one_programme() -> None:
    res = _resolve("省总工会在苏州召开女职工特殊权益专项协商工作座谈会。女职工权益专项协商工作座谈会上，代表们发言。")
    ms = [e for e in res.entities if e.label == "Programme" and e.name.endswith("座谈会")]
    assert len(ms) == 1 and "女职工权益专项协商工作座谈会" in ms[0].aliases


def test_derived_region_mentions_are_implicit() -> None:
    from reformkg.ingest.document import Mention, Span

    doc = extract("苏州市吴江区总工会开展培训。")
    sp = Span(0, 3, "Region", 0, "test", {})
    doc.mentions.append(Mention(sp, "Region", "苏州市", "吴江区", {"derived_from": "苏州市吴江区总工会", "place": -1}))
    res = resolve(doc, get_ontology())
    e = next(e for e in res.entities if e.label == "Region" and e.name == "吴江区")
    assert e.props.get(IMPLICIT)


def test_names_keep_the_source_comma() -> None:
    res = _resolve("举办“春风送岗位,就业暖人心”专场招聘会。")
    names = {e.name for e in res.entities if e.label == "Programme"}
    assert "“春风送岗位,就业暖人心”专场招聘会" in names


def test_county_bodies_take_the_region_chain_the_document_writes() -> None:
    res = _resolve("佛山市顺德区推进产改。顺德区委常委、组织部部长黄俊表示，要持续推进。")
    names = {e.name for e in res.entities if e.label == "Agency"}
    assert "佛山市顺德区委组织部" in names and "顺德区委组织部" not in names
    res = _resolve("顺德区推进产改。顺德区委常委、组织部部长黄俊表示，要持续推进。")
    assert "顺德区委组织部" in {e.name for e in res.entities if e.label == "Agency"}


def test_a_long_committee_name_with_a_verb_and_its_short_tail_are_one_body() -> None:
    res = _resolve("浙江省家政行业协调劳动关系三方委员会在杭州揭牌。三方委员会成员由省人社厅负责人担任。"
                   "此前，浙江省劳动关系三方委员会出台了意见。")
    by = _by_name(res)
    full = by["浙江省家政行业协调劳动关系三方委员会"]
    assert "三方委员会" in full.aliases
    assert "浙江省劳动关系三方委员会" in by          # a more general committee stays apart


def test_relation_evidence_stays_in_the_sentence_it_was_read_from() -> None:
    """A relation whose actor comes from the headline (subject-less body sentence) carries the
    body sentence as evidence, with offsets inside that sentence, not a span from the title."""
    from reformkg.ingest.pipeline import Pipeline

    text = ("台州市总工会推进产业工人队伍建设改革\n"
            "本报讯 今年以来，台州市总工会多措并举推进改革。\n"
            "同时，持续开展“技能强企”培训工程，培训职工3000余人次。\n")
    res = Pipeline().run_text(text, path="t.txt")
    facts = [f for f in res.facts if f.type in ("RUNS", "SPONSORS") and f.evidence]
    assert facts
    for f in facts:
        for ev in f.evidence:
            assert text[ev.start:ev.end] in ev.sentence
            assert "\n" not in text[ev.start:ev.end]


def test_district_written_with_its_city_is_named_that_way_and_bare_ones_stay_bare() -> None:
    res = _resolve("台州市椒江区总工会召开会议。椒江区今年培训职工3000人。泗阳县和海曙区也派人参加。")
    regions = {e.name: e for e in res.entities if e.label == "Region"}
    assert "台州市椒江区" in regions and "椒江区" in regions["台州市椒江区"].aliases
    assert "泗阳县" in regions  # a county keeps its bare official name


def _facts(res: DocumentResult) -> set[tuple[str, str, str]]:
    ents = {e.id: e for e in res.entities}
    return {(f.type, ents[f.source_id].name, ents[f.target_id].name) for f in res.facts}


def test_bodies_named_after_a_zone_stand_in_it_and_the_full_zone_name_is_canonical() -> None:
    res = _resolve("佛山南海高新技术产业开发区总工会召开会议。南海高新区党工委、管委会高度重视，"
                   "南海高新区经济发展局、科技局作为成员单位参与。")
    zone = _by_name(res)["佛山南海高新技术产业开发区"]
    assert zone.label == "Region" and zone.props.get("level") == "zone" and "南海高新区" in zone.aliases
    facts = _facts(res)
    for body in ("佛山南海高新技术产业开发区总工会", "南海高新区党工委", "南海高新区管委会", "南海高新区经济发展局",
                 "南海高新区科技局"):
        assert ("LOCATED_IN", body, "佛山南海高新技术产业开发区") in facts, body


def test_park_anaphor_names_the_one_zone_of_the_document() -> None:
    res = _resolve("合肥高新区推进产改。园区党工委、管委会多次研究部署。")
    names = _by_name(res)
    assert names["合肥高新区党工委"].label == "Agency" and "园区党工委" in names["合肥高新区党工委"].aliases
    assert ("LOCATED_IN", "合肥高新区管委会", "合肥高新区") in _facts(res)


def test_park_anaphor_without_a_zone_or_with_two_zones_gives_nothing() -> None:
    assert not any("党工委" in e.name for e in _resolve("园区党工委多次研究部署。").entities)
    res = _resolve("合肥高新区和芜湖经开区推进产改。园区党工委多次研究部署。")
    assert not any(e.name.endswith("党工委") and e.name != "园区党工委" for e in res.entities)


def test_abbreviated_departments_are_located_in_their_region() -> None:
    res = _resolve("衢州市推进技能提升。市财政、市人社联合印发通知。")
    facts = _facts(res)
    assert ("LOCATED_IN", "衢州市财政局", "衢州市") in facts
    assert ("LOCATED_IN", "衢州市人社局", "衢州市") in facts


def test_park_union_and_a_department_after_a_joint_verb_belong_to_the_zone() -> None:
    res = _resolve("襄阳高新区总工会推进产改。园区总工会联合经济发展局开展培训。")
    names = _by_name(res)
    assert "园区总工会" in names["襄阳高新区总工会"].aliases
    assert ("LOCATED_IN", "襄阳高新区经济发展局", "襄阳高新区") in _facts(res)


def _located(res: DocumentResult) -> set[tuple[str, str]]:
    ents = {e.id: e for e in res.entities}
    return {(ents[f.source_id].name, ents[f.target_id].name) for f in res.facts if f.type == "LOCATED_IN"}


def test_body_of_an_unmentioned_county_stands_in_the_mentioned_city_above_it() -> None:
    res = _resolve("湖州市召开全市职工技能大赛推进会。长兴县总工会、安吉县人社局作交流发言。")
    located = _located(res)
    assert ("长兴县总工会", "湖州市") in located and ("安吉县人社局", "湖州市") in located


def test_body_of_a_mentioned_county_stays_in_the_county_only() -> None:
    res = _resolve("湖州市召开推进会。长兴县组织培训，长兴县总工会作交流发言。")
    located = _located(res)
    assert ("长兴县总工会", "长兴县") in located and ("长兴县总工会", "湖州市") not in located


def test_no_region_above_when_the_city_is_only_written_in_names() -> None:
    res = _resolve("湖州市总工会召开推进会。长兴县总工会作交流发言。")
    assert ("长兴县总工会", "湖州市") not in _located(res)


def test_body_of_an_unmentioned_city_is_not_placed_in_the_province() -> None:
    res = _resolve("浙江省召开推进会。湖州市总工会作交流发言。")
    assert ("湖州市总工会", "浙江省") not in _located(res)


def test_names_written_in_traditional_script_keep_the_form_as_read() -> None:
    res = _resolve("廣州市總工會黨組書記陳建華與華南理工大學副校長李明出席簽約儀式。")
    names = _by_name(res)
    assert "廣州市總工會" in names["广州市总工会"].aliases
    assert "陳建華" in names["陈建华"].aliases
    assert names["李明"].aliases == []          # the same in both scripts: no alias


def test_names_with_pinyin_glosses_keep_the_damaged_and_the_repaired_form() -> None:
    res = _resolve("某市總工會召開產業(yè)工人隊伍建設改革聯席會議。")
    aliases = [a for e in res.entities for a in e.aliases]
    assert "產業(yè)工人隊伍建設改革聯席會議" in aliases and "產業工人隊伍建設改革聯席會議" in aliases


def test_a_headline_meeting_written_with_chan_gai_is_the_meeting_the_lead_names_in_full() -> None:
    res = _resolve("全区产改工作推进会召开\n\n4月10日，南宁市青秀区召开产业工人队伍建设改革工作推进会。")
    meetings = [e for e in res.entities if e.label == "Programme" and e.name.endswith("推进会")]
    assert len(meetings) == 1 and meetings[0].name == "南宁市青秀区产业工人队伍建设改革工作推进会"
