"""oms.v1.OrderService: create (validated against IMS, idempotent), get, list, cancel.

Thin: requests are validated and mapped by `order_messages`, catalogue questions go to IMS
through `ImsClient`, state lives in `OrderRepository` (each write carries its event in the
same document write: the transactional outbox), and the relay is woken after each write so
events leave at once. Failures are raised as ServiceError; the interceptor maps them.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import grpc
from oms.v1 import order_pb2, order_pb2_grpc

from common.auth.current import current_actor
from common.grpc.errors import FieldViolation, ServiceError, failed_precondition, not_found
from common.grpc.server import ServiceRegistration
from common.ids import new_id
from common.texts import t
from common.timestamps import utc_now_ms
from common.tracing import current_trace_id
from oms_grpc.api import order_messages as messages
from oms_grpc.core.clients.ims import ImsClient, ReleaseOutcome
from oms_grpc.core.domain.csv_rows import Ref
from oms_grpc.core.domain.idempotency import (
    IdempotencyKey,
    OrderIntent,
    StoredOrder,
    is_same_request,
)
from oms_grpc.core.domain.idempotency import request_fingerprint as fingerprint_of
from oms_grpc.core.domain.order import Order, OrderLine
from oms_grpc.core.domain.order_status import OrderStatus, can_transition
from oms_grpc.core.repositories.order_documents import to_proto
from oms_grpc.core.repositories.orders import ConcurrentUpdateError, OrderRepository

SERVICE_NAME = order_pb2.DESCRIPTOR.services_by_name["OrderService"].full_name
CANCEL_ATTEMPTS = 5

Context = grpc.aio.ServicerContext[Any, Any]


@dataclass(frozen=True)
class OrderTopics:
    created: str
    updated: str


class OrderServicer(order_pb2_grpc.OrderServiceServicer):
    def __init__(
        self,
        orders: OrderRepository,
        ims: ImsClient,
        topics: OrderTopics,
        notify_relay: Callable[[], None],
    ) -> None:
        self._orders = orders
        self._ims = ims
        self._topics = topics
        self._notify_relay = notify_relay

    async def CreateOrder(  # noqa: N802
        self, request: order_pb2.CreateOrderRequest, context: Context
    ) -> order_pb2.CreateOrderResponse:
        command = messages.parse_create(
            request, _metadata(context, messages.IDEMPOTENCY_METADATA_KEY)
        )
        intent, key = command.intent, command.idempotency_key
        if key is not None:
            # A repeat is answered without asking IMS again when its fingerprint decides.
            existing = await self._orders.get_by_idempotency_key(intent.tenant_id, key.value)
            if existing is not None and _replay(intent, key, existing, None):
                return order_pb2.CreateOrderResponse(order=to_proto(existing))

        lines = await self._resolve(intent)
        order = Order.create(
            order_id=new_id(),
            tenant_id=intent.tenant_id,
            seller_id=intent.seller_id,
            hub_id=intent.hub_id,
            lines=[OrderLine(sku_id, code, quantity) for sku_id, code, quantity in lines],
            now=utc_now_ms(),
            external_reference=intent.external_reference,
            attributes=intent.attributes,
            idempotency_key=key.value if key else None,
            request_hash=fingerprint_of(intent),
            actor=current_actor(),
        )
        stored = await self._orders.insert(
            order, topic=self._topics.created, trace_id=current_trace_id()
        )
        if key is not None and stored.id != order.id:
            # The key was taken meanwhile (e.g. by a concurrent twin of this request).
            _replay(intent, key, stored, {sku_id: quantity for sku_id, _, quantity in lines})
        else:
            self._notify_relay()
        return order_pb2.CreateOrderResponse(order=to_proto(stored))

    async def GetOrder(  # noqa: N802
        self, request: order_pb2.GetOrderRequest, context: Context
    ) -> order_pb2.GetOrderResponse:
        ref = messages.parse_order_ref(request.tenant_id, request.id)
        return order_pb2.GetOrderResponse(order=to_proto(await self._load(ref)))

    async def ListOrders(  # noqa: N802
        self, request: order_pb2.ListOrdersRequest, context: Context
    ) -> order_pb2.ListOrdersResponse:
        query = messages.parse_list(request)
        found = await self._orders.list_page(
            query.filters, after=query.after, limit=query.fetch_limit
        )
        page, token = messages.finish_page(found, query)
        return order_pb2.ListOrdersResponse(
            orders=[to_proto(order) for order in page], next_page_token=token
        )

    async def CancelOrder(  # noqa: N802
        self, request: order_pb2.CancelOrderRequest, context: Context
    ) -> order_pb2.CancelOrderResponse:
        command = messages.parse_cancel(request)
        for _ in range(CANCEL_ATTEMPTS):
            order = await self._load(command.order)
            if order.is_cancelled:
                return order_pb2.CancelOrderResponse(order=to_proto(order))
            if not can_transition(order.status, OrderStatus.CANCELLED):
                raise failed_precondition(
                    "ILLEGAL_TRANSITION",
                    t("an order in status {status} cannot be cancelled", status=order.status),
                )
            if order.may_hold_stock:
                await self._release_stock(order)
            try:
                cancelled = await self._orders.apply(
                    order.cancel(command.reason, utc_now_ms(), actor=current_actor()),
                    topic=self._topics.updated,
                    trace_id=current_trace_id(),
                )
            except ConcurrentUpdateError:
                continue  # changed meanwhile (e.g. just reserved): decide again on the new state
            self._notify_relay()
            return order_pb2.CancelOrderResponse(order=to_proto(cancelled))
        raise ServiceError(
            grpc.StatusCode.ABORTED,
            t("the order kept changing while being cancelled; retry"),
            reason="CONCURRENT_UPDATE",
            metadata={"id": command.order.order_id},
        )

    # --- steps ----------------------------------------------------------------------------

    async def _resolve(self, intent: OrderIntent) -> tuple[tuple[str, str, int], ...]:
        """One hub look-up and one batched SKU look-up in IMS, concurrently."""
        hubs, skus = await asyncio.gather(
            self._ims.find_hubs(intent.tenant_id, [Ref("id", intent.hub_id)]),
            self._ims.find_skus(
                intent.tenant_id, [messages.line_ref(line) for line in intent.lines]
            ),
        )
        return messages.resolve_lines(intent, hubs.get(Ref("id", intent.hub_id)), skus)

    async def _load(self, ref: messages.OrderRef) -> Order:
        order = await self._orders.get(ref.tenant_id, ref.order_id)
        if order is None:
            raise not_found("order", ref.order_id)
        return order

    async def _release_stock(self, order: Order) -> None:
        outcome = await self._ims.release_reservation(order.tenant_id, order.id)
        if outcome is ReleaseOutcome.COMMITTED:
            raise failed_precondition(
                "RESERVATION_COMMITTED",
                t("order {id!r} cannot be cancelled: its stock was already consumed", id=order.id),
            )


def _replay(
    intent: OrderIntent,
    key: IdempotencyKey,
    stored: Order,
    resolved: dict[str, int] | None,
) -> bool:
    """True when `stored` answers the repeat `intent`; False when it cannot be decided
    without the resolved lines; FAILED_PRECONDITION when the key was used for another
    request."""
    same = is_same_request(
        intent,
        StoredOrder(
            request_hash=stored.request_hash,
            seller_id=stored.seller_id,
            hub_id=stored.hub_id,
            lines={line.sku_id: line.quantity for line in stored.lines},
        ),
        resolved,
    )
    if same is None:
        return False
    if not same:
        reason = (
            "IDEMPOTENCY_KEY_REUSED"
            if key.field == "idempotency_key"
            else "EXTERNAL_REFERENCE_REUSED"
        )
        raise ServiceError(
            grpc.StatusCode.FAILED_PRECONDITION,
            t(
                "{field}: already used by order {id!r}, created by a different request",
                field=key.field,
                id=stored.id,
            ),
            reason=reason,
            violations=[FieldViolation(key.field, t("was already used for a different request"))],
            metadata={"order_id": stored.id},
        )
    return True


def _metadata(context: Context, key: str) -> str:
    for name, value in context.invocation_metadata() or ():
        if name == key:
            return value if isinstance(value, str) else value.decode(errors="replace")
    return ""


def order_service(servicer: OrderServicer) -> ServiceRegistration:
    return ServiceRegistration(
        SERVICE_NAME,
        lambda server: order_pb2_grpc.add_OrderServiceServicer_to_server(servicer, server),
    )
