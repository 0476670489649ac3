"""Bytes that are not a valid request message are refused as INVALID_ARGUMENT (grpc's own
answer would be UNKNOWN, which Envoy turns into a 500), on every kind of method."""

from __future__ import annotations

import grpc
import pytest

from common.grpc.server import GrpcServer
from tests.support.auth import ADMIN_TOKEN, bearer

# A field 1 of wire type 2 (length-delimited) claiming 100 bytes that are not there.
CORRUPT = b"\x0a\x64abc"


async def test_corrupt_requests_are_invalid_arguments(
    ims_server: GrpcServer, oms_server: GrpcServer
) -> None:
    calls = [
        (ims_server, "/ims.v1.TenantService/GetTenant", "unary_unary"),
        (oms_server, "/oms.v1.OrderService/CreateOrder", "unary_unary"),
        (oms_server, "/oms.v1.UploadService/GetErrorFile", "unary_stream"),
        (oms_server, "/oms.v1.UploadService/StreamUpload", "stream_unary"),
    ]
    for server, path, kind in calls:
        async with grpc.aio.insecure_channel(f"127.0.0.1:{server.port}") as channel:
            send = getattr(channel, kind)(path, request_serializer=lambda data: data)
            with pytest.raises(grpc.aio.AioRpcError) as refused:
                if kind == "unary_unary":
                    await send(CORRUPT, metadata=bearer(ADMIN_TOKEN))
                elif kind == "unary_stream":
                    async for _ in send(CORRUPT, metadata=bearer(ADMIN_TOKEN)):
                        pass
                else:
                    await send(iter([CORRUPT]), metadata=bearer(ADMIN_TOKEN))
            assert refused.value.code() is grpc.StatusCode.INVALID_ARGUMENT, (path, refused.value)
            assert "not a valid message" in (refused.value.details() or "")
