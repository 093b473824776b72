// Question: Which regions report the most quantified outcomes? An outcome counts for a region
//   when its reporter is that region, lies in it (sub-regions roll up), or is a programme run
//   by an actor that lies in it.
// Parameters:
//   $unit (string, optional) — only outcomes in this unit; then `total` sums their values. Example: 人次
//   $metric (string, optional) — only outcomes of this metric (what was counted). Example: 培训
//   $level (string, optional) — region level: province, city, county, district, town, zone. Example: city
//   $limit (int, default 20) — how many regions. Example: 10
// Returns: region, level, outcomes, total, units, metrics
// Example: reformkg query --saved regions_by_outcomes --param unit=人次 --param limit=10
MATCH (x)-[:REPORTED]->(o:Outcome)
WHERE ($unit IS NULL OR o.unit = $unit) AND ($metric IS NULL OR o.metric = $metric)
OPTIONAL MATCH (x)-[:LOCATED_IN|PART_OF*0..6]->(r1:Region)
OPTIONAL MATCH (x)<-[:RUNS]-(runner)-[:LOCATED_IN|PART_OF*0..6]->(r2:Region)
WITH o, collect(DISTINCT r1) + collect(DISTINCT r2) AS regions
UNWIND regions AS r
WITH DISTINCT r, o
WHERE $level IS NULL OR r.level = $level
WITH r, count(o) AS outcomes, sum(o.value) AS summed,
     collect(DISTINCT o.unit) AS units, collect(DISTINCT o.metric) AS metrics
RETURN r.name AS region,
       r.level AS level,
       outcomes,
       CASE WHEN $unit IS NULL THEN null ELSE summed END AS total,
       units,
       metrics
ORDER BY outcomes DESC, total DESC, region
LIMIT $limit
