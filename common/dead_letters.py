"""The dead-letter topic's record headers: what a consumer writes when it sets a message
aside, and how a reader gets the origin and the reason back (pure).

A dead letter keeps the original value, key and headers, plus these. Written by
`consumers.event_loop`, read by OMS's dead-letter admin API.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

ERROR = "dead-letter-error"
CONSUMER = "dead-letter-consumer"
ATTEMPTS = "dead-letter-attempts"
SOURCE_TOPIC = "source-topic"
SOURCE_PARTITION = "source-partition"
SOURCE_OFFSET = "source-offset"
ADDED = (ERROR, CONSUMER, ATTEMPTS, SOURCE_TOPIC, SOURCE_PARTITION, SOURCE_OFFSET)

MAX_ERROR_CHARS = 2000


@dataclass(frozen=True)
class LetterOrigin:
    """Where a dead letter came from and why it was set aside."""

    topic: str
    partition: int | None
    offset: int | None
    consumer: str
    error: str
    attempts: int


def letter_headers(original: Mapping[str, bytes], origin: LetterOrigin) -> dict[str, bytes]:
    """The original headers plus the origin's (the error cut at MAX_ERROR_CHARS)."""
    return {
        **original,
        ERROR: origin.error[:MAX_ERROR_CHARS].encode(),
        CONSUMER: origin.consumer.encode(),
        ATTEMPTS: str(origin.attempts).encode(),
        SOURCE_TOPIC: origin.topic.encode(),
        SOURCE_PARTITION: str(origin.partition).encode(),
        SOURCE_OFFSET: str(origin.offset).encode(),
    }


def letter_origin(headers: Mapping[str, bytes]) -> LetterOrigin | None:
    """The origin a dead letter's headers name; None for a record without a source topic
    (not written by our consumers)."""
    topic = _text(headers, SOURCE_TOPIC)
    if not topic:
        return None
    return LetterOrigin(
        topic=topic,
        partition=_number(headers, SOURCE_PARTITION),
        offset=_number(headers, SOURCE_OFFSET),
        consumer=_text(headers, CONSUMER),
        error=_text(headers, ERROR),
        attempts=_number(headers, ATTEMPTS) or 0,
    )


def original_headers(headers: Mapping[str, bytes]) -> dict[str, bytes]:
    """The headers the message had before it was set aside (to send it back)."""
    return {name: value for name, value in headers.items() if name not in ADDED}


def _text(headers: Mapping[str, bytes], name: str) -> str:
    return headers.get(name, b"").decode(errors="replace")


def _number(headers: Mapping[str, bytes], name: str) -> int | None:
    try:
        return int(headers.get(name, b""))
    except ValueError:
        return None
