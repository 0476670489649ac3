"""When a delivery is the last one SQS allows before the dead-letter queue."""

from __future__ import annotations

from common.clients.sqs import QueueMessage
from consumers.csv_ingester.consumer import QueueConfig


def _delivery(count: int) -> QueueMessage:
    return QueueMessage(message_id="m", receipt_handle="r", body="{}", receive_count=count)


def test_the_delivery_that_reaches_max_receive_count_is_the_last() -> None:
    config = QueueConfig(
        receive_wait_s=1, visibility_timeout_s=1, receive_retry_delay_s=0, max_receive_count=3
    )
    assert [config.is_last_delivery(_delivery(n)) for n in (1, 2, 3, 4)] == [
        False,
        False,
        True,
        True,
    ]


def test_without_a_dead_letter_queue_no_delivery_is_the_last() -> None:
    config = QueueConfig(receive_wait_s=1, visibility_timeout_s=1, receive_retry_delay_s=0)
    assert not config.is_last_delivery(_delivery(1000))
