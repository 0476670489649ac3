"""Verifying a webhook request as a receiver: Standard Webhooks signatures
(https://www.standardwebhooks.com), as the webhook dispatcher sends them.

The signed content is `{webhook-id}.{webhook-timestamp}.{body}`; `webhook-signature` holds
one or more space-separated `v1,<base64 HMAC-SHA256>` (two while a rotated secret's grace
period lasts). The secret is the `whsec_…` string returned by CreateWebhook or
RotateWebhookSecret.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import time
from collections.abc import Mapping

SECRET_PREFIX = "whsec_"
DEFAULT_TOLERANCE_S = 300


class WebhookVerificationError(Exception):
    """The request is not a genuine, fresh webhook of the secret's owner."""


def verify_webhook(
    secret: str,
    headers: Mapping[str, str],
    body: bytes,
    *,
    tolerance_s: int = DEFAULT_TOLERANCE_S,
    now: float | None = None,
) -> str:
    """Check the request's signature and timestamp; returns its `webhook-id` (stable across
    retries of one delivery: de-duplicate on it). Header names are case-insensitive.
    Raises WebhookVerificationError, saying why, otherwise."""
    lowered = {k.lower(): v for k, v in headers.items()}
    try:
        message_id = lowered["webhook-id"]
        timestamp_text = lowered["webhook-timestamp"]
        signatures = lowered["webhook-signature"]
    except KeyError as missing:
        raise WebhookVerificationError(f"missing header {missing.args[0]}") from None
    try:
        timestamp = int(timestamp_text)
    except ValueError:
        raise WebhookVerificationError("webhook-timestamp is not a number") from None
    current = time.time() if now is None else now
    if abs(current - timestamp) > tolerance_s:
        raise WebhookVerificationError("webhook-timestamp is outside the tolerance")
    key = _key(secret)
    signed = f"{message_id}.{timestamp}.".encode() + body
    expected = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
    for signature in signatures.split():
        version, _, value = signature.partition(",")
        if version == "v1" and hmac.compare_digest(value, expected):
            return message_id
    raise WebhookVerificationError("no matching v1 signature")


def _key(secret: str) -> bytes:
    try:
        return base64.b64decode(secret.removeprefix(SECRET_PREFIX), validate=True)
    except binascii.Error:
        raise WebhookVerificationError("the secret is not a whsec_ base64 string") from None
