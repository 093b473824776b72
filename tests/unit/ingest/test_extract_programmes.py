"""Programmes: quoted names with their head, 《》 policies, numbered events, the reform itself."""

from __future__ import annotations

from tests.unit.ingest._pipe import extract, mentions, names


def _progs(text: str) -> dict[str, tuple[str, str]]:
    doc = extract(text, upto="programmes")
    return {m.normalised: (m.attrs.get("kind", ""), m.surface) for m in mentions(doc, "Programme")}


def test_quoted_name_keeps_its_head() -> None:
    p = _progs("今年，金华市实施“金蓝领”培训工程，开展“匠心杯”职业技能竞赛。")
    assert p["“金蓝领”培训工程"][0] == "training"
    assert p["“匠心杯”职业技能竞赛"][0] == "competition"


def test_titled_policy_and_back_reference() -> None:
    p = _progs("省委办公厅印发《关于加强技能人才培养的实施意见》。《意见》提出五项举措。")
    assert p["《关于加强技能人才培养的实施意见》"][0] == "policy"
    assert len(p) == 1


def test_numbered_event() -> None:
    p = _progs("2021年温州市电工职业技能竞赛在瓯海区举行。")
    assert "2021年温州市电工职业技能竞赛" in p


def test_reform_and_its_short_form() -> None:
    doc = extract("推进产业工人队伍建设改革，让产改成果惠及职工。", upto="programmes")
    ms = mentions(doc, "Programme")
    assert {m.normalised for m in ms} == {"产业工人队伍建设改革"} and len(ms) == 2


def test_shared_head_list() -> None:
    p = _progs("实施技能提升、岗位练兵、安全护航工程。")
    assert {"技能提升工程", "岗位练兵工程", "安全护航工程"} <= set(p)


def test_slogan_in_quotes_is_not_a_programme() -> None:
    p = _progs("大家要树立“一盘棋”思想，形成“拳头”效应。")
    assert not p


def test_run_of_quoted_names_shares_the_head() -> None:
    p = _progs("广泛开展“书香工会”“快乐职工”等系列主题读书活动。")
    assert {"“书香工会”主题读书活动", "“快乐职工”主题读书活动"} <= set(p)


def test_region_prefix_of_a_plan() -> None:
    p = _progs("舟山市今年推进改革。产改被写入市人才发展规划。")
    assert "舟山市人才发展规划" in p


def test_quoted_name_with_numbers() -> None:
    p = _progs("企业推行“1+3”导师带徒机制。")
    assert "“1+3”导师带徒机制" in p


def test_numbered_measures_are_a_policy() -> None:
    p = _progs("落实促进青年就业创业12条措施，效果明显。")
    assert p["促进青年就业创业12条措施"][0] == "policy"      # 落实 is not part of the name


def test_scope_and_verbs_inside_event_names() -> None:
    p = _progs("先后举办全市叉车驾驶职业技能竞赛，效果良好。")
    assert "全市叉车驾驶职业技能竞赛" in p
    assert not _progs("企业要制定培训计划，发放补贴。")


def test_quoted_name_with_coordinating_etc_keeps_quote_and_head() -> None:
    p = _progs("今年，泉州市总工会举办“匠心筑梦”等主题劳动技能竞赛。")
    assert "“匠心筑梦”主题劳动技能竞赛" in p
    assert "主题劳动技能竞赛" not in p        # a generic head alone names nothing


def test_run_of_quoted_names_with_etc_each_get_the_head() -> None:
    p = _progs("市人社局开展“就业暖心”“春风送岗”等专场招聘会。")
    assert {"“就业暖心”专场招聘会", "“春风送岗”专场招聘会"} <= set(p)


def test_quoted_name_holding_a_list_is_one_name() -> None:
    p = _progs("莆田市出台“技能强企、人才兴业”三年行动计划。")
    assert "“技能强企、人才兴业”三年行动计划" in p
    assert "三年行动计划" not in p
    # a quotation with a comma and no head noun is not a programme
    assert not _progs("他说“干一行，爱一行”是本分。")


def test_region_and_year_before_a_quoted_run_item() -> None:
    p = _progs("举办“春暖就业”、漳浦县2024年“技能兴漳”“名企进校”等线上线下专场招聘会。")
    assert "漳浦县2024年“技能兴漳”专场招聘会" in p
    assert "“春暖就业”专场招聘会" in p and "“名企进校”专场招聘会" in p


def test_quoted_abbreviation_joins_its_full_name() -> None:
    p = _progs("开展“老师进工厂、技师进课堂”“双进”宣讲活动。")
    assert any(n.startswith("“老师进工厂、技师进课堂”“双进”宣讲") for n in p)
    assert "“双进”宣讲" not in p


def test_named_meeting_is_a_programme_with_its_scope_resolved() -> None:
    doc = extract("三明市委召开全市产改工作部署推进会议。会议强调要抓好落实。", upto="programmes")
    ms = [m for m in mentions(doc, "Programme") if m.attrs.get("kind") == "meeting"]
    assert len(ms) == 1
    m = ms[0]
    assert m.normalised == "三明市产改工作部署推进会议"
    assert {"全市产改工作部署推进会议", "全市产改工作部署推进会"} <= set(m.attrs["aliases"])


def test_generic_meetings_are_not_programmes() -> None:
    p = _progs("公司召开职工代表座谈会，随后召开座谈会。")
    assert not any(n.endswith("座谈会") for n in p)
    # a meeting of a named programme: the programme is the name
    p = _progs("全省青年干部产改专题研究班座谈会在南京举行。")
    assert not any(n.endswith("座谈会") for n in p)


def test_policy_title_split_around_the_brackets() -> None:
    p = _progs("市委办公室印发了关于提高一线技术工人待遇的《意见》。《意见》明确提出十条举措。")
    assert p["《关于提高一线技术工人待遇的意见》"][0] == "policy"
    assert not any("举措" in n for n in p)        # 明确提出十条举措 is a clause
    doc = extract("中央和省关于加强新时代产业工人队伍建设的《意见》出台后，各地认真落实。", upto="programmes")
    m = next(m for m in mentions(doc, "Programme") if m.normalised.startswith("《关于"))
    assert "中央和省关于加强新时代产业工人队伍建设的《意见》" in m.attrs["aliases"]


def test_counted_slogan_after_a_programme_verb() -> None:
    assert "“三突出三提升”" in _progs("各企业要做到“三突出三提升”。")
    assert not _progs("要增强“四个意识”。")


def test_listed_names_share_an_event_head() -> None:
    p = _progs("举办数控加工、电梯维保等职业技能大赛，职工踊跃参加。")
    assert {"数控加工职业技能大赛", "电梯维保职业技能大赛"} <= set(p)


def test_modal_verb_stops_an_unquoted_name() -> None:
    p = _progs("各成员单位要对照三年行动计划，细化任务。")
    assert not any("对照" in n or "成员单位" in n for n in p)


def test_split_title_with_a_longer_short_form_and_back_reference() -> None:
    doc = extract("市委办公厅印发的关于深化产业工人队伍建设改革的《实施意见》，《实施意见》明确了12项重点任务。",
                  upto="programmes")
    ms = [m for m in mentions(doc, "Programme") if m.normalised.startswith("《")]
    assert {m.normalised for m in ms} == {"《关于深化产业工人队伍建设改革的实施意见》"} and len(ms) == 2


def test_unquoted_names_introduced_by_a_programme_verb() -> None:
    doc = extract("各地开展模范职工之家创建活动，持续开展职工互助保障项目，深入实施人才强市战略。"
                  "组织骨干参加新时代企业管理创新培训，举办劳动创造幸福职工诵读。")
    got = names(doc, "Programme")
    assert {"模范职工之家创建活动", "职工互助保障项目", "人才强市战略", "新时代企业管理创新培训",
            "劳动创造幸福职工诵读"} <= got


def test_generic_trainings_projects_and_strategies_are_not_names() -> None:
    doc = extract("开展职业技能培训，开展重点项目建设，参加业务培训，实施创新驱动战略，开展各类慰问活动。")
    assert names(doc, "Programme") == set()


def test_a_quoted_list_item_takes_the_head_of_its_list() -> None:
    doc = extract("组织“安康杯”竞赛、“隐患随手拍”、安全知识普及等群众性安全生产活动。")
    got = names(doc, "Programme")
    assert "“隐患随手拍”活动" in got and "“安康杯”竞赛" in got


def test_national_campaigns_written_without_quotes() -> None:
    doc = extract("发放职业技能提升行动资金，以党史学习教育为契机。")
    assert {"职业技能提升行动", "党史学习教育"} <= names(doc, "Programme")


def test_a_public_holiday_is_not_a_programme() -> None:
    doc = extract("绍兴市召开庆祝“五一”国际劳动节暨劳动模范表彰大会。举办“越韵”职工文化节。")
    got = names(doc, "Programme")
    assert not any("劳动节" in n for n in got)
    assert "“越韵”职工文化节" in got


def test_a_quoted_service_month_keeps_its_head() -> None:
    doc = extract("由甲市总工会主办的“暖心驿站”服务月启动仪式在乙区举行。", upto="programmes")
    assert "“暖心驿站”服务月" in names(doc, "Programme")


def test_a_contest_of_the_firm_written_as_a_common_noun_is_no_programme() -> None:
    doc = extract("公司工会主席郑甲表示，将推荐获奖者参加集团公司技能竞赛。", upto="programmes")
    assert not any("技能竞赛" in n for n in names(doc, "Programme"))
    doc = extract("2023年扬州市职工技能竞赛吸引了500名职工参赛。", upto="programmes")
    assert any(n.endswith("职工技能竞赛") for n in names(doc, "Programme"))
