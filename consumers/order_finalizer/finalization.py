"""Finalizing one order: reserve its stock in IMS, then record NEW_ORDER — or why it waits.

Safe to run any number of times, concurrently, in several processes:
- the reservation is idempotent on the order id (a replay reserves nothing twice and
  answers as the first call did), and is made without an expiry;
- the order's change is version-guarded (`OrderRepository.apply`): of two racing writers one
  wins, the other re-reads and decides again on the new state;
- an order that is not ON_HOLD is left alone, so a replayed or late event never revives a
  cancelled order nor moves a reserved one;
- a crash between reserving and recording heals on the next attempt: the reservation
  replays as RESERVED and the order is recorded NEW_ORDER then;
- an order cancelled while its stock was being reserved gets that reservation released
  here (the cancel released before the reservation existed), also on a redelivery after a
  crash in between.
"""

from __future__ import annotations

import enum
import logging

from common.errors import ErrorCode, ServiceError
from common.timestamps import utc_now_ms
from oms_grpc.core.clients.ims import ImsClient, ReleaseOutcome, ReserveVerdict
from oms_grpc.core.domain.order import Order
from oms_grpc.core.outbox.hand_off import OutboxHandOff
from oms_grpc.core.repositories.orders import ConcurrentUpdateError, OrderRepository

log = logging.getLogger(__name__)

ATTEMPTS = 5
# IMS answers that retrying cannot change: the order's lines are refused for good (e.g. a
# SKU deleted since the order was taken).
_REFUSALS = frozenset(
    {
        ErrorCode.INVALID_ARGUMENT,
        ErrorCode.NOT_FOUND,
        ErrorCode.FAILED_PRECONDITION,
    }
)


def is_refusal(error: ServiceError) -> bool:
    return error.code in _REFUSALS


class Finalized(enum.Enum):
    RESERVED = "reserved"  # the order is NEW_ORDER now (or its reservation just replayed)
    SHORT = "short"  # not enough stock: the order stays ON_HOLD and records why
    SETTLED = "settled"  # not ON_HOLD any more (reserved or cancelled before): nothing to do
    MISSING = "missing"  # no such order for the tenant


class OrderFinalizer:
    def __init__(
        self,
        orders: OrderRepository,
        ims: ImsClient,
        *,
        updated_topic: str,
        relay: OutboxHandOff,
        actor: str | None = None,
    ) -> None:
        """`actor`: who the orders' history names for the changes made here."""
        self._orders = orders
        self._ims = ims
        self._updated_topic = updated_topic
        self._relay = relay
        self._actor = actor

    async def finalize(
        self, tenant_id: str, order_id: str, trace_id: str | None, *, read: Order | None = None
    ) -> Finalized:
        """Raises ImsUnavailableError / PyMongoError on transient failures (retry later) and
        ServiceError when IMS refuses the order's lines (e.g. a SKU deleted since). `read`:
        the order as the caller just read it, used for the first attempt instead of a read."""
        for _ in range(ATTEMPTS):
            order = read or await self._orders.get(tenant_id, order_id)
            read = None
            if order is None:
                return Finalized.MISSING
            if order.is_cancelled:
                # Idempotent, and needed whenever a finalizer reserved after the cancel had
                # released (this call, or one that crashed before recording it).
                await self._release(order)
            if not order.may_hold_stock or order.is_reserved:
                return Finalized.SETTLED
            result = await self._ims.reserve(
                order.tenant_id, order.id, order.hub_id, order.quantities()
            )
            now = utc_now_ms()
            if result.verdict is ReserveVerdict.RESERVED:
                change = order.mark_reserved(now, actor=self._actor)
            elif result.verdict is ReserveVerdict.SHORT:
                change = order.record_shortage(result.shortages, now)
            else:
                # Released or consumed under the order's own reference while it is ON_HOLD:
                # a cancel is releasing it right now, or an operator acted on the
                # reservation. Either way this order's stock is not ours to take again.
                log.warning(
                    "order on hold but its reservation is %s; left alone",
                    result.verdict.value,
                    extra={"order_id": order.id, "tenant_id": order.tenant_id},
                )
                return Finalized.SETTLED
            try:
                await self._orders.apply(
                    change, topic=self._updated_topic, trace_id=trace_id, hand_off=self._relay
                )
            except ConcurrentUpdateError:
                continue  # changed meanwhile (cancelled, or another finalizer): decide again
            if change.event is not None:
                return Finalized.RESERVED
            return Finalized.SHORT
        raise ConcurrentUpdateError(order_id)

    async def _release(self, order: Order) -> None:
        outcome = await self._ims.release_reservation(order.tenant_id, order.id)
        if outcome is ReleaseOutcome.COMMITTED:
            log.error(
                "cancelled order's reservation was already committed",
                extra={"order_id": order.id, "tenant_id": order.tenant_id},
            )
