"""The relations component: one rule class per test, on composed sentences with hand-placed
mentions (the entity components are tested on their own)."""

from __future__ import annotations

from reformkg.graph.ontology import get_ontology
from reformkg.ingest.extract.context import DocContext
from reformkg.ingest.extract.relations import RelationsComponent, extract_relations
from reformkg.ingest.extract.relations.builder import Builder, rule_part
from tests.unit.ingest._docs import find, make_doc


def rels(doc, rtype=None):
    return [(r.type, r.head.normalised, r.tail.normalised, r.props)
            for r in extract_relations(doc) if rtype is None or r.type == rtype]


def pairs(doc, rtype):
    return sorted((h, t) for _, h, t, _ in rels(doc, rtype))


def test_component_contract_and_endpoint_rules():
    c = RelationsComponent()
    assert (c.name, c.requires, c.assigns) == ("relations", ("mentions",), ("relations",))
    doc = make_doc("泰兴市总工会深入实施“技能强企”工程。",
                   [("泰兴市总工会", "Union"), ("“技能强企”工程", "Programme")])
    c(doc)
    onto = get_ontology()
    assert doc.relations and all(onto.allows(r.type, r.head.label, r.tail.label) for r in doc.relations)
    assert all(r.trigger is not None for r in doc.relations)


def test_a_fact_names_the_rule_that_produced_it_not_a_helper_of_that_rule():
    doc = make_doc("泰兴市总工会深入实施“技能强企”工程。", [("泰兴市总工会", "Union"), ("“技能强企”工程", "Programme")])
    union, prog = doc.mentions
    b = Builder(doc, DocContext.build(doc))

    @rule_part
    def one_shape() -> None:
        b.add("RUNS", union, prog, None)

    def some_rule() -> None:
        one_shape()

    some_rule()
    assert [r.producer for r in b.out] == ["rule:some_rule"]
    # the rules' own helpers: facts are credited to the rule (awarded, runs)
    assert [(r.type, r.producer) for r in extract_relations(doc)] == [("RUNS", "rule:runs")]
    doc = make_doc("甲市钢铁有限公司特级技师王大力带领团队攻关。",
                   [("甲市钢铁有限公司", "Enterprise"), ("特级技师", "Award"), ("王大力", "Person")])
    assert {r.producer for r in extract_relations(doc) if r.type == "AWARDED"} == {"rule:awarded"}


# ---- HOLDS_POSITION ------------------------------------------------------------------------

def test_holds_position_from_person_title_attrs_one_per_body():
    text = "昆山市委常委、组织部部长李明表示，要抓好落实。"
    doc = make_doc(text, [("昆山市委", "Agency"), ("组织部", "Agency", "昆山市委组织部"), ("李明", "Person")])
    person = find(doc, "李明")
    person.attrs["org_mentions"] = [(find(doc, "昆山市委"), "常委"), (find(doc, "组织部"), "部长")]
    got = rels(doc, "HOLDS_POSITION")
    assert sorted((t, p["title"]) for _, h, t, p in got) == [("昆山市委", "常委"), ("昆山市委组织部", "部长")]


def test_holds_position_from_indices():
    doc = make_doc("盐城市总工会党组书记、副主席王强说。", [("盐城市总工会", "Union"), ("王强", "Person")])
    idx = doc.mentions.index(find(doc, "盐城市总工会"))
    find(doc, "王强").attrs.update({"positions": [(idx, "党组书记、副主席")], "org": idx})
    assert rels(doc, "HOLDS_POSITION") == [("HOLDS_POSITION", "王强", "盐城市总工会", {"title": "党组书记、副主席"})]


def test_holds_position_without_attrs_reads_the_title_string():
    doc = make_doc("南通大学副校长陈刚介绍。", [("南通大学", "Institution"), ("陈刚", "Person")])
    assert rels(doc, "HOLDS_POSITION") == [("HOLDS_POSITION", "陈刚", "南通大学", {"title": "副校长"})]


def test_no_position_when_the_gap_is_not_a_title():
    doc = make_doc("南通大学深入学习贯彻陈刚的讲话。", [("南通大学", "Institution"), ("陈刚", "Person")])
    assert rels(doc, "HOLDS_POSITION") == []


def test_sub_unit_title_is_held_in_the_parent_body():
    text = "无锡市总工会女工委主任赵丽认为。"
    doc = make_doc(text, [("无锡市总工会", "Union"), ("女工委", "Union", "无锡市总工会女职工委员会"), ("赵丽", "Person")])
    find(doc, "赵丽").attrs["org_mentions"] = [(find(doc, "女工委"), "主任")]
    assert rels(doc, "HOLDS_POSITION") == [("HOLDS_POSITION", "赵丽", "无锡市总工会", {"title": "女工委主任"})]


def test_title_naming_the_company_by_deixis():
    text = "承办比赛的华润电力有限公司重视培训，公司党委书记孙伟说。"
    doc = make_doc(text, [("华润电力有限公司", "Enterprise"), ("孙伟", "Person", None, {"title": "公司党委书记"})])
    assert pairs(doc, "HOLDS_POSITION") == [("孙伟", "华润电力有限公司")]


def test_party_centre_core_phrase():
    doc = make_doc("以习近平同志为核心的党中央高度重视。",
                   [("习近平", "Person"), ("党中央", "Agency", "中共中央")])
    assert rels(doc, "HOLDS_POSITION") == [("HOLDS_POSITION", "习近平", "中共中央", {"title": "总书记"})]


# ---- AWARDED -------------------------------------------------------------------------------

def test_awarded_after_verb():
    doc = make_doc("今年，刘洋荣获全国五一劳动奖章。",
                   [("刘洋", "Person"), ("全国五一劳动奖章", "Award", None, {"level": "national"})])
    assert rels(doc, "AWARDED") == [("AWARDED", "刘洋", "全国五一劳动奖章", {"level": "national"})]


def test_award_title_before_the_name():
    doc = make_doc("会上，全国劳动模范、钳工周平作了发言。", [("全国劳动模范", "Award"), ("周平", "Person")])
    assert pairs(doc, "AWARDED") == [("周平", "全国劳动模范")]


def test_named_person_among_counted_award_holders():
    doc = make_doc("为吴军等12名劳模建立创新工作室。", [("吴军", "Person"), ("劳模", "Award", "劳动模范")])
    assert pairs(doc, "AWARDED") == [("吴军", "劳动模范")]


def test_unnamed_recipients_and_givers_are_not_awarded():
    text = "该厂有3名员工获得江苏工匠称号，由市总工会授予市五一劳动奖章。"
    doc = make_doc(text, [("江苏工匠", "Award"), ("市总工会", "Union"), ("市五一劳动奖章", "Award")])
    assert rels(doc, "AWARDED") == []


# ---- PILOTS --------------------------------------------------------------------------------

def test_pilot_unit_of_the_reform_with_level():
    text = "常熟开关厂作为全省产业工人队伍建设改革试点单位，推进技能提升。"
    doc = make_doc(text, [("常熟开关厂", "Enterprise"), ("产业工人队伍建设改革", "Programme")])
    got = rels(doc, "PILOTS")
    assert got == [("PILOTS", "常熟开关厂", "产业工人队伍建设改革", {"level": "provincial"})]
    assert find(doc, "常熟开关厂").attrs.get("pilot") is True


def test_pilot_subject_in_the_next_clause_and_default_programme():
    text = "据介绍，作为全市试点企业，集团建立了首席技师制度。"
    doc = make_doc("南钢集团承办比赛。" + text, [("南钢集团", "Enterprise")])
    got = rels(doc, "PILOTS")
    assert [(h, t) for _, h, t, _ in got] == [("南钢集团", "产业工人队伍建设改革")]
    # no reform mention in the text: a derived Programme mention was added for the resolver
    assert any(m.label == "Programme" and m.attrs.get("derived") for m in doc.mentions)


def test_in_pilot_and_named_programme_pilot():
    text = "海门区在产改试点中创新方法。无锡市落实“技能等级认定”制度试点。"
    doc = make_doc(text, [("海门区", "Region"), ("产改", "Programme", "产业工人队伍建设改革", {"reform": True}),
                          ("无锡市", "Region"), ("“技能等级认定”制度", "Programme")])
    assert pairs(doc, "PILOTS") == sorted([("海门区", "产业工人队伍建设改革"), ("无锡市", "“技能等级认定”制度")])
    assert ("RUNS", "无锡市", "“技能等级认定”制度") not in [r[:3] for r in rels(doc)]


# ---- RUNS ----------------------------------------------------------------------------------

def test_runs_with_verbs_and_frames():
    text = ("邳州市深入实施“技能邳州”行动，以“劳动者港湾”建设为载体，创新开展“工匠进校园”活动。"
            "同时，打造“邳工惠”的服务品牌。")
    doc = make_doc(text, [("邳州市", "Region"), ("“技能邳州”行动", "Programme"), ("“劳动者港湾”", "Programme"),
                          ("“工匠进校园”活动", "Programme"), ("“邳工惠”", "Programme")])
    assert pairs(doc, "RUNS") == sorted([("邳州市", "“劳动者港湾”"), ("邳州市", "“工匠进校园”活动"),
                                         ("邳州市", "“技能邳州”行动")])  # not “邳工惠”: it modifies 服务品牌


def test_reform_needs_an_actor_named_in_the_clause():
    text = "淮阴区大力推进产改。会议认为，要进一步推进产改。该区将产改纳入考核。"
    doc = make_doc(text, [("淮阴区", "Region"),
                          ("产改", "Programme", "产业工人队伍建设改革", {"reform": True}),
                          ("产改", "Programme", "产业工人队伍建设改革", {"reform": True}, 1),
                          ("该区", "Region", "淮阴区"),
                          ("产改", "Programme", "产业工人队伍建设改革", {"reform": True}, 2)])
    got = extract_relations(doc)
    runs = [(r.head.surface, r.tail.span.start) for r in got if r.type == "RUNS"]
    starts = [m.span.start for m in doc.mentions if m.surface == "产改"]
    assert ("淮阴区", starts[0]) in runs and all(s != starts[1] for _, s in runs)
    assert len(runs) == 1  # 该区 → 淮阴区 again: one RUNS 淮阴区 → 产改 after deduplication


def test_runs_credited_to_the_section_actor():
    text = "苏钢集团：技能强企\n\n近年来，依托“首席技师工作室”培养骨干。"
    doc = make_doc(text, [("苏钢集团", "Enterprise"), ("“首席技师工作室”", "Programme")])
    assert pairs(doc, "RUNS") == [("苏钢集团", "“首席技师工作室”")]


def test_persons_never_run_programmes():
    doc = make_doc("张华开展“师带徒”活动。", [("张华", "Person"), ("“师带徒”活动", "Programme")])
    assert rels(doc, "RUNS") == []


# ---- SPONSORS / CO_SPONSORS ----------------------------------------------------------------

def test_sponsors_by_relative_clause_and_undertaker():
    text = ("日前，由扬州市总工会、扬州市人社局主办的2023年扬州市焊工技能大赛在扬子江公司举行。"
            "承办该赛事的扬子江公司历来重视技能。")
    doc = make_doc(text, [("扬州市总工会", "Union"), ("扬州市人社局", "Agency"),
                          ("2023年扬州市焊工技能大赛", "Programme"), ("扬子江公司", "Enterprise"),
                          ("扬子江公司", "Enterprise", None, None, 1)])
    sp = sorted((h, p["role"]) for _, h, t, p in rels(doc, "SPONSORS"))
    assert sp == sorted([("扬子江公司", "承办"), ("扬州市人社局", "主办"), ("扬州市总工会", "主办")])
    assert len(rels(doc, "CO_SPONSORS")) == 3


def test_joint_organisers():
    text = "省机冶工会与省焊接协会联合开展了“焊工职业发展”调研。"
    doc = make_doc(text, [("省机冶工会", "Union"), ("省焊接协会", "Institution"), ("“焊工职业发展”调研", "Programme")])
    assert sorted((h, p["role"]) for _, h, t, p in rels(doc, "SPONSORS")) == sorted(
        [("省机冶工会", "联合开展"), ("省焊接协会", "联合开展")])
    assert len(rels(doc, "CO_SPONSORS")) == 1
    assert rels(doc, "PARTNERS_WITH") == []


def test_convening_an_event():
    doc = make_doc("市总工会在东台召开职工服务工作座谈会。",
                   [("市总工会", "Union"), ("东台", "Region"), ("职工服务工作座谈会", "Programme")])
    assert [(h, p["role"]) for _, h, t, p in rels(doc, "SPONSORS")] == [("市总工会", "召开")]


# ---- PARTNERS_WITH / MEMBER_OF / ISSUED ----------------------------------------------------

def test_partners():
    text = "江苏理工学院与市重点企业恒立液压签署校企合作协议。公司还和常州大学共建实训基地。"
    doc = make_doc(text, [("江苏理工学院", "Institution"), ("恒立液压", "Enterprise"), ("常州大学", "Institution")])
    got = pairs(doc, "PARTNERS_WITH")
    assert ("江苏理工学院", "恒立液压") in got
    assert all("常州大学" not in p for p in got)  # 和 only joins two written names


def test_members_of_a_joint_meeting():
    text = "苏州市健全产改联席会议制度，确定市委组织部、市人社局、市总工会等8家单位为联席会议成员单位。"
    doc = make_doc(text, [("苏州市", "Region"), ("产改联席会议", "Agency", "苏州市产改联席会议"),
                          ("市委组织部", "Agency", "苏州市委组织部"), ("市人社局", "Agency", "苏州市人社局"),
                          ("市总工会", "Union", "苏州市总工会")])
    assert pairs(doc, "MEMBER_OF") == sorted([("苏州市人社局", "苏州市产改联席会议"), ("苏州市委组织部", "苏州市产改联席会议"),
                                              ("苏州市总工会", "苏州市产改联席会议")])


def test_issued_policy_by_coordinated_issuers():
    text = "省委办公厅、省政府办公厅近日印发《关于加强技能人才培养的实施意见》。"
    doc = make_doc(text, [("省委办公厅", "Agency"), ("省政府办公厅", "Agency"),
                          ("《关于加强技能人才培养的实施意见》", "Programme", None, {"kind": "policy"})])
    assert pairs(doc, "ISSUED") == sorted([("省委办公厅", "《关于加强技能人才培养的实施意见》"),
                                           ("省政府办公厅", "《关于加强技能人才培养的实施意见》")])
    assert rels(doc, "RUNS") == []


def test_lead_organiser_joined_by_an_ally():
    text = "今年以来，绍兴市总工会深入调研，联合市人社局开展“越匠”培育工程，成效明显。"
    doc = make_doc(text, [("绍兴市总工会", "Union"), ("市人社局", "Agency", "绍兴市人社局"),
                          ("“越匠”培育工程", "Programme")])
    assert pairs(doc, "SPONSORS") == sorted([("绍兴市总工会", "“越匠”培育工程"), ("绍兴市人社局", "“越匠”培育工程")])
    assert pairs(doc, "CO_SPONSORS") == [("绍兴市总工会", "绍兴市人社局")]
    assert rels(doc, "RUNS") == []


def test_issued_with_allies():
    text = "湖州市总工会会同市人社局、市财政局出台《湖州市职工技能补贴管理办法》。"
    doc = make_doc(text, [("湖州市总工会", "Union"), ("市人社局", "Agency", "湖州市人社局"),
                          ("市财政局", "Agency", "湖州市财政局"),
                          ("《湖州市职工技能补贴管理办法》", "Programme", None, {"kind": "policy"})])
    assert [h for h, _ in pairs(doc, "ISSUED")] == sorted(["湖州市总工会", "湖州市人社局", "湖州市财政局"])


def test_award_of_a_work_goes_to_its_maker():
    text = "华能电厂：创新驱动\n\n近两年，“一种输煤皮带保护装置”获得省职工优秀发明专利奖。"
    doc = make_doc(text, [("华能电厂", "Enterprise"), ("省职工优秀发明专利奖", "Award")])
    assert pairs(doc, "AWARDED") == [("华能电厂", "省职工优秀发明专利奖")]


def test_award_holders_counted_are_not_recipients():
    text = "华能电厂：创新驱动\n\n通过比赛，先后产生12名市级“五一劳动奖章”获得者、30名市级“技术能手”。"
    doc = make_doc(text, [("华能电厂", "Enterprise"), ("“五一劳动奖章”", "Award"), ("“技术能手”", "Award")])
    assert rels(doc, "AWARDED") == []


def test_relative_clause_with_an_unnamed_agent():
    text = "盐城市大力推动安全生产。\n\n职工积极参加工会系统组织的“安康杯”竞赛。"
    doc = make_doc(text, [("盐城市", "Region"), ("“安康杯”竞赛", "Programme")])
    assert rels(doc, "RUNS") == []
    doc = make_doc("盐城市总工会组织的“安康杯”竞赛成效明显。", [("盐城市总工会", "Union"), ("“安康杯”竞赛", "Programme")])
    assert pairs(doc, "RUNS") == [("盐城市总工会", "“安康杯”竞赛")]


def test_reform_run_through_its_plans_and_offices():
    text = "南通在全省率先出台“市级产改方案”。如东县产改办会同有关部门召开专题会。"
    doc = make_doc(text, [("南通", "Region", "南通市"), ("“市级产改方案”", "Programme", None, {"kind": "plan"}),
                          ("如东县产改办", "Agency")])
    got = pairs(doc, "RUNS")
    assert ("南通市", "产业工人队伍建设改革") in got and ("如东县产改办", "产业工人队伍建设改革") in got
    assert pairs(doc, "ISSUED") == [("南通市", "“市级产改方案”")]


def test_named_recipient_among_many():
    text = "会上，钳工孙强等100名职工被授予“烟台市劳动模范”称号。"
    doc = make_doc(text, [("孙强", "Person"), ("烟台市劳动模范", "Award")])
    assert pairs(doc, "AWARDED") == [("孙强", "烟台市劳动模范")]


def test_pilots_chosen_by_a_body():
    text = "市产改办确定徐工集团、徐州工程学院等6家单位为全市产改试点单位。"
    doc = make_doc(text, [("市产改办", "Agency"), ("徐工集团", "Enterprise"), ("徐州工程学院", "Institution"),
                          ("产改", "Programme", "产业工人队伍建设改革", {"reform": True}, 1)])
    got = rels(doc, "PILOTS")
    assert sorted(h for _, h, _, _ in got) == ["徐州工程学院", "徐工集团"]
    assert all(p.get("level") == "municipal" for _, _, _, p in got)


def test_granting_names_the_recipient_after_the_verb():
    text = "省总工会决定授予李娜、王军“江苏省五一劳动奖章”。"
    doc = make_doc(text, [("省总工会", "Union"), ("李娜", "Person"), ("王军", "Person"), ("江苏省五一劳动奖章", "Award")])
    assert pairs(doc, "AWARDED") == sorted([("李娜", "江苏省五一劳动奖章"), ("王军", "江苏省五一劳动奖章")])


def test_enumerated_pilot_units_with_levels():
    text = "培育常州高新区、中天钢铁集团有限公司等5家省级试点单位，武进园、金坛园等9家市级试点单位。"
    doc = make_doc(text, [("常州高新区", "Region"), ("中天钢铁集团有限公司", "Enterprise"),
                          ("武进园", "Region"), ("金坛园", "Region")])
    got = {h: p.get("level") for _, h, t, p in rels(doc, "PILOTS")}
    assert got == {"常州高新区": "provincial", "中天钢铁集团有限公司": "provincial",
                   "武进园": "municipal", "金坛园": "municipal"}


def test_generic_reform_pilot_phrase_names_no_pilot():
    doc = make_doc("在全市率先实施园区产改试点。", [("园区", "Region"),
                                               ("产改", "Programme", "产业工人队伍建设改革", {"reform": True})])
    assert rels(doc, "PILOTS") == []


def test_sponsor_chains_before_and_after_the_event():
    text = "常州市总工会主办、常州技师学院承办的2024年常州市电工技能竞赛开幕。"
    doc = make_doc(text, [("常州市总工会", "Union"), ("常州技师学院", "Institution"),
                          ("2024年常州市电工技能竞赛", "Programme")])
    assert sorted((h, p["role"]) for _, h, t, p in rels(doc, "SPONSORS")) == sorted(
        [("常州市总工会", "主办"), ("常州技师学院", "承办")])
    text = "“金蓝领”职业技能大赛由泰州市总工会主办，泰州职业技术学院承办。"
    doc = make_doc(text, [("“金蓝领”职业技能大赛", "Programme"), ("泰州市总工会", "Union"),
                          ("泰州职业技术学院", "Institution")])
    assert sorted((h, p["role"]) for _, h, t, p in rels(doc, "SPONSORS")) == sorted(
        [("泰州市总工会", "主办"), ("泰州职业技术学院", "承办")])
    assert len(rels(doc, "CO_SPONSORS")) == 1


def test_members_composing_a_committee_and_hand_in_hand_partners():
    text = "市劳动关系三方委员会由市人社局、市总工会、市企业联合会组成。徐工集团携手江苏师范大学打造技能人才培养基地。"
    doc = make_doc(text, [("市劳动关系三方委员会", "Agency"), ("市人社局", "Agency"), ("市总工会", "Union"),
                          ("市企业联合会", "Institution"), ("徐工集团", "Enterprise"), ("江苏师范大学", "Institution")])
    assert sorted(h for h, _ in pairs(doc, "MEMBER_OF")) == sorted(["市人社局", "市总工会", "市企业联合会"])
    assert pairs(doc, "PARTNERS_WITH") == [("徐工集团", "江苏师范大学")]


def test_runs_by_a_named_body():
    text = "“职工书屋”项目由淮北市总工会牵头实施。由濉溪县人社局组织实施的“技能濉溪”行动成效明显。"
    doc = make_doc(text, [("“职工书屋”", "Programme"), ("淮北市总工会", "Union"),
                          ("濉溪县人社局", "Agency"), ("“技能濉溪”行动", "Programme")])
    assert pairs(doc, "RUNS") == sorted([("淮北市总工会", "“职工书屋”"), ("濉溪县人社局", "“技能濉溪”行动")])


# ---- hosting, allied events, signed articles (subject-less clauses) -------------------------

def test_hosting_verb_with_an_object_list_and_the_topic_as_host():
    text = ("【基层动态】\n\n# 技能竞赛热火朝天\n\n德清县总工会 许明\n\n"
            "先后举办“莫干杯”钳工技能大赛、2023年“桥乡杯”焊工技能大赛等职业技能竞赛。")
    doc = make_doc(text, [("德清县总工会", "Union"), ("许明", "Person"),
                          ("“莫干杯”钳工技能大赛", "Programme"), ("“桥乡杯”焊工技能大赛", "Programme")])
    got = rels(doc, "SPONSORS")
    assert sorted((h, t) for _, h, t, _ in got) == [("德清县总工会", "“桥乡杯”焊工技能大赛"),
                                                   ("德清县总工会", "“莫干杯”钳工技能大赛")]
    assert ("德清县总工会", "“莫干杯”钳工技能大赛") not in pairs(doc, "RUNS")


def test_hosting_names_that_qualify_another_head_and_regions_convening_a_meeting():
    text = "同时，举行了“匠心杯”技能大赛启动仪式。嘉善县召开“红船杯”劳动竞赛推进会。"
    doc = make_doc(text, [("“匠心杯”技能大赛", "Programme"), ("嘉善县", "Region"),
                          ("“红船杯”劳动竞赛推进会", "Programme")])
    # the contest only qualifies 启动仪式; a region that convenes a named meeting sponsors it
    assert [(h, t, p["role"]) for _, h, t, p in rels(doc, "SPONSORS")] == [("嘉善县", "“红船杯”劳动竞赛推进会", "召开")]


def test_a_region_where_a_contest_is_held_does_not_sponsor_it():
    text = "“钱江杯”焊工技能大赛在嘉善县举行。嘉善县举行“红船杯”劳动竞赛。"
    doc = make_doc(text, [("“钱江杯”焊工技能大赛", "Programme"), ("嘉善县", "Region"),
                          ("嘉善县", "Region", None, None, 1), ("“红船杯”劳动竞赛", "Programme")])
    assert rels(doc, "SPONSORS") == []


def test_allies_named_with_huitong_before_a_comma_sponsor_with_the_subject():
    text = "平湖市总工会会同市人社局、市教育局等部门，深化“技能护航”行动。"
    doc = make_doc(text, [("平湖市总工会", "Union"), ("市人社局", "Agency", "平湖市人社局"),
                          ("市教育局", "Agency", "平湖市教育局"), ("“技能护航”行动", "Programme")])
    assert sorted(pairs(doc, "SPONSORS")) == [("平湖市人社局", "“技能护航”行动"), ("平湖市总工会", "“技能护航”行动"),
                                              ("平湖市教育局", "“技能护航”行动")]
    assert len(rels(doc, "CO_SPONSORS")) == 3


def test_author_line_gives_a_position_with_or_without_title():
    text = ("# 推进产改\n\n安吉县总工会党组书记、副主席 钱文涛\n\n正文一句话。\n\n"
            "# 另一篇\n\n长兴县总工会 孔令华\n\n正文又一句。")
    doc = make_doc(text, [("安吉县总工会", "Union"), ("钱文涛", "Person"), ("长兴县总工会", "Union"),
                          ("孔令华", "Person")])
    got = sorted((h, t, p.get("title")) for _, h, t, p in rels(doc, "HOLDS_POSITION"))
    assert got == [("孔令华", "长兴县总工会", None), ("钱文涛", "安吉县总工会", "党组书记、副主席")]


def test_quoted_group_in_a_title_and_congress_deputies():
    text = "图为秀洲区总工会“百姓宣讲团”团长姚红在车间宣讲。王建平光荣当选全国人大代表。"
    doc = make_doc(text, [("秀洲区总工会", "Union"), ("“百姓宣讲团”", "Programme"), ("姚红", "Person"),
                          ("王建平", "Person"), ("全国人大", "Agency", "全国人民代表大会")])
    got = sorted((h, t, p.get("title")) for _, h, t, p in rels(doc, "HOLDS_POSITION"))
    assert got == [("姚红", "秀洲区总工会", "“百姓宣讲团”团长"), ("王建平", "全国人民代表大会", "全国人大代表")]


def test_runs_in_subject_less_clauses_go_to_the_article_body_not_its_region():
    text = ("# 打造服务品牌\n\n桐庐县总工会党组书记 方志强\n\n"
            "### 擦亮桐庐品牌\n\n高标准建设“暖蜂驿站”户外劳动者服务站，搭建“桐心”服务平台。"
            "在县融媒体推出“工会进行时”专栏。")
    doc = make_doc(text, [("桐庐县总工会", "Union"), ("方志强", "Person"), ("桐庐", "Region", "桐庐县", None, 1),
                          ("“暖蜂驿站”户外劳动者服务站", "Programme"), ("“桐心”服务平台", "Programme"),
                          ("县融媒体", "Institution", "桐庐县融媒体中心"), ("“工会进行时”专栏", "Programme")])
    assert pairs(doc, "RUNS") == [("桐庐县总工会", "“工会进行时”专栏"), ("桐庐县总工会", "“暖蜂驿站”户外劳动者服务站"),
                                  ("桐庐县总工会", "“桐心”服务平台")]


def test_location_after_zai_is_not_the_agent_and_unnamed_partners_are_skipped():
    text = ("钱塘区总工会推进产改。在微电园实施“园区工会”建设计划。"
            "指导企业与浙江水利学院开展合作。")
    doc = make_doc(text, [("钱塘区总工会", "Union"), ("微电园", "Region"), ("“园区工会”建设计划", "Programme"),
                          ("浙江水利学院", "Institution")])
    assert pairs(doc, "RUNS") == [("钱塘区总工会", "“园区工会”建设计划")]
    assert rels(doc, "PARTNERS_WITH") == []


def test_reform_as_a_modifier_names_no_runner_but_an_earlier_clause_subject_does():
    text = ("今年以来，临平区总工会坚持问题导向，有力推动产改工作提质增效。"
            "莲都区探索的园区产改新模式受到关注。")
    doc = make_doc(text, [("临平区总工会", "Union"), ("产改", "Programme", "产业工人队伍建设改革", {"reform": True}),
                          ("莲都区", "Region"), ("园区", "Region", "园区"),
                          ("产改", "Programme", "产业工人队伍建设改革", {"reform": True}, 1)])
    assert pairs(doc, "RUNS") == [("临平区总工会", "产业工人队伍建设改革")]


def test_a_reporter_of_a_newspaper_is_no_author_of_a_body():
    text = "# 某地新闻\n\n浙东工人报 杜小平\n\n正文一句话。"
    doc = make_doc(text, [("浙东工人报", "Institution"), ("杜小平", "Person")])
    assert rels(doc, "HOLDS_POSITION") == []


def test_a_union_setting_up_stations_inside_other_bodies_partners_with_them():
    text = "江山市总工会维护职工权益。在市人民法院、市仲裁院分别设立了职工法律援助工作站。在园区设立服务站。"
    doc = make_doc(text, [("江山市总工会", "Union"), ("市人民法院", "Agency", "江山市人民法院"),
                          ("市仲裁院", "Agency", "江山市仲裁院"), ("园区", "Region")])
    assert pairs(doc, "PARTNERS_WITH") == [("江山市总工会", "江山市人民法院"), ("江山市总工会", "江山市仲裁院")]


# ---- reform designation, leadership and policy language (relations_reform) -----------------

def test_a_deictic_region_seizing_the_pilot_is_the_pilot():
    text = "绵阳市总结经验。我市要抓住产改试点这一契机，全面推进。全县产改试点企业分为三类。"
    doc = make_doc(text, [("绵阳市", "Region"), ("我市", "Region", "绵阳市", {"contextual": True}),
                          ("全县", "Region", "某县", {"contextual": True})])
    got = rels(doc, "PILOTS")
    assert [(h, t) for _, h, t, _ in got] == [("绵阳市", "产业工人队伍建设改革")]


def test_a_region_pilot_needs_the_reform_in_the_sentence_and_the_region_as_subject():
    doc = make_doc("我市要抓住试点这一契机。", [("我市", "Region", "绵阳市", {"contextual": True})])
    assert rels(doc, "PILOTS") == []
    doc = make_doc("绵阳市推进产改。\n\n我市要抓住试点这一契机。我市要抓住试点企业的经验。",
                   [("我市", "Region", "绵阳市", {"contextual": True}),
                    ("我市", "Region", "绵阳市", {"contextual": True}, 1)])
    assert pairs(doc, "PILOTS") == [("绵阳市", "产业工人队伍建设改革")]
    doc = make_doc("我省产改试点工作取得成效。", [("我省", "Region", "四川省", {"contextual": True})])
    assert pairs(doc, "PILOTS") == [("四川省", "产业工人队伍建设改革")]


def test_leaders_instructing_on_the_reform_make_their_body_run_it():
    text = ("德阳市委主要领导就做好产改工作作出批示。省委主要领导作出批示予以肯定。"
            "四川省委王平书记对我市产改试点工作作出了批示。")
    doc = make_doc(text, [("德阳市委", "Agency"), ("省委", "Agency", "四川省委"), ("四川省委", "Agency"),
                          ("王平", "Person")])
    assert pairs(doc, "RUNS") == [("四川省委", "产业工人队伍建设改革"), ("德阳市委", "产业工人队伍建设改革")]


def test_a_body_taking_the_decision_on_the_reform_runs_it():
    doc = make_doc("产业工人队伍建设改革是党中央作出的重大决策部署。",
                   [("产业工人队伍建设改革", "Programme", None, {"reform": True}), ("党中央", "Agency", "中共中央")])
    assert pairs(doc, "RUNS") == [("中共中央", "产业工人队伍建设改革")]


def test_our_province_reform_work_is_run_by_the_province_but_not_a_quoted_slogan():
    text = "推动我省产改工作走在全国前列。代表们围绕“构建四川产改工作新格局”发言。"
    doc = make_doc(text, [("我省", "Region", "四川省", {"contextual": True}), ("四川", "Region", "四川省")])
    assert pairs(doc, "RUNS") == [("四川省", "产业工人队伍建设改革")]


def test_reform_offices_joint_meetings_and_bracketed_bodies_with_duties_run_the_reform():
    text = "市产改工作联席会议要统筹推进各项任务。市产改办（市总工会）要对改革任务细化分解。市产改办主任出席。"
    doc = make_doc(text, [("市产改工作联席会议", "Agency"), ("市产改办", "Agency"), ("市总工会", "Union"),
                          ("市产改办", "Agency", None, None, 1)])
    assert pairs(doc, "RUNS") == sorted([("市总工会", "产业工人队伍建设改革"), ("市产改办", "产业工人队伍建设改革"),
                                         ("市产改工作联席会议", "产业工人队伍建设改革")])


def test_policies_followed_are_issued_by_the_issuers_named_before_guanyu():
    from reformkg.ingest import lexicons as lx
    from reformkg.ingest.document import Span
    text = "会议要求，要贯彻中央和省关于产业工人队伍建设改革的《实施意见》。"
    doc = make_doc(text, [("《实施意见》", "Programme", None, {"kind": "policy"})])
    province = lx.gazetteer().by_name["四川省"][0]
    doc.layers["region_context"] = [Span(0, 0, "context", -1, "test", {"province": province})]
    got = pairs(doc, "ISSUED")
    assert got == [("中共中央", "《实施意见》"), ("四川省", "《实施意见》")]
    # the derived issuers are mentions of the document (the resolver turns them into entities)
    assert any(m.normalised == "中共中央" and m.surface == "中央" for m in doc.mentions)
    doc = make_doc("贯彻落实中共中央、国务院《关于深化改革的意见》。",
                   [("中共中央", "Agency"), ("国务院", "Agency"), ("《关于深化改革的意见》", "Programme", None, {"kind": "policy"})])
    assert pairs(doc, "ISSUED") == [("中共中央", "《关于深化改革的意见》"), ("国务院", "《关于深化改革的意见》")]
    doc = make_doc("贯彻落实省总工会学习会精神和关于培训的《通知》。",
                   [("省总工会", "Union"), ("《通知》", "Programme", None, {"kind": "policy"})])
    assert pairs(doc, "ISSUED") == []


def test_the_body_put_in_charge_of_a_programme_runs_it():
    text = "将产改工作列入《年度目标考核》，县产改办负责考核，各镇占3分。"
    doc = make_doc(text, [("《年度目标考核》", "Programme", None, {"kind": "policy"}), ("县产改办", "Agency")])
    assert ("县产改办", "《年度目标考核》") in pairs(doc, "RUNS")


def test_examples_after_several_pilot_units_and_loosely_enumerated_pilots():
    text = "全省多家省级产改试点单位交流经验：甲科技有限公司、乙电力有限公司。丙园、某某区等8家市级试点单位。"
    doc = make_doc(text, [("甲科技有限公司", "Enterprise"), ("乙电力有限公司", "Enterprise"), ("丙园", "Region")])
    got = {h: p.get("level") for _, h, _, p in rels(doc, "PILOTS")}
    assert got == {"甲科技有限公司": "provincial", "乙电力有限公司": "provincial", "丙园": "municipal"}


def test_designations_without_a_unit_noun_after_shidian():
    text = "宜宾市被确定为全国产业工人队伍建设改革试点，泸州市被列为全省产改试点。这是试点单位的经验。"
    doc = make_doc(text, [("宜宾市", "Region"), ("泸州市", "Region")])
    got = {h: p.get("level") for _, h, _, p in rels(doc, "PILOTS")}
    assert got == {"宜宾市": "national", "泸州市": "provincial"}


def test_reform_work_phrases_are_read_like_mentions_of_the_reform():
    text = "市委常委会专题研究产改工作。该县产改办就职工解困工作多次召开专题会议。出席的有产改工作领导小组成员。"
    doc = make_doc(text, [("市委常委会", "Agency", "乐山市委常委会"), ("该县", "Region", "沐川县", {"contextual": True}),
                          ("产改办", "Agency", "沐川县产改办"), ("产改工作领导小组", "Agency", "乐山市产改工作领导小组")])
    assert pairs(doc, "RUNS") == [("乐山市委常委会", "产业工人队伍建设改革"), ("沐川县产改办", "产业工人队伍建设改革")]
    # the anchor added for 产改工作 is a mention of the reform; none inside the group's name
    anchors = [m for m in doc.mentions if (m.attrs or {}).get("anchor")]
    assert [doc.text[m.span.start:m.span.end + 2] for m in anchors] == ["产改工作"]


def test_a_region_carrying_out_the_reform_pilot_pilots_and_runs_it():
    doc = make_doc("京山区在产改试点中，探索了新办法。", [("京山区", "Region")])
    assert pairs(doc, "PILOTS") == [("京山区", "产业工人队伍建设改革")]
    assert pairs(doc, "RUNS") == [("京山区", "产业工人队伍建设改革")]


def test_bodies_whose_decision_on_the_reform_is_followed_do_not_run_it_by_that():
    text = "全市认真贯彻落实中央和省委关于产业工人队伍建设改革的决策部署。"
    doc = make_doc(text, [("省委", "Agency", "四川省委"),
                          ("产业工人队伍建设改革", "Programme", None, {"reform": True})])
    assert ("四川省委", "产业工人队伍建设改革") not in pairs(doc, "RUNS")


def test_pilot_level_from_the_designating_body_and_a_leader_deploying_the_reform():
    doc = make_doc("株洲钢铁有限公司被湖南省总工会确定为产改试点单位。",
                   [("株洲钢铁有限公司", "Enterprise"), ("湖南省总工会", "Union")])
    assert [(h, p.get("level")) for _, h, _, p in rels(doc, "PILOTS")] == [("株洲钢铁有限公司", "provincial")]
    doc = make_doc("会上，王刚副市长对产改工作作出部署。", [("王刚", "Person"), ("副市长", "Agency", "株洲市人民政府")])
    find(doc, "王刚").attrs["org_mentions"] = [(find(doc, "副市长"), "副市长")]
    assert pairs(doc, "RUNS") == [("株洲市人民政府", "产业工人队伍建设改革")]


def test_run_verbs_reach_later_items_of_their_object_list_and_long_modified_objects():
    text = ("泉州市总工会开展“夏季送清凉”、安全知识竞赛、“隐患随手拍”活动等各类活动。"
            "泉州市总工会联合专业机构着手构建基于职工满意度、工会服务与职工需求匹配度的“幸福企业”评价体系。"
            "泉州市总工会以“服务中心+基层工会”协作模式打造服务综合体，并建立“公益伙伴”项目库。"
            "泉州市总工会落实助企发展10条措施，印发《工会工作规则》。")
    ms = [("泉州市总工会", "Union", None, None, k) for k in range(4)]
    ms += [("“夏季送清凉”", "Programme"), ("安全知识竞赛", "Programme"), ("“隐患随手拍”活动", "Programme"),
           ("“幸福企业”评价体系", "Programme"), ("“服务中心+基层工会”协作模式", "Programme"),
           ("“公益伙伴”项目", "Programme"), ("助企发展10条措施", "Programme", None, {"kind": "policy"}),
           ("《工会工作规则》", "Programme", None, {"kind": "policy"})]
    doc = make_doc(text, ms)
    got = {t for h, t in pairs(doc, "RUNS")}
    assert got == {"“夏季送清凉”", "安全知识竞赛", "“隐患随手拍”活动", "“幸福企业”评价体系",
                   "“服务中心+基层工会”协作模式", "助企发展10条措施"}


def test_a_regions_union_system_stands_for_the_union_the_piece_is_about():
    text = "福州市总工会推进服务提质\n\n福州市总工会出台新举措。福州市各级工会还将深入实施“暖心驿站”工程。"
    ms = [("福州市总工会", "Union"), ("福州市总工会", "Union", None, None, 1), ("福州市", "Region", None, None, 2),
          ("“暖心驿站”工程", "Programme")]
    doc = make_doc(text, ms)
    assert doc.text[find(doc, "福州市", "Region").span.end:].startswith("各级工会")
    assert pairs(doc, "RUNS") == [("福州市总工会", "“暖心驿站”工程")]
    # without the union article around it, the region's union system names no runner
    doc = make_doc("福州市各级工会还将深入实施“暖心驿站”工程。", [("福州市", "Region"), ("“暖心驿站”工程", "Programme")])
    assert pairs(doc, "RUNS") == []


def test_a_title_written_after_the_name_of_a_body_member():
    text = "湖南省委李明书记对此作出批示。市总工会王华副主席出席。习近平总书记强调，要抓好落实。"
    doc = make_doc(text, [("湖南省委", "Agency"), ("李明", "Person"), ("市总工会", "Union", "株洲市总工会"),
                          ("王华", "Person"), ("习近平", "Person")])
    got = sorted((h, t, p["title"]) for _, h, t, p in rels(doc, "HOLDS_POSITION"))
    assert got == [("李明", "湖南省委", "书记"), ("王华", "株洲市总工会", "副主席")]


def test_a_speakers_we_hosting_a_meeting_is_not_credited_to_a_body_named_later():
    text = "# 在推进会上的讲话\n\n同志们：\n\n今天，我们召开全市产改工作推进会，部署今年任务。刚才，市产改办通报了工作情况。"
    doc = make_doc(text, [("全市产改工作推进会", "Programme", None, {"kind": "meeting"}),
                          ("市产改办", "Agency", "株洲市产改办")])
    from reformkg.ingest.extract.context import DocContext
    assert DocContext.build(doc).section_topic(text.index("召开")).normalised == "株洲市产改办"
    assert rels(doc, "SPONSORS") == []
