"""Peak memory of the Falcon edge while a 50 MiB CSV passes through it to OMS.

    .venv/bin/python bench/edge_upload_memory.py [--mib 50]

Runs against the local stack (`scripts/stack up`) on resources of its own (bulk_upload.py's).
IMS and OMS run in this process; the edge runs as its own process (uvicorn, the production
factory), so its memory is its own. The file is sent as multipart/form-data in 256 KiB
pieces by an HTTP client that streams it too, with the admin credential.

Printed: the edge's resident memory at rest (after a small warm-up upload) and its peak
(VmHWM, reset just before the upload) while the file passes; the baseline is the file's
size, which any process that holds the file must add to its peak.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import time
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack
from pathlib import Path

import aiohttp
import bench_auth
import summary
from bulk_upload import BENCH_AUTH, HEADER
from ims.v1 import tenant_pb2, tenant_pb2_grpc

from common.grpc.credentials import authorized_channel
from devstack.process import free_port, wait_listening
from devstack.scratch import own_resources, provisioned
from ims_grpc import main as ims_main
from ims_grpc.settings import ImsSettings
from oms_grpc import main as oms_main
from oms_grpc.core.container import open_core
from oms_grpc.core.settings import CoreSettings, ImsClientSettings
from oms_grpc.settings import OmsSettings

ROOT = Path(__file__).resolve().parents[1]
MIB = 1024 * 1024
PIECE = 256 * 1024
BOUNDARY = "bench-boundary"


def _status_kib(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1])
    raise KeyError(field)


def _reset_peak(pid: int) -> None:
    Path(f"/proc/{pid}/clear_refs").write_text("5")  # VmHWM := VmRSS (Linux >= 4.0)


async def _form(tenant_id: str, size: int) -> AsyncIterator[bytes]:
    yield (
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="file"; '
        'filename="big.csv"\r\nContent-Type: text/csv\r\n\r\n'
    ).encode()
    row = f"{tenant_id},seller,hub,sku,1\n".encode()
    piece = row * (PIECE // len(row))
    yield (",".join(HEADER) + "\n").encode()
    sent = 0
    while sent + len(piece) <= size:
        yield piece
        sent += len(piece)
    yield f"\r\n--{BOUNDARY}--\r\n".encode()


async def _upload(base: str, tenant_id: str, size: int) -> tuple[int, str]:
    headers = {
        "Authorization": f"Bearer {bench_auth.ADMIN_TOKEN}",
        "Content-Type": f"multipart/form-data; boundary={BOUNDARY}",
    }
    async with (
        aiohttp.ClientSession() as session,
        session.post(
            f"{base}/orders/upload",
            params={"tenant_id": tenant_id},
            data=_form(tenant_id, size),
            headers=headers,
        ) as reply,
    ):
        return reply.status, await reply.text()


async def run(args: argparse.Namespace) -> None:
    res = own_resources()
    async with provisioned(res), AsyncExitStack() as stack:
        ims_deps = await stack.enter_async_context(
            ims_main.open_dependencies(
                ImsSettings(port=0), res.postgres, res.redis, auth=BENCH_AUTH
            )
        )
        ims_server = ims_main.build_server(ims_deps)
        await ims_server.start()
        stack.push_async_callback(ims_server.stop, 1)
        ims_target = f"127.0.0.1:{ims_server.port}"
        core_settings = CoreSettings(
            mongo=res.mongo,
            kafka=res.kafka,
            aws=res.aws,
            ims=ImsClientSettings(ims_target=ims_target),
            auth=BENCH_AUTH,
        )
        settings = oms_main.OmsSettingsBundle(service=OmsSettings(port=0), core=core_settings)
        core = await stack.enter_async_context(open_core(core_settings))
        oms_server = await stack.enter_async_context(oms_main.running(core, settings))
        channel = await stack.enter_async_context(
            authorized_channel(ims_target, bench_auth.ADMIN_TOKEN)
        )
        tenant = await tenant_pb2_grpc.TenantServiceStub(channel).CreateTenant(
            tenant_pb2.CreateTenantRequest(
                tenant=tenant_pb2.Tenant(name="Bench", code=f"bench-{res.suffix}")
            )
        )
        port = free_port()
        edge = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "uvicorn",
            "--factory",
            "edge_rest.app:create_app",
            "--port",
            str(port),
            "--no-access-log",
            "--log-level",
            "warning",
            cwd=ROOT,
            env={
                **os.environ,
                "EDGE_IMS_TARGET": ims_target,
                "EDGE_OMS_TARGET": f"127.0.0.1:{oms_server.port}",
            },
        )
        try:
            base = f"http://127.0.0.1:{port}"
            await wait_listening(port, edge, name="the Falcon edge", timeout_s=30)
            status, text = await _upload(base, tenant.tenant.id, 64 * 1024)  # warm-up
            assert status == 202, text
            rest_kib = _status_kib(edge.pid, "VmRSS")
            _reset_peak(edge.pid)
            size = args.mib * MIB - 4096  # within UPLOAD_MAX_BYTES (50 MiB) with the header
            started = time.perf_counter()
            status, text = await _upload(base, tenant.tenant.id, size)
            seconds = time.perf_counter() - started
            assert status == 202, text
            peak_kib = _status_kib(edge.pid, "VmHWM")
        finally:
            edge.terminate()
            await edge.wait()
    grew = (peak_kib - rest_kib) / 1024
    print()
    print(f"file                {size / MIB:6.1f} MiB   (baseline: what holding it would add)")
    print(f"edge RSS at rest    {rest_kib / 1024:6.1f} MiB")
    print(f"edge peak RSS       {peak_kib / 1024:6.1f} MiB   (+{grew:.1f} MiB while it passed)")
    print(
        f"upload answered in  {seconds:6.2f} s  ({size / MIB / seconds:.1f} MiB/s, to S3 via OMS)"
    )
    print(f"ratio               {grew / (size / MIB):.3f} (peak growth / file size)")
    summary.record(
        "edge memory",
        f"peak RSS growth for a {size / MIB:.0f} MiB upload",
        grew,
        "MiB",
        baseline=size / MIB,
        baseline_label="the file size",
        higher_is_better=False,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mib", type=int, default=50)
    asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    main()
