"""Write the JSON Schema of the analysis contract, generated from the records.

python -m lagebild.schema docs/schema.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from lagebild.records import Analysis


def contract_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of ``lagebild analyze --format json``."""
    schema = Analysis.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://lagebild.invalid/schema/analysis.json"
    return schema


def render_schema() -> str:
    return json.dumps(contract_schema(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m lagebild.schema OUTPUT.json", file=sys.stderr)
        return 2
    Path(argv[0]).write_text(render_schema(), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
