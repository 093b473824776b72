// Question: Which people hold posts in two different bodies at once (interlocking positions),
//   and which titles do they hold there?
// Parameters:
//   $person (string, optional) — a person's name, alias or id, to see only that person. Example: 张明
//   $region (string, optional) — a region's name, alias or id: keeps interlocks where at least one
//     of the two bodies lies in that region or its sub-regions. Example: 杭州市
// Returns: person, body_1, label_1, title_1, body_2, label_2, title_2
// Example: reformkg query --saved interlocks --param region=杭州市
MATCH (p:Person)-[h1:HOLDS_POSITION]->(b1), (p)-[h2:HOLDS_POSITION]->(b2)
WHERE b1.id < b2.id
  AND ($person IS NULL OR p.id = $person OR p.name = $person OR $person IN coalesce(p.aliases, []))
OPTIONAL MATCH (b1)-[:LOCATED_IN|PART_OF*0..6]->(r1:Region)
WHERE r1.id = $region OR r1.name = $region OR $region IN coalesce(r1.aliases, [])
OPTIONAL MATCH (b2)-[:LOCATED_IN|PART_OF*0..6]->(r2:Region)
WHERE r2.id = $region OR r2.name = $region OR $region IN coalesce(r2.aliases, [])
WITH p, h1, b1, h2, b2, count(r1) + count(r2) AS in_region
WHERE $region IS NULL OR in_region > 0
RETURN p.name AS person,
       b1.name AS body_1,
       [l IN labels(b1) WHERE NOT l IN ['Entity', 'PilotUnit']][0] AS label_1,
       h1.title AS title_1,
       b2.name AS body_2,
       [l IN labels(b2) WHERE NOT l IN ['Entity', 'PilotUnit']][0] AS label_2,
       h2.title AS title_2
ORDER BY person, body_1, body_2
