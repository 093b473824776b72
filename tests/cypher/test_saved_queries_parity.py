"""Every saved query returns the same rows on Neo4j as on the embedded FalkorDB for the same
graph (the hand-made fixture graph of tests/cypher/graphdata.py): in the same order where the
query sorts, as a multiset where it does not; lists built by `collect()` compare as multisets
(Cypher gives them no order). The same comparison on the ingested seed corpus is in
tests/store/test_neo4j_product.py."""

from __future__ import annotations

from typing import Any

import pytest

from reformkg.cypher import load_catalogue
from tests.cypher import graphdata
from tests.store.graphdump import comparable_rows as _rows, is_ordered

pytestmark = [pytest.mark.neo4j]

CATALOGUE = load_catalogue()


@pytest.fixture(scope="module")
def both(embedded_data_dir, ontology):
    from reformkg.config import Settings
    from reformkg.graph.store import open_store
    from tests.conftest import _fresh_graph_name, neo4j_settings, open_neo4j_store

    neo = open_neo4j_store(neo4j_settings(embedded_data_dir), ontology)
    emb = open_store(Settings(data_dir=embedded_data_dir, graph_name=_fresh_graph_name()), ontology)
    batches, _expected = graphdata.build()
    for st in (emb, neo):
        for batch in batches:
            st.write_document(batch)
    yield emb, neo
    for st in (emb, neo):
        st.clear()
        st.close()


@pytest.mark.parametrize("name", sorted(CATALOGUE))
def test_same_rows_on_both_stores(both, name: str):
    emb, neo = both
    q = CATALOGUE[name]
    ordered = is_ordered(q.cypher)
    calls = [q.bind(q.example_params()), q.bind({p.name: p.example for p in q.parameters.values() if p.required})]
    for params in calls:
        a, b = _rows(emb, q.cypher, params), _rows(neo, q.cypher, params)
        if ordered:
            assert a == b, params
        else:
            assert sorted(a, key=repr) == sorted(b, key=repr), params
    assert _rows(emb, q.cypher, calls[0]), "the example finds something on the fixture graph"
