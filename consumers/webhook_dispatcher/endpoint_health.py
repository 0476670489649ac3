"""Disabling webhooks that fail continuously.

A webhook's failing streak starts with its first failed attempt (`failing_since` in the
registry) and ends with any delivered one. When an attempt fails `disable_after` or more
after the streak began, the webhook is disabled: `active` false, with the reason and the
time. Re-enabling it through the API clears the streak.

Writes happen only when the streak changes (its first failure, the first success after
failures, the disabling), never per successful delivery: what this process knows of a
webhook's streak is kept in memory, next to the cached registry entry.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from consumers.webhook_dispatcher.subscriptions import SubscriptionCache
from oms_grpc.core.domain.webhooks import WebhookTarget
from oms_grpc.core.repositories.webhooks import WebhookRepository

log = logging.getLogger(__name__)


def disabled_reason(failing_since: datetime, now: datetime, last_error: str) -> str:
    hours = (now - failing_since) / timedelta(hours=1)
    period = f"{hours:.1f} h" if hours >= 1 else f"{(now - failing_since).total_seconds():.0f} s"
    return (
        f"every delivery attempt failed for {period} (since {failing_since.isoformat()}); "
        f"last error: {last_error}"
    )


class EndpointHealth:
    def __init__(
        self,
        webhooks: WebhookRepository,
        subscriptions: SubscriptionCache,
        *,
        disable_after: timedelta,
    ) -> None:
        self._webhooks = webhooks
        self._subscriptions = subscriptions
        self._disable_after = disable_after
        self._failing: dict[str, datetime] = {}  # webhook id → start of its streak
        # Streaks this process ended, which the cached registry entry may still show.
        self._cleared: dict[str, datetime] = {}

    async def succeeded(self, target: WebhookTarget) -> None:
        remembered = self._failing.pop(target.id, None)
        cached = target.failing_since
        if remembered is None and (cached is None or self._cleared.get(target.id) == cached):
            return
        await self._webhooks.clear_failing(target.id)
        if cached is not None:
            self._cleared[target.id] = cached

    async def failed(self, target: WebhookTarget, at: datetime, error: str) -> None:
        self._cleared.pop(target.id, None)
        since = self._failing.get(target.id)
        if since is None:
            since = await self._webhooks.mark_failing(target.id, at)
            if since is None:
                return  # deleted meanwhile
            self._failing[target.id] = since
        if at - since < self._disable_after:
            return
        reason = disabled_reason(since, at, error)
        if await self._webhooks.disable(target.id, failing_since=since, reason=reason, now=at):
            self._failing.pop(target.id, None)
            self._subscriptions.invalidate(target.tenant_id)
            log.warning(
                "webhook disabled",
                extra={"webhook_id": target.id, "tenant_id": target.tenant_id, "reason": reason},
            )
            return
        # The stored streak is not the one remembered (a success elsewhere, or the webhook
        # was re-enabled or disabled already): adopt the stored one.
        self._failing.pop(target.id, None)
        stored = await self._webhooks.mark_failing(target.id, at)
        if stored is not None:
            self._failing[target.id] = stored
