"""The Python SDK as a partner installs it: its own venv with `pip install sdk/python`
(nothing of the project's), its unit tests, and the journey against the live servers."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

import grpc
import pytest

from tests.sdk.sdk_support import ROOT, JourneyReport, PartnerWorld, check_journey, run_smoke

SDK = ROOT / "sdk" / "python"
UV = ROOT / ".venv" / "bin" / "uv"


def _sdk_python() -> Path:
    """The SDK's own environment (created once, the SDK reinstalled from source each run)."""
    stack_home = Path(os.environ.get("STACK_HOME", ROOT / ".stack"))
    venv = stack_home / "tools" / "sdk-python-venv"
    python = venv / "bin" / "python"
    if not python.exists():
        run_smoke(
            [str(UV), "venv", "--quiet", "--python", sys.executable, str(venv)], ROOT, os.environ
        )
    run_smoke(
        [
            str(UV),
            "pip",
            "install",
            "--quiet",
            "--python",
            str(python),
            "--reinstall-package",
            "oms-ims-sdk",
            f"{SDK}[test]",
        ],
        ROOT,
        os.environ,
    )
    return python


@pytest.mark.watchdog_timeout(600)
async def test_python_sdk_units_and_journey(
    partner: PartnerWorld, ims_channel: grpc.aio.Channel, oms_channel: grpc.aio.Channel
) -> None:
    python = await asyncio.to_thread(_sdk_python)
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}
    output = await asyncio.to_thread(
        run_smoke,
        [str(python), "-m", "pytest", "-p", "no:cacheprovider", "-v", "-s", "tests"],
        SDK,
        {**env, **partner.env()},
    )
    # The SMOKE line is printed at the very end of the journey, and only there.
    assert "SKIPPED" not in output, output
    await check_journey(JourneyReport.from_output(output), partner, ims_channel, oms_channel)
