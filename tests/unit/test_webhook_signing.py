"""Standard Webhooks signatures (pure), checked against the reference library."""

from __future__ import annotations

import base64
import hashlib
import hmac
from datetime import UTC, datetime, timedelta

import pytest
from standardwebhooks.webhooks import Webhook, WebhookVerificationError

from consumers.webhook_dispatcher.signing import delivery_headers, signature, signature_header
from oms_grpc.core.domain.webhook_secrets import new_signing_secret, signing_key
from oms_grpc.core.domain.webhooks import SigningSecret, WebhookTarget

BODY = '{"eventId":"evt_1","order":{"id":"o-1","note":"grüße"}}'


def test_signature_is_hmac_sha256_of_id_timestamp_and_body() -> None:
    key = bytes(range(32))
    expected = hmac.new(key, b"msg_1.1700000000." + BODY.encode(), hashlib.sha256).digest()
    assert (
        signature(key, "msg_1", 1_700_000_000, BODY) == "v1," + base64.b64encode(expected).decode()
    )


def test_the_reference_library_verifies_the_headers() -> None:
    secret = new_signing_secret()
    now = int(datetime.now(UTC).timestamp())
    headers = delivery_headers(
        message_id="evt_1",
        timestamp=now,
        body=BODY,
        secrets=[secret],
        event_type="order.created",
        custom=(("X-Api-Key", "k"),),
    )
    assert Webhook(secret).verify(BODY, headers) == {
        "eventId": "evt_1",
        "order": {"id": "o-1", "note": "grüße"},
    }
    assert headers["X-Api-Key"] == "k" and headers["Content-Type"] == "application/json"
    assert headers["webhook-id"] == "evt_1" and headers["webhook-timestamp"] == str(now)
    with pytest.raises(WebhookVerificationError):
        Webhook(new_signing_secret()).verify(BODY, headers)
    with pytest.raises(WebhookVerificationError):
        Webhook(secret).verify(BODY + " ", headers)


def test_two_secrets_give_two_signatures_either_verifies() -> None:
    old, new = new_signing_secret(), new_signing_secret()
    now = int(datetime.now(UTC).timestamp())
    header = signature_header([new, old], "evt_2", now, BODY)
    first, second = header.split(" ")
    assert first == signature(signing_key(new), "evt_2", now, BODY)
    assert second == signature(signing_key(old), "evt_2", now, BODY)
    headers = {"webhook-id": "evt_2", "webhook-timestamp": str(now), "webhook-signature": header}
    Webhook(old).verify(BODY, headers)
    Webhook(new).verify(BODY, headers)
    with pytest.raises(ValueError):
        signature_header([], "evt_2", now, BODY)


def test_custom_headers_cannot_replace_the_signature() -> None:
    secret = new_signing_secret()
    headers = delivery_headers(
        message_id="evt_3",
        timestamp=1,
        body="{}",
        secrets=[secret],
        event_type="order.updated",
        custom=(("webhook-signature", "v1,forged"),),  # refused at registration anyway
    )
    assert headers["webhook-signature"] != "v1,forged"


def test_a_rotated_out_secret_signs_until_its_expiry() -> None:
    now = datetime(2025, 3, 1, tzinfo=UTC)
    target = WebhookTarget(
        id="w",
        tenant_id="t",
        url="https://example.com",
        event_types=("order.created",),
        headers=(),
        active=True,
        secrets=(SigningSecret("new"), SigningSecret("old", now + timedelta(hours=1))),
    )
    assert target.signing_secrets(now) == ["new", "old"]
    assert target.signing_secrets(now + timedelta(hours=1)) == ["new"]
    assert target.subscribes_to("order.created") and not target.subscribes_to("order.updated")
