"""Scraping-debris removal with an offset map back to the raw text."""

from __future__ import annotations

from lagebild.clean.core import CleanResult, clean_text

__all__ = ["CleanResult", "clean_text"]
