"""Short-lived access tokens: a tenant API key exchanged for a signed token (`at_…`).

A token carries what the key it was made from may do (tenant, scopes, rate limit), who it
was issued to (an optional subject, e.g. a partner's user name, recorded beside everything
the token does) and when it expires. Every server verifies it on its own, with no store
look-up: the signature is HMAC-SHA256 under a key derived from the servers' service secret,
so tokens are exactly as trusted as service credentials, and rotating that secret voids all
tokens. Revoking the key does not void tokens already issued: they end at their expiry
(AUTH_TOKEN_TTL_S at most), which is why they are short-lived.

Format: `at_<claims>.<mac>`, both base64url without padding; claims are compact JSON.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import re
from dataclasses import dataclass

from common.auth.credentials import ACCESS_TOKEN_PREFIX
from common.auth.principal import Principal, PrincipalKind, RateLimit, Scope
from common.errors import ErrorCode, FieldViolation, ServiceError, invalid_argument
from common.texts import t

# Who a token is for: a user name or an e-mail address of the key holder's choosing.
SUBJECT = re.compile(r"[A-Za-z0-9._@+-]{1,64}")
# Key separation: the service secret also signs service credentials; tokens use a key of
# their own derived from it, so neither MAC can be replayed as the other.
_KEY_LABEL = b"oms-ims access token v1"


@dataclass(frozen=True)
class AccessTokenClaims:
    key_id: str
    tenant_id: str
    scopes: frozenset[Scope]
    expires_at: int  # Unix seconds
    subject: str | None = None
    rate_limit: RateLimit | None = None

    def principal(self) -> Principal:
        return Principal.tenant_key(
            self.key_id,
            self.tenant_id,
            self.scopes,
            self.rate_limit,
            subject=self.subject,
            from_token=True,
        )


class AccessTokens:
    """Issues and verifies tokens under one service secret."""

    def __init__(self, service_secret: str) -> None:
        self._key = hmac.new(service_secret.encode(), _KEY_LABEL, hashlib.sha256).digest()

    def issue(self, claims: AccessTokenClaims) -> str:
        body = _b64(json.dumps(_to_json(claims), separators=(",", ":"), sort_keys=True).encode())
        return f"{ACCESS_TOKEN_PREFIX}{body}.{self._mac(body)}"

    def verify(self, token: str, now: float) -> AccessTokenClaims | None:
        """The claims of a genuine, unexpired token; None for anything else."""
        if not token.startswith(ACCESS_TOKEN_PREFIX):
            return None
        body, _, mac = token[len(ACCESS_TOKEN_PREFIX) :].partition(".")
        if not body or not hmac.compare_digest(mac, self._mac(body)):
            return None
        claims = _from_json(body)
        if claims is None or claims.expires_at <= now:
            return None
        return claims

    def _mac(self, body: str) -> str:
        return _b64(hmac.new(self._key, body.encode(), hashlib.sha256).digest())


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _to_json(claims: AccessTokenClaims) -> dict[str, object]:
    document: dict[str, object] = {
        "k": claims.key_id,
        "t": claims.tenant_id,
        "s": sorted(scope.value for scope in claims.scopes),
        "e": claims.expires_at,
    }
    if claims.subject is not None:
        document["u"] = claims.subject
    if claims.rate_limit is not None:
        document["r"] = [claims.rate_limit.per_second, claims.rate_limit.burst]
    return document


def _from_json(body: str) -> AccessTokenClaims | None:
    # Only reached with a valid MAC, i.e. for what we issued; still parsed defensively.
    try:
        document = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
        rate = document.get("r")
        return AccessTokenClaims(
            key_id=str(document["k"]),
            tenant_id=str(document["t"]),
            scopes=frozenset(Scope(value) for value in document["s"]),
            expires_at=int(document["e"]),
            subject=str(document["u"]) if "u" in document else None,
            rate_limit=RateLimit(float(rate[0]), int(rate[1])) if rate else None,
        )
    except (binascii.Error, ValueError, KeyError, TypeError, IndexError):
        return None


@dataclass(frozen=True)
class TokenPolicy:
    default_ttl_s: int
    max_ttl_s: int


def claims_for(
    principal: Principal | None,
    *,
    subject: str,
    ttl_s: float | None,
    now: float,
    policy: TokenPolicy,
) -> AccessTokenClaims:
    """What a token issued to `principal` claims, or raises: only a tenant API key itself
    may be exchanged (not a token: tokens end; not a service or the admin: they have no
    tenant), for at most `policy.max_ttl_s`."""
    if principal is None or principal.kind is not PrincipalKind.TENANT_KEY:
        raise ServiceError(
            ErrorCode.PERMISSION_DENIED,
            t("only a tenant API key can be exchanged for a token"),
            reason="TENANT_KEY_ONLY",
        )
    if principal.from_token:
        raise ServiceError(
            ErrorCode.PERMISSION_DENIED,
            t("a token cannot be exchanged for another; use the API key"),
            reason="TOKEN_FROM_TOKEN",
        )
    violations = []
    if subject and not SUBJECT.fullmatch(subject):
        violations.append(FieldViolation("subject", t("must be 1-64 of A-Z a-z 0-9 . _ @ + -")))
    if ttl_s is not None and not 1 <= ttl_s <= policy.max_ttl_s:
        violations.append(
            FieldViolation(
                "ttl", t("must be between 1s and {max_ttl_s}s", max_ttl_s=policy.max_ttl_s)
            )
        )
    if violations:
        raise invalid_argument(violations)
    assert principal.tenant_id is not None and principal.key_id is not None
    lifetime = int(ttl_s) if ttl_s is not None else policy.default_ttl_s
    return AccessTokenClaims(
        key_id=principal.key_id,
        tenant_id=principal.tenant_id,
        scopes=principal.scopes,
        expires_at=int(now) + min(lifetime, policy.max_ttl_s),
        subject=subject or None,
        rate_limit=principal.rate_limit,
    )
