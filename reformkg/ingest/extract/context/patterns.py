"""Shared vocabulary of DocContext: the actor labels, quoted-span, clause and adverbial patterns,
the reform's name, and helpers that read a mention's sentence and title attrs.
"""

from __future__ import annotations

import re

from reformkg.graph.vocab import Label
from reformkg.ingest.document import Document, Mention

ORG_LABELS = frozenset({Label.UNION, Label.ENTERPRISE, Label.AGENCY, Label.INSTITUTION})
ACTOR_LABELS = frozenset({Label.REGION}) | ORG_LABELS
QUOTED_RE = re.compile(r"“[^”\n]{1,80}”|‘[^’\n]{1,60}’|《[^》\n]{1,100}》|「[^」\n]{1,60}」|\"[^\"\n]{1,60}\"|〈[^〉\n]{1,60}〉")
CLAUSE_PUNCT_RE = re.compile(r"[，,；;：:]")

# Sentence/clause-initial material that does not stop the next actor from being the subject:
# time adverbials, discourse markers, list bullets, opening brackets/quotes.
_ADVERBIAL = (
    r"(?:\s|[“”‘’\"'(（\[【—\-•·●■▲◆*#>]|\d{1,2}[.、．]|[一二三四五六七八九十]+[是、]"
    r"|目前|当前|现在|如今|今年以来|去年以来|今年|去年|前年|近年来|近年|近\S?年来?|近期|年内|全年"
    r"|同时|此外|另外|其中|截至目前|截至\d{4}年(?:\d{1,2}月)?(?:底|末)?|据了解|据悉|据统计|统计显示|数据显示"
    r"|\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?(?:以来|至今|起|底|末)?|\d{1,2}月(?:\d{1,2}日)?(?:以来)?"
    r"|日前|近日|随后|最终|为此|对此|因此|而且|而|并且|并|也|还|已经|已|又|更|均|都|先后|累计|一年来|多年来|期间"
    r"|在此基础上|与此同时|此外|首先|其次|最后|特别是|尤其是)"
)
# a brief's tag before an item's first sentence: 【南昌】, [九江], 〖工会动态〗
ITEM_TAG_RE = re.compile(r"\s*[【\[〖][^】\]〗\n]{1,10}[】\]〗]")
ADVERBIAL_PREFIX_RE = re.compile(rf"(?:{_ADVERBIAL}[,，]?)*")

# Deictic references to an earlier actor: (regex, label, required name suffix).
DEIXIS = (
    (re.compile(r"^(?:该|本|我|全)(省)"), Label.REGION, "省"),
    (re.compile(r"^(?:该|本|我|全)(市)"), Label.REGION, "市"),
    (re.compile(r"^(?:该|本|我|全)(县)"), Label.REGION, "县"),
    (re.compile(r"^(?:该|本|我|全)(区)"), Label.REGION, "区"),
    (re.compile(r"^(?:该|本|我|全)(镇)"), Label.REGION, "镇"),
    # 集团公司工会组织… / 公司工会: the firm's union named before
    (re.compile(r"^(?:该|本|我)?(?:集团公司|集团|公司)工会(?!主席|副主席|干部|会员|小组)"), Label.UNION, "工会"),
    (re.compile(r"^(?:(?:该|本|我)?(集团|公司)|(?:该|本|我)(企业|厂))(?!公司工会|工会|职工|员工|党委|领导)"), Label.ENTERPRISE, ""),
    # 工作室成立以来，共完成…: the workroom named before
    (re.compile(r"^(?:该|这个|此)?(工作室)(?!成员|领衔人|负责人|带头人|主任)"), Label.INSTITUTION, "工作室"),
)


def sentence_of_mention(doc: Document, m: Mention) -> int:
    s = m.span.sentence
    if s is not None and s >= 0 and s < len(doc.sentences):
        ss, se = doc.sentences[s]
        if ss <= m.span.start < se:
            return s
    return doc.sentence_of(m.span.start)


REFORM_NAME = "产业工人队伍建设改革"


def is_reform(m: Mention) -> bool:
    return bool((m.attrs or {}).get("reform")) or (m.normalised or m.surface) == REFORM_NAME


TITLE_END_RE = re.compile(r"(?:书记|主席|部长|局长|厅长|主任|委员|常委|院长|校长|经理|董事长|总裁|会长|秘书长|"
                           r"市长|县长|区长|省长|镇长|组长|队长|召集人|教授|研究员|专家|工程师|技师|职工|员工|"
                           r"工人|班长|站长|所长|处长|科长|干事|代表|负责人|理事长|总监|主管|行长|社长)\s*$")
GAP_BREAK_RE = re.compile(r"[，,。；;：:！？!?\n“”《》]|[与和及对为向在由把将被从给同]")


def title_org_indexes(person: Mention) -> list[int]:
    """Indexes into doc.mentions of the bodies a person's title attrs name (H2's conventions:
    attrs["org"] an int, or attrs["titles"]/attrs["org"] a list of (org_index, title))."""
    out: list[int] = []
    a = person.attrs or {}
    for key in ("org", "titles", "positions"):
        v = a.get(key)
        if isinstance(v, int):
            out.append(v)
        elif isinstance(v, (list, tuple)):
            for item in v:
                if isinstance(item, int):
                    out.append(item)
                elif isinstance(item, (list, tuple)) and item and isinstance(item[0], int):
                    out.append(item[0])
                elif isinstance(item, dict) and isinstance(item.get("org"), int):
                    out.append(item["org"])
    return out
