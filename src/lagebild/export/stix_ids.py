"""Deterministic STIX ids and timestamps shared by the STIX export's modules."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

#: Namespace of every lagebild STIX id (uuid5 of a record id in it).
NAMESPACE = uuid.UUID("6f1c2b0e-4c1a-5d0e-9a57-1a6e6b1d2c30")
#: Timestamp of objects shared across documents (identities, locations) and of undated ones.
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def stix_id(kind: str, key: str) -> str:
    """A deterministic STIX id: ``<kind>--uuid5(NAMESPACE, key)``."""
    return f"{kind}--{uuid.uuid5(NAMESPACE, key)}"
