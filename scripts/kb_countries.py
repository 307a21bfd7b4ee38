"""Append every ISO 3166-1 country missing from countries.yaml, named from pycountry.

    .venv/bin/python scripts/kb_countries.py [src/lagebild/kb/data/countries.yaml]

English names come from pycountry (``common_name`` where it has one), German
names from the iso-codes gettext catalogue that pycountry ships.  Entries
already in the file (matched by ``iso_code``) are left exactly as they are, so
curated aliases and nationality stems survive a re-run.  Run kb_geonames.py
afterwards for GeoNames ids and coordinates.
"""

from __future__ import annotations

import gettext
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any

import pycountry
import yaml
from kb_style import item

DEFAULT = Path(__file__).resolve().parents[1] / "src/lagebild/kb/data/countries.yaml"


def english(country: Any) -> str:
    """A running-text English name: "Tanzania", "British Virgin Islands"."""
    common = getattr(country, "common_name", None)
    return str(common) if common else uninvert(str(country.name))


def uninvert(name: str) -> str:
    """'Virgin Islands, British' → 'British Virgin Islands'; lists ("and", "und") stay."""
    if ", " not in name or " and " in name or " und " in name:
        return name
    head, tail = name.split(", ", 1)
    return f"{tail} {head}"


def slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


def entity(country: Any, german: gettext.NullTranslations) -> dict[str, Any]:
    """The KB item for one pycountry country."""
    name = english(country)
    de_source = getattr(country, "common_name", None) or country.name
    de_name = uninvert(german.gettext(de_source))
    aliases = [n for n in (country.name, getattr(country, "official_name", None)) if n]
    aliases = [a for a in dict.fromkeys(aliases) if a not in (name, de_name) and ", " not in a]
    return {
        "id": f"place/{slug(name)}",
        "type": "PLACE",
        "kind": "country",
        "name": name,
        "names": {"en": name, "de": de_name},
        "aliases": aliases,
        "iso_code": country.alpha_2,
    }


def main(path: Path) -> int:
    text = path.read_text(encoding="utf-8")
    present = {e.get("iso_code") for e in yaml.safe_load(text) or []}
    german = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["de"])
    missing = [c for c in pycountry.countries if c.alpha_2 not in present]
    items = [item(entity(c, german)) for c in sorted(missing, key=english)]
    if items:
        path.write_text(text.rstrip("\n") + "\n\n" + "\n\n".join(items) + "\n", encoding="utf-8")
    print(f"{path}: {len(items)} countries appended, {len(present)} were present")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT))
