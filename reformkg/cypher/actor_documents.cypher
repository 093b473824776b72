// Question: In which documents is a given node mentioned, how often, and when?
// Parameters:
//   $actor (string, required) — the node's name, alias or id. Example: 杭州市总工会
// Returns: date, title, source, mentions, doc_id
// Example: reformkg query --saved actor_documents --param actor=杭州市总工会
MATCH (a:Entity)
WHERE a.id = $actor OR a.name = $actor OR $actor IN coalesce(a.aliases, [])
MATCH (a)-[m:MENTIONED_IN]->(d:Document)
RETURN d.date AS date,
       d.title AS title,
       d.source AS source,
       coalesce(m.count, 1) AS mentions,
       d.doc_id AS doc_id
ORDER BY date DESC, title
