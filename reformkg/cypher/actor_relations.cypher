// Question: What does the graph say about one actor: every relationship it has (except document
//   mentions), in which direction, with whom, and how well supported?
// Parameters:
//   $actor (string, required) — the node's name, alias or id. Example: 张明
// Returns: relationship, direction, other, other_label, detail, evidence
// Example: reformkg query --saved actor_relations --param actor=张明
MATCH (a:Entity)
WHERE a.id = $actor OR a.name = $actor OR $actor IN coalesce(a.aliases, [])
MATCH (a)-[r]-(b)
WHERE type(r) <> 'MENTIONED_IN'
RETURN type(r) AS relationship,
       CASE WHEN startNode(r).id = a.id THEN 'out' ELSE 'in' END AS direction,
       b.name AS other,
       [l IN labels(b) WHERE NOT l IN ['Entity', 'PilotUnit']][0] AS other_label,
       coalesce(r.title, r.role, r.level, r.programme) AS detail,
       coalesce(r.evidence_count, 0) AS evidence
ORDER BY relationship, other
