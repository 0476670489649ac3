"""The tenants' webhooks, cached in-process for a few seconds.

Every event needs its tenant's subscribers and every attempt its webhook's URL, headers and
secrets; reading them from MongoDB each time would double the dispatcher's queries. A
tenant's webhooks are loaded together (one indexed query) and kept for `ttl_s`: that is the
bound on how late a change made through the API (create, update, deactivate, rotate) takes
effect here. What this process changes itself (disabling a failing webhook) is invalidated
at once. Concurrent misses of one tenant share a single load.
"""

from __future__ import annotations

import asyncio
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass

from oms_grpc.core.domain.webhooks import WebhookTarget

Loader = Callable[[str], Awaitable[Sequence[WebhookTarget]]]


@dataclass(frozen=True)
class _Entry:
    targets: tuple[WebhookTarget, ...]
    loaded_at: float


class SubscriptionCache:
    def __init__(
        self,
        load: Loader,
        *,
        ttl_s: float,
        max_tenants: int = 10_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._load = load
        self._ttl_s = ttl_s
        self._max_tenants = max_tenants
        self._clock = clock
        self._entries: OrderedDict[str, _Entry] = OrderedDict()
        self._loading: dict[str, asyncio.Task[_Entry]] = {}
        # Bumped by invalidate(): a load that started before must not store what it read.
        self._generations: dict[str, int] = {}

    async def targets(self, tenant_id: str) -> tuple[WebhookTarget, ...]:
        entry = self._entries.get(tenant_id)
        if entry is not None and self._clock() - entry.loaded_at < self._ttl_s:
            self._entries.move_to_end(tenant_id)
            return entry.targets
        return (await self._refresh(tenant_id)).targets

    async def subscribers(self, tenant_id: str, event_type: str) -> list[WebhookTarget]:
        """The tenant's active webhooks subscribed to `event_type`."""
        return [t for t in await self.targets(tenant_id) if t.subscribes_to(event_type)]

    async def webhook(self, tenant_id: str, webhook_id: str) -> WebhookTarget | None:
        """One webhook of the tenant (active or not); None if it does not exist.

        A webhook missing from a cached entry may be newer than the entry, so a miss loads
        the tenant again — unless the entry is fresh from the store already.
        """
        found = self._find(await self.targets(tenant_id), webhook_id)
        if found is not None:
            return found
        entry = self._entries.get(tenant_id)
        if entry is not None and self._clock() - entry.loaded_at < min(self._ttl_s, 0.5):
            return None
        return self._find((await self._refresh(tenant_id)).targets, webhook_id)

    def invalidate(self, tenant_id: str) -> None:
        self._entries.pop(tenant_id, None)
        self._generations[tenant_id] = self._generations.get(tenant_id, 0) + 1
        # The next read loads anew instead of joining a load that may predate the change.
        self._loading.pop(tenant_id, None)

    async def close(self) -> None:
        """Cancel loads nobody waits for any more (their waiters were cancelled)."""
        tasks = list(self._loading.values())
        self._loading.clear()
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    def _forget(self, tenant_id: str, task: asyncio.Task[_Entry]) -> None:
        if self._loading.get(tenant_id) is task:
            del self._loading[tenant_id]
        if not task.cancelled():
            task.exception()  # retrieved here, raised to the waiters

    @staticmethod
    def _find(targets: Sequence[WebhookTarget], webhook_id: str) -> WebhookTarget | None:
        return next((t for t in targets if t.id == webhook_id), None)

    async def _refresh(self, tenant_id: str) -> _Entry:
        task = self._loading.get(tenant_id)
        if task is None:
            task = asyncio.create_task(self._load_entry(tenant_id), name="webhooks-load")
            self._loading[tenant_id] = task
            task.add_done_callback(lambda done: self._forget(tenant_id, done))
        # shield: one waiter being cancelled must not cancel the load the others wait for.
        return await asyncio.shield(task)

    async def _load_entry(self, tenant_id: str) -> _Entry:
        started, generation = self._clock(), self._generations.get(tenant_id, 0)
        entry = _Entry(tuple(await self._load(tenant_id)), started)
        if generation != self._generations.get(tenant_id, 0):
            return entry  # invalidated meanwhile: use it once, do not keep it
        self._entries[tenant_id] = entry
        self._entries.move_to_end(tenant_id)
        while len(self._entries) > self._max_tenants:
            self._entries.popitem(last=False)
        return entry
