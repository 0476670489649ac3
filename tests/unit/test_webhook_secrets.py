"""Signing secrets follow Standard Webhooks (`whsec_` + base64 key)."""

from __future__ import annotations

import base64

import pytest

from oms_grpc.core.domain.webhook_secrets import is_signing_secret, new_signing_secret, signing_key


def test_signing_secrets_follow_standard_webhooks() -> None:
    first, second = new_signing_secret(), new_signing_secret()
    assert first != second
    assert first.startswith("whsec_")
    key = base64.b64decode(first.removeprefix("whsec_"), validate=True)
    assert len(key) == 32
    assert signing_key(first) == key
    assert is_signing_secret(first)


@pytest.mark.parametrize(
    "secret",
    [
        "",
        "whsec_",
        "sk_" + base64.b64encode(bytes(32)).decode(),
        "whsec_" + base64.b64encode(bytes(16)).decode(),  # too short
        "whsec_" + base64.b64encode(bytes(65)).decode(),  # too long
        "whsec_not*base64",
    ],
)
def test_malformed_secrets_are_recognised(secret: str) -> None:
    assert not is_signing_secret(secret)
    with pytest.raises(ValueError, match="signing secret"):
        signing_key(secret)
