"""Front matter at the start of a Markdown text: YAML between ``---`` lines, TOML between ``+++``.

Malformed front matter never loses the document: the values that plain
``key: value`` lines give are kept, and ``error`` says what was wrong.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from datetime import date, time
from typing import Any

import yaml

#: Front matter longer than this is not looked for (the whole text is then the body).
MAX_FRONT_MATTER_CHARS = 64 * 1024

_OPENING = re.compile(r"(---|\+\+\+)[ \t]*\n")
_CLOSING = {
    "---": re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.M),
    "+++": re.compile(r"^\+\+\+[ \t]*$", re.M),
}
_KEY_VALUE = re.compile(r"^([A-Za-z_][\w.-]*)[ \t]*[:=][ \t]*(.*?)[ \t]*$", re.M)


class _Loader(yaml.SafeLoader):
    """Safe YAML without implicit timestamps: dates stay as written, offsets included."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass
class FrontMatter:
    """Parsed front matter; ``body_start`` is where the body begins in the text."""

    values: dict[str, Any] = field(default_factory=dict)
    body_start: int = 0
    error: str | None = None
    present: bool = False


def split_front_matter(text: str) -> FrontMatter:
    """The front matter at the very start of ``text``, if any."""
    opening = _OPENING.match(text)
    if opening is None:
        return FrontMatter()
    fence = opening.group(1)
    closing = _CLOSING[fence].search(text, opening.end(), MAX_FRONT_MATTER_CHARS)
    if closing is None:
        return FrontMatter(error=f"front matter opened with {fence!r} but not closed; read as text")
    block = text[opening.end() : closing.start()]
    body_start = (
        closing.end() + 1 if text[closing.end() : closing.end() + 1] == "\n" else closing.end()
    )
    values, error = parse_toml(block) if fence == "+++" else parse_yaml(block)
    return FrontMatter(values, body_start, error, present=True)


def parse_yaml(block: str) -> tuple[dict[str, Any], str | None]:
    """YAML mapping of ``block``; on an error the plain ``key: value`` lines, and the error."""
    try:
        loaded = yaml.load(block, Loader=_Loader)  # _Loader is a SafeLoader: no arbitrary objects
    except yaml.MarkedYAMLError as error:
        line = error.problem_mark.line + 2 if error.problem_mark else "?"
        return key_values(block), f"invalid YAML front matter at line {line}: {error.problem}"
    except (yaml.YAMLError, ValueError, RecursionError) as error:
        return key_values(block), f"invalid YAML front matter: {error}"
    if loaded is None:
        return {}, None
    if not isinstance(loaded, dict):
        return key_values(block), f"front matter is a {type(loaded).__name__}, not a mapping"
    return {str(key): jsonable(value) for key, value in loaded.items()}, None


def parse_toml(block: str) -> tuple[dict[str, Any], str | None]:
    """TOML table of ``block``; on an error the plain ``key = value`` lines, and the error."""
    try:
        loaded = tomllib.loads(block)
    except tomllib.TOMLDecodeError as error:
        return key_values(block), f"invalid TOML front matter: {error}"
    return {key: jsonable(value) for key, value in loaded.items()}, None


def key_values(block: str) -> dict[str, Any]:
    """The unindented ``key: value`` (or ``key = value``) lines, quotes removed."""
    return {key: _unquote(value) for key, value in _KEY_VALUE.findall(block)}


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def jsonable(value: Any) -> Any:
    """``value`` with dates and times as ISO strings, so metadata stays JSON."""
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(key): jsonable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(item) for item in value]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)
