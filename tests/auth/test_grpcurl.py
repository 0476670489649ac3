"""What an engineer with grpcurl sees: discovery is open, calls need the header."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest

from common.grpc.server import GrpcServer
from tests.support.auth import ADMIN_TOKEN

GRPCURL = Path(sys.executable).parent / "grpcurl"


async def _grpcurl(*args: str) -> tuple[int, str]:
    process = await asyncio.create_subprocess_exec(
        str(GRPCURL),
        *args,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    output, _ = await process.communicate()
    return process.returncode or 0, output.decode()


@pytest.mark.skipif(not GRPCURL.exists(), reason="grpcurl is a dev dependency")
async def test_list_is_open_and_a_call_needs_the_bearer_header(ims_server: GrpcServer) -> None:
    target = f"127.0.0.1:{ims_server.port}"
    code, output = await _grpcurl("-plaintext", target, "list")
    assert code == 0, output
    assert "ims.v1.TenantService" in output and "iam.v1.ApiKeyService" in output

    call = ["-plaintext", "-d", "{}", target, "ims.v1.TenantService/ListTenants"]
    code, output = await _grpcurl(*call)
    assert code != 0 and "Unauthenticated" in output, output

    code, output = await _grpcurl("-H", f"authorization: Bearer {ADMIN_TOKEN}", *call)
    assert code == 0, output


@pytest.mark.skipif(not GRPCURL.exists(), reason="grpcurl is a dev dependency")
async def test_describe_shows_a_method_and_its_messages(
    ims_server: GrpcServer, oms_server: GrpcServer
) -> None:
    """Reflection serves the whole descriptor graph (imports included: google.api, iam.v1
    options, well-known types), so grpcurl can describe methods and their messages."""
    ims, oms = f"127.0.0.1:{ims_server.port}", f"127.0.0.1:{oms_server.port}"
    code, output = await _grpcurl("-plaintext", ims, "describe", "ims.v1.HubService.CreateHub")
    assert code == 0, output
    assert "rpc CreateHub ( .ims.v1.CreateHubRequest ) returns ( .ims.v1.CreateHubResponse )" in (
        output
    )
    code, output = await _grpcurl("-plaintext", ims, "describe", "ims.v1.Hub")
    assert code == 0 and "string timezone = 11;" in output, output
    code, output = await _grpcurl("-plaintext", oms, "describe", "oms.v1.UploadService")
    assert code == 0, output
    assert "rpc StreamUpload ( stream .oms.v1.StreamUploadRequest )" in output
    code, output = await _grpcurl("-plaintext", oms, "describe", "oms.v1.OrderService.CancelOrder")
    assert code == 0 and "CancelOrder" in output, output
