"""S3 object store: put, streamed put (multipart), streamed get, delete, presigned PUT."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import AsyncExitStack
from typing import Any

import aiohttp
from botocore.exceptions import ClientError, IncompleteReadError, ResponseStreamingError

from common.clients.aws import client_kwargs, new_session
from common.settings import AwsSettings

STREAM_RESUMES = 5
# What a connection the server closed mid-body raises while it is read.
_DROPPED_STREAM = (
    ResponseStreamingError,
    IncompleteReadError,
    aiohttp.ClientPayloadError,
    aiohttp.ClientConnectionError,
    ConnectionError,
)


class ObjectNotFoundError(KeyError):
    """The requested key does not exist in the bucket."""


# S3's smallest part (but the last) is 5 MiB; bigger parts mean fewer requests, more memory.
MIN_PART_BYTES = 5 * 1024 * 1024
DEFAULT_PART_BYTES = 8 * 1024 * 1024


class ObjectWriter:
    """One object written piece by piece: at most one part (`part_bytes`) is held at a time.

    A file smaller than one part is stored with one PUT at `complete()`; a larger one as an
    S3 multipart upload, whose parts are sent as they fill. Until `complete()` returns,
    nothing is visible under the key; `abort()` (also safe after a failure, and a no-op
    when nothing was started) removes the parts already sent, so an interrupted write leaves
    nothing behind. Only a process killed between the first part and the end leaves an
    incomplete multipart upload, invisible but stored: give the bucket an
    AbortIncompleteMultipartUpload lifecycle rule.
    """

    def __init__(
        self, client: Any, bucket: str, key: str, content_type: str, part_bytes: int
    ) -> None:
        if part_bytes < MIN_PART_BYTES:
            raise ValueError(f"parts must be at least {MIN_PART_BYTES} bytes")
        self._client = client
        self._bucket = bucket
        self._key = key
        self._content_type = content_type
        self._part_bytes = part_bytes
        self._buffer = bytearray()
        self._upload_id: str | None = None
        self._parts: list[dict[str, Any]] = []
        self.size = 0

    async def write(self, data: bytes) -> None:
        self._buffer += data
        self.size += len(data)
        while len(self._buffer) >= self._part_bytes:
            part = bytes(self._buffer[: self._part_bytes])
            del self._buffer[: self._part_bytes]
            await self._send_part(part)

    async def complete(self) -> None:
        if self._upload_id is None:
            await self._client.put_object(
                Bucket=self._bucket,
                Key=self._key,
                Body=bytes(self._buffer),
                ContentType=self._content_type,
            )
        else:
            if self._buffer:
                await self._send_part(bytes(self._buffer))
            await self._client.complete_multipart_upload(
                Bucket=self._bucket,
                Key=self._key,
                UploadId=self._upload_id,
                MultipartUpload={"Parts": self._parts},
            )
        self._buffer.clear()

    async def abort(self) -> None:
        self._buffer.clear()
        if self._upload_id is not None:
            upload_id, self._upload_id = self._upload_id, None
            await self._client.abort_multipart_upload(
                Bucket=self._bucket, Key=self._key, UploadId=upload_id
            )

    async def _send_part(self, part: bytes) -> None:
        if self._upload_id is None:
            started = await self._client.create_multipart_upload(
                Bucket=self._bucket, Key=self._key, ContentType=self._content_type
            )
            self._upload_id = started["UploadId"]
        number = len(self._parts) + 1
        sent = await self._client.upload_part(
            Bucket=self._bucket,
            Key=self._key,
            UploadId=self._upload_id,
            PartNumber=number,
            Body=part,
        )
        self._parts.append({"ETag": sent["ETag"], "PartNumber": number})


class ObjectStore:
    def __init__(self, client: Any, bucket: str, exit_stack: AsyncExitStack) -> None:
        self._client = client
        self._bucket = bucket
        self._exit_stack = exit_stack

    @classmethod
    async def open(cls, settings: AwsSettings, bucket: str | None = None) -> ObjectStore:
        exit_stack = AsyncExitStack()
        client = await exit_stack.enter_async_context(
            new_session().client("s3", **client_kwargs(settings, "s3"))
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

    def writer(
        self, key: str, content_type: str = "application/octet-stream", part_bytes: int = 0
    ) -> ObjectWriter:
        """A writer that stores `key` from pieces without holding them all (see ObjectWriter)."""
        return ObjectWriter(
            self._client, self._bucket, key, content_type, part_bytes or DEFAULT_PART_BYTES
        )

    async def size_of(self, key: str) -> int | None:
        """The object's size in bytes, or None when there is no such object."""
        try:
            reply = await self._client.head_object(Bucket=self._bucket, Key=key)
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") in {"NoSuchKey", "404", "NotFound"}:
                return None
            raise
        return int(reply["ContentLength"])

    async def copy(self, source_key: str, key: str, content_type: str) -> None:
        """A server-side copy (no bytes through this process); up to 5 GiB."""
        await self._client.copy_object(
            Bucket=self._bucket,
            Key=key,
            CopySource={"Bucket": self._bucket, "Key": source_key},
            ContentType=content_type,
            MetadataDirective="REPLACE",
        )

    async def presigned_put(self, key: str, content_type: str, expires_s: int) -> str:
        """A URL anyone may PUT `key` with (Content-Type `content_type`) until it expires."""
        url: str = await self._client.generate_presigned_url(
            "put_object",
            Params={"Bucket": self._bucket, "Key": key, "ContentType": content_type},
            ExpiresIn=expires_s,
        )
        return url

    async def get(self, key: str) -> bytes:
        chunks = [chunk async for chunk in self.stream(key)]
        return b"".join(chunks)

    async def stream(self, key: str, chunk_size: int = 64 * 1024) -> AsyncIterator[bytes]:
        """Yield the object in chunks without loading it whole.

        A reader may pause for long between chunks (the ingester waits while its outbox is
        behind), and object stores close a connection idle for that long (SeaweedFS after a
        few seconds, S3 after about twenty). A dropped stream is opened again at the byte
        where it stopped (`Range`, pinned to the same ETag, so a replaced object is not
        stitched to the old one), up to `STREAM_RESUMES` times in a row."""
        offset, etag, resumes = 0, None, 0
        while True:
            request: dict[str, Any] = {"Bucket": self._bucket, "Key": key}
            if offset:
                request["Range"] = f"bytes={offset}-"
                request["IfMatch"] = etag
            try:
                response = await self._client.get_object(**request)
            except ClientError as exc:
                if exc.response.get("Error", {}).get("Code") in {"NoSuchKey", "404"}:
                    raise ObjectNotFoundError(key) from exc
                raise
            etag = etag or response.get("ETag")
            body = response["Body"]
            try:
                async for chunk in body.iter_chunks(chunk_size):
                    offset += len(chunk)
                    resumes = 0
                    yield chunk
                return
            except _DROPPED_STREAM:
                resumes += 1
                if resumes > STREAM_RESUMES or etag is None:
                    raise
            finally:
                body.close()

    async def delete(self, key: str) -> None:
        await self._client.delete_object(Bucket=self._bucket, Key=key)

    async def close(self) -> None:
        await self._exit_stack.aclose()
