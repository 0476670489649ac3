"""A small local webhook receiver that verifies every request with the Standard Webhooks
reference library and counts what it got (by event type, and distinct `webhook-id`s)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from aiohttp import web
from standardwebhooks.webhooks import Webhook, WebhookVerificationError


@dataclass
class Received:
    requests: int = 0
    verified: int = 0
    refused: int = 0
    webhook_ids: set[str] = field(default_factory=set)
    by_event: Counter[str] = field(default_factory=Counter)
    # The order ids each kind of event was received for, and each order's webhook-ids.
    orders: dict[str, set[str]] = field(default_factory=dict)
    webhook_ids_of_order: dict[str, set[str]] = field(default_factory=dict)


class WebhookReceiver:
    """`http://127.0.0.1:<port>/hooks`; the secret is set once the webhook is registered
    (requests before that are refused with 401, and the dispatcher retries them)."""

    def __init__(self) -> None:
        self.received = Received()
        self._verifier: Webhook | None = None
        self._runner: web.AppRunner | None = None
        self.url = ""

    def trust(self, signing_secret: str) -> None:
        self._verifier = Webhook(signing_secret)

    async def start(self) -> None:
        app = web.Application()
        app.router.add_post("/hooks", self._handle)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = self._runner.addresses[0][1]
        self.url = f"http://127.0.0.1:{port}/hooks"

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    async def _handle(self, request: web.Request) -> web.Response:
        body = await request.read()
        self.received.requests += 1
        if self._verifier is None:
            self.received.refused += 1
            return web.Response(status=401, text="no secret yet")
        try:
            event = self._verifier.verify(body, dict(request.headers))
        except WebhookVerificationError:
            self.received.refused += 1
            return web.Response(status=401, text="bad signature")
        self.received.verified += 1
        self.received.webhook_ids.add(request.headers["webhook-id"])
        kind = _event_type(event)
        self.received.by_event[kind] += 1
        order = event.get("order") if isinstance(event, dict) else None
        if isinstance(order, dict) and isinstance(order.get("id"), str):
            self.received.orders.setdefault(kind, set()).add(order["id"])
            ids = self.received.webhook_ids_of_order.setdefault(order["id"], set())
            ids.add(request.headers["webhook-id"])
        return web.Response(status=204)


def _event_type(event: object) -> str:
    """The event's kind from its canonical JSON: `order.created` events carry the order
    without a previous status, `order.updated` ones carry both."""
    if isinstance(event, dict) and "previousStatus" in event:
        return "order.updated"
    return "order.created"
