// Question: Who holds which position in which body, in a given region?
// Parameters:
//   $region (string, optional) — a region's name, alias or id: bodies located in it or its
//     sub-regions. Example: 杭州市
//   $title (string, optional) — keeps titles containing this text. Example: 主席
// Returns: person, title, body, body_label, region, evidence
// Example: reformkg query --saved positions_in_region --param region=杭州市
MATCH (p:Person)-[h:HOLDS_POSITION]->(b)
WHERE $title IS NULL OR h.title CONTAINS $title
OPTIONAL MATCH (b)-[:LOCATED_IN|PART_OF*0..6]->(r:Region)
WHERE r.id = $region OR r.name = $region OR $region IN coalesce(r.aliases, [])
WITH p, h, b, count(r) AS in_region
WHERE $region IS NULL OR in_region > 0
OPTIONAL MATCH (b)-[:LOCATED_IN]->(home:Region)
RETURN p.name AS person,
       h.title AS title,
       b.name AS body,
       [l IN labels(b) WHERE NOT l IN ['Entity', 'PilotUnit']][0] AS body_label,
       home.name AS region,
       coalesce(h.evidence_count, 0) AS evidence
ORDER BY region, body, person
