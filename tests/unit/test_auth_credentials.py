"""Credentials, access rules, rate limits and the key cache (pure logic, fake clocks)."""

from __future__ import annotations

import pytest

from common.auth.access import Access, AccessRule, authorize
from common.auth.authenticator import AuthenticationError, Authenticator
from common.auth.credentials import (
    AdminCredential,
    MalformedCredentialError,
    ServiceCredential,
    TenantKeyCredential,
    new_admin_token,
    new_service_secret,
    new_tenant_key,
    parse_authorization,
    secret_matches,
    service_token,
)
from common.auth.principal import Principal, RateLimit, Scope
from common.auth.rate_limit import RateLimiter
from common.errors import ErrorCode, ServiceError


def test_a_new_tenant_key_parses_back_and_only_its_hash_is_kept() -> None:
    key = new_tenant_key()
    credential = parse_authorization(f"Bearer {key.token}")
    assert isinstance(credential, TenantKeyCredential)
    assert credential.key_id == key.key_id
    assert secret_matches(credential.secret, key.secret_hash)
    assert not secret_matches(credential.secret[:-1] + "x", key.secret_hash)
    assert credential.secret not in key.secret_hash.hex()
    assert credential.display == f"tk_{key.key_id}"  # what logs may show


def test_service_and_admin_tokens_parse() -> None:
    secret = new_service_secret()
    service = parse_authorization(f"Bearer {service_token(secret, 'order-finalizer')}")
    assert isinstance(service, ServiceCredential) and service.name == "order-finalizer"
    admin = new_admin_token()
    assert parse_authorization(f"bearer {admin}") == AdminCredential(admin)


@pytest.mark.parametrize(
    "value",
    [
        "",
        "Basic dXNlcjpwYXNz",
        "Bearer",
        "Bearer tk_short_x",
        "Bearer tk_0123456789abcdef_" + "a" * 42,
        "Bearer svc_Upper_" + "a" * 43,
        "Bearer adm_" + "a" * 300,
        "Bearer something-else",
    ],
)
def test_anything_else_is_malformed(value: str) -> None:
    with pytest.raises(MalformedCredentialError):
        parse_authorization(value)


def _key(tenant: str = "t1", *scopes: Scope) -> Principal:
    return Principal.tenant_key("k1", tenant, frozenset(scopes or (Scope.READ,)))


def _code(call: object) -> ErrorCode | None:
    try:
        call()  # type: ignore[operator]
    except ServiceError as exc:
        return exc.code
    return None


def test_authorize_fills_in_the_keys_tenant_and_refuses_another() -> None:
    read = AccessRule(Access.READ)
    assert authorize(_key("t1"), read, "") == "t1"
    assert authorize(_key("t1"), read, "t1") == "t1"
    assert _code(lambda: authorize(_key("t1"), read, "t2")) is ErrorCode.PERMISSION_DENIED
    write = AccessRule(Access.WRITE)
    assert _code(lambda: authorize(_key("t1"), write, "")) is ErrorCode.PERMISSION_DENIED
    assert authorize(_key("t1", Scope.WRITE), write, "") == "t1"


def test_admin_and_service_rules() -> None:
    admin, service = Principal.admin(), Principal.service("oms")
    for rule in (AccessRule(Access.ADMIN), AccessRule(Access.SERVICE)):
        assert _code(lambda rule=rule: authorize(_key(), rule, "")) is ErrorCode.PERMISSION_DENIED
        assert authorize(admin, rule, "") == ""
    assert authorize(service, AccessRule(Access.SERVICE), "") == ""
    assert _code(lambda: authorize(service, AccessRule(Access.ADMIN), "")) is not None
    assert authorize(service, AccessRule(Access.WRITE), "t9") == "t9"  # names the tenant


def test_a_bucket_allows_its_burst_then_says_how_long_to_wait() -> None:
    now = [0.0]
    limiter = RateLimiter(clock=lambda: now[0])
    limit = RateLimit(per_second=2, burst=3)
    assert [limiter.acquire("a", limit) for _ in range(3)] == [0, 0, 0]
    assert limiter.acquire("a", limit) == pytest.approx(0.5)
    assert limiter.acquire("b", limit) == 0  # another principal has its own bucket
    now[0] += 0.5
    assert limiter.acquire("a", limit) == 0


class _Keys:
    def __init__(self) -> None:
        self.calls = 0
        self.valid = True

    async def authenticate(self, credential: TenantKeyCredential) -> Principal | None:
        self.calls += 1
        return _key() if self.valid else None


async def test_the_key_cache_bounds_lookups_and_revocation_delay() -> None:
    now = [0.0]
    keys = _Keys()
    authenticator = Authenticator(
        admin_token=None,
        service_secret=None,
        keys=keys,
        ttl_s=10,
        clock=lambda: now[0],
        wall_clock=lambda: now[0],
    )
    token = f"Bearer {new_tenant_key().token}"
    assert await authenticator.authenticate(token) == _key()
    assert await authenticator.authenticate(token) == _key()
    assert keys.calls == 1  # cached
    keys.valid = False  # revoked in the store
    now[0] += 9.9
    assert await authenticator.authenticate(token) == _key()  # still within the TTL
    now[0] += 0.2
    with pytest.raises(AuthenticationError) as refused:
        await authenticator.authenticate(token)
    assert refused.value.reason == "unknown" and keys.calls == 2
    with pytest.raises(AuthenticationError) as missing:
        await authenticator.authenticate(None)
    assert missing.value.reason == "missing"
    with pytest.raises(AuthenticationError) as admin:  # no admin token configured
        await authenticator.authenticate(f"Bearer {new_admin_token()}")
    assert admin.value.reason == "unknown"
