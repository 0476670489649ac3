"""Time-ordered identifiers (UUIDv7, RFC 9562): unique, sortable, index-friendly."""

from __future__ import annotations

import os
import time
import uuid


def uuid7() -> uuid.UUID:
    """48-bit Unix milliseconds, then version/variant bits and 74 random bits."""
    millis = time.time_ns() // 1_000_000
    rand = int.from_bytes(os.urandom(10), "big")
    value = (millis & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76  # version 7
    value |= ((rand >> 62) & 0xFFF) << 64  # 12 random bits (rand_a)
    value |= 0b10 << 62  # RFC 4122 variant
    value |= rand & ((1 << 62) - 1)  # 62 random bits (rand_b)
    return uuid.UUID(int=value)


def new_id() -> str:
    return str(uuid7())


def parse_uuid(value: str) -> uuid.UUID | None:
    """The UUID in `value`, or None if it is not one (callers report the field)."""
    try:
        return uuid.UUID(value)
    except (ValueError, AttributeError, TypeError):
        return None
