"""Relations round 4: pilots named in loose lists and example sentences, a region's own plans,
passive and guided constructions, reader questions, leading bodies and decisions on the reform,
bare reform-body subjects, the general secretary, interns from named schools, hosts of
city-wide meetings. Sentences are composed; mentions are placed by hand."""

from __future__ import annotations

from reformkg.ingest.extract.outcomes import extract_outcomes
from reformkg.ingest.extract.relations import extract_relations
from tests.unit.ingest._docs import make_doc

REFORM = ("产业工人队伍建设改革", "Programme", None, {"kind": "initiative", "reform": True})


def pairs(doc, rtype):
    return sorted((r.head.normalised, r.tail.normalised) for r in extract_relations(doc) if r.type == rtype)


# ---- PILOTS ---------------------------------------------------------------------------------

def test_pilot_province_among_several_with_de():
    doc = make_doc("四川被确定为3个全面试点的省份之一。", [("四川", "Region", "四川省")])
    assert pairs(doc, "PILOTS") == [("四川省", "产业工人队伍建设改革")]


def test_listed_pilot_item_known_from_elsewhere_in_the_text():
    text = "在甲园实施产改。培育乙科技有限公司等5家省级试点单位，甲园、丙区等8家市级试点单位。"
    doc = make_doc(text, [("甲园", "Region"), ("乙科技有限公司", "Enterprise")])
    got = pairs(doc, "PILOTS")
    assert ("甲园", "产业工人队伍建设改革") in got and ("乙科技有限公司", "产业工人队伍建设改革") in got
    # the item right before 等 tagged, an earlier one only known from elsewhere
    doc = make_doc(text, [("甲园", "Region"), ("乙科技有限公司", "Enterprise"), ("丙区", "Region")])
    got = pairs(doc, "PILOTS")
    assert ("甲园", "产业工人队伍建设改革") in got and ("丙区", "产业工人队伍建设改革") in got


def test_example_units_after_a_colon_and_an_ellipsis_pilot_the_named_programme():
    text = ("甲省总工会推进“温馨企业”创建工作。\n\n"
            "交流会上，全省多家“温馨企业”试点单位介绍了做法：“送清凉”、“夜校”开张……"
            "甲电力有限公司建起一座食堂，让职工受益。乙纺织有限公司工会开办托育班。\n\n另一段。")
    doc = make_doc(text, [("甲省总工会", "Union"), ("“温馨企业”创建工作", "Programme"),
                          ("甲电力有限公司", "Enterprise"), ("乙纺织有限公司工会", "Union")])
    assert pairs(doc, "PILOTS") == [("乙纺织有限公司工会", "“温馨企业”创建工作"),
                                    ("甲电力有限公司", "“温馨企业”创建工作")]


# ---- RUNS -----------------------------------------------------------------------------------

def test_a_regions_own_quoted_plan():
    doc = make_doc("今年是我市“稳岗扩容”三年行动计划的收官之年。",
                   [("我市", "Region", "绵阳市", {"contextual": True}), ("“稳岗扩容”三年行动计划", "Programme")])
    assert pairs(doc, "RUNS") == [("绵阳市", "“稳岗扩容”三年行动计划")]


def test_make_good_use_of_and_move_a_programme():
    text = "德阳市总工会要用好“技能之星”培养计划，把“职工讲堂”搬到车间一线。"
    doc = make_doc(text, [("德阳市总工会", "Union"), ("“技能之星”培养计划", "Programme"), ("“职工讲堂”", "Programme")])
    assert pairs(doc, "RUNS") == [("德阳市总工会", "“技能之星”培养计划"), ("德阳市总工会", "“职工讲堂”")]


def test_a_programme_put_into_a_system_passively():
    text = "德阳市总工会大力推进创新。职工“小发明”活动被纳入全市创新体系。"
    doc = make_doc(text, [("德阳市总工会", "Union"), ("职工“小发明”活动", "Programme")])
    assert pairs(doc, "RUNS") == [("德阳市总工会", "职工“小发明”活动")]


def test_a_guided_party_and_an_unnamed_organiser_run_nothing():
    text = ("德阳市总工会指导家政企业开展“放心家政”创建活动。"
            "职工在工会系统组织的“安康杯”竞赛、“隐患随手拍”等活动中表现突出。")
    doc = make_doc(text, [("德阳市总工会", "Union"), ("“放心家政”创建活动", "Programme"),
                          ("“安康杯”竞赛", "Programme"), ("“隐患随手拍”", "Programme")])
    assert pairs(doc, "RUNS") == []


def test_a_readers_question_names_no_actor():
    text = "甲机械有限公司推进和谐建设\n\n问：我企业准备开展“和谐企业”创建活动，有何要求？"
    doc = make_doc(text, [("甲机械有限公司", "Enterprise"), ("“和谐企业”创建活动", "Programme")])
    assert pairs(doc, "RUNS") == []


def test_a_deictic_city_is_the_county_level_city_named_before():
    text = "泰兴推进改革，成效明显。该市把服务工人作为路径，实施“夜校”行动。"
    doc = make_doc(text, [("泰兴", "Region", "泰兴市"),
                          ("该市", "Region", "泰州市", {"contextual": True}), ("“夜校”行动", "Programme")])
    assert pairs(doc, "RUNS") == [("泰兴市", "“夜校”行动")]


def test_a_body_leading_the_reform_work_runs_it():
    text = "德阳建立了市领导挂联、总工会牵头组织、部门协同的推进机制，推动产改落地。"
    doc = make_doc(text, [("德阳", "Region", "德阳市"), ("总工会", "Union", "德阳市总工会"),
                          ("产改", "Programme", "产业工人队伍建设改革", {"reform": True})])
    assert ("德阳市总工会", "产业工人队伍建设改革") in pairs(doc, "RUNS")


def test_the_body_whose_decision_the_reform_is():
    text = "产业工人队伍建设改革是党中央着眼长远、提高工人素质作出的重大决策部署。"
    doc = make_doc(text, [REFORM, ("党中央", "Agency", "中共中央")])
    assert pairs(doc, "RUNS") == [("中共中央", "产业工人队伍建设改革")]


def test_a_bare_joint_meeting_subject_is_the_citys_reform_meeting():
    text = "市产改联席会成员参会，各县区产改联席会负责人列席。联席会议要统筹推进产改工作。"
    doc = make_doc(text, [("市产改联席会", "Agency", "德阳市产改联席会议"),
                          ("区产改联席会", "Agency", "旌阳区产改联席会议")])
    assert pairs(doc, "RUNS") == [("德阳市产改联席会议", "产业工人队伍建设改革")]


# ---- HOLDS_POSITION / PARTNERS_WITH / SPONSORS ---------------------------------------------------

def test_general_secretary_only_when_the_party_centre_is_named():
    text = "要学习习近平总书记重要论述，落实党中央部署。"
    doc = make_doc(text, [("习近平", "Person"), ("党中央", "Agency", "中共中央")])
    assert pairs(doc, "HOLDS_POSITION") == [("习近平", "中共中央")]
    doc = make_doc("要学习习近平总书记重要论述。", [("习近平", "Person")])
    assert pairs(doc, "HOLDS_POSITION") == []


def test_interns_from_named_schools_are_a_partnership():
    text = "甲建设有限公司打造校企合作机制，吸纳了乙大学、丙学院等高校的实习生进入岗位实习。"
    doc = make_doc(text, [("甲建设有限公司", "Enterprise"), ("乙大学", "Institution"), ("丙学院", "Institution")])
    assert pairs(doc, "PARTNERS_WITH") == [("甲建设有限公司", "丙学院"), ("甲建设有限公司", "乙大学")]


def test_a_city_wide_meeting_without_a_written_host_has_no_sponsor():
    text = "甲市总工会推进产改工作。6月1日，召开了全市产改推进会。"
    doc = make_doc(text, [("甲市总工会", "Union"), ("全市产改推进会", "Programme", "甲市产改推进会")])
    assert pairs(doc, "SPONSORS") == []
    doc = make_doc("6月1日，甲市总工会召开全市产改推进会。",
                   [("甲市总工会", "Union"), ("全市产改推进会", "Programme", "甲市产改推进会")])
    assert pairs(doc, "SPONSORS") == [("甲市总工会", "甲市产改推进会")]


# ---- outcomes -------------------------------------------------------------------------------

def test_a_meetings_agenda_and_speakers_are_not_outcomes():
    for text in ("会议有四个议题，共安排8位同志发言，议程共5项。", "大会共有12个单位作交流发言，3名劳模代表发言。",
                 "座谈会上，10位职工代表畅谈体会。", "本期简报共4个版面，刊发稿件12篇。"):
        assert extract_outcomes(make_doc(text)) == [], text
    assert [o.value for o in extract_outcomes(make_doc("德阳市总工会今年培训职工3200人次。"))] == [3200]


def test_named_programmes_showing_results_are_run_by_the_body_the_passage_is_about():
    text = "甲发电有限公司重视青年人才。“青苗班”“导师计划”等培养项目初显成效。"
    doc = make_doc(text, [("甲发电有限公司", "Enterprise"), ("“青苗班”", "Programme"), ("“导师计划”", "Programme")])
    assert pairs(doc, "RUNS") == [("甲发电有限公司", "“导师计划”"), ("甲发电有限公司", "“青苗班”")]
    doc = make_doc("甲发电有限公司重视青年人才。职工说“青苗班”初显成效。",
                   [("甲发电有限公司", "Enterprise"), ("“青苗班”", "Programme")])
    assert pairs(doc, "RUNS") == []


def test_company_in_a_piece_about_one_enterprise_is_that_enterprise():
    text = ("甲能源有限公司：培育技能人才\n\n"
            "甲能源有限公司与乙科技有限公司签订合作协议。公司实施“金蓝领”培养工程。")
    doc = make_doc(text, [("甲能源有限公司", "Enterprise"), ("甲能源有限公司", "Enterprise", None, None, 1),
                          ("乙科技有限公司", "Enterprise"), ("“金蓝领”培养工程", "Programme")])
    assert pairs(doc, "RUNS") == [("甲能源有限公司", "“金蓝领”培养工程")]


def test_a_floor_planned_in_an_earlier_clause_is_no_result():
    doc = make_doc("“十五五”期间将面向全体劳动者，组织实施补贴性培训3000万人次以上。")
    assert extract_outcomes(doc) == []
    doc = make_doc("去年以来，全市表彰百名以上优秀工匠。")
    assert [o.value for o in extract_outcomes(doc)] == [100]


def test_partners_listed_before_the_cooperation_verb():
    text = "甲集团有限公司与乙大学、丙学院等5所高校建立校企合作关系。丁市总工会分别与戊学院、己大学签署合作协议。"
    ms = [("甲集团有限公司", "Enterprise"), ("乙大学", "Institution"), ("丙学院", "Institution"),
          ("丁市总工会", "Union"), ("戊学院", "Institution"), ("己大学", "Institution")]
    assert pairs(make_doc(text, ms), "PARTNERS_WITH") == [
        ("丁市总工会", "己大学"), ("丁市总工会", "戊学院"), ("甲集团有限公司", "丙学院"), ("甲集团有限公司", "乙大学")]
    doc = make_doc("丁市总工会与戊学院和己大学签约。", ms[3:])
    assert pairs(doc, "PARTNERS_WITH") == [("丁市总工会", "己大学"), ("丁市总工会", "戊学院")]


def test_this_event_by_a_and_b_sponsored_the_event_named_before():
    text = "4月20日，甲市第五届职工技能大赛开幕。本届大赛由甲市总工会、甲市人社局联合主办，乙电器有限公司承办。"
    ms = [("甲市第五届职工技能大赛", "Programme"), ("甲市总工会", "Union"), ("甲市人社局", "Agency"),
          ("乙电器有限公司", "Enterprise")]
    doc = make_doc(text, ms)
    assert pairs(doc, "SPONSORS") == [("乙电器有限公司", "甲市第五届职工技能大赛"), ("甲市人社局", "甲市第五届职工技能大赛"),
                                      ("甲市总工会", "甲市第五届职工技能大赛")]
    assert len(pairs(doc, "CO_SPONSORS")) == 3


def test_a_citys_union_system_figures_are_credited_to_the_union_the_piece_is_about():
    text = "甲市总工会推进技能竞赛\n\n甲市总工会持续开展技能竞赛。全市各级工会共举办各类技能竞赛120场。"
    ms = [("甲市总工会", "Union"), ("甲市总工会", "Union", None, None, 1), ("全市", "Region", "甲市")]
    got = extract_outcomes(make_doc(text, ms))
    assert [(o.value, o.actor.normalised) for o in got] == [(120, "甲市总工会")]


def test_the_designating_body_is_no_pilot_of_what_it_chose():
    text = "县总工会在全县遴选了甲建材有限公司、乙科技有限公司等10家企业作为县级产改试点企业。"
    ms = [("县总工会", "Union", "丙县总工会"), ("甲建材有限公司", "Enterprise"), ("乙科技有限公司", "Enterprise")]
    got = pairs(make_doc(text, ms), "PILOTS")
    assert got == [("乙科技有限公司", "产业工人队伍建设改革"), ("甲建材有限公司", "产业工人队伍建设改革")]
