"""DeadLetterService requests → checked inputs, dead letters → messages (no I/O)."""

from __future__ import annotations

from dataclasses import dataclass

from oms.v1 import dead_letter_pb2

from common.errors import FieldViolation, invalid_argument
from common.i18n import render
from common.pagination import PageCursor, decode_token, encode_token, page_size
from common.texts import t
from common.timestamps import to_timestamp
from common.validation import Violations
from oms_grpc.core.domain.dead_letters import (
    DeadLetter,
    LetterId,
    LetterSource,
    parse_letter_id,
)

MAX_PAGE_SIZE = 500
_TOPIC_FINGERPRINT = "event_topic"

_SOURCE_FROM_PROTO = {
    dead_letter_pb2.DEAD_LETTER_SOURCE_UPLOAD_QUEUE: LetterSource.UPLOAD_QUEUE,
    dead_letter_pb2.DEAD_LETTER_SOURCE_EVENT_TOPIC: LetterSource.EVENT_TOPIC,
}
_SOURCE_TO_PROTO = {source: proto for proto, source in _SOURCE_FROM_PROTO.items()}
SOURCE_NAMES = [dead_letter_pb2.DeadLetterSource.Name(proto) for proto in _SOURCE_FROM_PROTO]


@dataclass(frozen=True)
class ListLettersQuery:
    source: LetterSource
    page_size: int
    # Topic: per partition, where this page starts (empty: from the first record).
    starts: dict[int, int]


def parse_list(request: dead_letter_pb2.ListDeadLettersRequest) -> ListLettersQuery:
    violations = Violations()
    source = _SOURCE_FROM_PROTO.get(request.source)
    if source is None:
        violations.add(
            "source",
            t("must be one of {value}", value=", ".join(SOURCE_NAMES)),
        )
    if request.page_size < 0:
        violations.add("page_size", t("must not be negative"))
    if source is LetterSource.UPLOAD_QUEUE and request.page_token:
        violations.add("page_token", t("the upload queue cannot be paged"))
    violations.raise_if_any()
    assert source is not None
    starts: dict[int, int] = {}
    if source is LetterSource.EVENT_TOPIC:
        starts = _offsets(request.page_token)
    return ListLettersQuery(
        source=source,
        page_size=page_size(request.page_size, maximum=MAX_PAGE_SIZE),
        starts=starts,
    )


def topic_page_token(next_offsets: dict[int, int] | None) -> str:
    if next_offsets is None:
        return ""
    after = [[partition, offset] for partition, offset in sorted(next_offsets.items())]
    return encode_token(PageCursor(after=after, fingerprint=_TOPIC_FINGERPRINT))


def _offsets(token: str) -> dict[int, int]:
    cursor = decode_token(token, _TOPIC_FINGERPRINT)
    if cursor is None:
        return {}
    offsets: dict[int, int] = {}
    for item in cursor.after:
        if not (
            isinstance(item, list)
            and len(item) == 2
            and all(isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in item)
        ):
            raise invalid_argument([FieldViolation("page_token", t("is malformed"))])
        offsets[item[0]] = item[1]
    return offsets


def parse_letter(text: str) -> LetterId:
    letter_id = parse_letter_id(text)
    if letter_id is None:
        raise invalid_argument(
            [FieldViolation("id", t("is not a dead letter's id (upload-… or event-…)"))]
        )
    return letter_id


def to_proto(letter: DeadLetter, language: str) -> dead_letter_pb2.DeadLetter:
    message = dead_letter_pb2.DeadLetter(
        id=str(letter.id),
        source=_SOURCE_TO_PROTO[letter.source],
        origin=letter.origin,
        consumer=letter.consumer,
        error=render(letter.error, language),
        attempts=letter.attempts,
        tenant_id=letter.tenant_id,
        key=letter.key,
        payload=letter.payload,
    )
    if letter.dead_letter_time is not None:
        message.dead_letter_time.CopyFrom(to_timestamp(letter.dead_letter_time))
    if letter.redrive_time is not None:
        message.redrive_time.CopyFrom(to_timestamp(letter.redrive_time))
    return message
