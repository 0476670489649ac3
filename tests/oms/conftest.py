"""Fixtures of the upload tests: stubs on the test's OMS, its tenant, queue and bucket."""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator

import grpc
import pytest
from oms.v1 import upload_pb2_grpc

from common.clients.mongo import MongoStore
from common.clients.s3 import ObjectStore
from common.clients.sqs import QueueClient
from common.settings import AwsSettings
from oms_grpc.core.repositories.uploads import UploadRepository
from oms_grpc.main import OmsSettingsBundle
from tests.support.auth import admin_channel
from tests.support.ims_catalog import ImsCatalog


@pytest.fixture
def uploads(oms_channel: grpc.aio.Channel) -> upload_pb2_grpc.UploadServiceStub:
    return upload_pb2_grpc.UploadServiceStub(oms_channel)


@pytest.fixture
async def tenant_id(ims_channel: grpc.aio.Channel) -> str:
    return await ImsCatalog(ims_channel).tenant()


@pytest.fixture
async def queue(aws_settings: AwsSettings) -> AsyncIterator[QueueClient]:
    client = await QueueClient.open(aws_settings)
    try:
        yield client
    finally:
        await client.close()


@pytest.fixture
async def objects(aws_settings: AwsSettings) -> AsyncIterator[ObjectStore]:
    store = await ObjectStore.open(aws_settings)
    try:
        yield store
    finally:
        await store.close()


@pytest.fixture
def repository(mongo_store: MongoStore) -> UploadRepository:
    return UploadRepository(mongo_store.db["uploads"])


@pytest.fixture
async def limited_uploads(
    monkeypatch: pytest.MonkeyPatch, oms_settings: OmsSettingsBundle
) -> AsyncIterator[upload_pb2_grpc.UploadServiceStub]:
    """An OMS whose upload limits come from the environment: 2000 bytes, 200-byte lines."""
    from oms_grpc.api.upload_settings import UploadSettings
    from oms_grpc.core.container import open_core
    from oms_grpc.main import running

    monkeypatch.setenv("UPLOAD_MAX_BYTES", "2000")
    monkeypatch.setenv("UPLOAD_MAX_LINE_BYTES", "200")
    limited = dataclasses.replace(oms_settings, uploads=UploadSettings())
    async with (
        open_core(limited.core) as core,
        running(core, limited) as server,
        admin_channel(f"127.0.0.1:{server.port}") as channel,
    ):
        yield upload_pb2_grpc.UploadServiceStub(channel)
