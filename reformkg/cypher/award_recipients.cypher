// Question: Who received a given honour (or honours whose name contains some text), and when?
// Parameters:
//   $award (string, required) — an award's id, or text its name contains. Example: 劳动模范
//   $year (int, optional) — only that year (as stated with the award). Example: 2023
// Returns: award, level, year, recipient, recipient_label, evidence
// Example: reformkg query --saved award_recipients --param award=劳动模范
MATCH (x)-[aw:AWARDED]->(a:Award)
WHERE (a.id = $award OR a.name CONTAINS $award)
  AND ($year IS NULL OR aw.year = $year)
RETURN a.name AS award,
       coalesce(aw.level, a.level) AS level,
       aw.year AS year,
       x.name AS recipient,
       [l IN labels(x) WHERE NOT l IN ['Entity', 'PilotUnit']][0] AS recipient_label,
       coalesce(aw.evidence_count, 0) AS evidence
ORDER BY award, year, recipient
