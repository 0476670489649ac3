"""A corpus of bad input, sent to the running system (real processes) through the Falcon
edge, Envoy and gRPC: malformed and oversized CSVs, binary data, injection strings, path
traversal in path parameters, SSRF webhook URLs, wrong content types, huge and deeply nested
JSON, wrong and expired credentials. Each is refused with a 4xx (or INVALID_ARGUMENT and
kin) whose body names the problem — never a 5xx — or, for text that is merely hostile,
stored as the literal text it is; nothing is half-written (a fresh tenant has exactly what
the accepted requests made), and every process is still up at the end."""

from __future__ import annotations

import json
import re
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import aiohttp
import grpc
import pytest
from google.protobuf import struct_pb2
from iam.v1 import api_key_pb2
from ims.v1 import seller_pb2, tenant_pb2
from oms.v1 import order_pb2, upload_pb2, webhook_pb2

from common.auth.access_tokens import AccessTokenClaims, AccessTokens
from common.auth.principal import Scope
from common.grpc.credentials import authorized_channel
from common.ids import new_id
from omsctl.connection import Services, Target, connect
from tests.support.auth import ADMIN_TOKEN, SERVICE_SECRET
from tests.support.run_system import RunningSystem

INJECTIONS = [
    "'; DROP TABLE sellers; --",
    '{"$where": "sleep(1000)"}',
    "<script>alert(1)</script>",
    "${jndi:ldap://x/a}",
    "../../etc/passwd",
]
TRAVERSALS = ["..%2F..%2Fetc%2Fpasswd", "%2e%2e", "..%5c..%5cwindows", "a%00b", "%252e%252e%252f"]


@dataclass
class Tenant:
    id: str
    key: str
    exits_before: int  # processes that had exited when the corpus began
    accepted: dict[str, int] = field(default_factory=dict)


@pytest.fixture(scope="module")
async def tenant(system: RunningSystem) -> Tenant:
    ims, oms = system.targets
    async with connect(Target(ims, oms, ADMIN_TOKEN, 30)) as admin:
        made = await admin.tenants.CreateTenant(
            tenant_pb2.CreateTenantRequest(
                tenant=tenant_pb2.Tenant(name="Bad input", code=f"bad-{new_id()[-12:]}")
            )
        )
        key = await admin.api_keys.CreateApiKey(
            api_key_pb2.CreateApiKeyRequest(
                tenant_id=made.tenant.id, name="corpus", scopes=["SCOPE_READ", "SCOPE_WRITE"]
            )
        )
    return Tenant(made.tenant.id, key.secret, system.console.count(r" exited \("))


@pytest.fixture(scope="module")
async def http() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=120)) as session:
        yield session


def _edge(system: RunningSystem) -> str:
    return f"http://127.0.0.1:{system.env['EDGE_PORT']}"


def _envoy(system: RunningSystem) -> str:
    return f"http://127.0.0.1:{system.env['ENVOY_PORT']}"


@dataclass(frozen=True)
class Answer:
    status: int
    text: str


async def _send(
    http: aiohttp.ClientSession,
    method: str,
    url: str,
    *,
    token: str | None,
    body: bytes | None = None,
    content_type: str | None = None,
    form: aiohttp.FormData | None = None,
) -> Answer:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    if content_type:
        headers["Content-Type"] = content_type
    async with http.request(
        method, url, data=form if form is not None else body, headers=headers
    ) as response:
        return Answer(response.status, await response.text())


def _refused(answer: Answer, *, statuses: set[int], names: str) -> None:
    """A 4xx in `statuses` whose body names the problem (`names`: a regex)."""
    assert answer.status in statuses, answer
    assert re.search(names, answer.text, re.IGNORECASE), answer


def _csv(
    tenant: Tenant, rows: list[str], header: str = "tenant_id,seller_id,hub_id,sku_id,quantity"
) -> bytes:
    return ("\n".join([header, *rows]) + "\n").encode()


def _form(content: bytes, filename: str = "orders.csv") -> aiohttp.FormData:
    form = aiohttp.FormData()
    form.add_field("file", content, filename=filename, content_type="text/csv")
    return form


# --- the Falcon edge (the original API) ----------------------------------------------------


async def test_falcon_edge_refuses_bad_uploads(
    system: RunningSystem, tenant: Tenant, http: aiohttp.ClientSession
) -> None:
    url, key = f"{_edge(system)}/orders/upload", tenant.key
    cases = [  # (what, form, statuses, the problem named)
        (
            "binary data",
            _form(b"\x00\x01\x02PK\x03\x04\xff\xfe" * 100),
            {400},
            r"line 1|text|UTF-8|binary|NUL",
        ),
        (
            "not UTF-8",
            _form("tenant_id;seller\n\xe9\xe8".encode("latin-1")),
            {400},
            r"UTF-8|line|column",
        ),
        ("no header columns", _form(b"a,b,c\n1,2,3\n"), {400}, r"column"),
        ("header only, empty", _form(b""), {400}, r"empty|header|column|file"),
        (
            "an over-long line",
            _form(b"tenant_id,seller_id,hub_id,sku_id,quantity\n" + b"x" * 2_000_000),
            {400, 413},
            r"line 2|longer|large",
        ),
        (
            "oversized file",
            _form(b"tenant_id,seller_id,hub_id,sku_id,quantity\n" + b"a,b,c,d,1\n" * 6_000_000),
            {400, 413},
            r"the limit is \d+ bytes",
        ),
    ]
    for what, form, statuses, names in cases:
        _refused(
            await _send(http, "POST", url, token=key, form=form), statuses=statuses, names=names
        )
        print(f"refused: {what}")
    no_file = aiohttp.FormData()
    no_file.add_field("other", "x")
    _refused(await _send(http, "POST", url, token=key, form=no_file), statuses={400}, names=r"file")
    _refused(
        await _send(
            http, "POST", url, token=key, body=b"--x\r\n", content_type="multipart/form-data"
        ),
        statuses={400, 415},
        names=r"boundary|multipart",
    )


async def test_falcon_edge_refuses_bad_json_and_content_types(
    system: RunningSystem, tenant: Tenant, http: aiohttp.ClientSession
) -> None:
    sellers, key = f"{_edge(system)}/sellers", tenant.key
    cases: list[tuple[str, bytes, str | None, set[int], str]] = [
        ("malformed JSON", b'{"name": "x",', "application/json", {400}, r"body|JSON"),
        ("not an object", b'["a", "b"]', "application/json", {400}, r"object"),
        (
            "deep nesting",
            b'{"name": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
            "application/json",
            {400, 413},
            r"body|JSON|deep|large",
        ),
        (
            "huge JSON",
            json.dumps({"name": "x" * 30_000_000}).encode(),
            "application/json",
            {400, 413},
            r"large|name|long|body",
        ),
        (
            "wrong content type",
            b"name=x&code=y",
            "application/x-www-form-urlencoded",
            {400, 415},
            r"content|JSON|media|body",
        ),
        ("text/plain", b"hello", "text/plain", {400, 415}, r"content|JSON|media|body"),
        (
            "a number where text goes",
            b'{"name": 5, "code": "c"}',
            "application/json",
            {400},
            r"name",
        ),
        (
            "an unknown field",
            b'{"name": "n", "code": "c", "is_admin": true}',
            "application/json",
            {400},
            r"is_admin",
        ),
        (
            "a null byte",
            b'{"name": "a\\u0000b", "code": "nul"}',
            "application/json",
            {400},
            r"name",
        ),
    ]
    for what, body, content_type, statuses, names in cases:
        answer = await _send(http, "POST", sellers, token=key, body=body, content_type=content_type)
        _refused(answer, statuses=statuses, names=names)
        print(f"refused: {what}")


async def test_injection_strings_are_refused_or_kept_as_the_literal_text(
    system: RunningSystem, tenant: Tenant, http: aiohttp.ClientSession
) -> None:
    """Each field of a seller gets each hostile string: a clear 400 naming the field, or a
    seller that reads back with exactly that text."""
    sellers, key = f"{_edge(system)}/sellers", tenant.key
    accepted = 0
    for n, hostile in enumerate(INJECTIONS):
        for field_name in ("name", "code", "email"):
            body = {"name": f"Seller {n}", "code": f"seller-{n}-{field_name}", field_name: hostile}
            answer = await _send(
                http,
                "POST",
                sellers,
                token=key,
                body=json.dumps(body).encode(),
                content_type="application/json",
            )
            if answer.status == 400:
                assert field_name in answer.text, answer
                continue
            assert answer.status == 201, answer
            made = json.loads(answer.text)
            read = await _send(http, "GET", f"{sellers}/{made['id']}", token=key)
            assert json.loads(read.text)[field_name] == hostile
            accepted += 1
    tenant.accepted["sellers"] = tenant.accepted.get("sellers", 0) + accepted


async def test_path_traversal_in_every_path_parameter_is_a_4xx(
    system: RunningSystem, tenant: Tenant, http: aiohttp.ClientSession
) -> None:
    templates = [
        "/sellers/{}",
        "/categories/{}",
        "/hubs/{}",
        "/skus/{}",
        "/orders/{}",
        "/orders/{}/cancel",
        "/orders/uploads/{}",
        "/orders/errors/{}",
        "/webhooks/{}",
        "/webhooks/{}/deliveries",
        "/tenants/{}",
    ]
    for base in (_edge(system), _envoy(system)):
        for template in templates:
            for traversal in TRAVERSALS:
                method = "POST" if template.endswith("/cancel") else "GET"
                answer = await _send(
                    http, method, base + template.format(traversal), token=tenant.key
                )
                if base == _envoy(system) and answer.status < 300:
                    # Envoy normalizes the path first (RFC 3986: %2e is ".", and dot segments
                    # are removed), so /orders/uploads/%2e%2e *is* /orders: a valid request
                    # of the same tenant, answered as such. Never a way out of the API.
                    assert traversal == "%2e%2e", (base, template, answer)
                    continue
                assert 400 <= answer.status < 500, (base, template, traversal, answer)


async def test_ssrf_webhook_urls_are_refused_naming_the_url(
    system: RunningSystem, tenant: Tenant, http: aiohttp.ClientSession
) -> None:
    urls = [
        "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.1/hook",
        "http://192.168.1.1/hook",
        "http://[fd00::1]/hook",
        "http://[::ffff:169.254.169.254]/hook",
        "file:///etc/passwd",
        "gopher://example.com/_x",
        "http://user:pass@example.com/hook",
        "not a url",
    ]
    for base, path in ((_edge(system), "/webhooks"), (_envoy(system), "/webhooks")):
        for url in urls:
            body = (
                {"url": url, "events": ["order.created"]}
                if base == _edge(system)
                else {"url": url, "eventTypes": ["order.created"]}
            )
            answer = await _send(
                http,
                "POST",
                base + path,
                token=tenant.key,
                body=json.dumps(body).encode(),
                content_type="application/json",
            )
            _refused(answer, statuses={400}, names=r"url")


async def test_wrong_and_expired_credentials_are_401(
    system: RunningSystem, tenant: Tenant, http: aiohttp.ClientSession
) -> None:
    # Signed as IMS signs them, for this tenant's real key, but expired an hour ago.
    key_id = tenant.key.split("_")[1]
    expired = AccessTokens(SERVICE_SECRET).issue(
        AccessTokenClaims(key_id, tenant.id, frozenset(Scope), int(time.time()) - 3600)
    )
    for token in (None, "garbage", "tk_nothing_there", "Bearer", expired, tenant.key[:-2] + "xx"):
        for url in (f"{_edge(system)}/orders", f"{_envoy(system)}/orders"):
            answer = await _send(http, "GET", url, token=token)
            assert answer.status == 401, (token, url, answer)


# --- Envoy (the proto-native REST API) --------------------------------------------------


async def test_envoy_refuses_bad_json(
    system: RunningSystem, tenant: Tenant, http: aiohttp.ClientSession
) -> None:
    sellers, key = f"{_envoy(system)}/sellers", tenant.key
    cases: list[tuple[bytes, str | None, set[int]]] = [
        (b'{"name": "x",', "application/json", {400}),
        (b'{"name": 5}', "application/json", {400}),
        (b'{"unknownField": 1}', "application/json", {400}),
        (b'{"name": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", "application/json", {400, 413}),
        (json.dumps({"name": "x" * 30_000_000}).encode(), "application/json", {400, 413}),
        (b"\x00\x01\x02", "application/octet-stream", {400, 415}),
    ]
    for body, content_type, statuses in cases:
        answer = await _send(http, "POST", sellers, token=key, body=body, content_type=content_type)
        assert answer.status in statuses, (body[:40], answer)


# --- gRPC ----------------------------------------------------------------------------------


async def test_grpc_refuses_bad_requests_naming_the_field(
    system: RunningSystem, tenant: Tenant
) -> None:
    ims, oms = system.targets
    async with connect(Target(ims, oms, tenant.key, 30)) as api:
        await _grpc_cases(api, tenant, ims)


async def _expect(call: Any, codes: set[grpc.StatusCode], names: str) -> None:
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await call
    assert caught.value.code() in codes, caught.value
    assert re.search(names, caught.value.details() or "", re.IGNORECASE), caught.value


async def _grpc_cases(api: Services, tenant: Tenant, ims: str) -> None:
    invalid = {grpc.StatusCode.INVALID_ARGUMENT}
    await _expect(
        api.sellers.CreateSeller(
            seller_pb2.CreateSellerRequest(seller=seller_pb2.Seller(name="", code="c"))
        ),
        invalid,
        r"name",
    )
    await _expect(
        api.sellers.CreateSeller(
            seller_pb2.CreateSellerRequest(seller=seller_pb2.Seller(name="n", code="bad code!"))
        ),
        invalid,
        r"code",
    )
    await _expect(
        api.sellers.CreateSeller(
            seller_pb2.CreateSellerRequest(
                seller=seller_pb2.Seller(name="n", code="c2", email="not-an-email")
            )
        ),
        invalid,
        r"email",
    )
    big = struct_pb2.Struct()
    big.update({"blob": "x" * 100_000})
    await _expect(
        api.sellers.CreateSeller(
            seller_pb2.CreateSellerRequest(
                seller=seller_pb2.Seller(name="n", code="c4", metadata=big)
            )
        ),
        invalid,
        r"metadata",
    )
    await _expect(
        api.orders.GetOrder(order_pb2.GetOrderRequest(id="../../etc/passwd")),
        invalid | {grpc.StatusCode.NOT_FOUND},
        r"id|order",
    )
    await _expect(
        api.orders.CreateOrder(
            order_pb2.CreateOrderRequest(
                seller_id="s", hub_id="h", lines=[order_pb2.OrderLine(sku_id="k", quantity=-3)]
            )
        ),
        invalid,
        r"quantity|lines",
    )
    await _expect(
        api.orders.ListOrders(order_pb2.ListOrdersRequest(page_token="not-a-token")),
        invalid,
        r"page_token",
    )
    await _expect(
        api.uploads.GetErrorFile(upload_pb2.GetErrorFileRequest(file_name="../../secret")).read(),
        invalid | {grpc.StatusCode.NOT_FOUND},
        r"file_name",
    )
    await _expect(
        api.webhooks.CreateWebhook(
            webhook_pb2.CreateWebhookRequest(
                webhook=webhook_pb2.Webhook(
                    url="http://169.254.169.254/", event_types=["order.created"]
                )
            )
        ),
        invalid,
        r"url",
    )
    await _expect(
        api.webhooks.CreateWebhook(
            webhook_pb2.CreateWebhookRequest(
                webhook=webhook_pb2.Webhook(
                    url="https://example.com/h", event_types=["order.exploded"]
                )
            )
        ),
        invalid,
        r"event_types",
    )

    async def binary() -> Any:
        yield upload_pb2.StreamUploadRequest(header=upload_pb2.UploadHeader(filename="x.csv"))
        yield upload_pb2.StreamUploadRequest(chunk=b"\x00\x01\x02\xff" * 1000)

    await _expect(api.uploads.StreamUpload(binary()), invalid, r"line|text|UTF-8|NUL|binary")

    async def no_header() -> Any:
        yield upload_pb2.StreamUploadRequest(chunk=b"tenant_id\n")

    await _expect(api.uploads.StreamUpload(no_header()), invalid, r"header")

    # Bytes that are no message at all, and a message over the size limit.
    async with authorized_channel(ims, tenant.key) as channel:
        raw = channel.unary_unary(
            "/ims.v1.SellerService/CreateSeller",
            request_serializer=None,
            response_deserializer=None,
        )
        await _expect(raw(b"\xff\xff\xff\xff\x0f"), invalid, r"not a valid message")
        # metadata nested 60 levels deep (each level a Struct, a map entry and a Value):
        # deeper than protobuf decodes.
        seller = _field(3, b"n") + _field(4, b"deep") + _field(8, _deep_struct(60))
        await _expect(raw(_field(1, seller)), invalid, r"not a valid message")
        # Over the server's message size limit (64 MiB).
        await _expect(
            raw(_field(1, b"\x00" * (65 * 1024 * 1024))),
            {grpc.StatusCode.RESOURCE_EXHAUSTED},
            r"larger than max",
        )
    for token in ("garbage", tenant.key[:-2] + "xx", ""):
        async with authorized_channel(ims, token or None) as channel:
            call = seller_pb2_grpc_stub(channel).ListSellers(seller_pb2.ListSellersRequest())
            await _expect(
                call, {grpc.StatusCode.UNAUTHENTICATED}, r"credential|key|token|authorization"
            )


def _varint(n: int) -> bytes:
    out = bytearray()
    while True:
        byte, n = n & 0x7F, n >> 7
        out.append(byte | (0x80 if n else 0))
        if not n:
            return bytes(out)


def _field(number: int, payload: bytes) -> bytes:
    """A length-delimited protobuf field, by hand (for bytes no message class would make)."""
    return _varint(number << 3 | 2) + _varint(len(payload)) + payload


def _deep_struct(levels: int) -> bytes:
    inner = b""
    for _ in range(levels):
        value = _field(5, inner)  # Value.struct_value
        inner = _field(1, _field(1, b"x") + _field(2, value))  # Struct.fields["x"]
    return inner


def seller_pb2_grpc_stub(channel: grpc.aio.Channel) -> Any:
    from ims.v1 import seller_pb2_grpc

    return seller_pb2_grpc.SellerServiceStub(channel)


# --- afterwards ------------------------------------------------------------------------------


async def test_nothing_half_written_and_every_process_is_up(
    system: RunningSystem, tenant: Tenant, http: aiohttp.ClientSession
) -> None:
    ims, oms = system.targets
    async with connect(Target(ims, oms, tenant.key, 30)) as api:
        sellers = await api.sellers.ListSellers(seller_pb2.ListSellersRequest(page_size=100))
        assert len(sellers.sellers) == tenant.accepted.get("sellers", 0)
        webhooks = await api.webhooks.ListWebhooks(webhook_pb2.ListWebhooksRequest(page_size=100))
        assert list(webhooks.webhooks) == []
        orders = await api.orders.ListOrders(order_pb2.ListOrdersRequest(page_size=100))
        assert list(orders.orders) == []
    assert system.console.count(r" exited \(") == tenant.exits_before, system.console.text()
    for url in (f"{_edge(system)}/healthz", f"{_envoy(system)}/docs"):
        async with http.get(url) as response:
            assert response.status == 200, url
