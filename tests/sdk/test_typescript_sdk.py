"""The TypeScript SDK (sdk/typescript): its unit tests, and its smoke program walking the
partner journey against the in-process IMS and OMS (see sdk_support.py).

Needs Node >= 20 and npm on PATH. Dependencies are installed with `npm ci` only when
node_modules is missing or was installed from another package-lock.json, so a warm run only
builds and runs. Every subprocess runs in a thread: the servers share this test's event loop.
"""

from __future__ import annotations

import asyncio
import hashlib
import os
import shutil
from pathlib import Path

import grpc
import pytest

from tests.sdk.sdk_support import ROOT, JourneyReport, PartnerWorld, check_journey, run_smoke

SDK = ROOT / "sdk" / "typescript"
# Written after a successful `npm ci`: the sha256 of the package-lock.json it installed.
STAMP = SDK / "node_modules" / ".omsims-lock-sha256"


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(
            f"{name} is not on PATH: the TypeScript SDK test needs Node >= 20 and npm",
            pytrace=False,
        )
    return path


def _lock_digest() -> str:
    return hashlib.sha256((SDK / "package-lock.json").read_bytes()).hexdigest()


def _installed() -> bool:
    hidden = SDK / "node_modules" / ".package-lock.json"
    return hidden.is_file() and STAMP.is_file() and STAMP.read_text().strip() == _lock_digest()


def _install(npm: str, env: dict[str, str]) -> None:
    """`npm ci` unless node_modules already holds exactly package-lock.json."""
    if _installed():
        return
    run_smoke([npm, "ci", "--no-audit", "--no-fund"], SDK, env, timeout_s=600)
    STAMP.write_text(_lock_digest() + "\n")


async def test_typescript_sdk(
    partner: PartnerWorld, ims_channel: grpc.aio.Channel, oms_channel: grpc.aio.Channel
) -> None:
    node, npm = _tool("node"), _tool("npm")
    env = {**os.environ, **partner.env()}

    await asyncio.to_thread(_install, npm, env)
    # Builds the library (dist/) and the tests (build/), then runs the unit tests.
    await asyncio.to_thread(run_smoke, [npm, "test"], SDK, env, 300)
    smoke = Path("build") / "smoke" / "smoke.js"
    output = await asyncio.to_thread(run_smoke, [node, str(smoke)], SDK, env, 120)

    report = JourneyReport.from_output(output)
    await check_journey(report, partner, ims_channel, oms_channel)
