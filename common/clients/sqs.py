"""SQS queue: send, long-poll receive, delete, extend visibility."""

from __future__ import annotations

import json
from contextlib import AsyncExitStack
from dataclasses import dataclass
from typing import Any

from botocore.exceptions import ClientError

from common.clients.aws import client_kwargs, new_session
from common.settings import AwsSettings

STALE_RECEIPT_HANDLE = "ReceiptHandleIsInvalid"


@dataclass(frozen=True)
class QueueMessage:
    message_id: str
    receipt_handle: str
    body: str
    receive_count: int
    # When it was first sent (to this queue or, for a dead letter, to the queue it left).
    sent_timestamp_ms: int | None = None


class QueueClient:
    def __init__(self, client: Any, queue_url: str, exit_stack: AsyncExitStack) -> None:
        self._client = client
        self._queue_url = queue_url
        self._exit_stack = exit_stack

    @classmethod
    async def open(cls, settings: AwsSettings, queue_name: str | None = None) -> QueueClient:
        exit_stack = AsyncExitStack()
        client = await exit_stack.enter_async_context(
            new_session().client("sqs", **client_kwargs(settings, "sqs"))
        )
        try:
            reply = await client.get_queue_url(QueueName=queue_name or settings.sqs_queue_name)
        except BaseException:
            await exit_stack.aclose()
            raise
        return cls(client, reply["QueueUrl"], exit_stack)

    @property
    def queue_url(self) -> str:
        return self._queue_url

    async def send(self, body: str, attributes: dict[str, str] | None = None) -> str:
        message_attributes = {
            name: {"DataType": "String", "StringValue": value}
            for name, value in (attributes or {}).items()
        }
        kwargs: dict[str, Any] = {"QueueUrl": self._queue_url, "MessageBody": body}
        if message_attributes:
            kwargs["MessageAttributes"] = message_attributes
        reply = await self._client.send_message(**kwargs)
        return str(reply["MessageId"])

    async def receive(
        self,
        *,
        max_messages: int = 1,
        wait_time_s: int = 20,
        visibility_timeout_s: int | None = None,
    ) -> list[QueueMessage]:
        """Long-poll for up to `max_messages` (1..10)."""
        kwargs: dict[str, Any] = {
            "QueueUrl": self._queue_url,
            "MaxNumberOfMessages": max_messages,
            "WaitTimeSeconds": wait_time_s,
            "MessageSystemAttributeNames": ["ApproximateReceiveCount", "SentTimestamp"],
        }
        if visibility_timeout_s is not None:
            kwargs["VisibilityTimeout"] = visibility_timeout_s
        reply = await self._client.receive_message(**kwargs)
        return [
            QueueMessage(
                message_id=m["MessageId"],
                receipt_handle=m["ReceiptHandle"],
                body=m["Body"],
                receive_count=int(m.get("Attributes", {}).get("ApproximateReceiveCount", "1")),
                sent_timestamp_ms=_number(m.get("Attributes", {}).get("SentTimestamp")),
            )
            for m in reply.get("Messages", [])
        ]

    async def delete(self, message: QueueMessage) -> None:
        """Delete the message. A receipt handle that is no longer the latest (the message
        was delivered again meanwhile, or already deleted) deletes nothing: AWS answers
        that with success, some SQS servers (ElasticMQ) with ReceiptHandleIsInvalid; both
        mean the same here."""
        try:
            await self._client.delete_message(
                QueueUrl=self._queue_url, ReceiptHandle=message.receipt_handle
            )
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") != STALE_RECEIPT_HANDLE:
                raise

    async def extend_visibility(self, message: QueueMessage, timeout_s: int) -> None:
        await self._client.change_message_visibility(
            QueueUrl=self._queue_url,
            ReceiptHandle=message.receipt_handle,
            VisibilityTimeout=timeout_s,
        )

    async def release(self, message: QueueMessage) -> None:
        """Make a received message visible again at once (a stale handle changes nothing)."""
        try:
            await self.extend_visibility(message, 0)
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") not in (
                STALE_RECEIPT_HANDLE,
                "MessageNotInflight",
            ):
                raise

    async def pending(self) -> int:
        """Messages in the queue, waiting, in flight or delayed (SQS's approximations)."""
        names = [
            "ApproximateNumberOfMessages",
            "ApproximateNumberOfMessagesNotVisible",
            "ApproximateNumberOfMessagesDelayed",
        ]
        reply = await self._client.get_queue_attributes(
            QueueUrl=self._queue_url, AttributeNames=names
        )
        attributes = reply.get("Attributes", {})
        return sum(int(attributes.get(name, 0)) for name in names)

    async def max_receive_count(self) -> int | None:
        """The queue's redrive `maxReceiveCount`: after that many deliveries SQS moves a
        message to the dead-letter queue. None when the queue has no redrive policy."""
        reply = await self._client.get_queue_attributes(
            QueueUrl=self._queue_url, AttributeNames=["RedrivePolicy"]
        )
        policy = reply.get("Attributes", {}).get("RedrivePolicy")
        if not policy:
            return None
        return int(json.loads(policy)["maxReceiveCount"])

    async def close(self) -> None:
        await self._exit_stack.aclose()


def _number(text: str | None) -> int | None:
    try:
        return int(text) if text is not None else None
    except ValueError:
        return None
