"""REST through Envoy's gRPC-JSON transcoder (the project's envoy.yaml) to the real services:
JSON in and out, errors as google.rpc.Status JSON in the caller's language."""

from __future__ import annotations

from typing import Any

import aiohttp
import grpc
import pytest

from tests.auth.access_support import tenant_with_keys
from tests.support.auth import ADMIN_TOKEN
from tests.support.ims_catalog import ImsCatalog

LOCALIZED = "type.googleapis.com/google.rpc.LocalizedMessage"
BAD_REQUEST = "type.googleapis.com/google.rpc.BadRequest"
ERROR_INFO = "type.googleapis.com/google.rpc.ErrorInfo"


@pytest.fixture
async def http() -> Any:
    """Calls as the operator (the admin credential), as a client of the edge would with its
    own key; what credentials may do is tested in tests/auth."""
    async with aiohttp.ClientSession(headers={"Authorization": f"Bearer {ADMIN_TOKEN}"}) as session:
        yield session


def _detail(body: dict[str, Any], type_url: str) -> dict[str, Any]:
    [found] = [d for d in body.get("details", []) if d.get("@type") == type_url]
    return found


def _violations(body: dict[str, Any]) -> dict[str, str]:
    return {v["field"]: v["description"] for v in _detail(body, BAD_REQUEST)["field_violations"]}


async def test_create_then_get_a_tenant_as_json(
    rest_gateway: str, http: aiohttp.ClientSession, unique: str
) -> None:
    payload = {"name": "Acme GmbH", "code": f"acme-{unique}"}
    async with http.post(f"{rest_gateway}/tenants", json=payload) as reply:
        assert reply.status == 200, await reply.text()
        created = (await reply.json())["tenant"]
    assert created["name"] == "Acme GmbH"
    async with http.get(f"{rest_gateway}/tenants/{created['id']}") as reply:
        assert reply.status == 200
        assert (await reply.json())["tenant"]["code"] == f"acme-{unique}"


async def test_field_errors_are_a_400_naming_each_field_in_english_by_default(
    rest_gateway: str, http: aiohttp.ClientSession
) -> None:
    async with http.post(f"{rest_gateway}/tenants", json={"name": " ", "code": "a b"}) as reply:
        assert reply.status == 400
        body = await reply.json()
    violations = _violations(body)
    assert violations == {
        "tenant.name": "is required",
        "tenant.code": "may contain only letters, digits, '.', '_' and '-'",
    }
    assert _detail(body, LOCALIZED) == {
        "@type": LOCALIZED,
        "locale": "en",
        "message": body["message"],
    }
    assert _detail(body, ERROR_INFO)["reason"] == "INVALID_ARGUMENT"


async def test_accept_language_de_translates_message_and_field_descriptions(
    rest_gateway: str, http: aiohttp.ClientSession
) -> None:
    headers = {"Accept-Language": "de-DE,de;q=0.9,en;q=0.5"}
    async with http.post(
        f"{rest_gateway}/tenants", json={"name": " ", "code": "x" * 65}, headers=headers
    ) as reply:
        assert reply.status == 400
        body = await reply.json()
    violations = _violations(body)
    assert violations == {
        "tenant.name": "ist erforderlich",
        "tenant.code": "darf höchstens 64 Zeichen lang sein",
    }
    assert body["message"] == (
        "tenant.name: ist erforderlich; tenant.code: darf höchstens 64 Zeichen lang sein"
    )
    assert _detail(body, LOCALIZED)["locale"] == "de"


async def test_not_found_is_a_404_in_the_callers_language(
    rest_gateway: str, http: aiohttp.ClientSession
) -> None:
    missing = "0190a0c0-0000-7000-8000-000000000000"
    async with http.get(
        f"{rest_gateway}/tenants/{missing}", headers={"Accept-Language": "de"}
    ) as reply:
        assert reply.status == 404
        body = await reply.json()
    assert body["message"] == f"Mandant '{missing}' nicht gefunden"
    assert _detail(body, ERROR_INFO)["reason"] == "TENANT_NOT_FOUND"
    async with http.get(
        f"{rest_gateway}/tenants/{missing}", headers={"Accept-Language": "fr, es;q=0.5"}
    ) as reply:
        assert reply.status == 404
        body = await reply.json()
    assert body["message"] == f"tenant '{missing}' not found"  # no French: English
    assert _detail(body, LOCALIZED)["locale"] == "en"


async def test_unknown_query_parameters_and_paths_are_refused(
    rest_gateway: str, http: aiohttp.ClientSession
) -> None:
    async with http.get(f"{rest_gateway}/tenants", params={"pagesize": "5"}) as reply:
        assert reply.status == 400
    async with http.get(f"{rest_gateway}/no-such-thing") as reply:
        assert reply.status == 404


async def test_an_order_over_rest_with_an_idempotency_key(
    rest_gateway: str, http: aiohttp.ClientSession, ims_channel: grpc.aio.Channel
) -> None:
    catalog = await ImsCatalog(ims_channel).seller_catalog(skus=1)
    order = {
        "tenant_id": catalog.tenant_id,
        "seller_id": catalog.seller_id,
        "hub_id": catalog.hub_id,
        "lines": [{"sku_code": catalog.sku_code(0), "quantity": 2}],
    }
    headers = {"Idempotency-Key": f"rest-{catalog.tenant_id}"}
    async with http.post(f"{rest_gateway}/orders", json=order, headers=headers) as reply:
        assert reply.status == 200, await reply.text()
        created = (await reply.json())["order"]
    async with http.post(f"{rest_gateway}/orders", json=order, headers=headers) as reply:
        assert (await reply.json())["order"]["id"] == created["id"]  # the same order
    assert created["status"] == "ORDER_STATUS_ON_HOLD"
    assert created["lines"][0]["sku_id"] == catalog.sku_id(0)
    url = f"{rest_gateway}/orders/{created['id']}"
    async with http.get(url, params={"tenant_id": catalog.tenant_id}) as reply:
        assert reply.status == 200, await reply.text()
        assert (await reply.json())["order"]["id"] == created["id"]

    order["lines"] = [{"sku_code": "NO-SUCH-SKU", "quantity": 1}]
    async with http.post(
        f"{rest_gateway}/orders", json=order, headers={"Accept-Language": "de"}
    ) as reply:
        assert reply.status == 400, await reply.text()
        body = await reply.json()
    assert body["message"] == (
        "lines[0].sku_code: SKU 'NO-SUCH-SKU' existiert für diesen Mandanten nicht"
    )


async def test_the_authorization_header_reaches_the_servers_through_envoy(
    rest_gateway: str, ims_channel: grpc.aio.Channel
) -> None:
    acme = await tenant_with_keys(ims_channel, "acme")
    hubs = f"{rest_gateway}/hubs?tenant_id={acme.tenant_id}"
    async with aiohttp.ClientSession() as anonymous, anonymous.get(hubs) as reply:
        assert reply.status == 401, await reply.text()
        assert (await reply.json())["code"] == grpc.StatusCode.UNAUTHENTICATED.value[0]
    headers = {"Authorization": f"Bearer {acme.read_only}"}
    async with aiohttp.ClientSession(headers=headers) as partner:
        async with partner.get(f"{rest_gateway}/hubs") as reply:  # tenant from the key
            assert reply.status == 200, await reply.text()
            assert (await reply.json()).get("hubs", []) == []
        async with partner.post(f"{rest_gateway}/tenants", json={"name": "X", "code": "x"}) as r:
            assert r.status == 403, await r.text()


async def test_api_keys_are_made_listed_and_revoked_over_rest(
    rest_gateway: str, http: aiohttp.ClientSession, unique: str
) -> None:
    async with http.post(
        f"{rest_gateway}/tenants", json={"name": "Acme", "code": f"acme-{unique}"}
    ) as reply:
        tenant_id = (await reply.json())["tenant"]["id"]
    keys = f"{rest_gateway}/tenants/{tenant_id}/api-keys"
    async with http.post(keys, json={"name": "erp", "scopes": ["SCOPE_READ"]}) as reply:
        assert reply.status == 200, await reply.text()
        created = await reply.json()
    assert created["secret"].startswith("tk_")
    async with (
        aiohttp.ClientSession(headers={"Authorization": f"Bearer {created['secret']}"}) as partner,
        partner.get(keys) as reply,
    ):
        assert reply.status == 200, await reply.text()
        [listed] = (await reply.json())["api_keys"]
    assert listed["name"] == "erp" and "secret" not in listed
    key_id = created["api_key"]["id"]
    async with http.post(f"{keys}/{key_id}:revoke", json={}) as reply:
        assert reply.status == 200, await reply.text()
        assert "revoke_time" in (await reply.json())["api_key"]


async def test_a_rate_limited_key_gets_429_with_a_retry_hint_through_envoy(
    rest_gateway: str, http: aiohttp.ClientSession, ims_channel: grpc.aio.Channel
) -> None:
    acme = await tenant_with_keys(ims_channel, "acme")
    keys = f"{rest_gateway}/tenants/{acme.tenant_id}/api-keys"
    limited = {
        "name": "tiny",
        "scopes": ["SCOPE_READ"],
        "rate_limit": {"per_second": 0.01, "burst": 1},  # one call, then one per 100 s
    }
    async with http.post(keys, json=limited) as reply:
        secret = (await reply.json())["secret"]
    async with aiohttp.ClientSession(headers={"Authorization": f"Bearer {secret}"}) as partner:
        async with partner.get(f"{rest_gateway}/hubs") as first:
            assert first.status == 200, await first.text()
        async with partner.get(f"{rest_gateway}/hubs") as second:
            assert second.status == 429, await second.text()
            body = await second.json()
    retry = [d for d in body["details"] if d["@type"].endswith("google.rpc.RetryInfo")]
    assert retry and retry[0]["retry_delay"]
