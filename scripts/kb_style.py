"""The house style of KB data files, shared by the kb_* scripts.

One block item per entity; lists and mappings in flow style on one line, so a
script can find an item's fields line by line (``kb_geonames.py`` rewrites the
coordinate lines in place and leaves comments and everything else alone).
"""

from __future__ import annotations

import re
from typing import Any

import yaml

ORDER = [  # the field order of docs/kb.md
    "id",
    "type",
    "kind",
    "name",
    "description",
    "names",
    "aliases",
    "role_aliases",
    "designations",
    "nationality",
    "roles",
    "country",
    "parent",
    "since",
    "until",
    "iso_code",
    "wikidata",
    "geonames_id",
    "lat",
    "lon",
    "feature_class",
    "coords_source",
]


_QUOTED_DATE = re.compile(r"'(\d{4}(?:-\d{2}){0,2})'")


def flow(value: Any) -> str:
    """``value`` as one line of flow-style YAML; dates stay unquoted (the KB loader keeps
    them as strings, and a plain YAML reader's dates are accepted too)."""
    text = yaml.safe_dump(
        value, default_flow_style=True, allow_unicode=True, width=10**6, sort_keys=False
    )
    return _QUOTED_DATE.sub(r"\1", text.strip().removesuffix("...").strip())


def item(entity: dict[str, Any]) -> str:
    """The YAML of one entity as a list item.

    Lists of mappings (roles, dated role phrases, flagged aliases) go one element per
    line; lists of plain strings and mappings of names stay on one line.
    """
    lines = []
    keys = [k for k in ORDER if k in entity and entity[k] not in (None, [], {})]
    extra = [k for k in entity if k not in ORDER]
    if extra:
        raise ValueError(f"unknown fields {extra} in {entity.get('id')}")
    for n, key in enumerate(keys):
        lead = "- " if n == 0 else "  "
        value = entity[key]
        if isinstance(value, list) and any(isinstance(v, dict) for v in value):
            lines.append(f"{lead}{key}:")
            lines.extend(f"    - {flow(element)}" for element in value)
        else:
            lines.append(f"{lead}{key}: {flow(value)}")
    return "\n".join(lines)


def document(header: str, entities: list[dict[str, Any]]) -> str:
    """A whole data file: a comment header, then the items separated by blank lines."""
    return header.rstrip() + "\n\n" + "\n\n".join(item(e) for e in entities) + "\n"
