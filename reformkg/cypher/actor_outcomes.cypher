// Question: Which quantified outcomes did a given actor (or programme) report, including those
//   of the programmes it runs?
// Parameters:
//   $actor (string, required) — the actor's or programme's name, alias or id. Example: 杭州市总工会
// Returns: reporter, metric, value, qualifier, unit, year, outcome_id
// Example: reformkg query --saved actor_outcomes --param actor=杭州市总工会
MATCH (a:Entity)
WHERE a.id = $actor OR a.name = $actor OR $actor IN coalesce(a.aliases, [])
MATCH (a)-[:RUNS*0..1]->(x)-[:REPORTED]->(o:Outcome)
RETURN DISTINCT x.name AS reporter,
       o.metric AS metric,
       o.value AS value,
       o.qualifier AS qualifier,
       o.unit AS unit,
       o.year AS year,
       o.id AS outcome_id
ORDER BY year, metric, value DESC
