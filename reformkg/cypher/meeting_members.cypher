// Question: Which units are members of a joint meeting, committee or alliance (MEMBER_OF)?
// Parameters:
//   $body (string, optional) — keeps bodies whose id is this or whose name contains it. Example: 联席会议
// Returns: body, member, member_label, evidence
// Example: reformkg query --saved meeting_members --param body=联席会议
MATCH (m)-[r:MEMBER_OF]->(b)
WHERE $body IS NULL OR b.id = $body OR b.name CONTAINS $body
RETURN b.name AS body,
       m.name AS member,
       [l IN labels(m) WHERE NOT l IN ['Entity', 'PilotUnit']][0] AS member_label,
       coalesce(r.evidence_count, 0) AS evidence
ORDER BY body, member
