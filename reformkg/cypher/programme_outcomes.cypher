// Question: Which programmes have reported outcomes, and what do they add up to, per metric
//   and unit? (Values with a qualifier such as 余/近/超过 are approximate; sums of them too.)
// Parameters:
//   $kind (string, optional) — programme kind: initiative, competition, training, mechanism,
//     policy or plan. Example: training
//   $programme (string, optional) — a programme's name, alias or id. Example: 技能提升培训工程
// Returns: programme, kind, metric, unit, outcomes, total, years, qualifiers
// Example: reformkg query --saved programme_outcomes --param kind=training
MATCH (p:Programme)-[:REPORTED]->(o:Outcome)
WHERE ($kind IS NULL OR p.kind = $kind)
  AND ($programme IS NULL OR p.id = $programme OR p.name = $programme OR $programme IN coalesce(p.aliases, []))
RETURN p.name AS programme,
       p.kind AS kind,
       o.metric AS metric,
       o.unit AS unit,
       count(o) AS outcomes,
       sum(o.value) AS total,
       collect(DISTINCT o.year) AS years,
       collect(DISTINCT o.qualifier) AS qualifiers
ORDER BY programme, metric, unit
