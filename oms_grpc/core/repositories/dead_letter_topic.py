"""The Kafka dead-letter topic as a list of letters, and their redrive.

Kafka keeps a topic's records, so a redriven letter stays on the topic; the
`dead_letter_redrives` collection records which were sent back (one document per letter
id, written after the send: a crash in between leaves the letter unmarked, and sending it
back again is harmless, since every consumer is idempotent — marking first could lose it).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from pymongo.asynchronous.collection import AsyncCollection
from pymongo.errors import DuplicateKeyError

from common.clients.kafka import LazyProducer, Message
from common.clients.kafka_reader import TopicReader
from common.dead_letters import letter_origin, original_headers
from common.timestamps import utc_now_ms
from oms_grpc.core.domain.dead_letters import (
    AlreadyRedrivenError,
    DeadLetter,
    DeadLetterNotFoundError,
    LetterPage,
    LetterSource,
    NotRedrivableError,
    TopicLetterId,
    cut_payload,
)
from oms_grpc.core.repositories.event_payloads import EventPayloads

REDRIVEN_FROM = "redriven-from"


class TopicDeadLetters:
    def __init__(
        self,
        *,
        topic: str,
        reader: TopicReader,
        producer: LazyProducer,
        redrives: AsyncCollection[dict[str, Any]],
        payloads: EventPayloads,
    ) -> None:
        self._topic = topic
        self._reader = reader
        self._producer = producer
        self._redrives = redrives
        self._payloads = payloads

    async def page(self, starts: Mapping[int, int], limit: int) -> LetterPage:
        found = await self._reader.page(self._topic, starts, limit)
        letters = [self._letter(message) for message in found.messages]
        marks = await self._redrive_times(str(letter.id) for letter in letters)
        return LetterPage(
            letters=[_with_mark(letter, marks.get(str(letter.id))) for letter in letters],
            next_offsets=None if found.complete else found.next_offsets,
        )

    async def get(self, letter_id: TopicLetterId) -> DeadLetter:
        return (await self._read(letter_id))[1]

    async def _read(self, letter_id: TopicLetterId) -> tuple[Message, DeadLetter]:
        """The record and the letter it is (with its redrive mark); NOT_FOUND if none."""
        message = await self._reader.record(self._topic, letter_id.partition, letter_id.offset)
        if message is None:
            raise DeadLetterNotFoundError(letter_id)
        marks = await self._redrive_times([str(letter_id)])
        return message, _with_mark(self._letter(message), marks.get(str(letter_id)))

    async def redrive(self, letter_id: TopicLetterId) -> DeadLetter:
        """Send the original record back to its topic, then mark the letter redriven."""
        message, letter = await self._read(letter_id)
        if letter.redrive_time is not None:
            raise AlreadyRedrivenError(letter)
        if letter.origin not in self._payloads.message_types:
            raise NotRedrivableError(letter)  # not set aside by our consumers
        headers = {**original_headers(message.headers), REDRIVEN_FROM: str(letter_id).encode()}
        await self._producer.send(letter.origin, message.value, key=message.key, headers=headers)
        now = utc_now_ms()
        # Redriven twice at once: both sends went out, one mark stays.
        with contextlib.suppress(DuplicateKeyError):
            await self._redrives.insert_one({"_id": str(letter_id), "redrive_time": now})
        return _with_mark(letter, now)

    def _letter(self, message: Message) -> DeadLetter:
        origin = letter_origin(message.headers)
        topic = origin.topic if origin else ""
        tenant_id, payload = self._payloads.describe(topic, message.value)
        return DeadLetter(
            id=TopicLetterId(message.partition, message.offset),
            source=LetterSource.EVENT_TOPIC,
            origin=topic,
            consumer=origin.consumer if origin else "",
            error=origin.error if origin else "",
            attempts=origin.attempts if origin else 0,
            tenant_id=tenant_id,
            key=(message.key or b"").decode(errors="replace"),
            payload=cut_payload(payload),
            dead_letter_time=_from_millis(message.timestamp_ms),
        )

    async def _redrive_times(self, letter_ids: Iterable[str]) -> dict[str, datetime]:
        wanted = list(letter_ids)
        if not wanted:
            return {}
        cursor = self._redrives.find({"_id": {"$in": wanted}})
        return {document["_id"]: document["redrive_time"] for document in await cursor.to_list()}


def _with_mark(letter: DeadLetter, redrive_time: datetime | None) -> DeadLetter:
    if redrive_time is None:
        return letter
    return replace(letter, redrive_time=redrive_time)


def _from_millis(millis: int | None) -> datetime | None:
    return None if millis is None or millis < 0 else datetime.fromtimestamp(millis / 1000, UTC)
