"""The analysts' saved Cypher queries: one `.cypher` file per query in this folder, written once
in the Cypher that both FalkorDB and Neo4j 5 accept, each opening with a header comment that
this module parses into a `SavedQuery` catalogue.

Header format (comment lines before the first line of Cypher)::

    // Question: Which units are designated pilots …
    //   (continuation lines are indented)
    // Parameters:
    //   $region (string, optional) — a region's name, alias or id. Example: 杭州市
    //   $limit (int, default 20) — how many. Example: 10
    //   $actor (string, required) — the actor's name. Example: 张明
    // Returns: unit, level, …
    // Example: reformkg query --saved pilot_units --param region=杭州市

The query's name is the file stem. Optional parameters are bound to null (and defaults to their
default) when not given, since Neo4j refuses a query whose parameters are missing;
`SavedQuery.bind` does that and converts the strings a command line gives into the declared type.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

ParamType = Literal["string", "int", "float", "bool", "list"]

_PARAM_LINE = re.compile(
    r"^\$(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*"
    r"\((?P<type>string|int|float|bool|list)\s*,\s*(?P<req>required|optional|default\s+(?P<default>[^)]+))\)\s*"
    r"(?:[—–:-]+\s*)?(?P<rest>.*)$"
)
_EXAMPLE = re.compile(r"\s*Example:\s*(?P<example>.*?)\s*$")
_SECTION = re.compile(r"^(?P<key>Question|Parameters|Returns|Example):\s*(?P<value>.*)$")
_PARAM_USE = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


class SavedQueryError(ValueError):
    """A saved query file is malformed, or bad parameters were given to one."""


class Parameter(BaseModel):
    """One `$name` parameter of a saved query."""

    model_config = ConfigDict(frozen=True)

    name: str
    type: ParamType = "string"
    required: bool = False
    default: Any = None
    description: str = ""
    example: str | None = None

    def convert(self, value: Any) -> Any:
        """Value given (often a command-line string) → the declared type."""
        if value is None:
            return None
        try:
            if self.type == "int":
                return value if isinstance(value, int) and not isinstance(value, bool) else int(str(value).strip())
            if self.type == "float":
                return float(value)
            if self.type == "bool":
                if isinstance(value, bool):
                    return value
                text = str(value).strip().lower()
                if text in {"1", "true", "yes", "y", "on"}:
                    return True
                if text in {"0", "false", "no", "n", "off"}:
                    return False
                raise ValueError(value)
            if self.type == "list":
                if isinstance(value, (list, tuple)):
                    return list(value)
                return [part.strip() for part in str(value).split(",") if part.strip()]
            return value if isinstance(value, str) else str(value)
        except (TypeError, ValueError) as exc:
            raise SavedQueryError(f"parameter ${self.name}: {value!r} is not a valid {self.type}") from exc


class SavedQuery(BaseModel):
    """A saved query: its name, the question it answers, its parameters, an example call and the Cypher."""

    model_config = ConfigDict(frozen=True)

    name: str
    question: str
    parameters: dict[str, Parameter]
    returns: list[str] = []
    example: str
    cypher: str  # the whole file text, header comment included (comments are valid Cypher)

    def bind(self, params: dict[str, Any] | None = None) -> dict[str, Any]:
        """Every declared parameter with a value: given ones converted to their type, others set to
        their default (null when none). Raises SavedQueryError on unknown or missing parameters."""
        given = dict(params or {})
        unknown = sorted(set(given) - set(self.parameters))
        if unknown:
            raise SavedQueryError(
                f"saved query {self.name!r} has no parameter(s) {', '.join('$' + u for u in unknown)}; "
                f"it takes {', '.join('$' + p for p in self.parameters) or 'none'}"
            )
        out: dict[str, Any] = {}
        for name, param in self.parameters.items():
            value = param.convert(given[name]) if name in given else param.default
            if value is None and param.required:
                raise SavedQueryError(f"saved query {self.name!r} needs ${name} ({param.description})")
            out[name] = value
        return out

    def example_params(self) -> dict[str, Any]:
        """The parameters of the header's example call, converted (for tests and the API's docs)."""
        out: dict[str, Any] = {}
        for key, value in re.findall(r"--param\s+([A-Za-z_][A-Za-z0-9_]*)=(\S+)", self.example):
            if key not in self.parameters:
                raise SavedQueryError(f"{self.name}: example uses unknown parameter {key!r}")
            out[key] = self.parameters[key].convert(value)
        return out


def _header_lines(text: str) -> list[str]:
    lines: list[str] = []
    for raw in text.splitlines():
        stripped = raw.strip()
        if not stripped:
            continue
        if not stripped.startswith("//"):
            break
        lines.append(stripped[2:].rstrip())
    return lines


def _parse_default(param_type: str, raw: str) -> Any:
    raw = raw.strip()
    if raw.lower() == "null":
        return None
    return Parameter(name="x", type=param_type).convert(raw)  # type: ignore[arg-type]


def parse_saved_query(name: str, text: str) -> SavedQuery:
    """Parse one saved query file's header. Raises SavedQueryError naming what is missing."""
    sections: dict[str, list[str]] = {}
    params: list[list[str]] = []
    current: str | None = None
    for line in _header_lines(text):
        body = line.strip()
        match = _SECTION.match(body)
        if match and not line.startswith("  "):
            current = match["key"]
            sections[current] = [match["value"]] if match["value"] else []
            continue
        if current is None:
            continue
        if current == "Parameters":
            if body.startswith("$"):
                params.append([body])
            elif params and body:
                params[-1].append(body)
            continue
        if body:
            sections[current].append(body)

    for key in ("Question", "Example"):
        if not sections.get(key):
            raise SavedQueryError(f"{name}: header has no '{key}:' line")
    if "Parameters" not in sections:
        raise SavedQueryError(f"{name}: header has no 'Parameters:' section (write 'Parameters: none')")

    parameters: dict[str, Parameter] = {}
    for chunk in params:
        joined = " ".join(chunk)
        m = _PARAM_LINE.match(joined)
        if not m:
            raise SavedQueryError(f"{name}: cannot parse parameter line {joined!r}")
        rest = m["rest"]
        example = None
        ex = re.search(r"\s*Example:\s*(.*?)\s*$", rest)
        if ex:
            example = ex.group(1)
            rest = rest[: ex.start()]
        req = m["req"]
        parameters[m["name"]] = Parameter(
            name=m["name"],
            type=m["type"],  # type: ignore[arg-type]
            required=req == "required",
            default=_parse_default(m["type"], m["default"]) if m["default"] else None,
            description=rest.strip(),
            example=example,
        )

    used = set(_PARAM_USE.findall(_strip_comments(text)))
    if used != set(parameters):
        missing = sorted(used - set(parameters))
        extra = sorted(set(parameters) - used)
        raise SavedQueryError(
            f"{name}: header parameters differ from the query's: undeclared {missing}, unused {extra}"
        )
    example = " ".join(sections["Example"])
    if f"--saved {name}" not in example:
        raise SavedQueryError(f"{name}: example call does not run '--saved {name}'")
    returns = [c.strip() for c in " ".join(sections.get("Returns", [])).split(",") if c.strip()]
    return SavedQuery(
        name=name,
        question=" ".join(sections["Question"]),
        parameters=parameters,
        returns=returns,
        example=example,
        cypher=text,
    )


def _strip_comments(text: str) -> str:
    """The Cypher without `//` comment lines (saved queries only use whole-line comments)."""
    return "\n".join(line for line in text.splitlines() if not line.strip().startswith("//"))


@lru_cache(maxsize=1)
def load_catalogue() -> dict[str, SavedQuery]:
    """Every saved query shipped in this package, by name (sorted)."""
    folder = resources.files(__name__)
    out: dict[str, SavedQuery] = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".cypher"):
            name = entry.name[: -len(".cypher")]
            out[name] = parse_saved_query(name, entry.read_text(encoding="utf-8"))
    return out


def get_saved_query(name: str) -> SavedQuery:
    """One saved query by name; SavedQueryError listing the known names if there is none."""
    catalogue = load_catalogue()
    try:
        return catalogue[name]
    except KeyError:
        raise SavedQueryError(f"no saved query {name!r}; known: {', '.join(catalogue)}") from None


__all__ = ["Parameter", "SavedQuery", "SavedQueryError", "get_saved_query", "load_catalogue", "parse_saved_query"]
