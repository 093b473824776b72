// Question: Which actors co-sponsor events or programmes with a given actor: linked to it by a
//   CO_SPONSORS relationship, or sponsoring or running a programme it also sponsors or runs?
// Parameters:
//   $actor (string, required) — the actor's name, alias or id. Example: 杭州市总工会
// Returns: partner, partner_label, via, programme, evidence
// Example: reformkg query --saved co_sponsors --param actor=杭州市总工会
MATCH (a:Entity)
WHERE a.id = $actor OR a.name = $actor OR $actor IN coalesce(a.aliases, [])
MATCH (a)-[r:CO_SPONSORS]-(b)
RETURN b.name AS partner,
       [l IN labels(b) WHERE NOT l IN ['Entity', 'PilotUnit']][0] AS partner_label,
       'CO_SPONSORS' AS via,
       r.programme AS programme,
       coalesce(r.evidence_count, 0) AS evidence
UNION
MATCH (a:Entity)
WHERE a.id = $actor OR a.name = $actor OR $actor IN coalesce(a.aliases, [])
MATCH (a)-[r1:SPONSORS|RUNS]->(prog:Programme)<-[r2:SPONSORS|RUNS]-(b)
WHERE b.id <> a.id
RETURN b.name AS partner,
       [l IN labels(b) WHERE NOT l IN ['Entity', 'PilotUnit']][0] AS partner_label,
       'same programme' AS via,
       prog.name AS programme,
       coalesce(r2.evidence_count, 0) AS evidence
