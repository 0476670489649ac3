"""Refusing a client stream early without losing the refusal.

When a server answers a client-streaming call while the client is still sending, grpc's
Python client can fail its next write and report INTERNAL ("Internal error from Core")
instead of the server's status: the refusal (UNAUTHENTICATED, INVALID_ARGUMENT naming the
field) is lost. So before answering early, a server reads and discards what the client still
sends, up to a bound, as HTTP servers do with an unread request body; past the bound it
answers anyway (a client sending without end cannot hold the server).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

DRAIN_MAX_BYTES = 16 * 1024 * 1024
DRAIN_MAX_S = 5.0


async def drain(
    requests: AsyncIterator[Any], max_bytes: int = DRAIN_MAX_BYTES, max_s: float = DRAIN_MAX_S
) -> None:
    """Read `requests` to its end, or until `max_bytes` (serialized) or `max_s` passed."""
    seen = 0
    try:
        async with asyncio.timeout(max_s):
            async for message in requests:
                seen += message.ByteSize()
                if seen > max_bytes:
                    return
    except Exception:  # the stream broke, or took too long (TimeoutError): answer now
        return
