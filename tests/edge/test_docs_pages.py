"""The API reference page of each edge at /docs, opened in headless Chromium: the Falcon edge
(a real uvicorn process) and Envoy in front of it, each page listing every operation of its
own OpenAPI document. The page's assets come from the `swagger-ui-bundle` package; the
browser runs with networking limited to these local servers, so a CDN could not be reached."""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import sys
import tempfile
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import yaml

from common.grpc.server import GrpcServer
from devstack.process import free_port, wait_listening
from edge_rest.openapi_document import edge_document
from tests.support.envoy_gateway import envoy_gateway

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# Each operation's summary is a `div.opblock-summary.opblock-summary-<method>` holding its path
# (a deprecated one's too, whose block itself says only `opblock-deprecated`).
OPERATION = re.compile(r'class="opblock-summary opblock-summary-(\w+)".*?data-path="([^"]*)"', re.S)
METHODS = {"get", "post", "put", "delete", "patch"}

pytestmark = pytest.mark.skipif(
    CHROMIUM is None and not os.environ.get("CI"),
    reason="Chromium is installed by scripts/test (Debian package chromium)",
)


@pytest.fixture
async def edge_url(ims_server: GrpcServer, oms_server: GrpcServer) -> AsyncIterator[str]:
    port = free_port()
    process = await asyncio.create_subprocess_exec(
        *(sys.executable, "-m", "uvicorn", "--factory", "edge_rest.app:create_app"),
        *("--port", str(port), "--log-level", "warning"),
        cwd=ROOT,
        env={
            **os.environ,
            "EDGE_IMS_TARGET": f"127.0.0.1:{ims_server.port}",
            "EDGE_OMS_TARGET": f"127.0.0.1:{oms_server.port}",
        },
    )
    try:
        await wait_listening(port, process, name="the Falcon edge", timeout_s=30)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        await asyncio.wait_for(process.wait(), timeout=10)


async def rendered_operations(url: str) -> set[tuple[str, str]]:
    """(method, path) of every operation Swagger UI rendered on the page at `url`."""
    assert CHROMIUM is not None, "scripts/test installs Chromium"
    with tempfile.TemporaryDirectory() as profile:
        process = await asyncio.create_subprocess_exec(
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={profile}",
            "--virtual-time-budget=20000",  # let the page fetch its document and render
            "--dump-dom",
            url,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.DEVNULL,
        )
        dom, _ = await asyncio.wait_for(process.communicate(), timeout=120)
    return {(method, path) for method, path in OPERATION.findall(dom.decode())}


def documented(document: dict[str, object]) -> set[tuple[str, str]]:
    paths = document["paths"]
    assert isinstance(paths, dict)
    return {(verb, path) for path, ops in paths.items() for verb in ops if verb in METHODS}


async def test_each_edge_lists_its_operations_at_docs(
    edge_url: str, ims_server: GrpcServer, oms_server: GrpcServer, tmp_path: Path
) -> None:
    falcon_operations = await rendered_operations(f"{edge_url}/docs")
    assert falcon_operations == documented(edge_document())
    assert ("post", "/orders/bulk") in falcon_operations

    edge_port = int(edge_url.rsplit(":", 1)[1])
    async with envoy_gateway(ims_server.port, oms_server.port, tmp_path, edge_port) as envoy:
        envoy_operations = await rendered_operations(f"{envoy}/docs")
    proto_document = yaml.safe_load((ROOT / "envoy" / "openapi.yaml").read_text())
    assert envoy_operations == documented(proto_document)
    assert ("post", "/orders/{id}:cancel") in envoy_operations
