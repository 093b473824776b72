// Question: Which documents and sentences support the relationship between two nodes?
//   One row per piece of evidence, oldest document first.
// Parameters:
//   $source (string, required) — one end: name, alias or id. Example: 李华
//   $target (string, required) — the other end: name, alias or id. Example: 全国劳动模范
//   $type (string, optional) — only this relationship type. Example: AWARDED
// Returns: relationship, from_name, to_name, title, date, source, doc_id, sentence, start_offset, end_offset
// Example: reformkg query --saved relationship_evidence --param source=李华 --param target=全国劳动模范
MATCH (a:Entity)
WHERE a.id = $source OR a.name = $source OR $source IN coalesce(a.aliases, [])
MATCH (a)-[r]-(b)
WHERE (b.id = $target OR b.name = $target OR $target IN coalesce(b.aliases, []))
  AND type(r) <> 'MENTIONED_IN'
  AND ($type IS NULL OR type(r) = $type)
UNWIND range(0, coalesce(size(r.ev_doc), 0) - 1) AS i
OPTIONAL MATCH (d:Document) WHERE d.doc_id = r.ev_doc[i]
RETURN type(r) AS relationship,
       startNode(r).name AS from_name,
       endNode(r).name AS to_name,
       d.title AS title,
       d.date AS date,
       d.source AS source,
       r.ev_doc[i] AS doc_id,
       r.ev_sentence[i] AS sentence,
       r.ev_start[i] AS start_offset,
       r.ev_end[i] AS end_offset
ORDER BY date, doc_id, start_offset
