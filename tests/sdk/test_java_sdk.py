"""The Java SDK (sdk/java) walks the partner journey against live IMS and OMS servers.

Maven runs the SDK's unit tests and its SmokeTest (profile `smoke`, JUnit tag "smoke") with
the partner world in the environment; the test then checks the smoke's `SMOKE` line against
the servers. The first run downloads the Maven plugins and dependencies (hence the long
watchdog timeout); later runs are offline-fast.
"""

from __future__ import annotations

import asyncio
import os
import re
import shutil

import grpc
import pytest

from tests.sdk.sdk_support import ROOT, JourneyReport, PartnerWorld, check_journey, run_smoke

JAVA_SDK = ROOT / "sdk" / "java"
MAVEN_COMMAND = [
    "mvn",
    "-B",  # batch: no interactive prompts or progress bars
    "--no-transfer-progress",
    "-Dstyle.color=never",
    "-Dsurefire.useFile=false",  # test output and failures to the console, not to files
    "-Psmoke",  # the unit tests and SmokeTest
    "test",
]
_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_SMOKE_RAN = re.compile(
    r"Tests run: 1, Failures: 0, Errors: 0, Skipped: 0, .* in com\.omsims\.sdk\.SmokeTest$",
    re.MULTILINE,
)
_TOTALS = re.compile(r"^\[INFO\] Tests run: (\d+), Failures: 0, Errors: 0, Skipped: 0$", re.M)


def _require_tools() -> None:
    missing = [tool for tool in ("mvn", "java", "javac") if shutil.which(tool) is None]
    if missing:
        pytest.fail(
            f"the Java SDK test needs {', '.join(missing)} on PATH (JDK 17+ and Maven 3.8+)",
            pytrace=False,
        )


@pytest.mark.watchdog_timeout(900)
async def test_java_sdk_partner_journey(
    partner: PartnerWorld, ims_channel: grpc.aio.Channel, oms_channel: grpc.aio.Channel
) -> None:
    _require_tools()
    env = {**os.environ, **partner.env()}
    # Maven on a worker thread: the servers under test run on this event loop.
    raw = await asyncio.to_thread(run_smoke, MAVEN_COMMAND, JAVA_SDK, env)
    output = _ANSI.sub("", raw)

    assert _SMOKE_RAN.search(output), f"SmokeTest did not run and pass:\n{output}"
    totals = _TOTALS.findall(output)
    assert totals, f"no surefire summary:\n{output}"
    assert int(totals[-1]) > 1, f"the unit tests did not run with the smoke:\n{output}"

    report = JourneyReport.from_output(output)
    await check_journey(report, partner, ims_channel, oms_channel)
