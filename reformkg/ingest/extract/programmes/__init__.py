"""Programmes component: named initiatives, competitions, trainings, mechanisms, plans, policies.

Rules (generic, no names):
- a quoted name “…” with the head noun written after it (“X”培训工程 → canonical keeps the
  head, the bare quoted form is an alias); a quoted name that itself ends with a head noun; a
  bare quoted name right after a programme verb (实施/开展/推出 …).
- 《…》 titles: policies when they end with 意见/通知/办法/规定/方案 …; newspapers (日报/报) are
  Institutions; others keep the head noun written after them.
- numbered or regional events: [年份][第N届][region] name 竞赛/大赛/研究班 …; regional policy
  names (X区技能人才引进实施办法); unquoted name + 工程/行动/计划 heads.
- 产业工人队伍建设改革 and its short forms (产改) are one Programme.
- “A”等/“A”“B”等 + head: each quoted name keeps the head; a quoted name holding 、/·/， is one
  name when a head follows; a generic head alone (三年行动计划, 主题劳动技能竞赛) is never a name.
- named meetings (…推进会/部署会/座谈会/现场会/电视电话会议 …) with a specific topic, 全市/全省
  resolved to the region (kind "meeting", forms with and without 议 as aliases).
- 关于X的《意见》 (中央和省关于X的《意见》) is the policy 《关于X的意见》; a bare 《意见》 refers
  back to the nearest full title; counted slogans after 做到/实施… (“三学三比”).
`attrs["kind"]` ∈ initiative, competition, training, mechanism, policy, plan, meeting.

Package layout: lexicon (word lists from data/programme_*, grammar regexes), names (head
after a name, region before it, kind, the mention), quoted (rules for “…” names), events (rules
for unquoted events, meetings, regional policies), component (Programmes: the readers in order).
"""

from __future__ import annotations

from reformkg.ingest.extract.programmes.component import Programmes
from reformkg.ingest.extract.programmes.lexicon import HEADS, MEETING_HEADS, REFORM
from reformkg.ingest.extract.programmes.names import kind_of

__all__ = ["Programmes", "HEADS", "MEETING_HEADS", "REFORM", "kind_of"]
