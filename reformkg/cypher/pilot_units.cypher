// Question: Which units are designated pilots (试点单位), of which programme and at which level,
//   and where are they?
// Parameters:
//   $region (string, optional) — a region's name, alias or id: keeps pilot units that are that
//     region or lie in it or in one of its sub-regions. Example: 杭州市
//   $level (string, optional) — pilot level: national, provincial, municipal or district. Example: municipal
// Returns: unit, unit_label, level, programme, region, evidence
// Example: reformkg query --saved pilot_units --param region=杭州市 --param level=municipal
MATCH (u:PilotUnit)
OPTIONAL MATCH (u)-[p:PILOTS]->(prog:Programme)
WITH u, p, prog
WHERE $level IS NULL OR p.level = $level
OPTIONAL MATCH (u)-[:LOCATED_IN|PART_OF*0..6]->(r:Region)
WHERE r.id = $region OR r.name = $region OR $region IN coalesce(r.aliases, [])
WITH u, p, prog, count(r) AS in_region
WHERE $region IS NULL OR in_region > 0
OPTIONAL MATCH (u)-[:LOCATED_IN]->(home:Region)
RETURN u.name AS unit,
       [l IN labels(u) WHERE NOT l IN ['Entity', 'PilotUnit']][0] AS unit_label,
       p.level AS level,
       prog.name AS programme,
       coalesce(home.name, CASE WHEN u:Region THEN u.name END) AS region,
       coalesce(p.evidence_count, 0) AS evidence
ORDER BY level, region, unit, programme
