"""The project's Envoy config, run for real in front of a test's in-process IMS and OMS.

Only addresses change (listener, admin, the two clusters, the descriptor path): the routes,
transcoder options and error conversion under test are those of `envoy/envoy.yaml`.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from devstack.envoy_bin import ensure_envoy, gateway_config
from devstack.process import free_port, wait_listening


@asynccontextmanager
async def envoy_gateway(
    ims_port: int, oms_port: int, workdir: Path, edge_port: int | None = None
) -> AsyncIterator[str]:
    """Envoy transcoding REST to the given servers (and /docs to a Falcon edge on
    `edge_port`; without one, to a port nothing listens on); yields its base URL."""
    envoy = await asyncio.to_thread(ensure_envoy)
    listen_port, admin_port = free_port(), free_port()
    config = workdir / "envoy.yaml"
    config.write_text(
        gateway_config(listen_port, admin_port, ims_port, oms_port, edge_port or free_port())
    )
    with (workdir / "envoy.log").open("wb") as log:
        proc = await asyncio.create_subprocess_exec(
            *[str(envoy), "-c", str(config), "--log-level", "warn", "--disable-hot-restart"],
            cwd=workdir,
            stdin=asyncio.subprocess.DEVNULL,
            stdout=log,
            stderr=asyncio.subprocess.STDOUT,
        )
        try:
            await wait_listening(listen_port, proc, name="envoy", timeout_s=30)
            yield f"http://127.0.0.1:{listen_port}"
        finally:
            if proc.returncode is None:
                proc.terminate()
            try:
                async with asyncio.timeout(10):
                    await proc.wait()
            except TimeoutError:
                proc.kill()
                await proc.wait()
