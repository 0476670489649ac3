"""Dead letters as the admin API sees them: where one is kept, its id, what it says (pure).

Ids name where a letter can be found again: `upload-<SQS message id>` in the upload queue's
dead-letter queue, `event-<partition>-<offset>` on the dead-letter topic. Both are single
URL path segments without `:` (REST `/admin/dead-letters/{id}:redrive`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

MAX_PAYLOAD_CHARS = 4096

_QUEUE_PREFIX = "upload-"
_TOPIC_PREFIX = "event-"
_SQS_MESSAGE_ID = re.compile(r"[A-Za-z0-9-]{1,100}")
_TOPIC_POSITION = re.compile(r"(0|[1-9][0-9]{0,8})-(0|[1-9][0-9]{0,18})")


class LetterSource(StrEnum):
    UPLOAD_QUEUE = "upload_queue"
    EVENT_TOPIC = "event_topic"


@dataclass(frozen=True)
class QueueLetterId:
    message_id: str

    def __str__(self) -> str:
        return f"{_QUEUE_PREFIX}{self.message_id}"


@dataclass(frozen=True)
class TopicLetterId:
    partition: int
    offset: int

    def __str__(self) -> str:
        return f"{_TOPIC_PREFIX}{self.partition}-{self.offset}"


LetterId = QueueLetterId | TopicLetterId


def parse_letter_id(text: str) -> LetterId | None:
    """None when `text` is no dead letter's id."""
    if text.startswith(_QUEUE_PREFIX):
        message_id = text.removeprefix(_QUEUE_PREFIX)
        return QueueLetterId(message_id) if _SQS_MESSAGE_ID.fullmatch(message_id) else None
    if text.startswith(_TOPIC_PREFIX):
        found = _TOPIC_POSITION.fullmatch(text.removeprefix(_TOPIC_PREFIX))
        if found and int(found.group(2)) < 2**63:
            return TopicLetterId(int(found.group(1)), int(found.group(2)))
    return None


@dataclass(frozen=True)
class DeadLetter:
    id: LetterId
    source: LetterSource
    # Where it came from and goes back to: the upload queue's name or the event's topic.
    origin: str
    # The consumer that set it aside; empty when SQS moved it.
    consumer: str
    # Why (a message id for queue letters: the upload's stored error; may be empty).
    error: str
    attempts: int
    tenant_id: str
    key: str
    payload: str
    dead_letter_time: datetime | None
    redrive_time: datetime | None = None


@dataclass(frozen=True)
class LetterPage:
    letters: list[DeadLetter]
    # Topic letters: per partition, where the next page starts; None on the last page.
    next_offsets: dict[int, int] | None = None
    # Queue letters: the dead-letter queue's approximate size.
    queue_depth: int | None = None


class DeadLetterNotFoundError(Exception):
    def __init__(self, letter_id: LetterId) -> None:
        super().__init__(str(letter_id))
        self.letter_id = letter_id


class AlreadyRedrivenError(Exception):
    def __init__(self, letter: DeadLetter) -> None:
        super().__init__(str(letter.id))
        self.letter = letter


class NotRedrivableError(Exception):
    """The letter names no origin it could go back to (not set aside by our consumers)."""

    def __init__(self, letter: DeadLetter) -> None:
        super().__init__(str(letter.id))
        self.letter = letter


def cut_payload(text: str) -> str:
    return text if len(text) <= MAX_PAYLOAD_CHARS else text[: MAX_PAYLOAD_CHARS - 1] + "…"
