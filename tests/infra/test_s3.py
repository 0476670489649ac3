"""ObjectStore against the real S3 endpoint of the stack."""

from __future__ import annotations

import pytest

from common.clients.s3 import ObjectNotFoundError, ObjectStore
from common.settings import AwsSettings


async def test_put_get_stream_and_delete(aws_settings: AwsSettings) -> None:
    store = await ObjectStore.open(aws_settings)
    try:
        body = b"tenant_id,seller_id,hub_id,sku_id,quantity\n" + b"t1,s1,h1,k1,2\n" * 20_000
        key = "uploads/20261125T000000_abc_orders.csv"
        await store.put(key, body, content_type="text/csv")

        assert await store.get(key) == body
        chunks = [chunk async for chunk in store.stream(key, chunk_size=64 * 1024)]
        assert len(chunks) > 1, "a large object must arrive in several chunks"
        assert b"".join(chunks) == body

        await store.delete(key)
        with pytest.raises(ObjectNotFoundError):
            await store.get(key)
    finally:
        await store.close()
