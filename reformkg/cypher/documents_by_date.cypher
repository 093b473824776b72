// Question: Which documents were published in a date range, and how many nodes and facts does
//   each contribute?
// Parameters:
//   $from_date (string, optional) — ISO date, inclusive. Example: 2024-01-01
//   $to_date (string, optional) — ISO date, inclusive. Example: 2024-12-31
//   $source (string, optional) — keeps documents whose source (outlet) contains this. Example: 日报
// Returns: date, title, source, authors, doc_id, nodes
// Example: reformkg query --saved documents_by_date --param from_date=2024-01-01 --param to_date=2024-12-31
MATCH (d:Document)
WHERE ($from_date IS NULL OR d.date >= $from_date)
  AND ($to_date IS NULL OR d.date <= $to_date)
  AND ($source IS NULL OR d.source CONTAINS $source)
OPTIONAL MATCH (n)-[:MENTIONED_IN]->(d)
RETURN d.date AS date,
       d.title AS title,
       d.source AS source,
       d.authors AS authors,
       d.doc_id AS doc_id,
       count(DISTINCT n) AS nodes
ORDER BY date, title
