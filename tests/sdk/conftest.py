"""The partner world every SDK smoke test runs in (see sdk_support.py)."""

from __future__ import annotations

import grpc
import pytest

from common.grpc.server import GrpcServer
from tests.sdk.sdk_support import PartnerWorld, partner_world


@pytest.fixture
async def partner(
    ims_server: GrpcServer,
    oms_server: GrpcServer,
    ims_channel: grpc.aio.Channel,
    oms_channel: grpc.aio.Channel,
) -> PartnerWorld:
    return await partner_world(
        ims_channel,
        oms_channel,
        f"127.0.0.1:{ims_server.port}",
        f"127.0.0.1:{oms_server.port}",
    )
