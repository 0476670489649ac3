"""The Go SDK (sdk/go): its unit tests, and its smoke program walking the partner journey on
live IMS and OMS servers with the tenant API key only (see sdk_support.py)."""

from __future__ import annotations

import asyncio
import os
import shutil

import grpc
import pytest

from tests.sdk.sdk_support import ROOT, JourneyReport, PartnerWorld, check_journey, run_smoke

GO_SDK = ROOT / "sdk" / "go"


# A cold module cache downloads gRPC and protobuf first (about a minute on a slow link).
@pytest.mark.watchdog_timeout(900)
async def test_go_sdk_walks_the_partner_journey(
    partner: PartnerWorld, ims_channel: grpc.aio.Channel, oms_channel: grpc.aio.Channel
) -> None:
    go = shutil.which("go")
    assert go is not None, "the Go toolchain (`go`, 1.26 or later) must be on PATH for the Go SDK"
    # In a thread: the servers the program talks to run on this test's event loop.
    output = await asyncio.to_thread(
        run_smoke,
        [go, "test", "-count=1", "-v", "./..."],
        GO_SDK,
        {**os.environ, **partner.env()},
    )
    assert "--- PASS: TestSmoke" in output, f"the smoke test did not run and pass:\n{output}"
    assert "--- FAIL" not in output, output
    report = JourneyReport.from_output(output)
    await check_journey(report, partner, ims_channel, oms_channel)
