"""OrderRepository against the real MongoDB-wire server."""

from __future__ import annotations

import pytest
from oms.v1 import events_pb2, order_pb2

from common.clients.mongo import MongoStore
from oms_grpc.domain.order_status import IllegalTransitionError, OrderStatus
from oms_grpc.outbox.entries import UNLEASED
from oms_grpc.repositories.order_documents import (
    new_order_document,
    to_proto,
    with_created_event,
)
from oms_grpc.repositories.orders import ConcurrentUpdateError, OrderRepository


def _order(key: str | None = None, tenant: str = "t1") -> dict[str, object]:
    document = new_order_document(
        tenant_id=tenant,
        seller_id="s1",
        hub_id="h1",
        lines=[("k1", "SKU-1", 2)],
        idempotency_key=key,
    )
    return with_created_event(document, topic="order.created", trace_id="tr")


@pytest.fixture
async def repository(mongo_store: MongoStore) -> OrderRepository:
    repository = OrderRepository(mongo_store.db["orders"])
    await repository.ensure_indexes()
    return repository


async def test_insert_stores_the_order_with_its_created_event(
    repository: OrderRepository,
) -> None:
    document = _order("k-1")
    stored = await repository.insert(document)
    assert stored["_id"] == document["_id"]
    raw = await repository.collection.find_one({"_id": document["_id"]})
    assert raw is not None and raw["outbox_pending"] is True
    [entry] = raw["outbox"]
    event = events_pb2.OrderCreated.FromString(bytes(entry["payload"]))
    assert event.order == to_proto(document)
    assert event.order.status == order_pb2.ORDER_STATUS_ON_HOLD
    assert entry["key"] == document["_id"]


async def test_same_idempotency_key_returns_the_first_order(repository: OrderRepository) -> None:
    first = await repository.insert(_order("k-1"))
    again = await repository.insert(_order("k-1"))
    assert again["_id"] == first["_id"]
    other_tenant = await repository.insert(_order("k-1", tenant="t2"))
    assert other_tenant["_id"] != first["_id"]
    # Orders without a key never collide.
    await repository.insert(_order())
    await repository.insert(_order())
    assert await repository.collection.count_documents({}) == 4


async def test_insert_many_skips_duplicates_and_keeps_the_rest(
    repository: OrderRepository,
) -> None:
    await repository.insert(_order("line-2"))
    outcome = await repository.insert_many([_order("line-1"), _order("line-2"), _order("line-3")])
    assert (outcome.inserted, outcome.duplicates) == (2, 1)
    assert await repository.collection.count_documents({}) == 3


async def test_transition_appends_history_and_updated_event(repository: OrderRepository) -> None:
    created = await repository.insert(_order("k-1"))
    current = await repository.get("t1", created["_id"])
    assert current is not None
    assert await repository.get("t2", created["_id"]) is None  # tenant-scoped

    updated = await repository.transition(
        current,
        OrderStatus.NEW_ORDER,
        reason="stock reserved",
        topic="order.updated",
        trace_id="tr",
    )
    assert updated["status"] == "new_order" and updated["version"] == 2
    assert [c["status"] for c in updated["status_history"]] == ["on_hold", "new_order"]
    raw = await repository.collection.find_one({"_id": created["_id"]})
    assert raw is not None
    assert [e["topic"] for e in raw["outbox"]] == ["order.created", "order.updated"]
    event = events_pb2.OrderUpdated.FromString(bytes(raw["outbox"][1]["payload"]))
    assert event.previous_status == order_pb2.ORDER_STATUS_ON_HOLD
    assert event.order.status == order_pb2.ORDER_STATUS_NEW_ORDER

    with pytest.raises(ConcurrentUpdateError):  # stale read: version 1 is gone
        await repository.transition(
            current, OrderStatus.CANCELLED, reason="late", topic="order.updated", trace_id=None
        )
    with pytest.raises(IllegalTransitionError):
        await repository.transition(
            updated, OrderStatus.ON_HOLD, reason="back", topic="order.updated", trace_id=None
        )


async def test_ensure_indexes_upgrades_an_older_outbox_layout(mongo_store: MongoStore) -> None:
    orders = mongo_store.db["orders"]
    # As written before outbox leases existed: the old index and a pending outbox, no lease.
    await orders.create_index(
        [("outbox_pending", 1)],
        name="outbox_pending",
        partialFilterExpression={"outbox_pending": True},
    )
    await orders.insert_one({"_id": "old", "outbox": [{"event_id": "e"}], "outbox_pending": True})
    repository = OrderRepository(orders)
    await repository.ensure_indexes()
    await repository.ensure_indexes()  # idempotent
    names = set(await orders.index_information())
    assert "outbox_pending" not in names and "outbox_pending_lease" in names
    upgraded = await orders.find_one({"_id": "old"})
    assert upgraded is not None and upgraded["outbox_lease"] == UNLEASED
