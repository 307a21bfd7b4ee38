"""Loading and validating the knowledge base: packaged data plus user files or folders."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, TypeVar

from pydantic import ValidationError

from lagebild.kb import checks
from lagebild.kb.base import KnowledgeBase
from lagebild.kb.errors import Issue, KBValidationError
from lagebild.kb.files import FileContent, RawItem, expand, item_lines, packaged_files, read
from lagebild.kb.model import AmbiguityDeclaration, Entity, Extension, merge

M = TypeVar("M", Entity, Extension, AmbiguityDeclaration)

#: Extra KB files or folders, separated like PATH; added after the packaged data.
KB_PATH_ENV = "LAGEBILD_KB_PATH"


def load_kb(paths: Iterable[str | Path] | None = None, *, packaged: bool = True) -> KnowledgeBase:
    """The validated knowledge base: packaged data (unless ``packaged=False``), then the
    files and folders in ``$LAGEBILD_KB_PATH``, then ``paths``.

    Cached: a second call with the same, unchanged files returns the same object.
    Raises :class:`KBValidationError` listing every problem, with file and item.
    """
    extra = [*_env_paths(), *(paths or ())]
    files = tuple(str(path.resolve()) for path in expand(extra))
    return _load_cached(packaged, files, tuple(_stamp(Path(f)) for f in files))


def _env_paths() -> list[str]:
    return [p for p in os.environ.get(KB_PATH_ENV, "").split(os.pathsep) if p]


def _stamp(path: Path) -> tuple[int, int]:
    try:
        stat = path.stat()
    except OSError:
        return (-1, -1)
    return (stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=8)
def _load_cached(
    packaged: bool, files: tuple[str, ...], stamps: tuple[tuple[int, int], ...]
) -> KnowledgeBase:
    sources: list[Traversable | Path] = [*(packaged_files() if packaged else []), *map(Path, files)]
    return build(sources)


def build(sources: Sequence[Traversable | Path]) -> KnowledgeBase:
    """Read, validate and index ``sources`` in order; raise KBValidationError on any issue."""
    issues: list[Issue] = []
    contents = [read(source, issues) for source in sources]
    builder = _Builder(issues)
    for content in contents:
        builder.add(content)
    kb = builder.finish()
    if issues:
        raise KBValidationError(_with_lines(issues))
    return kb


class _Builder:
    """Collects entities, extensions and declarations, then runs the cross checks."""

    def __init__(self, issues: list[Issue]) -> None:
        self.issues = issues
        self.entities: dict[str, Entity] = {}
        self.origins: dict[str, RawItem] = {}
        self.extensions: list[tuple[RawItem, Extension]] = []
        self.declarations: list[AmbiguityDeclaration] = []

    def add(self, content: FileContent) -> None:
        for item in content.items:
            self._add_item(item)
        for item in content.declarations:
            declaration = self._validate(item, AmbiguityDeclaration, "ambiguity")
            if declaration is not None:
                self.declarations.append(declaration)

    def _add_item(self, item: RawItem) -> None:
        if isinstance(item.data, dict) and "extend" in item.data:
            extension = self._validate(item, Extension, "extension")
            if extension is not None:
                self.extensions.append((item, extension))
            return
        entity = self._validate(item, Entity, "entity")
        if entity is not None:
            self._add_entity(item, entity)

    def _add_entity(self, item: RawItem, entity: Entity) -> None:
        first = self.origins.get(entity.id)
        if first is not None:
            self._issue(item, entity.id, f"duplicate id, first defined in {_where(first)}")
            return
        self.entities[entity.id] = entity
        self.origins[entity.id] = item

    def _validate(self, item: RawItem, model: type[M], what: str) -> M | None:
        if not isinstance(item.data, dict):
            self._issue(item, "", f"an {what} must be a mapping, not {type(item.data).__name__}")
            return None
        try:
            return model.model_validate(item.data)
        except ValidationError as error:
            for message in _messages(error):
                self._issue(item, _item_id(item.data), message)
            return None

    def _issue(self, item: RawItem, entity_id: str, message: str) -> None:
        if item.section != "entities":  # item numbers and lines are those of entity items
            message = f"{item.section}[{item.index}]: {message}"
            self.issues.append(Issue(item.source, None, entity_id, message))
            return
        self.issues.append(Issue(item.source, item.index, entity_id, message))

    def finish(self) -> KnowledgeBase:
        self._apply_extensions()
        for entity_id, message in [
            *checks.reference_problems(self.entities),
            *checks.declaration_problems(self.declarations, self.entities),
            *checks.collision_problems(self.entities, self.declarations),
        ]:
            self._located(entity_id, message)
        origins = {i: _where(item) for i, item in self.origins.items()}
        return KnowledgeBase(self.entities, self.declarations, origins)

    def _apply_extensions(self) -> None:
        for item, extension in self.extensions:
            target = self.entities.get(extension.extend)
            if target is None:
                self._issue(item, extension.extend, "extend: unknown id")
                continue
            try:
                self.entities[target.id] = merge(target, extension)
            except ValidationError as error:
                for message in _messages(error):
                    self._issue(item, target.id, message)

    def _located(self, entity_id: str, message: str) -> None:
        item = self.origins.get(entity_id)
        if item is None:
            self.issues.append(Issue("<knowledge base>", None, entity_id, message))
        else:
            self._issue(item, entity_id, message)


def _where(item: RawItem) -> str:
    return f"{item.source} item {item.index}"


def _item_id(data: dict[str, Any]) -> str:
    value = data.get("id") or data.get("extend") or ""
    return value if isinstance(value, str) else repr(value)


def _messages(error: ValidationError) -> list[str]:
    messages = []
    for detail in error.errors(include_url=False):
        location = ".".join(str(part) for part in detail["loc"])
        text = detail["msg"].removeprefix("Value error, ")
        messages.append(f"{location}: {text}" if location else text)
    return messages


def _with_lines(issues: list[Issue]) -> list[Issue]:
    lines: dict[str, dict[int, int]] = {}
    located = []
    for issue in issues:
        if issue.item is not None and issue.source not in lines:
            lines[issue.source] = item_lines(issue.source)
        line = lines.get(issue.source, {}).get(issue.item or 0)
        located.append(Issue(issue.source, issue.item, issue.entity_id, issue.message, line))
    return located
