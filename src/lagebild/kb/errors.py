"""Errors of the knowledge base.  All are :class:`lagebild.errors.LagebildError`.

KBError
├── KBValidationError     the KB files are invalid; lists every issue with file and item
├── UnknownEntityError    no entity has this id (also a KeyError)
├── UnknownAliasError     no entity has this surface form (also a KeyError)
└── AmbiguousAliasError   a surface form denotes more than one entity (also a LookupError)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from lagebild.errors import LagebildError


@dataclass(frozen=True)
class Issue:
    """One validation problem: where it is and what is wrong."""

    source: str
    item: int | None
    entity_id: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = self.source
        if self.item is not None:
            where += f" item {self.item}"
        if self.line is not None:
            where += f" (line {self.line})"
        if self.entity_id:
            where += f" [{self.entity_id}]"
        return f"{where}: {self.message}"


class KBError(LagebildError):
    """Base of every knowledge-base error."""

    def __str__(self) -> str:  # KeyError subclasses would otherwise repr() their message
        return str(self.args[0]) if self.args else ""


class KBValidationError(KBError):
    """The knowledge base did not validate; ``issues`` lists every problem found."""

    def __init__(self, issues: Sequence[Issue]) -> None:
        self.issues = tuple(issues)
        count = len(self.issues)
        lines = "\n".join(f"  {issue}" for issue in self.issues)
        super().__init__(f"knowledge base invalid ({count} issue{'s' * (count != 1)}):\n{lines}")


class UnknownEntityError(KBError, KeyError):
    """No entity has the requested id."""


class UnknownAliasError(KBError, KeyError):
    """No entity is known by the requested surface form."""


class AmbiguousAliasError(KBError, LookupError):
    """A surface form denotes several entities; ``candidates`` holds their ids."""

    def __init__(self, text: str, candidates: Sequence[str]) -> None:
        self.text = text
        self.candidates = tuple(candidates)
        super().__init__(f"{text!r} is ambiguous: {', '.join(self.candidates)}")
