"""The Falcon edge in this process (its production factory) in front of the test's real IMS
and OMS."""

from __future__ import annotations

from collections.abc import AsyncIterator

import falcon.testing
import pytest

from common.grpc.server import GrpcServer
from edge_rest.app import create_app
from edge_rest.settings import EdgeSettings


@pytest.fixture
async def edge(
    ims_server: GrpcServer, oms_server: GrpcServer
) -> AsyncIterator[falcon.testing.ASGIConductor]:
    app = create_app(
        EdgeSettings(
            ims_target=f"127.0.0.1:{ims_server.port}", oms_target=f"127.0.0.1:{oms_server.port}"
        )
    )
    async with falcon.testing.ASGIConductor(app) as conductor:
        yield conductor
