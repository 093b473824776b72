"""Shared lexicon of the `programmes` component: head nouns, policy endings, programme verbs,
generic modifiers and topics, stop verbs (word lists read once from `reformkg/ingest/data/
programme_*`), and the regular expressions that encode the grammar of programme names.
"""

from __future__ import annotations

import re

from reformkg.ingest.lexicons import read_lines, read_tsv

COMPONENT_NAME = "programmes"
REFORM = "产业工人队伍建设改革"
REFORM_RE = re.compile(r"(新时代)?产业工人队伍建设(和|与)?改革|产改(?![办工委])")

# ---- word lists (data) -----------------------------------------------------------------------
HEADS = tuple(read_lines("programme_heads.txt"))
HEADS_SORTED = tuple(sorted(HEADS, key=len, reverse=True))
_POLICY_ROWS = read_tsv("programme_policy_ends.tsv")
POLICY_END = tuple(row[0] for row in _POLICY_ROWS)
# the endings that make a policy also outside 《》 (X实施方案 yes, X计划 no)
POLICY_END_BARE = tuple(row[0] for row in _POLICY_ROWS if row[1] == "any")
PROG_VERBS_STRICT = tuple(read_lines("programme_strict_verbs.txt"))
NOT_PROG_END = tuple(read_lines("programme_not_ends.txt"))
SHORT_REFS = tuple(read_lines("programme_short_refs.txt"))
STOP_VERBS = frozenset(read_lines("programme_stop_verbs.txt"))
EVENT_HEADS = tuple(read_lines("programme_event_heads.txt"))
UNQUOTED_HEADS = ("工程", "行动", "计划")
# regional policies and plans (X区技能人才引进实施办法, 市X发展规划): named with their region
REGIONAL_POLICY_HEADS = ("实施办法", "管理办法", "发展规划", "规划")
# named meetings (全市技能人才工作推进会, X座谈会): a Programme when the text names their topic
MEETING_HEADS = tuple(read_lines("programme_meeting_heads.txt"))
GENERIC_TOPIC = tuple(read_lines("programme_generic_topics.txt"))
GENERIC_TRAINING = tuple(read_lines("programme_generic_training.txt"))
# public holidays are not programmes (“五一”国际劳动节, 三八妇女节)
HOLIDAYS = tuple(read_lines("programme_holidays.txt"))
MODALS = tuple(read_lines("programme_modals.txt"))
# a head alone, or a head with only generic modifiers, names nothing (三年行动计划, 主题劳动技能竞赛)
GENERIC_CORE = tuple(read_lines("programme_generic_core.txt"))
SLOGAN_VERBS = tuple(read_lines("programme_slogan_verbs.txt"))
VERB_AFTER_QUOTE = tuple(read_lines("programme_verbs_after_quote.txt"))
HEAD_MODIFIERS = ("线上线下", "线上", "线下")
WORLD_SCOPES = ("世界", "全国", "国际")
NAME_TAGS = frozenset({"n", "nz", "vn", "LOC", "ORG", "j", "an", "nw", "m", "a"})
BAD_START = set("该全我本各每此其这那等和与及或的了在为对向将把从到以由是")

# ---- grammar (regular expressions) -----------------------------------------------------------
QUOTE_RE = re.compile(r"“([^“”\n]{2,24})”|‘([^‘’\n]{2,24})’")
MEASURES_RE = re.compile(r"([\u4e00-\u9fff]{4,18}?)(\d+|[一二三四五六七八九十]+)条(措施|举措|意见)")
SHARED_RE = re.compile(r"([\u4e00-\u9fff]{4,6}(?:、[\u4e00-\u9fff]{4}){1,6})(工程|行动)")
LISTED_EVENTS_RE = re.compile(r"(举办|开展|组织|承办|主办|组织开展|参加)((?:[\u4e00-\u9fff]{2,8}、)+[\u4e00-\u9fff]{2,8})等"
                              r"(职业技能大赛|职业技能竞赛|技能大赛|技能竞赛|劳动竞赛|知识竞赛|竞赛|大赛|比赛|运动会)")
VERB_NAMED_RE = re.compile(r"(开展|实施|举办|参加|参与|组织开展|组织|推进|深化)([\u4e00-\u9fff]{2,12}?)"
                           r"(创建活动|项目|战略|培训|诵读)(?![班师员中基工会])")
# national campaigns commonly written without quotes (generic knowledge, like award names)
NATIONAL_RE = re.compile(r"职业技能提升(?:三年)?行动|党史学习教育|技能中国行动|大国工匠人才培育工程|"
                         r"农民工职业技能提升计划|新型学徒制")
LIST_ACTIVITY_RE = re.compile(r"[^。；！？，\n]{0,48}?等[^，。；“”、\n]{0,10}?活动(?![中室站])")
EDITION_RE = re.compile(r"[\u4e00-\u9fff]{0,8}?(?:\d{4}年)?第[一二三四五六七八九十\d]{1,3}届")
COPULA_RE = re.compile(r"(?:是|作为|成为|列为)(?=[\u4e00-\u9fff])")
ABOUT_RE = re.compile(r"关于[^，。；：！？《》“”\n]{2,48}?的$")
# the issuers written before 关于 (中央和省关于…, 省委省政府关于…)
ISSUER_RE = re.compile(r"(?:中央|国务院|中共中央|省委|省政府|市委|市政府|县委|县政府|区委|区政府|国家|省|市|县|区)"
                       r"(?:(?:和|与|、)?(?:中央|国务院|省委|省政府|市委|市政府|县委|县政府|区委|区政府|省|市|县|区))*$")
ETC_RE = re.compile(r"(等系列|等一系列|等)")
COUNTED_SLOGAN_RE = re.compile(r"[一二三四五六七八九十两双][\u4e00-\u9fff]{1,3}[一二三四五六七八九十两双][\u4e00-\u9fff]{1,3}")
ABBREV_RE = re.compile(r"[一二三四五六七八九十两双多][\u4e00-\u9fff]{1,3}")
RUN_SEP_RE = re.compile(r"[、和及与]?(?:[\u4e00-\u9fff]{1,6}?(?:省|市|县|区))?(?:\d{4}年度?)?(?=[“‘])")
YEAR_BEFORE_RE = re.compile(r"(?:[\u4e00-\u9fff]{1,6}?(?:省|市|县|区))?\d{4}年度?$")
PAREN_IN_HEAD_RE = re.compile(r"([\u4e00-\u9fff]{0,4})[(（][^()（）“”，。；\n]{1,16}[)）]")
