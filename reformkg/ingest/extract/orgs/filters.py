"""Rejection filters of the `orgs` component: names that are only a head or only generic words
(企业工会, 有限公司工会, 全省工会), and the cut after a joint-action verb glued to a name (A联合B).
"""

from __future__ import annotations

import re

from reformkg.ingest import lexicons as lx
from reformkg.ingest.extract.common import only_words
from reformkg.ingest.extract.orgs.lexicon import GENERIC_BODY


def joint_verb_cut(text: str, start: int, end: int) -> int:
    """Where a name glued behind a joint-action verb begins (A联合B / A会同B …): the position
    after the last such verb in text[start:end] that has a body before it, else start."""
    best = start
    for v in ("联合", "会同", "携手", "协同", "联手"):
        k = text.rfind(v, start, end)
        while k >= 0:
            after = text[k + 2:k + 3]
            if k - start >= 2 and after and after not in "会体国社":
                before = text[start:k]
                if lx.org_label_of(before) is not None or before.endswith(("局", "厅", "委", "部", "办", "会", "司", "团")):
                    best = max(best, k + 2)
                    break
            k = text.rfind(v, start, k)
    return best


# who is meant, not a name: two places' unions, the higher-level union, both sides'
_COLLECTIVES = frozenset(("两地", "三地", "多地", "各地", "两市", "三市", "两省", "上级", "下级", "双方", "各方", "兄弟",
                          "当地", "本地", "属地", "所在地", "驻地", "同级", "企业", "单位", "行业", "基层"))


def is_fragment(name: str) -> bool:
    """A head without a name part (有限公司, 有限公司工会), or a union named only by a place or a
    collective (全省工会, 中国工会, 福建工会): not one body."""
    rest = name
    for _ in range(3):
        for h in ("工会", "股份有限公司", "有限责任公司", "有限公司", "公司", "集团"):
            if rest.endswith(h):
                rest = rest[: -len(h)]
                break
    if not rest or rest in ("有限", "股份", "责任"):
        return True
    if re.match(r"(各级|各|县区|市县|县市区|乡镇|镇街)", name) and not lx.gazetteer().candidates(name[:2]):
        return True       # 县区总工会 / 各市总工会: the bodies of every place, not one
    if name.endswith("工会") and not name.endswith("总工会"):
        body = name[:-2]
        if body.endswith("总"):
            body = body[:-1]
        if body in ("全省", "全市", "全县", "全区", "中国", "各级", "基层", "全国", "本级") or body in _COLLECTIVES or \
                lx.gazetteer().candidates(body):
            return True
    return False


def is_generic_body(body: str) -> bool:
    """A name made only of generic words (企业工会, 基层工会, 中职学校): not a named body."""
    return only_words(body, GENERIC_BODY)
