"""The `relations` component: RelationCandidates between the mentions the entity components
found, from title attributes and trigger words around them.

HOLDS_POSITION  person title attrs (one per person/body) or ORG+title+PERSON adjacency (a quoted group
                may sit in the title: X总工会“某宣讲团”团长某某), an article's author line
                `<org>[<title>] <name>`, <name>当选(第N届)全国人大代表 → that congress
AWARDED         named recipient + 荣获/获得/获评/被评为/授予/入选 + award, or AWARD(、title)*PERSON,
                or PERSON等N名AWARD
PILOTS          作为/是/列为 … 试点单位/企业/省份/城市/园区, X在…试点中, PROGRAMME试点, 经过A、B等N家企业的试点
RUNS            开展/实施/推出/推行/打造/建立/深化/推进 … PROGRAMME, 以PROGRAMME为载体, 把/将PROGRAMME…,
                ACTOR+PROGRAMME (靖江产改)
SPONSORS        由A、B主办的P, A主办/承办/协办P, 承办该赛事的X, A与B联合开展P, A联合B开展P,
                A在…召开/举办/举行P (events only), (先后)举办/承办/召开 P1、P2等… with the clause
                subject or the context's actor as host (role: the verb as written); a region
                convenes a named meeting (江苏省召开…会议; 召开了全市…会 → the region the resolved
                name opens with) but is only where a contest 举行s; A会同/联合B、C等部门，深化/开展P
CO_SPONSORS     every pair of sponsors of one programme
PARTNERS_WITH   A与B…合作/签约/签署/结对/共建/共同建立 (not when A is an unnamed 企业/单位 guided by
                the subject), a union that 在B、C设立…工作站/调解室
MEMBER_OF       …成员单位/成员由…: the org mentions of that clause → the committee/joint meeting
ISSUED          出台/印发/发布/制定/修订/颁布 a policy or plan (with 会同/联合 allies)

A plan or office named after the reform (出台“市级产改方案”, X产改办 as subject) also gives
RUNS → 产业工人队伍建设改革; a Programme mention for it is derived when the text has none.
Round 4: a region's own quoted plan (我市“…”三年行动计划), 用好/做到/把P搬到…, P被纳入…, named
programmes opening a clause that reports results (“甲班”“乙计划”等…初显成效) are run by the body the
passage is about; nobody runs what a guided party (指导企业开展P) or an unnamed organiser
(工会系统组织的P、Q) carries out, nor what a reader's question (问：我企业…) mentions. Pilot lists
reach items tagged only elsewhere in the text; 试点的省份之一 designates; interns from named
schools (吸纳A大学、B学院等高校的实习生) make a school-enterprise partnership; <name>总书记 holds
office in 中共中央 when the text names the party centre.
RUNS also reaches later items of a run verb's object list (开展A、B、P等活动), objects after a long
modifier (构建基于…的P), 以P打造…, 落实 untitled measures (…10条措施), and a leader's body for the
reform (某某副市长对产改工作作出部署); 专题研究/部署 产改工作 runs the reform. A region's union
system (某省各级工会) stands for the union the piece is about. PILOTS also from designations
without a unit noun (被列为全省产改试点), with the level of the designating body (被省总工会确定为…)
or clause (全省确定了A、B等10个试点县), and from 、-lists whose items are partly unrecognised.
Designation, leadership and policy-following language about the reform itself (我市产改试点工作,
…作出批示, 贯彻中央和省关于…的《意见》, 产改办（市总工会）要…, P，X负责考核) is read in
relations_reform.py; 产改工作 phrases get reform mentions there first (add_reform_work_anchors).

The actor of a verb is the subject of its clause (with coordinated actors), else the actor the
context credits (DocContext.actor_for: the paragraph's subject, else the section's or article's
body — see DocContext._build_sections). The reform itself is credited only to an actor the
sentence names, or to the section's body when a run verb directly governs it. Candidates respect the ontology's endpoint rules.
"""

from __future__ import annotations

from reformkg.ingest.document import Document, RelationCandidate
from reformkg.ingest.extract import relations_reform as rr
from reformkg.ingest.extract.context import DocContext
from reformkg.ingest.extract.relations import (awarded, honour_sections, issued, issuer_blocks, members, partners,
                                               pilots, positions, runs, sponsors, table_rows)
from reformkg.ingest.extract.relations.builder import Builder
from reformkg.ingest.extract.relations.structure import (affiliations, composed_of, distribute, event_anaphors,
                                                         firms_in_a_park,
                                                         honours_lists, member_units, pilot_lists, appositive_honours,
                                                         passive_grants, led_sponsors, places_before_bodies,
                                                         honour_anaphors, counted_recipients, title_issuers)

__all__ = ["RelationsComponent", "component", "extract_relations"]


class RelationsComponent:
    """Relation candidates into doc.relations (runs after the entity components)."""

    name = "relations"
    requires: tuple[str, ...] = ("mentions",)
    assigns: tuple[str, ...] = ("relations",)

    def __call__(self, doc: Document) -> Document:
        doc.relations = extract_relations(doc)
        return doc


def component() -> RelationsComponent:
    """The relations component."""
    return RelationsComponent()


def extract_relations(doc: Document, ctx: DocContext | None = None) -> list[RelationCandidate]:
    """All relation candidates of doc, rule by rule in a fixed order (later rules see earlier facts)."""
    if ctx is None:
        rr.add_reform_work_anchors(doc)
        ctx = DocContext.build(doc)
    b = Builder(doc, ctx)
    positions.holds_position(b)
    positions.author_positions(b)
    positions.congress_deputies(b)
    positions.pronoun_positions(b)
    positions.party_centre(b)
    awarded.awarded(b)
    awarded.special_allowance(b)
    pilots.pilots(b)
    sponsors.sponsors(b)
    sponsors.hosted_events(b)
    sponsors.allied_events(b)
    runs.runs(b)
    runs.owned_programmes(b)
    issued.issued(b)
    rr.followed_policies(b)
    runs.reform_offices(b)
    rr.office_runs(b)
    rr.leadership_runs(b)
    rr.region_work_runs(b)
    rr.region_pilots(b)
    rr.example_pilots(b)
    rr.charged_runs(b)
    rr.lead_runs(b)
    rr.bare_office_runs(b)
    partners.partners(b)
    partners.listed_partners(b)
    partners.stations_in_bodies(b)
    partners.school_interns(b)
    members.members(b)
    affiliations(b)
    places_before_bodies(b)
    firms_in_a_park(b)
    honours_lists(b)
    honour_sections.honour_sections(b)
    table_rows.table_row_positions(b)
    appositive_honours(b)
    passive_grants(b)
    honour_anaphors(b)
    counted_recipients(b)
    event_anaphors(b)
    led_sponsors(b)
    composed_of(b)
    member_units(b)
    pilot_lists(b)
    title_issuers(b)
    issuer_blocks.issuer_blocks(b)
    distribute(b)
    sponsors.co_sponsors(b)
    doc.rule_firings = dict(b.fired)
    doc.rule_parts_fired = set(b.fired_parts)
    return b.out
