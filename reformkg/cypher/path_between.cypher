// Question: How are two actors connected? All shortest paths (up to six steps) between them
//   over the graph's facts (document mentions are not counted as links).
// Parameters:
//   $source (string, required) — the first actor's name, alias or id. Example: 张明
//   $target (string, required) — the second actor's name, alias or id. Example: 海港集团
//   $limit (int, default 10) — at most this many paths. Example: 5
// Returns: path, names, types, hops
// Example: reformkg query --saved path_between --param source=张明 --param target=海港集团
MATCH (a:Entity), (b:Entity)
WHERE (a.id = $source OR a.name = $source OR $source IN coalesce(a.aliases, []))
  AND (b.id = $target OR b.name = $target OR $target IN coalesce(b.aliases, []))
  AND a.id <> b.id
WITH a, b
MATCH p = allShortestPaths((a)-[:HOLDS_POSITION|AWARDED|PILOTS|RUNS|SPONSORS|CO_SPONSORS|PARTNERS_WITH|MEMBER_OF|ISSUED|LOCATED_IN|PART_OF|REPORTED*..6]-(b))
RETURN p AS path,
       [n IN nodes(p) | n.name] AS names,
       [r IN relationships(p) | type(r)] AS types,
       length(p) AS hops
LIMIT $limit
