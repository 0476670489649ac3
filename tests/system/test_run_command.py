"""The README's run command as a newcomer runs it: `python -m devstack.system` (what
`scripts/run` execs) starts every process of ours under its supervisor, the demo shows the
main job and prints the summary; the operator CLI then uploads and follows a file; a
SIGKILLed consumer is restarted and the work goes on; SIGINT stops everything it started.

It runs on resources of its own (database, topics, bucket, queues, ports) on the shared
stack, so it sees nothing of the other tests, and they nothing of it.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import signal
import time
import urllib.request
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from common.clients.kafka import KafkaProducer
from common.settings import KafkaSettings
from tests.support.auth import ADMIN_TOKEN
from tests.support.run_system import (
    STEP_S,
    RunningSystem,
    gone,
    metrics,
    omsctl,
    orders,
    running_system,
    scrape,
    value,
)

STARTUP_S = 300.0  # first start on a cold machine installs Envoy; generous, not a speed check


@pytest.fixture
async def system(stack: None, tmp_path: Path) -> AsyncIterator[RunningSystem]:
    async with running_system(tmp_path / "run") as started:
        yield started


def test_the_run_command_shows_the_main_job_and_survives_a_killed_consumer(
    system: RunningSystem, tmp_path: Path
) -> None:
    console = system.console
    console.wait_for(r"how to call it", system.proc, STARTUP_S)
    text = console.text()
    # The demo's file: 52 good rows (one pair grouped into one order), 5 bad ones.
    assert "57 rows read, 52 accepted, 5 rejected, 51 orders created" in text
    assert re.search(r"on_hold\s*│\s*7\s*│\s*0", text), text  # 3 mugs for 10 orders, then 7
    assert re.search(r"new_order\s*│\s*44\s*│\s*51", text), text
    for reason in ("must be greater than 0", "is not a whole number", "does not exist"):
        assert reason in text
    assert "expected 102: all arrived" in text  # 51 created + 51 updated, verified
    assert "0 refused" in text
    assert "scripts/run stop" in text
    assert '{"' not in text.split("what happened")[0].split("started envoy")[-1]  # no JSON logs
    _check_metrics_after_the_demo(system)

    # The operator CLI, with the demo tenant's key: upload a file and follow it.
    first = orders(system)[0]
    rows = 300
    csv_file = tmp_path / "more-orders.csv"
    csv_file.write_text(
        "tenant_id,seller_id,hub_code,sku_code,quantity\n"
        + "".join(
            f"{first['tenant_id']},{first['seller_id']},DEMO-HUB,DEMO-TEE,1\n" for _ in range(rows)
        )
        + f"{first['tenant_id']},{first['seller_id']},DEMO-HUB,NOT-A-SKU,1\n"
    )
    # The finalizer is SIGKILLed while these orders come in; the supervisor restarts it.
    finalizer = console.pids()["order-finalizer"]
    os.kill(finalizer, signal.SIGKILL)
    uploaded = omsctl(system, "upload", str(csv_file), "--follow")
    assert uploaded.returncode == 0, uploaded.stderr
    assert f"completed: {rows + 1}/{rows + 1} rows read, {rows} accepted, 1 rejected" in (
        uploaded.stderr
    )
    assert re.search(r"state\s+completed", uploaded.stdout), uploaded.stdout
    console.wait_for(r"order-finalizer exited \(killed by SIGKILL\)", system.proc, STEP_S)
    console.wait_for(r"started order-finalizer, pid \d+ \(restart 1\)", system.proc, STEP_S)

    deadline = time.monotonic() + STEP_S
    while (held := orders(system, "--status", "on_hold")) and time.monotonic() < deadline:
        time.sleep(1)
    assert held == [], f"{len(held)} orders still on hold after the finalizer's restart"
    assert len(orders(system, "--status", "new_order")) == 51 + rows

    # The operator's lists: uploads (the demo's and this one, newest first) ...
    listed = omsctl(system, "-o", "json", "uploads", "list")
    assert listed.returncode == 0, listed.stderr
    assert [u["filename"] for u in json.loads(listed.stdout)] == [
        "more-orders.csv",
        "omsctl-demo-orders.csv",
    ]
    # ... and dead letters: an unreadable event, set aside by both consumers of its topic,
    # redriven once by the admin (and set aside by both again).
    asyncio.run(_publish_junk(system.env["KAFKA_TOPIC_ORDER_CREATED"]))
    letters = _wait_for_letters(system, 2)
    assert sorted(x["consumer"] for x in letters) == ["order-finalizer", "webhook-dispatcher"]
    redriven = omsctl(system, "dead-letters", "redrive", letters[0]["id"], token=ADMIN_TOKEN)
    assert redriven.returncode == 0, redriven.stderr
    assert letters[0]["id"] in redriven.stdout
    again = _wait_for_letters(system, 4)
    assert [x["id"] for x in again if x.get("redrive_time")] == [letters[0]["id"]]
    queue = omsctl(
        system, "-o", "json", "dead-letters", "list", "--source", "queue", token=ADMIN_TOKEN
    )
    assert (queue.returncode, json.loads(queue.stdout)) == (0, []), queue.stderr

    # Ctrl-C: everything it started stops.
    pids = list(console.pids().values())
    system.proc.send_signal(signal.SIGINT)
    assert system.proc.wait(timeout=120) == 0
    system.pump.join(timeout=10)  # the last lines
    assert console.text().rstrip().endswith("stopped")
    assert gone(pids), "a process of the run outlived it"


async def _publish_junk(topic: str) -> None:
    producer = await KafkaProducer.start(KafkaSettings())
    try:
        await producer.send(topic, b"\xff not an event", key=b"junk")
    finally:
        await producer.close()


def _wait_for_letters(system: RunningSystem, count: int) -> list[dict[str, Any]]:
    """The dead-letter topic's letters, once there are `count` (via the operator CLI)."""
    deadline = time.monotonic() + STEP_S
    while True:
        done = omsctl(
            system, "-o", "json", "dead-letters", "list", "--source", "topic", token=ADMIN_TOKEN
        )
        assert done.returncode == 0, done.stderr
        letters: list[dict[str, Any]] = json.loads(done.stdout)
        if len(letters) >= count or time.monotonic() > deadline:
            assert len(letters) == count, letters
            return letters
        time.sleep(1)


def _check_metrics_after_the_demo(system: RunningSystem) -> None:
    """Each process's /metrics counts what the demo made it do (51 orders from 57 rows, 58
    reservations of which 7 short at first, 102 webhooks)."""
    ims = scrape(system, "IMS_METRICS_PORT")
    assert value(ims, "ims_reservations_total", outcome="reserved") >= 51
    assert value(ims, "ims_reservations_total", outcome="insufficient_stock") >= 7
    reserve_ok = value(
        ims,
        "grpc_server_handled_total",
        grpc_service="ims.v1.InventoryService",
        grpc_method="ReserveInventory",
        grpc_code="OK",
    )
    assert reserve_ok >= 58
    assert value(ims, "outbox_events_published_total", service="ims") >= 3  # stock movements

    oms = scrape(system, "OMS_METRICS_PORT")
    assert (
        value(
            oms,
            "grpc_server_handled_total",
            grpc_service="oms.v1.UploadService",
            grpc_method="StreamUpload",
            grpc_code="OK",
        )
        == 1
    )

    ingester = scrape(system, "INGESTER_METRICS_PORT")
    assert value(ingester, "ingester_rows_total", outcome="accepted") == 52
    assert value(ingester, "ingester_rows_total", outcome="rejected") == 5
    assert value(ingester, "outbox_events_published_total", service="csv-ingester") >= 51

    finalizer = scrape(system, "FINALIZER_METRICS_PORT")
    topic = system.env["KAFKA_TOPIC_ORDER_CREATED"]
    handled = value(
        finalizer,
        "consumer_messages_total",
        consumer="order-finalizer",
        topic=topic,
        outcome="handled",
    )
    assert handled >= 51
    assert value(finalizer, "outbox_events_published_total", service="order-finalizer") >= 51
    assert any(name == "consumer_lag_messages" for name, _ in finalizer)

    dispatcher = scrape(system, "DISPATCHER_METRICS_PORT")
    assert value(dispatcher, "webhook_attempts_total", result="delivered") >= 102

    edge = f"http://127.0.0.1:{system.env['EDGE_PORT']}"
    with urllib.request.urlopen(f"{edge}/healthz", timeout=10):
        pass
    answered = metrics(f"{edge}/metrics")
    assert value(answered, "http_requests_total", method="GET", route="/healthz", status="200") >= 1

    envoy = f"http://127.0.0.1:{system.env['ENVOY_ADMIN_PORT']}/stats/prometheus"
    with urllib.request.urlopen(envoy, timeout=10) as response:
        assert b"envoy_cluster_upstream_rq" in response.read()
