"""Stage registry and runner.

A stage is a callable ``Document -> Document``.  It is registered by a
versioned name (``lagebild.clean.v1``) through a *factory* that takes the
stage's options from the config and returns the callable.  Each registration
declares which ``Document`` fields the stage requires and which it assigns,
so that a misordered pipeline fails when it is built, not halfway through a
corpus.  A behaviour change gets a new version, never a rename.

lagebild's own stages register through the same entry-point group
(``lagebild.stages``) that third-party packages use.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from typing import Any

from lagebild.errors import ConfigError, StageError
from lagebild.records import Document

Stage = Callable[[Document], Document]
StageFactory = Callable[..., Stage]

#: Fields a reader fills before any stage runs.
READER_FIELDS = frozenset({"id", "source", "title", "author", "url", "published", "raw_text"})

#: Modules holding lagebild's own stages; used only when the package's entry
#: points are not installed (running from a source tree without ``pip install``).
BUILTIN_STAGE_MODULES = (
    "lagebild.clean.stage",
    "lagebild.stages.language",
    "lagebild.stages.sentences",
    "lagebild.stages.times.stage",
    "lagebild.stages.entities.stage",
    "lagebild.stages.claims.stage",
    "lagebild.stages.assessments.stage",
    "lagebild.stages.events.stage",
)


@dataclass(frozen=True)
class StageSpec:
    """A registered stage: its name, factory and declared data flow."""

    name: str
    factory: StageFactory
    requires: frozenset[str]
    assigns: frozenset[str]
    doc: str = ""


@dataclass
class Registry:
    """Stage factories by versioned name."""

    specs: dict[str, StageSpec] = field(default_factory=dict)
    loaded: bool = False

    def register(
        self, name: str, *, requires: Iterable[str] = (), assigns: Iterable[str] = ()
    ) -> Callable[[StageFactory], StageFactory]:
        """Decorator: register ``factory`` under ``name``."""
        _check_fields(name, [*requires, *assigns])

        def decorate(factory: StageFactory) -> StageFactory:
            self.specs[name] = StageSpec(
                name, factory, frozenset(requires), frozenset(assigns), (factory.__doc__ or "")
            )
            return factory

        return decorate

    def get(self, name: str) -> StageSpec:
        self.load()
        if name not in self.specs:
            known = ", ".join(sorted(self.specs)) or "none"
            raise ConfigError(f"unknown stage {name!r}; known stages: {known}")
        return self.specs[name]

    def names(self) -> list[str]:
        self.load()
        return sorted(self.specs)

    def load(self) -> None:
        """Import every module that registers stages (entry points, once)."""
        if self.loaded:
            return
        self.loaded = True
        found = entry_points(group="lagebild.stages")
        modules = [ep.value for ep in found]
        if not any(module.startswith("lagebild.") for module in modules):
            modules.extend(BUILTIN_STAGE_MODULES)
        for module in modules:
            try:
                importlib.import_module(module)
            except ImportError as error:
                raise ConfigError(f"cannot load stage module {module!r}: {error}") from error


registry = Registry()
register_stage = registry.register


def _check_fields(name: str, fields: Iterable[str]) -> None:
    unknown = sorted(set(fields) - set(Document.model_fields))
    if unknown:
        raise ConfigError(f"stage {name!r} declares unknown Document fields: {unknown}")


@dataclass(frozen=True)
class Pipeline:
    """An ordered list of built stages; call it on a Document."""

    stages: tuple[tuple[str, Stage], ...]

    @property
    def names(self) -> list[str]:
        return [name for name, _ in self.stages]

    def __call__(self, document: Document) -> Document:
        for name, stage in self.stages:
            document = run_stage(name, stage, document)
        return document


def run_stage(name: str, stage: Stage, document: Document) -> Document:
    """Run one stage; any failure becomes a StageError naming the stage and document."""
    try:
        result = stage(document)
    except StageError:
        raise
    except Exception as error:  # every failure must name its stage
        raise StageError(name, document.source, f"{type(error).__name__}: {error}") from error
    if not isinstance(result, Document):
        raise StageError(name, document.source, f"returned {type(result).__name__}, not Document")
    result.stages.append(name)
    return result


def build_pipeline(
    names: Iterable[str], options: Mapping[str, Mapping[str, Any]] | None = None
) -> Pipeline:
    """Build a pipeline, checking that each stage's requirements are met in order."""
    options = options or {}
    available = set(READER_FIELDS)
    built: list[tuple[str, Stage]] = []
    for name in names:
        spec = registry.get(name)
        missing = sorted(spec.requires - available)
        if missing:
            raise ConfigError(
                f"stage {name!r} requires {missing}, which no earlier stage assigns; "
                "reorder the pipeline or add the stage that assigns them"
            )
        built.append((name, _instantiate(spec, options.get(name, {}))))
        available |= spec.assigns
    return Pipeline(tuple(built))


def _instantiate(spec: StageSpec, options: Mapping[str, Any]) -> Stage:
    try:
        return spec.factory(**options)
    except TypeError as error:
        raise ConfigError(f"bad options for stage {spec.name!r}: {error}") from error
    except ValueError as error:
        raise ConfigError(f"bad option value for stage {spec.name!r}: {error}") from error
