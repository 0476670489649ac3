"""The resilience suite: faults injected into the real system (`scripts/run`'s process on
resources of its own). Each test adds its figures (recovery time, duplicate events) to a
report printed at the end of the run."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

from tests.resilience.flow import Flow
from tests.support.run_system import RunningSystem, running_system

REPORT: list[str] = []
# One system for the whole suite (package scope): its tests run one after the other on it.
STARTUP_S = 300.0  # a cold machine installs Envoy first: generous, not a speed check
# A killed consumer's work comes back when its lease runs out: the ingester's SQS visibility
# timeout and the dispatcher's delivery lease are 60 s by default; shorter here, so a
# dozen kills fit in a test run. (What they guarantee does not depend on the length.)
FAST_RECOVERY = {"INGESTER_VISIBILITY_TIMEOUT_S": "5", "DISPATCHER_LEASE_S": "10"}


@pytest.fixture(scope="package")
async def system(
    stack: None, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[RunningSystem]:
    async with running_system(
        tmp_path_factory.mktemp("resilience") / "run", FAST_RECOVERY
    ) as started:
        await asyncio.to_thread(
            started.console.wait_for, r"how to call it", started.proc, STARTUP_S
        )
        yield started


@pytest.fixture(scope="package")
async def flow(system: RunningSystem) -> AsyncIterator[Flow]:
    async with Flow.open(system) as opened:
        yield opened


@pytest.fixture
def report() -> list[str]:
    return REPORT


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if REPORT:
        terminalreporter.section("resilience figures")
        for line in REPORT:
            terminalreporter.write_line(line)
