"""Reading KB data files: YAML lists of entities, optionally with ambiguity declarations.

A file is either a list of items, or a mapping with the keys ``entities`` (a list
of items) and ``ambiguous`` (a list of ambiguity declarations).  YAML dates and
yes/no booleans are not interpreted: "2024-05" and "NO" stay strings, so dates
are validated (with the file and item in the message) by the model.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import yaml

from lagebild.cache import cache_folder
from lagebild.kb.errors import Issue

SUFFIXES = (".yaml", ".yml")
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_BOOL = "tag:yaml.org,2002:bool"
_BOOL_RE = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")

_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class KBLoader(_BaseLoader):  # type: ignore[valid-type,misc]
    """A safe YAML loader without implicit timestamps and without yes/no/on/off booleans."""


KBLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in (_TIMESTAMP, _BOOL)]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}
KBLoader.add_implicit_resolver(_BOOL, _BOOL_RE, list("tTfF"))


@dataclass(frozen=True)
class RawItem:
    """One list item of a data file, before validation."""

    source: str
    index: int
    data: Any
    section: str = "entities"


@dataclass(frozen=True)
class FileContent:
    """The items of one file: entities (or extensions) and ambiguity declarations."""

    source: str
    items: tuple[RawItem, ...]
    declarations: tuple[RawItem, ...]


def packaged_files() -> list[Traversable]:
    """The data files shipped in ``lagebild/kb/data``, sorted by name."""
    folder = resources.files("lagebild.kb").joinpath("data")
    return sorted((f for f in folder.iterdir() if f.name.endswith(SUFFIXES)), key=lambda f: f.name)


def expand(paths: Iterable[str | Path]) -> list[Path]:
    """Files named in ``paths``; folders give their YAML files (recursively, sorted)."""
    found: list[Path] = []
    for path in (Path(p).expanduser() for p in paths):
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.suffix in SUFFIXES))
        else:
            found.append(path)
    return found


def read(file: Traversable | Path, issues: list[Issue]) -> FileContent:
    """Parse one file; problems are appended to ``issues`` and give an empty content."""
    source = str(file)
    try:
        document = parse(file.read_bytes())
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        issues.append(Issue(source, None, "", f"cannot read: {_one_line(error)}"))
        return FileContent(source, (), ())
    return _content(source, document, issues)


def parse(data: bytes) -> Any:
    """The YAML document in ``data``, from the JSON parse cache when this content was seen.

    PyYAML builds Python objects in Python (about 0.3 s for the packaged KB); the cache,
    keyed by a hash of the bytes, makes later loads a ``json.loads``.  It lives in
    ``$LAGEBILD_CACHE`` or ``~/.cache/lagebild``; when that is not writable, files are
    simply parsed every time.
    """
    path = cache_folder() / f"kb-{hashlib.sha256(data).hexdigest()[:32]}.json"
    try:
        return json.loads(path.read_bytes())
    except (OSError, ValueError):
        pass
    document = yaml.load(data.decode("utf-8"), Loader=KBLoader)
    _store(path, document)
    return document


def _store(path: Path, document: Any) -> None:
    """Cache ``document`` unless JSON would change it (non-string keys, say)."""
    try:
        if json.loads(json.dumps(document)) != document:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.partial")
        partial.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
        partial.replace(path)
    except (OSError, TypeError, ValueError):
        return


def _content(source: str, document: Any, issues: list[Issue]) -> FileContent:
    if document is None:
        return FileContent(source, (), ())
    if isinstance(document, list):
        return FileContent(source, _numbered(source, document), ())
    if isinstance(document, dict) and set(document) <= {"entities", "ambiguous"}:
        items = _numbered(source, document.get("entities") or [])
        declared = _numbered(source, document.get("ambiguous") or [], "ambiguous")
        return FileContent(source, items, declared)
    issues.append(
        Issue(
            source,
            None,
            "",
            "top level must be a list of entities or a mapping with "
            "'entities' and/or 'ambiguous' lists",
        )
    )
    return FileContent(source, (), ())


def _numbered(source: str, items: Any, section: str = "entities") -> tuple[RawItem, ...]:
    if not isinstance(items, list):
        return (RawItem(source, 1, items, section),)
    return tuple(RawItem(source, number, item, section) for number, item in enumerate(items, 1))


def _one_line(error: Exception) -> str:
    return " ".join(str(error).split())


def item_lines(source: str) -> dict[int, int]:
    """1-based item number → 1-based line of every top-level list item (for error messages)."""
    try:
        node = yaml.compose(Path(source).read_text(encoding="utf-8"), Loader=KBLoader)
    except (OSError, yaml.YAMLError):
        return {}
    return dict(_lines(node))


def _lines(node: yaml.Node | None) -> Iterator[tuple[int, int]]:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value == "entities":
                yield from _lines(value)
    elif isinstance(node, yaml.SequenceNode):
        for number, child in enumerate(node.value, 1):
            yield number, child.start_mark.line + 1
