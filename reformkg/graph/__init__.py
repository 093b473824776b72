"""Graph: the ontology, the resolved records, the store and its Cypher."""
