"""Restock re-evaluation: when a (hub, SKU) gains available stock, finalize the orders that
wait for it.

Policy (first fit in creation order): the ON_HOLD orders of that hub with a line for that
SKU are visited oldest first; an order asking for more of the SKU than the increase made
available is skipped — it does not block smaller orders behind it — and one that fits is
finalized (which reserves all its lines at once in IMS, so an order short of another SKU
stays on hold with that reason). The pass stops once the announced availability is used up,
after `max_orders` attempts, or at the end of the queue. IMS decides every reservation on
the locked stock rows, so nothing is ever oversold, whatever the snapshot in the event
said and however many finalizer replicas run; a skipped order is tried again on the next
increase of any of its SKUs.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from common.errors import ServiceError
from consumers.order_finalizer.finalization import Finalized, OrderFinalizer, is_refusal
from oms_grpc.core.repositories.orders import ListPosition, OrderRepository

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class StockRaised:
    tenant_id: str
    hub_id: str
    sku_id: str
    available: int


class RestockEvaluator:
    def __init__(
        self,
        orders: OrderRepository,
        finalizer: OrderFinalizer,
        *,
        page_size: int = 100,
        max_orders: int = 2000,
    ) -> None:
        self._orders = orders
        self._finalizer = finalizer
        self._page_size = page_size
        self._max_orders = max_orders

    async def on_stock_raised(self, raised: StockRaised, trace_id: str | None) -> int:
        """Finalize waiting orders that fit; returns how many became NEW_ORDER."""
        remaining, tried, finalized = raised.available, 0, 0
        after: ListPosition | None = None
        while remaining > 0 and tried < self._max_orders:
            page = await self._orders.waiting_for(
                raised.tenant_id, raised.hub_id, raised.sku_id, after=after, limit=self._page_size
            )
            for order in page:
                needed = order.quantities().get(raised.sku_id, 0)
                if needed > remaining:
                    continue
                tried += 1
                try:
                    outcome = await self._finalizer.finalize(
                        order.tenant_id, order.id, trace_id, read=order
                    )
                except ServiceError as exc:
                    if not is_refusal(exc):
                        raise
                    # Refused for good (e.g. a SKU deleted): it must not stop the others.
                    log.warning(
                        "waiting order refused by IMS: %s", exc, extra={"order_id": order.id}
                    )
                    continue
                if outcome is Finalized.RESERVED:
                    finalized += 1
                    remaining -= needed
                if remaining <= 0 or tried >= self._max_orders:
                    break
            if len(page) < self._page_size:
                break
            after = ListPosition(page[-1].create_time, page[-1].id)
        return finalized
