// Question: Which programmes are there of each kind, how many actors run, sponsor, pilot or
//   issue them, how many outcomes they report, and in how many documents they appear?
// Parameters:
//   $kind (string, optional) — initiative, competition, training, mechanism, policy or plan. Example: competition
// Returns: kind, programme, actors, outcomes, documents
// Example: reformkg query --saved programmes_by_kind --param kind=competition
MATCH (p:Programme)
WHERE $kind IS NULL OR p.kind = $kind
OPTIONAL MATCH (p)<-[:RUNS|SPONSORS|PILOTS|ISSUED]-(actor)
WITH p, count(DISTINCT actor) AS actors
OPTIONAL MATCH (p)-[:REPORTED]->(o:Outcome)
WITH p, actors, count(DISTINCT o) AS outcomes
OPTIONAL MATCH (p)-[:MENTIONED_IN]->(d:Document)
RETURN p.kind AS kind,
       p.name AS programme,
       actors,
       outcomes,
       count(DISTINCT d) AS documents
ORDER BY kind, actors DESC, programme
