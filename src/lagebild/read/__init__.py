"""Readers: turn files, directories, stdin and strings into Documents.

Every reader yields ``Document`` or ``Skip``; a source that cannot be read is
never silently dropped.  Readers fill ``source``, ``title``, ``author``,
``url``, ``published``, ``raw_text`` and ``metadata``; stages do the rest.
"""

from __future__ import annotations

from lagebild.read.base import Skip, document_from_text
from lagebild.read.dispatch import read_source, read_sources

__all__ = ["Skip", "document_from_text", "read_source", "read_sources"]
