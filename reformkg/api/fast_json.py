"""JSON answers of the hot read routes written by orjson, without validating the answer into
pydantic models first.

FastAPI validates a route's return value into its `response_model` (building a model instance
per node, edge and evidence item) and then dumps it; for a depth-2 neighbourhood or a path
list that was the largest single cost of the API after the engine reads. The reads in
graph/queries.py already return dicts shaped like those models (every field, in the model's
order, with its type), so their JSON is written directly.

The bytes are those FastAPI would have sent: pydantic writes floats with an explicit exponent
sign (`1e+16`) where orjson writes `1e16`, so an answer holding such a number, or anything
orjson cannot write (an integer beyond 64 bits), takes the pydantic path instead. `verify()`
(tests) makes every answer check itself against the pydantic path and raise on a difference:
a read that stops returning its model's shape is caught there.
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from typing import Any

import orjson
from pydantic import TypeAdapter
from starlette.responses import Response

log = logging.getLogger(__name__)

# a number with a positive exponent: orjson `1e16`, pydantic `1e+16` (orjson writes no exponent
# below 1e16, and negative ones as pydantic does). The exponent's digits end the number, so a
# `,` `]` or `}` follows them at once; in a string (an id with hex such as "3e55") a quote comes
# first. Text that looks the same inside a string ("e12,") merely takes the exact path. A search
# anchored on the literal `e` (fast) rather than on where numbers start (`:` `,` `[`, slow).
_BARE_EXPONENT = re.compile(rb"e[0-9]+[,\]}]")
_VERIFY = False


class ShapeMismatch(AssertionError):
    """An answer whose direct JSON differs from its response model's JSON (tests only)."""


def verify(on: bool = True) -> None:
    """Check every fast answer against the pydantic path (tests; costs both)."""
    global _VERIFY
    _VERIFY = on


@lru_cache(maxsize=None)
def _adapter(model: Any) -> TypeAdapter[Any]:
    return TypeAdapter(model)


def model_json(content: Any, model: Any) -> bytes:
    """The JSON FastAPI writes for `content` under `response_model=model` (validate, then dump)."""
    adapter = _adapter(model)
    return adapter.dump_json(adapter.validate_python(content))


def json_bytes(content: Any, model: Any) -> bytes:
    """`content` (a dict already shaped like `model`) as the JSON bytes of that model."""
    try:
        body = orjson.dumps(content)
    except TypeError:  # a value orjson does not write (e.g. an int beyond 64 bits)
        return model_json(content, model)
    if _BARE_EXPONENT.search(body):
        return model_json(content, model)
    if _VERIFY:
        exact = model_json(content, model)
        if exact != body:
            raise ShapeMismatch(f"{getattr(model, '__name__', model)}: direct JSON differs from the model's\n"
                                f"direct: {body[:2000]!r}\nmodel:  {exact[:2000]!r}")
    return body


def json_response(content: Any, model: Any) -> Response:
    """A 200 answer with the JSON of `content` under `model`, as FastAPI would send it."""
    return Response(content=json_bytes(content, model), media_type="application/json")
