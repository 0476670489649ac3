"""The real ingester process (`python -m consumers.csv_ingester`) stopped (SIGTERM) while its
SQS long poll is open. The queue server keeps such a poll open after the process is gone and
hands it a message that arrives meanwhile — invisible, then, for the visibility timeout, so
an upload sent just after an ingester stopped would wait that long for the next one. The
ingester waits its poll out and hands back what it brought: the upload is at once
receivable by whoever polls next."""

from __future__ import annotations

import asyncio
import signal
import tempfile
from pathlib import Path

import grpc

from oms_grpc.main import OmsSettingsBundle
from tests.consumers.csv_ingester_support import ingester, ingester_settings, submit
from tests.support.ims_catalog import ImsCatalog
from tests.support.processes import oms_core_env, start_module

POLL_S = 5  # the stopped process's long poll: the window the upload is sent in


async def test_an_upload_sent_while_a_stopping_ingester_polls_is_handed_back(
    oms_settings: OmsSettingsBundle, ims_channel: grpc.aio.Channel
) -> None:
    catalog = await ImsCatalog(ims_channel).seller_catalog(skus=1)
    env = {
        **oms_core_env(oms_settings),
        "INGESTER_RECEIVE_WAIT_S": str(POLL_S),
        "INGESTER_VISIBILITY_TIMEOUT_S": "60",  # what a lost poll would cost: far beyond
        "INGESTER_LOG_LEVEL": "INFO",
    }
    with tempfile.TemporaryDirectory() as scratch:
        log = Path(scratch) / "ingester.log"
        process = start_module("consumers.csv_ingester", env, stderr=log)
        try:
            async with asyncio.timeout(60):
                while "csv ingester consuming" not in log.read_text():
                    assert process.poll() is None, log.read_text()
                    await asyncio.sleep(0.1)
            # Its first long poll is open now (it lasts POLL_S); stop it and, within that
            # poll, send an upload.
            await asyncio.sleep(1)
            process.send_signal(signal.SIGTERM)
            async with ingester(ingester_settings(oms_settings)) as deps:
                request = await submit(deps, catalog.tenant_id, b"tenant_id\n")
                assert await asyncio.to_thread(process.wait, 30) == 0, log.read_text()
                # Whoever polls next gets it at once, not after the visibility timeout.
                messages = await deps.core.queue.receive(wait_time_s=2, visibility_timeout_s=5)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait(timeout=10)
    assert [m.body for m in messages] == [request.to_json()]
