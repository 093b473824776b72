"""RUNS on composed sentences: a region's own plan, 用好/把P搬到, passive and guided constructions,
reader questions, leading bodies and decisions on the reform, bare reform-body and zone subjects,
programmes showing results, 将X作为P的内容, 我们… in a quote, formed systems.
Sentences are composed; mentions are placed by hand."""

from __future__ import annotations

from reformkg.ingest.extract.relations import extract_relations
from tests.unit.ingest._docs import make_doc

REFORM = ("产业工人队伍建设改革", "Programme", None, {"kind": "initiative", "reform": True})


def rels(doc, rtype):
    return sorted((r.head.normalised, r.tail.normalised) for r in extract_relations(doc) if r.type == rtype)


def test_a_regions_own_quoted_plan():
    doc = make_doc("今年是我市“稳岗扩容”三年行动计划的收官之年。",
                   [("我市", "Region", "绵阳市", {"contextual": True}), ("“稳岗扩容”三年行动计划", "Programme")])
    assert rels(doc, "RUNS") == [("绵阳市", "“稳岗扩容”三年行动计划")]


def test_make_good_use_of_and_move_a_programme():
    text = "德阳市总工会要用好“技能之星”培养计划，把“职工讲堂”搬到车间一线。"
    doc = make_doc(text, [("德阳市总工会", "Union"), ("“技能之星”培养计划", "Programme"), ("“职工讲堂”", "Programme")])
    assert rels(doc, "RUNS") == [("德阳市总工会", "“技能之星”培养计划"), ("德阳市总工会", "“职工讲堂”")]


def test_a_programme_put_into_a_system_passively():
    text = "德阳市总工会大力推进创新。职工“小发明”活动被纳入全市创新体系。"
    doc = make_doc(text, [("德阳市总工会", "Union"), ("职工“小发明”活动", "Programme")])
    assert rels(doc, "RUNS") == [("德阳市总工会", "职工“小发明”活动")]


def test_a_guided_party_and_an_unnamed_organiser_run_nothing():
    text = ("德阳市总工会指导家政企业开展“放心家政”创建活动。"
            "职工在工会系统组织的“安康杯”竞赛、“隐患随手拍”等活动中表现突出。")
    doc = make_doc(text, [("德阳市总工会", "Union"), ("“放心家政”创建活动", "Programme"),
                          ("“安康杯”竞赛", "Programme"), ("“隐患随手拍”", "Programme")])
    assert rels(doc, "RUNS") == []


def test_a_readers_question_names_no_actor():
    text = "甲机械有限公司推进和谐建设\n\n问：我企业准备开展“和谐企业”创建活动，有何要求？"
    doc = make_doc(text, [("甲机械有限公司", "Enterprise"), ("“和谐企业”创建活动", "Programme")])
    assert rels(doc, "RUNS") == []


def test_a_deictic_city_is_the_county_level_city_named_before():
    text = "泰兴推进改革，成效明显。该市把服务工人作为路径，实施“夜校”行动。"
    doc = make_doc(text, [("泰兴", "Region", "泰兴市"),
                          ("该市", "Region", "泰州市", {"contextual": True}), ("“夜校”行动", "Programme")])
    assert rels(doc, "RUNS") == [("泰兴市", "“夜校”行动")]


def test_a_body_leading_the_reform_work_runs_it():
    text = "德阳建立了市领导挂联、总工会牵头组织、部门协同的推进机制，推动产改落地。"
    doc = make_doc(text, [("德阳", "Region", "德阳市"), ("总工会", "Union", "德阳市总工会"),
                          ("产改", "Programme", "产业工人队伍建设改革", {"reform": True})])
    assert ("德阳市总工会", "产业工人队伍建设改革") in rels(doc, "RUNS")


def test_the_body_whose_decision_the_reform_is():
    text = "产业工人队伍建设改革是党中央着眼长远、提高工人素质作出的重大决策部署。"
    doc = make_doc(text, [REFORM, ("党中央", "Agency", "中共中央")])
    assert rels(doc, "RUNS") == [("中共中央", "产业工人队伍建设改革")]


def test_a_bare_joint_meeting_subject_is_the_citys_reform_meeting():
    text = "市产改联席会成员参会，各县区产改联席会负责人列席。联席会议要统筹推进产改工作。"
    doc = make_doc(text, [("市产改联席会", "Agency", "德阳市产改联席会议"),
                          ("区产改联席会", "Agency", "旌阳区产改联席会议")])
    assert rels(doc, "RUNS") == [("德阳市产改联席会议", "产业工人队伍建设改革")]


def test_named_programmes_showing_results_are_run_by_the_body_the_passage_is_about():
    text = "甲发电有限公司重视青年人才。“青苗班”“导师计划”等培养项目初显成效。"
    doc = make_doc(text, [("甲发电有限公司", "Enterprise"), ("“青苗班”", "Programme"), ("“导师计划”", "Programme")])
    assert rels(doc, "RUNS") == [("甲发电有限公司", "“导师计划”"), ("甲发电有限公司", "“青苗班”")]
    doc = make_doc("甲发电有限公司重视青年人才。职工说“青苗班”初显成效。",
                   [("甲发电有限公司", "Enterprise"), ("“青苗班”", "Programme")])
    assert rels(doc, "RUNS") == []


def test_company_in_a_piece_about_one_enterprise_is_that_enterprise():
    text = ("甲能源有限公司：培育技能人才\n\n"
            "甲能源有限公司与乙科技有限公司签订合作协议。公司实施“金蓝领”培养工程。")
    doc = make_doc(text, [("甲能源有限公司", "Enterprise"), ("甲能源有限公司", "Enterprise", None, None, 1),
                          ("乙科技有限公司", "Enterprise"), ("“金蓝领”培养工程", "Programme")])
    assert rels(doc, "RUNS") == [("甲能源有限公司", "“金蓝领”培养工程")]


def test_taking_x_as_the_content_of_a_named_campaign_runs_it():
    text = "甲市总工会也将工匠精神作为“劳模工匠进校园”活动的宣讲内容。"
    doc = make_doc(text, [("甲市总工会", "Union"), ("“劳模工匠进校园”活动", "Programme")])
    assert rels(doc, "RUNS") == [("甲市总工会", "“劳模工匠进校园”活动")]


def test_we_take_x_as_the_reform_lever_credits_the_quoted_speakers_body():
    text = "甲市钢铁有限公司党委书记王建国说：“我们把技能人才培养作为产改的重要抓手。”"
    doc = make_doc(text, [("甲市钢铁有限公司", "Enterprise"), ("王建国", "Person"), ("产改", "Programme", "产业工人队伍建设改革")])
    assert ("甲市钢铁有限公司", "产业工人队伍建设改革") in rels(doc, "RUNS")


def test_we_without_a_speaker_post_credits_nobody():
    text = "王建国说：“我们把技能人才培养作为产改的重要抓手。”"
    doc = make_doc(text, [("王建国", "Person"), ("产改", "Programme", "产业工人队伍建设改革")])
    assert rels(doc, "RUNS") == []


def test_bare_zone_word_without_the_zones_own_body_credits_no_zone():
    text = "甲市总工会\n甲市工业园区规模很大。当前园区产改工作取得明显成效。"
    doc = make_doc(text, [("甲市总工会", "Union"), ("甲市工业园区", "Region"),
                          ("产改", "Programme", "产业工人队伍建设改革")])
    assert ("甲市工业园区", "产业工人队伍建设改革") not in rels(doc, "RUNS")


def test_forming_a_named_system_is_run_by_the_sentence_subject():
    text = "甲市总工会积极作为，形成“1+N”职工服务体系。"
    doc = make_doc(text, [("甲市总工会", "Union"), ("“1+N”职工服务体系", "Programme")])
    assert rels(doc, "RUNS") == [("甲市总工会", "“1+N”职工服务体系")]


def test_the_topic_of_a_directive_is_run_by_none_of_its_issuers():
    from reformkg.ingest.extract.relations import extract_relations
    from tests.unit.ingest._pipe import extract

    doc = extract("王某表示，中央和省委、市委关于新时代产业工人队伍建设改革工作部署以来，该区高度重视。", upto="coreference")
    assert [r for r in extract_relations(doc) if r.type == "RUNS"] == []
    doc = extract("绵阳市总工会深入推进产业工人队伍建设改革。", upto="coreference")
    assert [(r.head.normalised, r.type) for r in extract_relations(doc) if r.type == "RUNS"] == [("绵阳市总工会", "RUNS")]


def test_a_body_written_right_before_quoted_programmes_runs_them():
    from reformkg.ingest.extract.relations import extract_relations
    from tests.unit.ingest._docs import make_doc

    text = "组织指导员学习甲市总工会“协商十要诀”“八步工作法”等制度。"
    ms = [("甲市总工会", "Union"), ("“协商十要诀”", "Programme"), ("“八步工作法”", "Programme")]
    got = sorted((r.head.normalised, r.tail.normalised) for r in extract_relations(make_doc(text, ms)) if r.type == "RUNS")
    assert got == [("甲市总工会", "“八步工作法”"), ("甲市总工会", "“协商十要诀”")]


def test_the_reform_naming_a_plan_or_its_ideas_is_no_run_by_the_place_before_it():
    from reformkg.ingest.extract.relations import extract_relations
    from tests.unit.ingest._pipe import extract

    doc = extract("绵阳市总工会表示，要借鉴经验，进一步完善绵阳产改方案。", upto="coreference")
    assert not any(r.type == "RUNS" and r.head.normalised == "绵阳市" for r in extract_relations(doc))
    doc = extract("绵阳产改走在全省前列。", upto="coreference")
    assert [(r.head.normalised, r.type) for r in extract_relations(doc)] == [("绵阳市", "RUNS")]


def test_a_body_whose_work_the_reform_is_the_topic_of_runs_it():
    for text, reform in (("甲区总工会围绕产改试点工作，重点从思想引领等方面进行积极探索。", "产改"),
                         ("甲市总工会聚焦产业工人队伍建设改革，持续发力。", "产业工人队伍建设改革"),
                         ("甲市总工会全力助推产业工人队伍建设改革。", "产业工人队伍建设改革")):
        doc = make_doc(text, [(text[:text.index("总工会") + 3], "Union"),
                              (reform, "Programme", "产业工人队伍建设改革")])
        assert [h for h, _ in rels(doc, "RUNS")] == [text[:text.index("总工会") + 3]], text


def test_a_report_about_the_reform_runs_nothing():
    doc = make_doc("甲报围绕产改的报道引发关注。", [("产改", "Programme", "产业工人队伍建设改革")])
    assert rels(doc, "RUNS") == []
