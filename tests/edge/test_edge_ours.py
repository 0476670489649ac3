"""Our additions on the Falcon edge, in the original's conventions: a webhook's deliveries and
their retry, secret rotation, a tenant's API keys."""

from __future__ import annotations

from datetime import timedelta

import falcon.testing
import grpc

from common.clients.mongo import MongoStore
from common.timestamps import utc_now_ms
from oms_grpc.core.domain.webhook_deliveries import Lease, NewDelivery
from oms_grpc.core.repositories.deliveries import DeliveryLogRepository
from tests.auth.access_support import tenant_with_keys
from tests.edge.original_api import ADMIN

URL = "https://93.184.215.14/hooks/orders"


async def test_deliveries_are_listed_filtered_and_retried(
    edge: falcon.testing.ASGIConductor, ims_channel: grpc.aio.Channel, mongo_store: MongoStore
) -> None:
    acme = await tenant_with_keys(ims_channel, "acme")
    key = {"Authorization": f"Bearer {acme.read_write}"}
    webhook = (
        await edge.simulate_post(
            "/webhooks", json={"callback_url": URL, "events": ["order.created"]}, headers=key
        )
    ).json
    deliveries = DeliveryLogRepository(mongo_store.db["webhook_logs"])
    lease = Lease("lease-1", utc_now_ms() + timedelta(seconds=30))
    held = await deliveries.insert_new(
        [
            (NewDelivery(acme.tenant_id, webhook["id"], f"evt-{n}", "order.created", "{}"), lease)
            for n in range(2)
        ]
    )
    assert await deliveries.abandon(held[0], "the receiver answered 410")

    listed = await edge.simulate_get(f"/webhooks/{webhook['id']}/deliveries", headers=key)
    assert listed.status_code == 200, listed.text
    assert sorted(d["event_id"] for d in listed.json) == ["evt-0", "evt-1"]
    failed = await edge.simulate_get(
        f"/webhooks/{webhook['id']}/deliveries", params={"state": "failed"}, headers=key
    )
    [given_up] = failed.json
    assert (given_up["event_id"], given_up["state"]) == ("evt-0", "failed")
    assert given_up["failure_reason"] == "the receiver answered 410"

    retried = await edge.simulate_post(
        f"/webhooks/{webhook['id']}/deliveries/{given_up['id']}/retry", headers=key
    )
    assert retried.status_code == 200, retried.text
    assert (retried.json["id"], retried.json["state"]) == (given_up["id"], "pending")

    for params, field in (({"state": "lost"}, "state"), ({"limit": "0"}, "limit")):
        refused = await edge.simulate_get(
            f"/webhooks/{webhook['id']}/deliveries", params=params, headers=key
        )
        assert refused.status_code == 400, refused.text
        assert [f["field"] for f in refused.json["error"]["fields"]] == [field]


async def test_rotating_the_secret_answers_the_new_one_once(
    edge: falcon.testing.ASGIConductor, ims_channel: grpc.aio.Channel
) -> None:
    acme = await tenant_with_keys(ims_channel, "acme")
    key = {"Authorization": f"Bearer {acme.read_write}"}
    created = (
        await edge.simulate_post(
            "/webhooks", json={"callback_url": URL, "events": ["order.created"]}, headers=key
        )
    ).json
    rotated = await edge.simulate_post(
        f"/webhooks/{created['id']}/rotate-secret", json={"grace_period_s": 60}, headers=key
    )
    assert rotated.status_code == 200, rotated.text
    assert rotated.json["signing_secret"].startswith("whsec_")
    assert rotated.json["signing_secret"] != created["signing_secret"]
    shown = await edge.simulate_get(f"/webhooks/{created['id']}", headers=key)
    assert "signing_secret" not in shown.json
    refused = await edge.simulate_post(
        f"/webhooks/{created['id']}/rotate-secret", json={"grace_period_s": "1h"}, headers=key
    )
    assert refused.status_code == 400
    assert refused.json["error"]["fields"][0]["field"] == "grace_period_s"


async def test_the_admin_creates_lists_and_revokes_a_tenants_keys(
    edge: falcon.testing.ASGIConductor,
) -> None:
    tenant = (await edge.simulate_post("/tenants", json={"name": "Keys Ltd"}, headers=ADMIN)).json
    base = f"/tenants/{tenant['id']}/api-keys"
    created = await edge.simulate_post(
        base,
        json={
            "name": "warehouse",
            "scopes": ["read"],
            "rate_limit": {"per_second": 5, "burst": 10},
        },
        headers=ADMIN,
    )
    assert created.status_code == 201, created.text
    assert created.json["secret"].startswith("tk_") and created.json["scopes"] == ["read"]
    assert created.json["rate_limit"] == {"per_second": 5.0, "burst": 10}
    as_key = {"Authorization": f"Bearer {created.json['secret']}"}
    assert (await edge.simulate_get(f"/tenants/{tenant['id']}", headers=as_key)).status_code == 200

    listed = await edge.simulate_get(base, headers=ADMIN)
    assert [k["id"] for k in listed.json] == [created.json["id"]]
    assert "secret" not in listed.json[0]
    revoked = await edge.simulate_post(f"{base}/{created.json['id']}/revoke", headers=ADMIN)
    assert revoked.status_code == 200 and revoked.json["revoked_at"]

    by_a_key = await edge.simulate_post(
        base, json={"name": "x", "scopes": ["read"]}, headers=as_key
    )
    assert by_a_key.status_code in (401, 403)  # revoked (within the cache TTL) or not admin
    refused = await edge.simulate_post(base, json={"name": "x", "scopes": ["admin"]}, headers=ADMIN)
    assert refused.status_code == 400
    assert refused.json["error"]["fields"][0]["field"] == "scopes"
