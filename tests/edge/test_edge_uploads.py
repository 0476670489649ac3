"""A CSV upload through the Falcon edge as the original documents it (multipart `file`,
202 {bucket, key}), processed by the real ingester, its rejected rows downloaded."""

from __future__ import annotations

import asyncio

import aiohttp
import falcon.testing
import grpc

from oms_grpc.main import OmsSettingsBundle
from tests.auth.access_support import tenant_with_keys
from tests.consumers.csv_ingester_support import ingester, ingester_settings
from tests.support.ims_catalog import ImsCatalog


async def test_upload_follow_and_download_the_rejected_rows(
    edge: falcon.testing.ASGIConductor,
    ims_channel: grpc.aio.Channel,
    oms_settings: OmsSettingsBundle,
) -> None:
    acme = await tenant_with_keys(ims_channel, "acme")
    catalog = await ImsCatalog(ims_channel).seller_catalog(skus=1, tenant_id=acme.tenant_id)
    key = {"Authorization": f"Bearer {acme.read_write}"}
    good = f"{acme.tenant_id},{catalog.seller_id},{catalog.hub_id},{catalog.sku_id(0)},2"
    bad = f"{acme.tenant_id},{catalog.seller_id},{catalog.hub_id},{catalog.sku_id(0)},-1"
    csv = f"tenant_id,seller_id,hub_id,sku_id,quantity\n{good}\n{bad}\n".encode()
    boundary = "edge-test-boundary"
    body = (
        (
            f"--{boundary}\r\n"
            'Content-Disposition: form-data; name="file"; filename="orders.csv"\r\n'
            "Content-Type: text/csv\r\n\r\n"
        ).encode()
        + csv
        + f"\r\n--{boundary}--\r\n".encode()
    )
    async with ingester(ingester_settings(oms_settings), consume=True):
        accepted = await edge.simulate_post(
            "/orders/upload",
            body=body,
            headers={**key, "Content-Type": f"multipart/form-data; boundary={boundary}"},
        )
        assert accepted.status_code == 202, accepted.text
        assert accepted.json["bucket"] == oms_settings.core.aws.s3_bucket
        assert accepted.json["key"].startswith("uploads/") and accepted.json["key"].endswith(
            "_orders.csv"
        )
        upload_id = accepted.json["upload"]["id"]
        for _ in range(300):
            upload = (await edge.simulate_get(f"/orders/uploads/{upload_id}", headers=key)).json
            if upload["state"] == "completed":
                break
            await asyncio.sleep(0.1)
    assert (upload["state"], upload["orders_created"], upload["rows_rejected"]) == (
        "completed",
        1,
        1,
    )
    errors = await edge.simulate_get(
        f"/orders/errors/{upload['error_file_name']}", headers={**key, "Accept-Language": "de"}
    )
    assert errors.status_code == 200
    assert errors.headers["content-type"].startswith("text/csv")
    lines = errors.text.splitlines()
    assert len(lines) == 2 and lines[1].startswith(bad)

    missing = await edge.simulate_get(
        "/orders/errors/0190a0c1-0000-7000-8000-000000000001_errors.csv", headers=key
    )
    assert missing.status_code == 404
    refused = await edge.simulate_get("/orders/errors/secret.csv", headers=key)
    assert refused.status_code == 400
    assert refused.json["error"]["fields"][0]["field"] == "file"
    escaping = await edge.simulate_get("/orders/errors/..%2Fsecret.csv", headers=key)
    assert escaping.status_code == 404  # no route: nothing outside the error files is reachable
    assert escaping.json["error"]["code"] == "NOT_FOUND"


def _form(boundary: str, *parts: tuple[str, str | None, bytes]) -> bytes:
    body = b""
    for name, filename, content in parts:
        disposition = f'form-data; name="{name}"' + (f'; filename="{filename}"' if filename else "")
        body += f"--{boundary}\r\nContent-Disposition: {disposition}\r\n\r\n".encode()
        body += content + b"\r\n"
    return body + f"--{boundary}--\r\n".encode()


async def test_raw_and_form_uploads_stream_and_bad_forms_name_the_part(
    edge: falcon.testing.ASGIConductor, ims_channel: grpc.aio.Channel
) -> None:
    acme = await tenant_with_keys(ims_channel, "acme")
    key = {"Authorization": f"Bearer {acme.read_write}"}
    row = f"{acme.tenant_id},s,h,k,1\n".encode()
    csv = b"tenant_id,seller_id,hub_id,sku_id,quantity\n" + row * (9 * 1024 * 1024 // len(row))
    raw = await edge.simulate_post(
        "/orders/upload",
        body=csv,
        params={"filename": "raw.csv"},
        headers={**key, "Content-Type": "text/csv"},
    )
    assert raw.status_code == 202, raw.text
    assert raw.json["upload"]["filename"] == "raw.csv" and raw.json["key"].endswith("_raw.csv")

    boundary = "b0undary"
    multipart = {**key, "Content-Type": f"multipart/form-data; boundary={boundary}"}
    fields_first = await edge.simulate_post(
        "/orders/upload",
        body=_form(
            boundary,
            ("tenant_id", None, acme.tenant_id.encode()),
            ("filename", None, b"named.csv"),
            ("file", "ignored.csv", csv[:1000]),
        ),
        headers=multipart,
    )
    assert fields_first.status_code == 202, fields_first.text
    assert fields_first.json["upload"]["filename"] == "named.csv"

    for parts, field in (
        ((("file", "a.csv", csv[:200]), ("tenant_id", None, b"x")), "tenant_id"),  # too late
        ((("colour", None, b"red"), ("file", "a.csv", csv[:200])), "colour"),
        ((("filename", None, b"x.csv"),), "file"),  # no file part
        ((("file", "a.csv", b"tenant_id,quantity\n1,2\n"),), "file"),  # OMS: no sku_id column
        ((("file", "a.csv", csv[:500] + "Grüße".encode("latin-1")),), "file"),  # not UTF-8
    ):
        refused = await edge.simulate_post(
            "/orders/upload", body=_form(boundary, *parts), headers=multipart
        )
        assert refused.status_code == 400, (parts, refused.text)
        assert [f["field"] for f in refused.json["error"]["fields"]] == [field], refused.text

    unsupported = await edge.simulate_post(
        "/orders/upload", body=b"{}", headers={**key, "Content-Type": "application/json"}
    )
    assert unsupported.status_code == 400
    assert unsupported.json["error"]["fields"][0]["field"] == "file"
    other_tenant = await edge.simulate_post(
        "/orders/upload",
        body=csv[:300],
        params={"tenant_id": "0190a0c1-0000-7000-8000-000000000001"},
        headers={**key, "Content-Type": "text/csv"},
    )
    assert other_tenant.status_code == 403
    assert other_tenant.json["error"]["fields"][0]["field"] == "tenant_id"


async def test_bulk_imports_a_file_put_with_a_presigned_url(
    edge: falcon.testing.ASGIConductor, ims_channel: grpc.aio.Channel
) -> None:
    acme = await tenant_with_keys(ims_channel, "acme")
    key = {"Authorization": f"Bearer {acme.read_write}"}
    slot = await edge.simulate_post("/orders/upload-url", json={"filename": "q4.csv"}, headers=key)
    assert slot.status_code == 201, slot.text
    assert slot.json["method"] == "PUT" and slot.json["key"].endswith("/q4.csv")
    csv = f"tenant_id,seller_id,hub_id,sku_id,quantity\n{acme.tenant_id},s,h,k,1\n".encode()
    async with (
        aiohttp.ClientSession() as session,
        session.put(slot.json["url"], data=csv, headers=slot.json["headers"]) as put,
    ):
        assert put.status == 200
    bulk = await edge.simulate_post(
        "/orders/bulk", json={"bucket": slot.json["bucket"], "key": slot.json["key"]}, headers=key
    )
    assert bulk.status_code == 202, bulk.text
    assert bulk.json["bucket"] == slot.json["bucket"]
    assert bulk.json["key"].startswith("uploads/") and bulk.json["key"].endswith("_q4.csv")
    assert bulk.json["upload"]["state"] == "queued"

    for body, status, field in (
        ({"bucket": slot.json["bucket"], "key": "uploads/someone-elses.csv"}, 404, None),
        ({"bucket": "another", "key": slot.json["key"]}, 400, "bucket"),
        ({"bucket": slot.json["bucket"]}, 400, "key"),
        ({"bucket": slot.json["bucket"], "key": slot.json["key"], "path": "/"}, 400, "path"),
    ):
        refused = await edge.simulate_post("/orders/bulk", json=body, headers=key)
        assert refused.status_code == status, (body, refused.text)
        if field:
            assert [f["field"] for f in refused.json["error"]["fields"]] == [field]


async def test_an_upload_without_a_credential_is_a_401_whatever_the_file(
    edge: falcon.testing.ASGIConductor,
) -> None:
    boundary = "b0undary"
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01" + bytes(range(256)) * 64
    for body, content_type in (
        (_form(boundary, ("file", "file.png", png)), f"multipart/form-data; boundary={boundary}"),
        (b"tenant_id,seller_id,hub_id,sku_id,quantity\n" * 20_000, "text/csv"),
    ):
        refused = await edge.simulate_post(
            "/orders/upload", body=body, headers={"Content-Type": content_type}
        )
        assert refused.status_code == 401, refused.text
        assert refused.json["error"]["code"] == "UNAUTHENTICATED"
