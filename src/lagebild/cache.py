"""Where lagebild keeps data it derives and can rebuild (place index, knowledge base,
language model): ``$LAGEBILD_CACHE``, else ``~/.cache/lagebild``."""

from __future__ import annotations

import os
from pathlib import Path

CACHE_ENV = "LAGEBILD_CACHE"


def cache_folder() -> Path:
    """Where derived data is kept: ``$LAGEBILD_CACHE``, else ``~/.cache/lagebild``."""
    return Path(os.environ.get(CACHE_ENV) or Path.home() / ".cache" / "lagebild")
