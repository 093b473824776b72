"""Shared lexicon of the `orgs` component: department and strong heads (and their automaton),
national bodies, industry heads, party departments, and the words that never start or make up a
body's name (bad starts, generic body words, generic place words, discourse words, lead verbs).
"""

from __future__ import annotations

from functools import lru_cache

import ahocorasick

from reformkg.ingest import lexicons as lx


COMPONENT_NAME = "orgs"
PARTY_DEPTS = ("组织部", "宣传部", "统战部", "政法委", "纪委", "编办", "网信办", "常委会", "深改委")
# a lone character before a body that stands for the context's region of that kind (市总工会,
# 镇党委): the kinds context_place resolves
CONTEXT_PREFIX_CHARS = "省市县区州旗镇"
BAD_START = set("该全我本各每此其这那等和与及或的了在为对向将把从到以由")
STRONG_HEADS = ("联席会议", "领导小组", "委员会", "大学", "学院", "学校", "中专", "技校", "职校", "中学", "协会",
                 "学会", "商会", "研究院", "研究所", "研究中心", "有限责任公司", "股份有限公司", "有限公司", "公司",
                 "集团", "日报", "晚报", "报社", "通讯社", "电视台", "总台", "科学院", "人民政府", "中级人民法院",
                 "人民法院", "人民检察院", "办公厅", "工会", "融媒体中心", "活动中心", "服务中心", "研究中心", "培训中心",
                 "联盟", "仲裁院", "联席会", "干部学校", "干校", "管委会", "管理委员会", "工作室", "协调小组",
                 "工作小组", "办公室", "产业工人学院", "联合总会", "工会联合会", "工会联合总会", "督查组", "督导组", "巡查组", "指导站")


@lru_cache(maxsize=1)
def dept_automaton() -> ahocorasick.Automaton:
    a = ahocorasick.Automaton()
    for d in lx.read_lines("dept_bodies.txt"):
        a.add_word(d, d)
    for h in STRONG_HEADS:
        a.add_word(h, h)
    a.make_automaton()
    return a


@lru_cache(maxsize=1)
def national_bodies() -> tuple[dict[str, tuple[str, str]], ahocorasick.Automaton]:
    table = {row[0]: (row[1], row[2]) for row in lx.read_tsv("national_bodies.tsv") if len(row) >= 3}
    a = ahocorasick.Automaton()
    for k in table:
        a.add_word(k, k)
    a.make_automaton()
    return table, a


GENERIC_BODY = ("基层", "企业", "各级", "干部", "产业", "中职", "高职", "职业", "技工", "相关", "有关", "地方", "行业",
                 "群体", "社会", "民营", "非公", "国有", "司机", "车", "职工", "劳动争议调解", "调解", "劳动", "工人",
                 "专业", "重点", "新", "骨干", "示范", "优秀", "先进", "一线", "所在", "会员", "本", "产改", "工作",
                 "服务", "产业链", "党建", "集体协商", "职工", "技能", "人才", "试点", "单位", "用人单位", "所属", "下属",
                 "车间", "班组", "部门", "机关", "各", "全体", "联合", "区域", "新就业形态", "新业态", "园区", "楼宇",
                 "村", "社区", "会员单位", "成员单位", "各类", "广大", "全市", "全省", "全县", "全区", "该", "本单位",
                 "小微", "中小", "中小企业", "外资", "外企", "私营", "规上", "龙头", "头部", "平台", "网约", "货车",
                 "快递", "外卖", "物流", "家政", "建筑", "制造业", "乡镇", "街道", "村级", "镇", "县级", "市级", "省级",
                 "两新", "非公企业", "新经济组织", "党群", "工匠", "功能齐全")
# place words that never start a firm's name (国内能源, 当地企业)
GENERIC_PLACE_WORDS = frozenset(("国内", "国外", "海外", "境内", "境外", "本地", "当地", "省内", "省外", "市内", "市外",
                                  "区内", "县内", "各地", "城乡", "农村", "城市", "全球", "世界", "周边", "沿海", "内地",
                                  "地方", "基层", "一线", "现场", "本市", "本省", "本区", "本县"))
# discourse words the tagger may read as a name (下一步集团将…): never part of a body's name
DISCOURSE_WORDS = frozenset(("下一步", "下步", "今后", "目前", "此外", "同时", "近年来", "近年", "今年", "去年", "当前",
                              "未来", "接下来", "随后", "此前", "为此", "对此", "其中", "另外", "首先", "其次", "最后"))
# tried longest first, in a fixed order (a set's order changes from run to run: 近年来 before 近年)
DISCOURSE_WORDS_LONGEST_FIRST = tuple(sorted(DISCOURSE_WORDS, key=lambda w: (-len(w), w)))
LEAD_VERBS = ("联合", "会同", "携手", "协同", "联手", "牵头", "指导", "组织", "依托", "邀请", "通过")


@lru_cache(maxsize=1)
def industry_head_words() -> tuple[str, ...]:
    return tuple(sorted(lx.read_lines("industry_heads.txt"), key=len, reverse=True))


@lru_cache(maxsize=1)
def dept_set() -> frozenset[str]:
    return frozenset(lx.read_lines("dept_bodies.txt"))
