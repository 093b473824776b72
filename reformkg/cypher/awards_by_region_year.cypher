// Question: Which honours were conferred, by region and year: who received which award?
//   The year is the one stated with the award, else the year of its first source document;
//   the region is the recipient itself (a region), where it is located, or where the body a
//   person holds a post in is located.
// Parameters:
//   $region (string, optional) — a region's name, alias or id (its sub-regions included). Example: 杭州市
//   $year (int, optional) — only awards of that year. Example: 2023
//   $level (string, optional) — award level: national, provincial, municipal, district, enterprise. Example: national
// Returns: region, year, award, award_level, recipients, n
// Example: reformkg query --saved awards_by_region_year --param region=杭州市 --param year=2023
MATCH (x)-[aw:AWARDED]->(award:Award)
WHERE $level IS NULL OR coalesce(aw.level, award.level) = $level
OPTIONAL MATCH (d:Document) WHERE d.doc_id = aw.ev_doc[0]
WITH x, aw, award, coalesce(aw.year, toInteger(substring(d.date, 0, 4))) AS year
WHERE $year IS NULL OR year = $year
OPTIONAL MATCH (x)-[:HOLDS_POSITION|LOCATED_IN*0..2]->(home:Region)
OPTIONAL MATCH (home)-[:PART_OF*0..5]->(r:Region)
WHERE r.id = $region OR r.name = $region OR $region IN coalesce(r.aliases, [])
WITH x, award, aw, year, home, count(r) AS in_region
WHERE $region IS NULL OR in_region > 0
RETURN home.name AS region,
       year,
       award.name AS award,
       coalesce(aw.level, award.level) AS award_level,
       collect(DISTINCT x.name) AS recipients,
       count(DISTINCT x) AS n
ORDER BY region, year, award
