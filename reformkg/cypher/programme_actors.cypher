// Question: Who runs, sponsors, pilots or issued a given programme, and in which role?
// Parameters:
//   $programme (string, required) — the programme's name, alias or id. Example: 产业工人队伍建设改革
// Returns: actor, actor_label, relationship, role, evidence
// Example: reformkg query --saved programme_actors --param programme=产改
MATCH (p:Programme)
WHERE p.id = $programme OR p.name = $programme OR $programme IN coalesce(p.aliases, [])
MATCH (x)-[r:RUNS|SPONSORS|PILOTS|ISSUED]->(p)
RETURN x.name AS actor,
       [l IN labels(x) WHERE NOT l IN ['Entity', 'PilotUnit']][0] AS actor_label,
       type(r) AS relationship,
       coalesce(r.role, r.level) AS role,
       coalesce(r.evidence_count, 0) AS evidence
ORDER BY relationship, actor
