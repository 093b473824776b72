"""fast_json: the hot routes' answers written by orjson are the bytes FastAPI's pydantic path writes."""

from __future__ import annotations

import pytest
from pydantic import BaseModel

from reformkg.api import fast_json
from reformkg.api.schemas import Page, Subgraph


class Item(BaseModel):
    name: str
    value: float | None = None
    tags: dict = {}


def test_a_model_shaped_dict_is_written_as_pydantic_writes_it():
    sub = {"nodes": [{"id": "n1", "name": "某某工会", "labels": ["Union", "Entity"], "aliases": [],
                      "props": {"region": "示范市", "score": 0.1, "n": 3}, "depth": 0}],
           "edges": [{"id": "e1", "type": "MEMBER_OF", "source": "n1", "target": "n2", "props": {},
                      "evidence_count": 2, "confidence": 1.0}],
           "truncated": False, "total": 1}
    assert fast_json.json_bytes(sub, Subgraph) == fast_json.model_json(sub, Subgraph)


def test_positive_exponents_and_huge_ints_take_the_exact_path():
    for content in ({"name": "x", "value": 1e16, "tags": {}}, {"name": "x", "value": None, "tags": {"big": 2 ** 70}},
                    {"name": "型号3e5", "value": None, "tags": {}}):
        assert fast_json.json_bytes(content, Item) == fast_json.model_json(content, Item)
    assert b"1e+16" in fast_json.json_bytes({"name": "x", "value": 1e16, "tags": {}}, Item)
    for v in (1e16, -2.5e20, [1e300]):
        assert fast_json._BARE_EXPONENT.search(fast_json.orjson.dumps({"v": v}))


def test_hex_ids_and_small_numbers_stay_on_the_fast_path():
    for content in ({"id": "per_3e5a9f", "x": 1.5e-7}, ["ent_12e4", 0.001, 123456.0]):
        assert not fast_json._BARE_EXPONENT.search(fast_json.orjson.dumps(content))


def test_verification_catches_a_dict_not_shaped_like_its_model():
    page = {"items": [], "total": 0, "limit": 20}  # `offset` missing: the model would add it
    fast_json.verify(True)
    try:
        with pytest.raises(fast_json.ShapeMismatch):
            fast_json.json_bytes(page, Page[Item])
    finally:
        fast_json.verify(False)
    assert fast_json.json_bytes(page, Page[Item]) == b'{"items":[],"total":0,"limit":20}'


def test_the_response_is_what_fastapi_sends():
    resp = fast_json.json_response({"name": "x", "value": 1.5, "tags": {}}, Item)
    assert resp.status_code == 200
    assert resp.media_type == "application/json"
    assert resp.body == b'{"name":"x","value":1.5,"tags":{}}'
    assert dict(resp.headers) == {"content-length": str(len(resp.body)), "content-type": "application/json"}

