"""CreateUploadUrl + ImportUpload: a file PUT straight into S3 with a presigned URL, then
made an upload (the original's POST /orders/bulk), against the real OMS, S3 and SQS."""

from __future__ import annotations

import aiohttp
import grpc
from oms.v1 import upload_pb2, upload_pb2_grpc

from common.clients.mongo import MongoStore
from common.clients.s3 import ObjectStore
from common.clients.sqs import QueueClient
from common.grpc.errors import field_violations
from common.settings import AwsSettings
from oms_grpc.core.domain.bulk_messages import CreateBulkOrder
from tests.oms.test_uploads_api import csv_body, object_keys, queued_messages, rpc_error
from tests.support.ims_catalog import ImsCatalog


async def put(url: str, headers: dict[str, str], data: bytes) -> int:
    async with (
        aiohttp.ClientSession() as session,
        session.put(url, data=data, headers=headers) as reply,
    ):
        return reply.status


async def test_a_file_put_with_the_url_becomes_an_upload_of_its_own_copy(
    uploads: upload_pb2_grpc.UploadServiceStub,
    tenant_id: str,
    aws_settings: AwsSettings,
    objects: ObjectStore,
    queue: QueueClient,
) -> None:
    slot = await uploads.CreateUploadUrl(
        upload_pb2.CreateUploadUrlRequest(tenant_id=tenant_id, filename="Big Orders.csv")
    )
    assert slot.bucket == aws_settings.s3_bucket
    assert slot.key.startswith(f"incoming/{tenant_id}/") and slot.key.endswith("/Big_Orders.csv")
    assert dict(slot.headers) == {"Content-Type": "text/csv"}
    data = csv_body(tenant_id, rows=50)
    assert await put(slot.url, dict(slot.headers), data) == 200

    imported = await uploads.ImportUpload(
        upload_pb2.ImportUploadRequest(tenant_id=tenant_id, bucket=slot.bucket, key=slot.key)
    )
    upload = imported.upload
    assert upload.state == upload_pb2.UPLOAD_STATE_QUEUED
    assert upload.filename == "Big_Orders.csv"
    assert upload.object_key.startswith("uploads/") and upload.object_key != slot.key
    assert await objects.get(upload.object_key) == data
    [message] = await queued_messages(queue)
    assert CreateBulkOrder.from_json(message.body).object_key == upload.object_key

    # The URL still works until it expires, but changes nothing already imported.
    assert await put(slot.url, dict(slot.headers), csv_body(tenant_id, rows=1)) == 200
    assert await objects.get(upload.object_key) == data


async def test_only_the_tenants_own_checked_objects_are_imported(
    uploads: upload_pb2_grpc.UploadServiceStub,
    tenant_id: str,
    ims_channel: grpc.aio.Channel,
    aws_settings: AwsSettings,
    queue: QueueClient,
    mongo_store: MongoStore,
) -> None:
    other = await ImsCatalog(ims_channel).tenant()
    theirs = await uploads.CreateUploadUrl(upload_pb2.CreateUploadUrlRequest(tenant_id=other))
    assert await put(theirs.url, dict(theirs.headers), csv_body(other)) == 200
    mine = await uploads.CreateUploadUrl(upload_pb2.CreateUploadUrlRequest(tenant_id=tenant_id))
    bucket = aws_settings.s3_bucket

    def request(key: str, bucket: str = bucket) -> upload_pb2.ImportUploadRequest:
        return upload_pb2.ImportUploadRequest(tenant_id=tenant_id, bucket=bucket, key=key)

    for key in (theirs.key, mine.key, "uploads/anything.csv", f"incoming/{tenant_id}/../x"):
        error = await rpc_error(uploads.ImportUpload(request(key)))  # not mine, or not there
        assert error.code() == grpc.StatusCode.NOT_FOUND, (key, error.details())
    wrong_bucket = await rpc_error(uploads.ImportUpload(request(mine.key, bucket="elsewhere")))
    assert wrong_bucket.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert [v.field for v in field_violations(wrong_bucket)] == ["bucket"]

    latin1 = csv_body(tenant_id) + "Grüße\n".encode("latin-1")
    assert await put(mine.url, dict(mine.headers), latin1) == 200
    refused = await rpc_error(uploads.ImportUpload(request(mine.key)))
    assert refused.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert [v.field for v in field_violations(refused)] == ["file"]
    assert "UTF-8" in field_violations(refused)[0].description
    # Nothing was made of it: no upload, no message, no copy; the two PUT objects remain.
    assert await mongo_store.db["uploads"].count_documents({}) == 0
    assert await queued_messages(queue) == []
    assert await object_keys(aws_settings) == sorted([theirs.key, mine.key])
