"""Dead letters' ids and the dead-letter headers (pure)."""

from __future__ import annotations

import pytest

from common.dead_letters import LetterOrigin, letter_headers, letter_origin, original_headers
from oms_grpc.core.domain.dead_letters import (
    MAX_PAYLOAD_CHARS,
    QueueLetterId,
    TopicLetterId,
    cut_payload,
    parse_letter_id,
)


@pytest.mark.parametrize(
    "letter_id",
    [
        TopicLetterId(0, 0),
        TopicLetterId(2, 41),
        QueueLetterId("9f0c1d2e-aaaa-4bbb-8ccc-0123456789ab"),
    ],
)
def test_an_id_reads_back_as_itself(letter_id: TopicLetterId | QueueLetterId) -> None:
    assert parse_letter_id(str(letter_id)) == letter_id


@pytest.mark.parametrize(
    "text",
    [
        "",
        "event-",
        "event-1",
        "event-01-2",
        "event--1-2",
        "event-1-2-3",
        f"event-1-{2**63}",
        "upload-",
        "upload-a/b",
        "upload-a:redrive",
        "upload-" + "a" * 101,
        "other-1-2",
    ],
)
def test_anything_else_is_no_id(text: str) -> None:
    assert parse_letter_id(text) is None


def test_headers_carry_the_origin_and_give_the_original_back() -> None:
    original = {"trace-id": b"t1"}
    origin = LetterOrigin(
        topic="order.created",
        partition=2,
        offset=41,
        consumer="order-finalizer",
        error="Boom",
        attempts=3,
    )
    headers = letter_headers(original, origin)
    assert letter_origin(headers) == origin
    assert original_headers(headers) == original
    assert letter_origin(original) is None  # not a dead letter of ours


def test_payloads_are_cut() -> None:
    assert cut_payload("x" * MAX_PAYLOAD_CHARS) == "x" * MAX_PAYLOAD_CHARS
    cut = cut_payload("x" * (MAX_PAYLOAD_CHARS + 5))
    assert len(cut) == MAX_PAYLOAD_CHARS and cut.endswith("…")
