"""QueueClient against the real SQS endpoint of the stack (queue + dead-letter queue)."""

from __future__ import annotations

import asyncio

from common.clients.sqs import QueueClient
from common.settings import AwsSettings


async def test_send_receive_delete(aws_settings: AwsSettings) -> None:
    queue = await QueueClient.open(aws_settings)
    try:
        await queue.send('{"upload_id": "u1"}', attributes={"type": "CreateBulkOrder"})
        [message] = await queue.receive(wait_time_s=5)
        assert message.body == '{"upload_id": "u1"}'
        assert message.receive_count == 1

        await queue.delete(message)
        await asyncio.sleep(1.5)  # past the 1 s visibility timeout of the test queue
        assert await queue.receive(wait_time_s=1) == []
    finally:
        await queue.close()


async def test_unacknowledged_message_is_redelivered_then_dead_lettered(
    aws_settings: AwsSettings,
) -> None:
    queue = await QueueClient.open(aws_settings)
    dead_letters = await QueueClient.open(aws_settings, aws_settings.sqs_dead_letter_queue_name)
    try:
        await queue.send("poison")
        counts = []
        for _ in range(aws_settings.sqs_max_receive_count):
            [message] = await queue.receive(wait_time_s=5)
            counts.append(message.receive_count)
            await asyncio.sleep(1.2)  # never deleted: becomes visible again
        assert counts == list(range(1, aws_settings.sqs_max_receive_count + 1))

        # One receive past maxReceiveCount moves it to the DLQ instead of delivering it.
        assert await queue.receive(wait_time_s=1) == []
        [dead] = await dead_letters.receive(wait_time_s=5)
        assert dead.body == "poison"
    finally:
        await queue.close()
        await dead_letters.close()
