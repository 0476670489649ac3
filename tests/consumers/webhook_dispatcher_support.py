"""Shared pieces of the webhook dispatcher tests (no tests here).

- `Receiver`: a real aiohttp server on 127.0.0.1 that records every request and answers
  per path as a test scripts it (status codes, Retry-After, redirects, hanging).
- `hook_oms`: the OMS composition root whose webhook registry allow-lists 127.0.0.1, so
  the receivers can be registered through WebhookService.
- `dispatching`: the dispatcher composition root in-process on the test's resources, with
  a fast retry schedule; `dispatcher_process_env` the same for a real process.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import socket
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from ipaddress import IPv4Network
from typing import Any

from aiohttp import web
from google.protobuf import json_format
from oms.v1 import events_pb2, order_pb2_grpc, webhook_pb2, webhook_pb2_grpc
from standardwebhooks.webhooks import Webhook as StandardWebhook

from consumers.webhook_dispatcher.main import Dispatcher, build_dispatcher, running
from consumers.webhook_dispatcher.settings import DispatcherSettings
from oms_grpc.core.container import open_core
from oms_grpc.core.settings import CoreSettings
from oms_grpc.core.webhooks_dns import Resolver
from oms_grpc.main import OmsSettingsBundle
from oms_grpc.main import running as oms_running
from tests.oms.test_orders_helpers import create_request
from tests.support.auth import admin_channel
from tests.support.ims_catalog import SellerCatalog
from tests.support.processes import oms_core_env

LOOPBACK = IPv4Network("127.0.0.1/32")
WAIT_S = 60.0  # generous: conditions are awaited, never timed


@dataclass(frozen=True)
class Reply:
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: str = "ok"
    delay_s: float = 0.0  # before answering (a slow receiver)


HANG = object()  # a behaviour that never answers (until the receiver stops)
Behaviour = Callable[[int], "Reply | object"]


@dataclass(frozen=True)
class Received:
    path: str
    headers: dict[str, str]
    body: str
    at: float  # time.monotonic() on arrival

    @property
    def webhook_id(self) -> str:
        return self.headers["webhook-id"]

    def event(self) -> dict[str, Any]:
        parsed: dict[str, Any] = json.loads(self.body)
        return parsed


class Receiver:
    """Records requests per path; `on(path, behaviour)` scripts the answers (the behaviour
    gets the 1-based number of the request to that path)."""

    def __init__(self) -> None:
        self.requests: list[Received] = []
        self._behaviours: dict[str, Behaviour] = {}
        self._counts: dict[str, int] = {}
        self._release = asyncio.Event()
        self.hanging = 0
        self._runner: web.AppRunner | None = None
        self.port = 0

    async def start(self) -> None:
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", self._handle)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.bind(("127.0.0.1", 0))
        self.port = sock.getsockname()[1]
        await web.SockSite(self._runner, sock).start()

    async def stop(self) -> None:
        self._release.set()
        if self._runner is not None:
            await self._runner.cleanup()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def on(self, path: str, behaviour: Behaviour) -> None:
        self._behaviours[path] = behaviour

    def at(self, path: str) -> list[Received]:
        return [r for r in self.requests if r.path == path]

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        body = await request.text()
        path = request.path
        self._counts[path] = self._counts.get(path, 0) + 1
        self.requests.append(Received(path, dict(request.headers), body, time.monotonic()))
        behaviour = self._behaviours.get(path, lambda _: Reply())
        reply = behaviour(self._counts[path])
        if reply is HANG:
            self.hanging += 1
            await self._release.wait()
            return web.Response(status=200)
        assert isinstance(reply, Reply)
        if reply.delay_s:
            await asyncio.sleep(reply.delay_s)
        return web.Response(status=reply.status, headers=reply.headers, text=reply.body)


@asynccontextmanager
async def receiver() -> AsyncIterator[Receiver]:
    server = Receiver()
    await server.start()
    try:
        yield server
    finally:
        await server.stop()


def refused_port() -> int:
    """A loopback port nothing listens on (connections are refused)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


def loopback_core(oms: OmsSettingsBundle) -> CoreSettings:
    """The test's core settings with 127.0.0.1 allow-listed as a webhook destination."""
    webhooks = oms.core.webhooks.model_copy(update={"allowed_networks": [LOOPBACK]})
    return dataclasses.replace(oms.core, webhooks=webhooks)


@dataclass(frozen=True)
class HookOms:
    webhooks: webhook_pb2_grpc.WebhookServiceStub
    orders: order_pb2_grpc.OrderServiceStub
    core: CoreSettings

    async def webhook(
        self,
        tenant_id: str,
        url: str,
        event_types: Sequence[str] = ("order.created", "order.updated"),
        **fields: Any,
    ) -> webhook_pb2.CreateWebhookResponse:
        reply: webhook_pb2.CreateWebhookResponse = await self.webhooks.CreateWebhook(
            webhook_pb2.CreateWebhookRequest(
                webhook=webhook_pb2.Webhook(
                    tenant_id=tenant_id, url=url, event_types=list(event_types), **fields
                )
            )
        )
        return reply

    async def order(self, catalog: SellerCatalog) -> str:
        reply = await self.orders.CreateOrder(create_request(catalog, 1))
        return str(reply.order.id)

    async def deliveries(
        self, tenant_id: str, webhook_id: str
    ) -> list[webhook_pb2.WebhookDelivery]:
        reply = await self.webhooks.ListWebhookDeliveries(
            webhook_pb2.ListWebhookDeliveriesRequest(
                tenant_id=tenant_id, webhook_id=webhook_id, page_size=1000
            )
        )
        return list(reply.deliveries)

    async def get(self, tenant_id: str, webhook_id: str) -> webhook_pb2.Webhook:
        reply = await self.webhooks.GetWebhook(
            webhook_pb2.GetWebhookRequest(tenant_id=tenant_id, id=webhook_id)
        )
        webhook: webhook_pb2.Webhook = reply.webhook
        return webhook


@asynccontextmanager
async def hook_oms(
    oms: OmsSettingsBundle, *, resolver: Resolver | None = None
) -> AsyncIterator[HookOms]:
    core = loopback_core(oms)
    settings = dataclasses.replace(oms, core=core)
    async with (
        open_core(core, resolver=resolver) as opened,
        oms_running(opened, settings) as server,
        admin_channel(f"127.0.0.1:{server.port}") as channel,
    ):
        yield HookOms(
            webhook_pb2_grpc.WebhookServiceStub(channel),
            order_pb2_grpc.OrderServiceStub(channel),
            core,
        )


def fast_settings(**overrides: Any) -> DispatcherSettings:
    values: dict[str, Any] = {
        "group_id": f"test-dispatcher-{uuid.uuid4().hex[:8]}",
        "retry_schedule_s": [0.2, 0.4, 0.8],
        "retry_jitter": 0.1,
        "lease_s": 5.0,
        "poll_interval_s": 0.1,
        "subscription_ttl_s": 0.2,
        "connect_timeout_s": 2.0,
        "request_timeout_s": 5.0,
        "shutdown_grace_s": 0.5,
        "disable_after_s": 3600.0,
    }
    values.update(overrides)
    return DispatcherSettings(**values)


@asynccontextmanager
async def dispatching(
    core: CoreSettings,
    settings: DispatcherSettings | None = None,
    *,
    resolver: Resolver | None = None,
) -> AsyncIterator[Dispatcher]:
    async with (
        open_core(core, resolver=resolver) as opened,
        build_dispatcher(opened, settings or fast_settings()) as dispatcher,
        running(dispatcher),
    ):
        yield dispatcher


async def eventually(
    condition: Callable[[], bool | Awaitable[bool]], what: str, timeout_s: float = WAIT_S
) -> None:
    """Wait until `condition` holds (checked every 50 ms); fail naming `what` after a
    generous deadline."""
    deadline = time.monotonic() + timeout_s
    while True:
        outcome = condition()
        if not isinstance(outcome, bool):
            outcome = await outcome
        if outcome:
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.05)


def verify(request: Received, secret: str) -> dict[str, Any]:
    """Check the Standard Webhooks signature with the reference library (raises if bad)."""
    verified: dict[str, Any] = StandardWebhook(secret).verify(request.body, request.headers)
    return verified


def parsed_created(request: Received) -> events_pb2.OrderCreated:
    return json_format.Parse(request.body, events_pb2.OrderCreated())


def dispatcher_process_env(oms: OmsSettingsBundle, group_id: str) -> dict[str, str]:
    """The environment of a real `python -m consumers.webhook_dispatcher` on the test's
    resources, in consumer group `group_id`, with fast leases and retries."""
    key = oms.core.webhooks.secret_key
    assert key is not None
    return {
        **oms_core_env(oms),
        "WEBHOOK_ALLOWED_NETWORKS": "127.0.0.1/32",
        "WEBHOOK_SECRET_KEY": key.get_secret_value(),
        "DISPATCHER_GROUP_ID": group_id,
        # A killed process's leases run out soon (the real default is 60 s).
        "DISPATCHER_LEASE_S": "2",
        "DISPATCHER_RETRY_SCHEDULE_S": "0.2,0.4,0.8",
        "DISPATCHER_POLL_INTERVAL_S": "0.2",
        "DISPATCHER_SUBSCRIPTION_TTL_S": "0.5",
        "DISPATCHER_SHUTDOWN_GRACE_S": "1",
        "DISPATCHER_LOG_LEVEL": "WARNING",
    }
