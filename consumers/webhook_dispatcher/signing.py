"""Standard Webhooks signatures and the headers of one delivery attempt (pure).

    webhook-signature: v1,<base64 HMAC-SHA256(key, "{webhook-id}.{webhook-timestamp}.{body}")>

keyed with the base64-decoded part of the `whsec_…` secret. Several secrets (during a
rotation's grace period) give several space-separated signatures; a receiver accepts the
request if any of them verifies with its secret.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from collections.abc import Sequence

from oms_grpc.core.domain.webhook_headers import Headers
from oms_grpc.core.domain.webhook_secrets import signing_key

USER_AGENT = "omsims-webhooks/1"


def signature(key: bytes, message_id: str, timestamp: int, body: str) -> str:
    signed = f"{message_id}.{timestamp}.{body}".encode()
    digest = hmac.new(key, signed, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode()


def signature_header(secrets: Sequence[str], message_id: str, timestamp: int, body: str) -> str:
    """The `webhook-signature` value: one `v1,` signature per secret, the current first."""
    if not secrets:
        raise ValueError("a delivery is signed with at least one secret")
    return " ".join(signature(signing_key(s), message_id, timestamp, body) for s in secrets)


def delivery_headers(
    *,
    message_id: str,
    timestamp: int,
    body: str,
    secrets: Sequence[str],
    event_type: str,
    custom: Headers = (),
) -> dict[str, str]:
    """Every header of an attempt: the tenant's own, then the ones the dispatcher owns
    (registration refuses custom headers that would collide with these)."""
    headers = dict(custom)
    headers.update(
        {
            "Content-Type": "application/json",
            "User-Agent": USER_AGENT,
            "webhook-id": message_id,
            "webhook-timestamp": str(timestamp),
            "webhook-signature": signature_header(secrets, message_id, timestamp, body),
            # Not part of the spec: lets a receiver route without parsing the body.
            "webhook-event-type": event_type,
        }
    )
    return headers
