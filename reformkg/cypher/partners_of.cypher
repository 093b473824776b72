// Question: With whom does a given actor cooperate (PARTNERS_WITH: cooperation, pairing,
//   school-enterprise agreements)?
// Parameters:
//   $actor (string, required) — the actor's name, alias or id. Example: 青山机械有限公司
// Returns: partner, partner_label, evidence, documents
// Example: reformkg query --saved partners_of --param actor=青山机械有限公司
MATCH (a:Entity)
WHERE a.id = $actor OR a.name = $actor OR $actor IN coalesce(a.aliases, [])
MATCH (a)-[r:PARTNERS_WITH]-(b)
RETURN b.name AS partner,
       [l IN labels(b) WHERE NOT l IN ['Entity', 'PilotUnit']][0] AS partner_label,
       coalesce(r.evidence_count, 0) AS evidence,
       r.ev_doc AS documents
ORDER BY evidence DESC, partner
