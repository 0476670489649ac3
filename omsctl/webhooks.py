"""`omsctl webhooks list`, `omsctl deliveries list WEBHOOK`, `omsctl deliveries retry`."""

from __future__ import annotations

from typing import Any

import click
from oms.v1 import webhook_pb2

from omsctl.cli import Invocation, run_with_services
from omsctl.connection import Services
from omsctl.output import Column, enum_name, timestamp
from omsctl.paging import collect

WEBHOOK_COLUMNS: list[Column] = [
    ("id", lambda w: w.id),
    ("url", lambda w: w.url),
    ("events", lambda w: ", ".join(w.event_types)),
    ("active", lambda w: w.active),
    ("disabled because", lambda w: w.disabled_reason),
]


def _state(delivery: webhook_pb2.WebhookDelivery) -> str:
    return enum_name(
        "WEBHOOK_DELIVERY_STATE_", webhook_pb2.WebhookDeliveryState.Name(delivery.state)
    )


def _last_attempt(delivery: webhook_pb2.WebhookDelivery) -> str:
    if not delivery.attempts:
        return ""
    last = delivery.attempts[-1]
    return f"HTTP {last.http_status}" if last.http_status else last.error


DELIVERY_COLUMNS: list[Column] = [
    ("id (webhook-id)", lambda d: d.id),
    ("event", lambda d: d.event_type),
    ("state", _state),
    ("attempts", lambda d: len(d.attempts)),
    ("last attempt", _last_attempt),
    ("next attempt", lambda d: timestamp(d.next_attempt_time)),
    ("failure", lambda d: d.failure_reason),
]

_STATES = ["pending", "succeeded", "retrying", "failed"]


@click.group("webhooks")
def webhooks() -> None:
    """Registered webhooks."""


@webhooks.command("list")
@run_with_services
async def list_webhooks(invocation: Invocation, services: Services) -> None:
    """The tenant's webhooks (each one's state: active, or disabled and why)."""

    def fetch(token: str, size: int) -> Any:
        return services.webhooks.ListWebhooks(
            webhook_pb2.ListWebhooksRequest(
                tenant_id=invocation.tenant_id, page_size=size, page_token=token
            ),
            timeout=services.timeout_s,
        )

    found = await collect(fetch, "webhooks")
    invocation.printer.rows(found, WEBHOOK_COLUMNS, title=f"{len(found)} webhooks")


@click.group("deliveries")
def deliveries() -> None:
    """Deliveries of events to a webhook."""


@deliveries.command("list")
@click.argument("webhook_id")
@click.option("--state", type=click.Choice(_STATES))
@click.option("--limit", type=click.IntRange(1, 10_000), default=50, show_default=True)
@run_with_services
async def list_deliveries(
    invocation: Invocation, services: Services, webhook_id: str, state: str | None, limit: int
) -> None:
    """A webhook's deliveries, newest first."""

    def fetch(token: str, size: int) -> Any:
        return services.webhooks.ListWebhookDeliveries(
            webhook_pb2.ListWebhookDeliveriesRequest(
                tenant_id=invocation.tenant_id,
                webhook_id=webhook_id,
                state=f"WEBHOOK_DELIVERY_STATE_{(state or 'unspecified').upper()}",
                page_size=size,
                page_token=token,
            ),
            timeout=services.timeout_s,
        )

    found = await collect(fetch, "deliveries", limit)
    invocation.printer.rows(found, DELIVERY_COLUMNS, title=f"{len(found)} deliveries")


@deliveries.command("retry")
@click.argument("webhook_id")
@click.argument("delivery_id")
@run_with_services
async def retry(
    invocation: Invocation, services: Services, webhook_id: str, delivery_id: str
) -> None:
    """Send one delivery again (same webhook-id, so the receiver can de-duplicate)."""
    reply = await services.webhooks.RetryWebhookDelivery(
        webhook_pb2.RetryWebhookDeliveryRequest(
            tenant_id=invocation.tenant_id, webhook_id=webhook_id, delivery_id=delivery_id
        ),
        timeout=services.timeout_s,
    )
    invocation.printer.rows([reply.delivery], DELIVERY_COLUMNS, title="queued again")


COMMANDS = [webhooks, deliveries]
