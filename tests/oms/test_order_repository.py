"""OrderRepository against the real MongoDB-wire server."""

from __future__ import annotations

import pytest
from oms.v1 import events_pb2, order_pb2

from common.clients.mongo import MongoStore
from common.timestamps import utc_now_ms
from oms_grpc.core.domain.order import Order, StockShortage
from oms_grpc.core.domain.order_status import IllegalTransitionError
from oms_grpc.core.outbox.entries import UNLEASED
from oms_grpc.core.repositories.order_documents import created_document, to_proto
from oms_grpc.core.repositories.orders import ConcurrentUpdateError, OrderRepository
from tests.support.orders import new_order


def _order(key: str | None = None, tenant: str = "t1") -> Order:
    return new_order(tenant_id=tenant, idempotency_key=key)


async def _insert(repository: OrderRepository, order: Order) -> Order:
    return await repository.insert(order, topic="order.created", trace_id="tr")


@pytest.fixture
async def repository(mongo_store: MongoStore) -> OrderRepository:
    repository = OrderRepository(mongo_store.db["orders"])
    await repository.ensure_indexes()
    return repository


async def test_insert_stores_the_order_with_its_created_event(
    repository: OrderRepository,
) -> None:
    order = _order("k-1")
    stored = await _insert(repository, order)
    assert stored == order
    assert await repository.get("t1", order.id) == order  # the aggregate survives the trip
    raw = await repository.collection.find_one({"_id": order.id})
    assert raw is not None and raw["outbox_pending"] is True
    [entry] = raw["outbox"]
    event = events_pb2.OrderCreated.FromString(bytes(entry["payload"]))
    assert event.order == to_proto(order)
    assert event.order.status == order_pb2.ORDER_STATUS_ON_HOLD
    assert entry["key"] == order.id


async def test_same_idempotency_key_returns_the_first_order(repository: OrderRepository) -> None:
    first = await _insert(repository, _order("k-1"))
    again = await _insert(repository, _order("k-1"))
    assert again.id == first.id
    other_tenant = await _insert(repository, _order("k-1", tenant="t2"))
    assert other_tenant.id != first.id
    # Orders without a key never collide.
    await _insert(repository, _order())
    await _insert(repository, _order())
    assert await repository.collection.count_documents({}) == 4


async def test_insert_many_skips_duplicates_and_keeps_the_rest(
    repository: OrderRepository,
) -> None:
    await _insert(repository, _order("line-2"))
    documents = [
        created_document(_order(key), topic="order.created", trace_id=None)
        for key in ("line-1", "line-2", "line-3")
    ]
    outcome = await repository.insert_many(documents)
    assert (outcome.inserted, outcome.duplicates) == (2, 1)
    assert await repository.collection.count_documents({}) == 3


async def test_transition_appends_history_and_updated_event(repository: OrderRepository) -> None:
    created = await _insert(repository, _order("k-1"))
    current = await repository.get("t1", created.id)
    assert current is not None
    assert await repository.get("t2", created.id) is None  # tenant-scoped

    updated = await repository.apply(
        current.mark_reserved(utc_now_ms()), topic="order.updated", trace_id="tr"
    )
    assert updated.status == "new_order" and updated.version == 2
    assert await repository.get("t1", created.id) == updated
    assert [c.status for c in updated.status_history] == ["on_hold", "new_order"]
    raw = await repository.collection.find_one({"_id": created.id})
    assert raw is not None
    assert [e["topic"] for e in raw["outbox"]] == ["order.created", "order.updated"]
    event = events_pb2.OrderUpdated.FromString(bytes(raw["outbox"][1]["payload"]))
    assert event.previous_status == order_pb2.ORDER_STATUS_ON_HOLD
    assert event.order.status == order_pb2.ORDER_STATUS_NEW_ORDER

    with pytest.raises(ConcurrentUpdateError):  # stale read: version 1 is gone
        await repository.apply(
            current.cancel("late", utc_now_ms()), topic="order.updated", trace_id=None
        )
    with pytest.raises(IllegalTransitionError):
        updated.mark_reserved(utc_now_ms())


async def test_a_shortage_is_recorded_without_an_event_and_cleared_on_reservation(
    repository: OrderRepository,
) -> None:
    created = await _insert(repository, _order("k-1"))
    short = created.record_shortage([StockShortage("k1", 2, 1)], utc_now_ms())
    held = await repository.apply(short, topic="order.updated", trace_id=None)
    stored = await repository.get("t1", created.id)
    assert stored == held and stored.shortages == (StockShortage("k1", 2, 1),)
    raw = await repository.collection.find_one({"_id": created.id})
    assert raw is not None and [e["topic"] for e in raw["outbox"]] == ["order.created"]
    assert to_proto(stored).shortages[0].available == 1

    reserved = await repository.apply(
        stored.mark_reserved(utc_now_ms()), topic="order.updated", trace_id=None
    )
    again = await repository.get("t1", created.id)
    assert again == reserved and again.shortages == () and again.shortage_time is None


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
