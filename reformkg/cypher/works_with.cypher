// Question: Who works with a given actor, ranked by typed evidence of working together
//   (co-sponsoring, partnering, a membership of one in the other, membership of the same body,
//   running or sponsoring the same programme, posts in the same body), each kind weighted and
//   each reason with its number of documents? Co-mention on a page does not count here.
// Parameters:
//   $actor (string, required) — the actor's name, alias or id. Example: 杭州市总工会
//   $limit (int, default 20) — how many partners. Example: 10
// Returns: id, partner, partner_label, score, reasons
// Example: reformkg query --saved works_with --param actor=杭州市总工会
// an id is found through the index; names and aliases are scanned only when no id matches
OPTIONAL MATCH (byid:Entity {id: $actor})
WITH byid
OPTIONAL MATCH (named:Entity) WHERE byid IS NULL AND (named.name = $actor OR $actor IN coalesce(named.aliases, []))
WITH coalesce(byid, named) AS a WHERE a IS NOT NULL
WITH a ORDER BY a.id LIMIT 1
OPTIONAL MATCH (a)-[t1:CO_SPONSORS|PARTNERS_WITH]-(b1:Entity)
WITH a, collect(CASE WHEN b1 IS NULL THEN NULL ELSE
       {partner: b1.id, kind: type(t1), via: coalesce(t1.programme, ''), docs: coalesce(t1.ev_doc, [])} END) AS r1
OPTIONAL MATCH (a)-[t2:MEMBER_OF]-(b2:Entity)
WITH a, r1, collect(CASE WHEN b2 IS NULL THEN NULL ELSE
       {partner: b2.id, kind: 'MEMBER_OF', via: '', docs: coalesce(t2.ev_doc, [])} END) AS r2
OPTIONAL MATCH (a)-[m1:MEMBER_OF]->(g3:Entity)<-[m2:MEMBER_OF]-(b3:Entity)
WHERE b3.id <> a.id
WITH a, r1, r2, collect(CASE WHEN b3 IS NULL THEN NULL ELSE
       {partner: b3.id, kind: 'SAME_BODY', via: g3.name, docs: coalesce(m1.ev_doc, []) + coalesce(m2.ev_doc, [])} END) AS r3
OPTIONAL MATCH (a)-[p1:RUNS|SPONSORS]->(g4:Programme)<-[p2:RUNS|SPONSORS]-(b4:Entity)
WHERE b4.id <> a.id
WITH a, r1, r2, r3, collect(CASE WHEN b4 IS NULL THEN NULL ELSE
       {partner: b4.id, kind: 'SAME_PROGRAMME', via: g4.name, docs: coalesce(p1.ev_doc, []) + coalesce(p2.ev_doc, [])} END) AS r4
OPTIONAL MATCH (a)-[h1:HOLDS_POSITION]->(g5:Entity)<-[h2:HOLDS_POSITION]-(b5:Entity)
WHERE b5.id <> a.id
WITH r1, r2, r3, r4, collect(CASE WHEN b5 IS NULL THEN NULL ELSE
       {partner: b5.id, kind: 'SAME_POSTS', via: g5.name, docs: coalesce(h1.ev_doc, []) + coalesce(h2.ev_doc, [])} END) AS r5
UNWIND r1 + r2 + r3 + r4 + r5 AS x
WITH x.partner AS pid, x.kind AS kind, x.via AS via, collect(x.docs) AS lists
WITH pid, kind, via,
     size(reduce(s = [], l IN lists | reduce(u = s, d IN l | CASE WHEN d IN u THEN u ELSE u + d END))) AS documents
WITH pid, kind, via, documents,
     CASE kind WHEN 'CO_SPONSORS' THEN 3.0 WHEN 'PARTNERS_WITH' THEN 3.0 WHEN 'MEMBER_OF' THEN 2.0
               WHEN 'SAME_PROGRAMME' THEN 2.0 WHEN 'SAME_BODY' THEN 1.5 WHEN 'SAME_POSTS' THEN 1.5 ELSE 0.0 END
     + 0.25 * (CASE WHEN documents > 10 THEN 9 WHEN documents > 1 THEN documents - 1 ELSE 0 END) AS weight
ORDER BY weight DESC, kind, via
WITH pid, sum(weight) AS score, collect({kind: kind, via: via, documents: documents, weight: weight}) AS reasons
MATCH (b:Entity {id: pid})
RETURN b.id AS id, b.name AS partner,
       [l IN labels(b) WHERE NOT l IN ['Entity', 'PilotUnit']][0] AS partner_label,
       score, reasons
ORDER BY score DESC, partner, id
LIMIT $limit
