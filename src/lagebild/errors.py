"""The exception tree.  Every error a user can see is one of these.

    LagebildError
    ├── ReadError            a document could not be read (binary, empty, unreadable, too large)
    │   └── FetchError       a URL could not be fetched (timeout, refused, HTTP status, too large)
    ├── ConfigError          the configuration is invalid (unknown stage, bad option, misordered)
    ├── StageError           a stage failed while running; names the stage and the document
    └── StoreError           the store could not be opened, migrated or written

The CLI prints ``str(error)`` on one line and exits non-zero; nothing else
reaches the user as a traceback.
"""

from __future__ import annotations


class LagebildError(Exception):
    """Base of every error lagebild raises on purpose."""


class ReadError(LagebildError):
    """A source could not be turned into a document."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class FetchError(ReadError):
    """A URL could not be fetched; ``reason`` says why in words ("timed out after 30 s")."""


class ConfigError(LagebildError):
    """The pipeline configuration is invalid."""


class StageError(LagebildError):
    """A pipeline stage raised or returned something that is not a Document."""

    def __init__(self, stage: str, source: str, reason: str) -> None:
        super().__init__(f"stage {stage!r} failed on {source or '<text>'}: {reason}")
        self.stage = stage
        self.source = source
        self.reason = reason


class StoreError(LagebildError):
    """The store could not be opened, migrated or written."""
