"""oms.v1.UploadService.StreamUpload: a file as a client stream, checked and stored as it
passes, against the real OMS (MongoDB, S3 multipart, SQS) and an in-process IMS."""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import AsyncIterator, Callable, Iterable

import grpc
import pytest
from iam.v1 import api_key_pb2, api_key_pb2_grpc
from oms.v1 import upload_pb2, upload_pb2_grpc

from common.clients.aws import client_kwargs, new_session
from common.clients.mongo import MongoStore
from common.clients.s3 import ObjectStore
from common.clients.sqs import QueueClient
from common.grpc.errors import field_violations
from common.grpc.server import GrpcServer
from common.settings import AwsSettings
from oms_grpc.core.domain.bulk_messages import CreateBulkOrder
from tests.oms.test_uploads_api import (
    HEADER,
    assert_nothing_written,
    csv_body,
    object_keys,
    queued_messages,
    rpc_error,
)
from tests.support.auth import bearer

CHUNK = 256 * 1024


def header(tenant: str, filename: str = "big.csv") -> upload_pb2.StreamUploadRequest:
    return upload_pb2.StreamUploadRequest(
        header=upload_pb2.UploadHeader(tenant_id=tenant, filename=filename)
    )


def chunks(data: bytes, size: int = CHUNK) -> list[upload_pb2.StreamUploadRequest]:
    return [
        upload_pb2.StreamUploadRequest(chunk=data[n : n + size]) for n in range(0, len(data), size)
    ]


async def stream(messages: Iterable[upload_pb2.StreamUploadRequest]) -> AsyncIterator[object]:
    for message in messages:
        yield message


def big_csv(tenant: str, size: int) -> bytes:
    row = f"{tenant},seller,hub,sku,1\n".encode()
    return HEADER.encode() + b"\n" + row * (size // len(row))


async def incomplete_multipart_uploads(settings: AwsSettings) -> list[str]:
    async with new_session().client("s3", **client_kwargs(settings, "s3")) as s3:
        reply = await s3.list_multipart_uploads(Bucket=settings.s3_bucket)
    return [u["Key"] for u in reply.get("Uploads", [])]


async def eventually(settings: AwsSettings, wanted: Callable[[list[str]], bool]) -> None:
    """Wait (at most 30 s) until the incomplete multipart uploads are as `wanted`."""
    async with asyncio.timeout(30):
        while not wanted(await incomplete_multipart_uploads(settings)):  # noqa: ASYNC110
            await asyncio.sleep(0.05)


async def test_a_large_file_streams_into_s3_in_parts_and_is_queued_once(
    uploads: upload_pb2_grpc.UploadServiceStub,
    tenant_id: str,
    aws_settings: AwsSettings,
    objects: ObjectStore,
    queue: QueueClient,
) -> None:
    data = big_csv(tenant_id, 20 * 1024 * 1024)  # more than two 8 MiB parts
    reply = await uploads.StreamUpload(stream([header(tenant_id), *chunks(data)]))
    upload = reply.upload
    assert upload.state == upload_pb2.UPLOAD_STATE_QUEUED
    assert (upload.tenant_id, upload.filename) == (tenant_id, "big.csv")
    assert await object_keys(aws_settings) == [upload.object_key]
    stored = hashlib.sha256()
    async for piece in objects.stream(upload.object_key):
        stored.update(piece)
    assert stored.hexdigest() == hashlib.sha256(data).hexdigest()
    assert await incomplete_multipart_uploads(aws_settings) == []
    [message] = await queued_messages(queue)
    sent = CreateBulkOrder.from_json(message.body)
    assert (sent.upload_id, sent.object_key) == (upload.id, upload.object_key)


async def test_a_small_file_in_tiny_chunks_is_the_same_file(
    uploads: upload_pb2_grpc.UploadServiceStub, tenant_id: str, objects: ObjectStore
) -> None:
    data = b"\xef\xbb\xbf" + csv_body(tenant_id) + "Grüße\n".encode()
    reply = await uploads.StreamUpload(stream([header(tenant_id), *chunks(data, size=1)]))
    assert await objects.get(reply.upload.object_key) == data


@pytest.mark.parametrize(
    ("messages", "field", "says"),
    [
        (lambda t: [], "header", "the first message must be the header"),
        (lambda t: chunks(csv_body(t)), "header", "the first message must be the header"),
        (lambda t: [header(t), header(t)], "header", "only the first message"),
        (lambda t: [header("nope")], "header.tenant_id", "UUID"),
        (lambda t: [header(t, "a\nb.csv")], "header.filename", "control characters"),
        (lambda t: [header(t)], "file", "empty"),
        (
            lambda t: [header(t), *chunks(csv_body(t) + "Grüße".encode("latin-1"), 7)],
            "file",
            "UTF-8",
        ),
        (lambda t: [header(t), *chunks(b"tenant_id,quantity\n")], "file", "sku_id"),
    ],
)
async def test_bad_streams_are_refused_and_nothing_is_written(
    uploads: upload_pb2_grpc.UploadServiceStub,
    tenant_id: str,
    aws_settings: AwsSettings,
    queue: QueueClient,
    mongo_store: MongoStore,
    messages: object,
    field: str,
    says: str,
) -> None:
    sent = messages(tenant_id)  # type: ignore[operator]
    error = await rpc_error(uploads.StreamUpload(stream(sent)))
    assert error.code() == grpc.StatusCode.INVALID_ARGUMENT, error.details()
    assert [v.field for v in field_violations(error)] == [field]
    assert says in field_violations(error)[0].description
    await assert_nothing_written(aws_settings, queue, mongo_store)
    assert await incomplete_multipart_uploads(aws_settings) == []


async def test_the_size_limit_cuts_a_stream_off_when_it_is_passed(
    limited_uploads: upload_pb2_grpc.UploadServiceStub,
    tenant_id: str,
    aws_settings: AwsSettings,
    queue: QueueClient,
    mongo_store: MongoStore,
) -> None:
    async def endless() -> AsyncIterator[upload_pb2.StreamUploadRequest]:
        yield header(tenant_id)
        yield upload_pb2.StreamUploadRequest(chunk=(HEADER + "\n").encode())
        while True:  # far more than the 2000-byte limit, unless the server stops it
            yield upload_pb2.StreamUploadRequest(chunk=b"t,s,h,k,1\n" * 100)

    error = await rpc_error(limited_uploads.StreamUpload(endless()))
    assert error.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert "the limit is 2000 bytes" in field_violations(error)[0].description
    await assert_nothing_written(aws_settings, queue, mongo_store)


async def test_a_cancelled_stream_leaves_nothing_behind(
    uploads: upload_pb2_grpc.UploadServiceStub,
    tenant_id: str,
    aws_settings: AwsSettings,
    queue: QueueClient,
    mongo_store: MongoStore,
) -> None:
    data = big_csv(tenant_id, 12 * 1024 * 1024)
    part_sent = asyncio.Event()

    async def half() -> AsyncIterator[upload_pb2.StreamUploadRequest]:
        yield header(tenant_id)
        for message in chunks(data):
            yield message
        part_sent.set()  # past the first 8 MiB part: a multipart upload is open
        await asyncio.Event().wait()  # and then never ends

    call = uploads.StreamUpload(half())
    await part_sent.wait()
    # The part reaches S3 (moto) while the stream waits; then the server aborts it.
    await eventually(aws_settings, lambda keys: bool(keys))
    call.cancel()
    await eventually(aws_settings, lambda keys: not keys)
    await assert_nothing_written(aws_settings, queue, mongo_store)


async def test_a_tenant_key_streams_without_naming_its_tenant(
    tenant_id: str, ims_channel: grpc.aio.Channel, oms_server: GrpcServer
) -> None:
    key = await api_key_pb2_grpc.ApiKeyServiceStub(ims_channel).CreateApiKey(
        api_key_pb2.CreateApiKeyRequest(
            tenant_id=tenant_id, name="uploader", scopes=[api_key_pb2.SCOPE_WRITE]
        )
    )
    async with grpc.aio.insecure_channel(f"127.0.0.1:{oms_server.port}") as channel:
        stub = upload_pb2_grpc.UploadServiceStub(channel)
        reply = await stub.StreamUpload(
            stream([header(""), *chunks(csv_body(tenant_id))]), metadata=bearer(key.secret)
        )
        assert reply.upload.tenant_id == tenant_id
        refused = await rpc_error(
            stub.StreamUpload(stream([header(""), *chunks(csv_body(tenant_id))]))
        )
        assert refused.code() == grpc.StatusCode.UNAUTHENTICATED
