"""MongoStore against the real MongoDB-wire server of the stack."""

from __future__ import annotations

import asyncio

import pytest
from pymongo import ASCENDING
from pymongo.errors import DuplicateKeyError

from common.clients.mongo import MongoStore, find_duplicate_winner


async def test_unique_index_rejects_a_duplicate(mongo_store: MongoStore) -> None:
    assert await mongo_store.ping()
    orders = mongo_store.db["orders"]
    await orders.create_index(
        [("tenant_id", ASCENDING), ("idempotency_key", ASCENDING)], unique=True
    )
    await orders.insert_one({"tenant_id": "t1", "idempotency_key": "k1", "status": "on_hold"})
    # Same key, other tenant: allowed.
    await orders.insert_one({"tenant_id": "t2", "idempotency_key": "k1", "status": "on_hold"})

    with pytest.raises(DuplicateKeyError):
        await orders.insert_one({"tenant_id": "t1", "idempotency_key": "k1", "status": "x"})

    assert await orders.count_documents({}) == 2
    stored = await orders.find_one({"tenant_id": "t1"})
    assert stored is not None and stored["status"] == "on_hold"


async def test_find_one_and_update_is_atomic_per_document(mongo_store: MongoStore) -> None:
    orders = mongo_store.db["orders"]
    await orders.insert_one({"_id": "o1", "status": "on_hold", "version": 0})
    updated = await orders.find_one_and_update(
        {"_id": "o1", "status": "on_hold"},
        {"$set": {"status": "new_order"}, "$inc": {"version": 1}},
        return_document=True,
    )
    assert updated is not None and updated["status"] == "new_order" and updated["version"] == 1
    # The guard no longer matches: no second transition.
    again = await orders.find_one_and_update(
        {"_id": "o1", "status": "on_hold"}, {"$set": {"status": "new_order"}}
    )
    assert again is None


async def test_the_winner_of_a_duplicate_is_found_even_when_it_lands_late(
    mongo_store: MongoStore,
) -> None:
    collection = mongo_store.db["race"]

    async def late_winner() -> None:
        await asyncio.sleep(0.05)
        await collection.insert_one({"_id": "w", "key": "k"})

    landing = asyncio.create_task(late_winner())
    found = await find_duplicate_winner(collection, {"key": "k"})
    await landing
    assert found == {"_id": "w", "key": "k"}
    assert await find_duplicate_winner(collection, {"key": "never"}, attempts=3) is None
