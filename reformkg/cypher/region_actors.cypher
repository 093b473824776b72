// Question: Which bodies (unions, enterprises, agencies, institutions) lie in a region or its
//   sub-regions, and which of them are pilot units?
// Parameters:
//   $region (string, required) — the region's name, alias or id. Example: 杭州市
//   $label (string, optional) — only this label: Union, Enterprise, Agency or Institution. Example: Union
// Returns: actor, label, located_in, pilot
// Example: reformkg query --saved region_actors --param region=杭州市 --param label=Union
MATCH (r:Region)
WHERE r.id = $region OR r.name = $region OR $region IN coalesce(r.aliases, [])
MATCH (x)-[:LOCATED_IN]->(home:Region)-[:PART_OF*0..6]->(r)
WHERE $label IS NULL OR $label IN labels(x)
RETURN DISTINCT x.name AS actor,
       [l IN labels(x) WHERE NOT l IN ['Entity', 'PilotUnit']][0] AS label,
       home.name AS located_in,
       x:PilotUnit AS pilot
ORDER BY label, actor
