"""S3 object store: put, streamed get, delete."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import AsyncExitStack
from typing import Any

from botocore.exceptions import ClientError

from common.clients.aws import client_kwargs, new_session
from common.settings import AwsSettings


class ObjectNotFoundError(KeyError):
    """The requested key does not exist in the bucket."""


class ObjectStore:
    def __init__(self, client: Any, bucket: str, exit_stack: AsyncExitStack) -> None:
        self._client = client
        self._bucket = bucket
        self._exit_stack = exit_stack

    @classmethod
    async def open(cls, settings: AwsSettings, bucket: str | None = None) -> ObjectStore:
        exit_stack = AsyncExitStack()
        client = await exit_stack.enter_async_context(
            new_session().client("s3", **client_kwargs(settings))
        )
        return cls(client, bucket or settings.s3_bucket, exit_stack)

    @property
    def bucket(self) -> str:
        return self._bucket

    async def put(
        self, key: str, body: bytes, content_type: str = "application/octet-stream"
    ) -> None:
        await self._client.put_object(
            Bucket=self._bucket, Key=key, Body=body, ContentType=content_type
        )

    async def get(self, key: str) -> bytes:
        chunks = [chunk async for chunk in self.stream(key)]
        return b"".join(chunks)

    async def stream(self, key: str, chunk_size: int = 64 * 1024) -> AsyncIterator[bytes]:
        """Yield the object in chunks without loading it whole."""
        try:
            response = await self._client.get_object(Bucket=self._bucket, Key=key)
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") in {"NoSuchKey", "404"}:
                raise ObjectNotFoundError(key) from exc
            raise
        body = response["Body"]
        try:
            async for chunk in body.iter_chunks(chunk_size):
                yield chunk
        finally:
            body.close()

    async def delete(self, key: str) -> None:
        await self._client.delete_object(Bucket=self._bucket, Key=key)

    async def close(self) -> None:
        await self._exit_stack.aclose()
