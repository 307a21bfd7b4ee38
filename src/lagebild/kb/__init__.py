"""The domain knowledge base: people, organisations, units, places and weapons.

>>> from lagebild.kb import load_kb
>>> kb = load_kb()
>>> kb.resolve("Lukaschenko").id
'person/alexander-lukashenko'
"""

from lagebild.kb.base import Ambiguity, FormRecord, KnowledgeBase, SurfaceForm
from lagebild.kb.errors import (
    AmbiguousAliasError,
    Issue,
    KBError,
    KBValidationError,
    UnknownAliasError,
    UnknownEntityError,
)
from lagebild.kb.loader import build, load_kb
from lagebild.kb.model import AmbiguityDeclaration, Entity, EntityType, Extension, Form, Role
from lagebild.kb.text import fold

__all__ = [
    "Ambiguity",
    "AmbiguityDeclaration",
    "AmbiguousAliasError",
    "Entity",
    "EntityType",
    "Extension",
    "Form",
    "FormRecord",
    "Issue",
    "KBError",
    "KBValidationError",
    "KnowledgeBase",
    "Role",
    "SurfaceForm",
    "UnknownAliasError",
    "UnknownEntityError",
    "build",
    "fold",
    "load_kb",
]
