"""Limits on user Cypher, checked before the text reaches the engine (issue 12).

The engine's parser is exponential in bracket nesting (depth 24 parsed for 47 s, and no
timeout applies while parsing), and `range()` builds its whole list before any timeout or
row cap applies. So user queries are refused (`QueryRefused`, a CypherError: 400) when:
- the text is longer than `max_chars`;
- brackets ( [ { nest deeper than `max_depth` (strings and comments do not count);
- a `range()` whose bounds are constant (literals, parameters, arithmetic) would hold more
  than `max_range_items` items;
- the parameters nest deeper than `max_param_depth`.
A range() whose bounds are not constant is clamped in the text (`bound_ranges`) to that many
items; other list building (collect, comprehensions over stored data) is bounded by the
engine's timeout and per-query memory cap (embedded.EngineLimits). `apply_row_cap` puts the row cap inside the query (LIMIT), so
that the engine stops producing rows instead of the client dropping them afterwards.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .records import CypherError


class QueryRefused(CypherError):
    """User Cypher beyond the limits; refused before it reaches the engine."""


@dataclass(frozen=True, slots=True)
class QueryLimits:
    max_chars: int = 20_000
    max_depth: int = 12
    max_range_items: int = 1_000_000
    max_param_depth: int = 16

    @classmethod
    def from_settings(cls, settings: Any) -> "QueryLimits":
        return cls(settings.max_query_chars, settings.max_query_depth, settings.max_range_items,
                   settings.max_param_depth)


def mask(query: str) -> str:
    """The query with the insides of strings, quoted names and comments blanked (same length)."""
    out = list(query)
    i, n = 0, len(query)
    while i < n:
        c = query[i]
        if c in "'\"`":
            j = i + 1
            while j < n and query[j] != c:
                j += 2 if query[j] == "\\" and c != "`" else 1
            for k in range(i + 1, min(j, n)):
                out[k] = " "
            i = j + 1
        elif query.startswith("//", i):
            j = query.find("\n", i)
            j = n if j < 0 else j
            for k in range(i, j):
                out[k] = " "
            i = j
        elif query.startswith("/*", i):
            j = query.find("*/", i + 2)
            j = n if j < 0 else j + 2
            for k in range(i, j):
                out[k] = " "
            i = j
        else:
            i += 1
    return "".join(out)


def nesting_depth(masked: str) -> int:
    depth = best = 0
    for c in masked:
        if c in "([{":
            depth += 1
            if depth > best:
                best = depth
        elif c in ")]}":
            depth = max(0, depth - 1)
    return best


def param_depth(value: Any, limit: int) -> int:
    """Nesting depth of a parameter value (stops counting past `limit`, without recursion)."""
    best = 0
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        v, d = stack.pop()
        if isinstance(v, dict):
            v = list(v.values())
        if isinstance(v, (list, tuple)):
            d += 1
            best = max(best, d)
            if best > limit:
                return best
            stack.extend((x, d) for x in v)
    return best


_RANGE = re.compile(r"\brange\s*\(", re.I)
_TOKEN = re.compile(r"\s*(?:(\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|\$(\w+)|(\*\*|[-+*/%^()]))")


class _NotConstant(Exception):
    pass


def _const(expr: str, params: dict[str, Any]) -> float:
    """Value of a constant arithmetic expression (numbers, $params, + - * / % ^, parentheses)."""
    tokens: list[Any] = []
    pos = 0
    expr = expr.strip()
    while pos < len(expr):
        m = _TOKEN.match(expr, pos)
        if not m or m.end() == pos:
            raise _NotConstant
        num, par, op = m.groups()
        if num is not None:
            tokens.append(float(num))
        elif par is not None:
            v = params.get(par)
            if isinstance(v, bool) or not isinstance(v, (int, float)):
                raise _NotConstant
            tokens.append(float(v))
        else:
            tokens.append(op)
        pos = m.end()
    it = iter(tokens + [None])
    cur = [next(it)]

    def take() -> Any:
        t = cur[0]
        cur[0] = next(it)
        return t

    def atom() -> float:
        t = take()
        if t == "-":
            return -atom()
        if t == "+":
            return atom()
        if t == "(":
            v = add()
            if take() != ")":
                raise _NotConstant
            return v
        if isinstance(t, float):
            return t
        raise _NotConstant

    def power() -> float:
        v = atom()
        if cur[0] in ("^", "**"):
            take()
            e = power()
            v = float("inf") if abs(e) > 400 or (abs(v) > 1 and e > 400) else v ** e
        return v

    def mul() -> float:
        v = power()
        while cur[0] in ("*", "/", "%"):
            op = take()
            r = power()
            v = v * r if op == "*" else (v / r if r else float("inf")) if op == "/" else (v % r if r else 0.0)
        return v

    def add() -> float:
        v = mul()
        while cur[0] in ("+", "-"):
            v = v + mul() if take() == "+" else v - mul()
        return v

    try:
        v = add()
    except (OverflowError, TypeError, ValueError) as exc:
        raise _NotConstant from exc
    if cur[0] is not None:
        raise _NotConstant
    return v


def _args(masked: str, start: int) -> tuple[list[tuple[int, int]], int]:
    """Top-level argument spans of the call whose "(" is at `start`, and the closing index."""
    depth, spans, a = 0, [], start + 1
    for i in range(start, len(masked)):
        c = masked[i]
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
            if depth == 0:
                spans.append((a, i))
                return spans, i
        elif c == "," and depth == 1:
            spans.append((a, i))
            a = i + 1
    return spans, len(masked)


def range_sizes(query: str, masked: str, params: dict[str, Any]) -> list[float]:
    """Sizes of the range() calls whose bounds are constant."""
    out = []
    for m in _RANGE.finditer(masked):
        spans, _ = _args(masked, m.end() - 1)
        try:
            vals = [_const(query[a:b], params) for a, b in spans]
        except _NotConstant:
            continue
        if len(vals) not in (2, 3):
            continue
        step = vals[2] if len(vals) == 3 else 1.0
        if step == 0:
            continue
        out.append(max(0.0, (vals[1] - vals[0]) / step + 1))
    return out


def check_query(query: str, params: dict[str, Any], limits: QueryLimits) -> None:
    """Raise QueryRefused when user Cypher is beyond the limits (see the module docstring)."""
    if len(query) > limits.max_chars:
        raise QueryRefused(f"query refused: {len(query)} characters (limit {limits.max_chars})")
    masked = mask(query)
    depth = nesting_depth(masked)
    if depth > limits.max_depth:
        raise QueryRefused(f"query refused: brackets nested {depth} deep (limit {limits.max_depth})")
    for size in range_sizes(query, masked, params):
        if size > limits.max_range_items:
            raise QueryRefused(f"query refused: range() of {size:.3g} items (limit {limits.max_range_items})")
    pd = param_depth(params, limits.max_param_depth)
    if pd > limits.max_param_depth:
        raise QueryRefused(f"query refused: parameters nested more than {limits.max_param_depth} deep")


def bound_ranges(query: str, limit: int) -> str:
    """Every range() whose bounds are not constant gets its end clamped so that it holds at
    most `limit` + 1 items: the engine builds the whole list before any timeout or memory cap
    applies (range(1, toInteger('1e10')) grew the server past 3 GB in 15 s)."""
    masked = mask(query)
    if not _RANGE.search(masked):
        return query

    def rewrite(start: int, end: int) -> str:
        out: list[str] = []
        pos = start
        for m in _RANGE.finditer(masked, start, end):
            if m.start() < pos:
                continue  # inside a call already rewritten
            spans, close = _args(masked, m.end() - 1)
            if close >= end or len(spans) not in (2, 3):
                continue
            args = [rewrite(a, b).strip() for a, b in spans]
            a, b = args[0], args[1]
            step = args[2] if len(args) == 3 else "1"
            clamped = (f"CASE WHEN (({b}) - ({a})) / ({step}) > {limit} THEN ({a}) + {limit} * ({step}) "
                       f"ELSE ({b}) END")
            out.append(query[pos:m.end()])
            out.append(", ".join([a, clamped] + ([step] if len(args) == 3 else [])) + ")")
            pos = close + 1
        out.append(query[pos:end])
        return "".join(out)

    return rewrite(0, len(query))


_RETURN = re.compile(r"\bRETURN\b", re.I)
_UNION = re.compile(r"\bUNION\b", re.I)
_TAIL_LIMIT = re.compile(r"\bLIMIT\s+(\d+)\s*;?\s*$", re.I)
_ANY_LIMIT = re.compile(r"\bLIMIT\b", re.I)


def apply_row_cap(query: str, cap: int | None) -> tuple[str, bool]:
    """Put the row cap inside a query that ends with RETURN (LIMIT cap + 1, so that a cut
    result can be told from a complete one). Returns (query, changed)."""
    if not cap:
        return query, False
    masked = mask(query).rstrip()
    body = query[:len(masked)]
    if masked.endswith(";"):
        masked, body = masked[:-1].rstrip(), body[:len(masked[:-1].rstrip())]
    returns = list(_RETURN.finditer(masked))
    if not returns or _UNION.search(masked):
        return query, False
    last = returns[-1]
    if masked[:last.start()].count("(") != masked[:last.start()].count(")"):
        return query, False  # RETURN inside a subquery
    tail = masked[last.end():]
    if _ANY_LIMIT.search(tail):
        m = _TAIL_LIMIT.search(masked)
        if m and int(m.group(1)) > cap + 1:
            return body[:m.start(1)] + str(cap + 1), True
        return query, False
    return body + f"\nLIMIT {cap + 1}", True
