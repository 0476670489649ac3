"""Which principal may call what: the access rule an RPC declares, applied to a principal."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from common.auth.principal import Principal, PrincipalKind, Scope
from common.errors import ErrorCode, FieldViolation, ServiceError
from common.texts import t


class Access(enum.Enum):
    READ = "read"
    WRITE = "write"
    ADMIN = "admin"
    SERVICE = "service"
    TENANT_KEY = "tenant_key"


DEFAULT_TENANT_FIELD = "tenant_id"


@dataclass(frozen=True)
class AccessRule:
    access: Access
    # For READ / WRITE: the request field naming the tenant the call acts on.
    tenant_field: str = DEFAULT_TENANT_FIELD

    @property
    def tenant_scoped(self) -> bool:
        return self.access in (Access.READ, Access.WRITE, Access.TENANT_KEY)


_SCOPE_OF = {Access.READ: Scope.READ, Access.WRITE: Scope.WRITE}


def authorize(principal: Principal, rule: AccessRule, requested_tenant: str) -> str:
    """The tenant the call acts on (what the request's tenant field must hold), or raises
    PERMISSION_DENIED. A tenant key acts on its own tenant only: an empty field means it,
    another tenant is refused. Services and the admin name the tenant themselves."""
    kind = principal.kind
    if rule.access is Access.ADMIN:
        if kind is not PrincipalKind.ADMIN:
            raise _denied(t("only the admin credential may do this"), "ADMIN_ONLY")
        return requested_tenant
    if rule.access is Access.SERVICE:
        if kind is PrincipalKind.TENANT_KEY:
            raise _denied(t("only service credentials may do this"), "SERVICE_ONLY")
        return requested_tenant
    if rule.access is Access.TENANT_KEY:
        if kind is not PrincipalKind.TENANT_KEY:
            raise _denied(t("only a tenant API key may do this"), "TENANT_KEY_ONLY")
        return _own_tenant(principal, rule, requested_tenant)
    scope = _SCOPE_OF[rule.access]
    if scope not in principal.scopes:
        raise ServiceError(
            ErrorCode.PERMISSION_DENIED,
            t("the credential lacks the {value} scope", value=scope.value),
            reason="SCOPE_MISSING",
            metadata={"scope": scope.value},
        )
    if kind is not PrincipalKind.TENANT_KEY:
        return requested_tenant
    return _own_tenant(principal, rule, requested_tenant)


def _own_tenant(principal: Principal, rule: AccessRule, requested_tenant: str) -> str:
    assert principal.tenant_id is not None
    if requested_tenant and requested_tenant != principal.tenant_id:
        raise ServiceError(
            ErrorCode.PERMISSION_DENIED,
            t("{tenant_field}: must be the credential's tenant", tenant_field=rule.tenant_field),
            reason="TENANT_MISMATCH",
            violations=[FieldViolation(rule.tenant_field, t("must be the credential's tenant"))],
        )
    return principal.tenant_id


def _denied(message: str, reason: str) -> ServiceError:
    return ServiceError(ErrorCode.PERMISSION_DENIED, message, reason=reason)
