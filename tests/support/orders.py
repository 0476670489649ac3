"""Order aggregates for tests that store orders directly (as the CSV ingester does)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from common.ids import new_id
from common.timestamps import utc_now_ms
from oms_grpc.core.domain.order import Order, OrderLine


def new_order(
    *,
    tenant_id: str = "t1",
    seller_id: str = "s1",
    hub_id: str = "h1",
    lines: Sequence[tuple[str, str, int]] = (("k1", "SKU-1", 2),),
    now: datetime | None = None,
    external_reference: str = "",
    upload_id: str = "",
    idempotency_key: str | None = None,
) -> Order:
    """A new ON_HOLD order; lines are (sku_id, sku_code, quantity)."""
    return Order.create(
        order_id=new_id(),
        tenant_id=tenant_id,
        seller_id=seller_id,
        hub_id=hub_id,
        lines=[OrderLine(*line) for line in lines],
        now=now or utc_now_ms(),
        external_reference=external_reference,
        upload_id=upload_id,
        idempotency_key=idempotency_key,
    )
