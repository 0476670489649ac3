"""Access tokens: what a key may be exchanged for, and what a server accepts (pure logic)."""

from __future__ import annotations

import pytest

from common.auth.access_tokens import AccessTokenClaims, AccessTokens, TokenPolicy, claims_for
from common.auth.authenticator import AuthenticationError, Authenticator
from common.auth.credentials import (
    AccessTokenCredential,
    TenantKeyCredential,
    new_service_secret,
    parse_authorization,
)
from common.auth.principal import Principal, RateLimit, Scope
from common.errors import ErrorCode, ServiceError

POLICY = TokenPolicy(default_ttl_s=900, max_ttl_s=3600)
KEY = Principal.tenant_key(
    "0123456789abcdef", "tenant-1", frozenset({Scope.READ}), RateLimit(5.0, 10)
)


def test_a_token_carries_the_key_its_subject_and_expiry() -> None:
    tokens = AccessTokens(new_service_secret())
    claims = claims_for(KEY, subject="alice@example.com", ttl_s=None, now=1000.5, policy=POLICY)
    assert claims.expires_at == 1900
    token = tokens.issue(claims)
    assert isinstance(parse_authorization(f"Bearer {token}"), AccessTokenCredential)
    assert tokens.verify(token, now=1899.9) == claims
    principal = claims.principal()
    assert (principal.actor, principal.recorded_actor) == (
        "key:0123456789abcdef",  # the key's rate bucket
        "key:0123456789abcdef/alice@example.com",  # what the ledger records
    )
    assert principal.tenant_id == "tenant-1" and principal.scopes == {Scope.READ}
    assert principal.rate_limit == RateLimit(5.0, 10) and principal.from_token


def test_expired_forged_or_foreign_tokens_are_refused() -> None:
    secret = new_service_secret()
    tokens = AccessTokens(secret)
    claims = claims_for(KEY, subject="", ttl_s=60, now=0, policy=POLICY)
    token = tokens.issue(claims)
    assert tokens.verify(token, now=60) is None  # expired at 60
    assert AccessTokens(new_service_secret()).verify(token, now=1) is None  # other servers
    body, _, mac = token.partition(".")
    forged = AccessTokenClaims("0123456789abcdef", "tenant-2", claims.scopes, 10**10)
    forged_body = AccessTokens(secret).issue(forged).partition(".")[0]
    assert tokens.verify(f"{forged_body}.{mac}", now=1) is None  # claims swapped under a MAC
    tampered = mac[:-1] + ("B" if mac.endswith("A") else "A")
    assert tokens.verify(f"{body}.{tampered}", now=1) is None


@pytest.mark.parametrize(
    ("principal", "reason"),
    [
        (None, "TENANT_KEY_ONLY"),
        (Principal.admin(), "TENANT_KEY_ONLY"),
        (Principal.service("oms"), "TENANT_KEY_ONLY"),
        (
            claims_for(KEY, subject="", ttl_s=None, now=0, policy=POLICY).principal(),
            "TOKEN_FROM_TOKEN",
        ),
    ],
)
def test_only_a_key_itself_is_exchanged(principal: Principal | None, reason: str) -> None:
    with pytest.raises(ServiceError) as refused:
        claims_for(principal, subject="", ttl_s=None, now=0, policy=POLICY)
    assert refused.value.code is ErrorCode.PERMISSION_DENIED and refused.value.reason == reason


def test_bad_subject_and_lifetime_name_their_fields() -> None:
    with pytest.raises(ServiceError) as refused:
        claims_for(KEY, subject="no spaces", ttl_s=3601, now=0, policy=POLICY)
    assert [v.field for v in refused.value.violations] == ["subject", "ttl"]


class _NoKeys:
    async def authenticate(self, credential: TenantKeyCredential) -> Principal | None:
        raise AssertionError("a token needs no key look-up")


async def test_servers_sharing_the_secret_accept_tokens_until_they_expire() -> None:
    secret, now = new_service_secret(), [100.0]
    token = AccessTokens(secret).issue(
        claims_for(KEY, subject="bob", ttl_s=10, now=now[0], policy=POLICY)
    )
    authenticator = Authenticator(
        admin_token=None,
        service_secret=secret,
        keys=_NoKeys(),
        ttl_s=10,
        clock=lambda: 0.0,
        wall_clock=lambda: now[0],
    )
    principal = await authenticator.authenticate(f"Bearer {token}")
    assert principal.recorded_actor == "key:0123456789abcdef/bob"
    now[0] = 110.0
    with pytest.raises(AuthenticationError) as expired:
        await authenticator.authenticate(f"Bearer {token}")
    assert expired.value.reason == "unknown"
