// Question: Which trade unions run, sponsor, pilot or issue which programmes?
// Parameters:
//   $region (string, optional) — a region's name, alias or id: unions located in it or its
//     sub-regions. Example: 杭州市
//   $kind (string, optional) — programme kind: initiative, competition, training, mechanism,
//     policy or plan. Example: competition
// Returns: union_name, programme, kind, roles, evidence
// Example: reformkg query --saved union_programmes --param kind=competition
MATCH (u:Union)-[rel:RUNS|SPONSORS|PILOTS|ISSUED]->(p:Programme)
WHERE $kind IS NULL OR p.kind = $kind
OPTIONAL MATCH (u)-[:LOCATED_IN|PART_OF*0..6]->(r:Region)
WHERE r.id = $region OR r.name = $region OR $region IN coalesce(r.aliases, [])
WITH u, rel, p, count(r) AS in_region
WHERE $region IS NULL OR in_region > 0
RETURN u.name AS union_name,
       p.name AS programme,
       p.kind AS kind,
       collect(DISTINCT coalesce(rel.role, type(rel))) AS roles,
       sum(coalesce(rel.evidence_count, 0)) AS evidence
ORDER BY union_name, programme
