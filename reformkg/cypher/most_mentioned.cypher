// Question: Which actors, programmes or awards are mentioned most often across the documents?
// Parameters:
//   $label (string, optional) — only nodes with this label (Person, Union, Enterprise, Agency,
//     Institution, Region, Programme, Award). Example: Union
//   $limit (int, default 20) — how many. Example: 10
// Returns: name, label, mentions, documents
// Example: reformkg query --saved most_mentioned --param label=Union --param limit=10
MATCH (n:Entity)-[m:MENTIONED_IN]->(d:Document)
WHERE ($label IS NULL OR $label IN labels(n)) AND NOT n:Outcome
WITH n, sum(coalesce(m.count, 1)) AS mentions, count(DISTINCT d) AS documents
RETURN n.name AS name,
       [l IN labels(n) WHERE NOT l IN ['Entity', 'PilotUnit']][0] AS label,
       mentions,
       documents
ORDER BY mentions DESC, documents DESC, name
LIMIT $limit
