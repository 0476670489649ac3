"""The servers' door: every call but health and reflection needs a credential, passes its
RPC's declared access rule (`option (iam.v1.access)` in the contracts) and its caller's
rate limit, before the servicer sees it.

One interceptor per server, built from the service descriptors it hosts: an RPC without an
access rule, or a tenant-scoped rule whose request has no such tenant field, stops the
server from being built, so a new RPC cannot be served unguarded by mistake.
"""

from __future__ import annotations

import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Mapping
from typing import Any

import grpc
from google.protobuf import descriptor_pool
from google.protobuf.descriptor import Descriptor, FieldDescriptor, ServiceDescriptor
from grpc.aio import ServerInterceptor
from iam.v1 import access_pb2
from prometheus_client import Counter
from pydantic import SecretStr

from common.auth.access import DEFAULT_TENANT_FIELD, Access, AccessRule, authorize
from common.auth.authenticator import AuthenticationError, Authenticator, TenantKeyAuthority
from common.auth.current import bind_principal, unbind_principal
from common.auth.principal import Principal, PrincipalKind, RateLimit
from common.auth.rate_limit import RateLimiter
from common.errors import ErrorCode, ServiceError
from common.grpc.streams import drain
from common.settings import AuthSettings
from common.texts import t

log = logging.getLogger("grpc.auth")

Handler = Any
Continuation = Callable[[grpc.HandlerCallDetails], Awaitable[Handler]]

AUTHORIZATION_METADATA_KEY = "authorization"
# Open to anyone: liveness checks and service discovery (`grpcurl list`) carry no data.
OPEN_SERVICES = frozenset({"grpc.health.v1.Health", "grpc.reflection.v1alpha.ServerReflection"})

FAILED_AUTHENTICATIONS = Counter(
    "auth_failures_total", "Calls refused for lack of a valid credential", ["service", "reason"]
)
RATE_LIMITED = Counter("auth_rate_limited_total", "Calls refused by a rate limit", ["service"])

_ACCESS = {
    access_pb2.ACCESS_READ: Access.READ,
    access_pb2.ACCESS_WRITE: Access.WRITE,
    access_pb2.ACCESS_ADMIN: Access.ADMIN,
    access_pb2.ACCESS_SERVICE: Access.SERVICE,
    access_pb2.ACCESS_TENANT_KEY: Access.TENANT_KEY,
}


def access_rules(services: Iterable[ServiceDescriptor]) -> dict[str, AccessRule]:
    """Each RPC's rule by gRPC method path ("/ims.v1.HubService/GetHub"); raises ValueError
    for an RPC that declares none, or names a tenant field its request lacks."""
    rules: dict[str, AccessRule] = {}
    for service in services:
        for method in service.methods:
            declared: access_pb2.AccessRule = method.GetOptions().Extensions[
                access_pb2.access  # type: ignore[index]
            ]
            if declared.access not in _ACCESS:
                raise ValueError(f"{method.full_name} declares no (iam.v1.access) rule")
            rule = AccessRule(
                _ACCESS[declared.access], declared.tenant_field or DEFAULT_TENANT_FIELD
            )
            if rule.tenant_scoped and not _is_string_path(method.input_type, rule.tenant_field):
                raise ValueError(
                    f"{method.full_name}: request has no string field {rule.tenant_field!r}"
                )
            rules[f"/{service.full_name}/{method.name}"] = rule
    return rules


def _is_string_path(message: Descriptor, path: str) -> bool:
    *parents, leaf = path.split(".")
    for name in parents:
        field = message.fields_by_name.get(name)
        if field is None or field.message_type is None or _is_repeated(field):
            return False
        message = field.message_type
    field = message.fields_by_name.get(leaf)
    return (
        field is not None and field.type == FieldDescriptor.TYPE_STRING and not _is_repeated(field)
    )


def _is_repeated(field: FieldDescriptor) -> bool:
    return bool(field.is_repeated)


def _read_path(request: Any, path: str) -> str:
    value = request
    for name in path.split("."):
        value = getattr(value, name)
    return str(value)


def _write_path(request: Any, path: str, tenant: str) -> None:
    *parents, leaf = path.split(".")
    target = request
    for name in parents:
        target = getattr(target, name)
    setattr(target, leaf, tenant)


def _has_parents(request: Any, path: str) -> bool:
    """Whether every message on the way to the path's leaf is set (writing the leaf would
    otherwise set them, and in a oneof clear what the message carries instead)."""
    target = request
    for name in path.split(".")[:-1]:
        if not target.HasField(name):
            return False
        target = getattr(target, name)
    return True


class AuthInterceptor(ServerInterceptor):  # type: ignore[type-arg]
    def __init__(
        self,
        *,
        service: str,
        authenticator: Authenticator,
        rules: Mapping[str, AccessRule],
        limiter: RateLimiter,
        tenant_key_limit: RateLimit,
        service_limit: RateLimit,
    ) -> None:
        self._service = service
        self._authenticator = authenticator
        self._rules = dict(rules)
        self._limiter = limiter
        self._tenant_key_limit = tenant_key_limit
        self._service_limit = service_limit

    async def intercept_service(
        self, continuation: Continuation, handler_call_details: grpc.HandlerCallDetails
    ) -> Handler:
        method = handler_call_details.method
        handler = await continuation(handler_call_details)
        if handler is None or method.split("/")[1] in OPEN_SERVICES:
            return handler
        rule = self._rules.get(method)
        if rule is None:  # hosted, but not in a descriptor we were given: refuse
            return _refusing(handler, "this method has no access rule")
        authorization = _metadata_value(handler_call_details, AUTHORIZATION_METADATA_KEY)
        if handler.unary_unary is not None:
            inner = handler.unary_unary

            async def unary(request: Any, context: Any) -> Any:
                principal = await self._admit(method, rule, authorization, request)
                token = bind_principal(principal)
                try:
                    return await inner(request, context)
                finally:
                    unbind_principal(token)

            return grpc.unary_unary_rpc_method_handler(
                unary,
                request_deserializer=handler.request_deserializer,
                response_serializer=handler.response_serializer,
            )
        if handler.unary_stream is not None:
            inner_stream = handler.unary_stream

            async def streaming(request: Any, context: Any) -> Any:
                principal = await self._admit(method, rule, authorization, request)
                token = bind_principal(principal)
                try:
                    async for item in inner_stream(request, context):
                        yield item
                finally:
                    unbind_principal(token)

            return grpc.unary_stream_rpc_method_handler(
                streaming,
                request_deserializer=handler.request_deserializer,
                response_serializer=handler.response_serializer,
            )
        if handler.stream_unary is not None:
            inner_client_stream = handler.stream_unary

            async def client_streaming(requests: Any, context: Any) -> Any:
                # Admitted on the first message, which carries the tenant (e.g. a header).
                iterator = aiter(requests)
                first = await anext(iterator, None)
                try:
                    principal = await self._admit(
                        method, rule, authorization, first, fill_tenant=_can_fill(first, rule)
                    )
                except ServiceError:
                    await drain(iterator)  # so that the client gets this refusal
                    raise
                token = bind_principal(principal)
                try:
                    return await inner_client_stream(_replayed(first, iterator), context)
                finally:
                    unbind_principal(token)

            return grpc.stream_unary_rpc_method_handler(
                client_streaming,
                request_deserializer=handler.request_deserializer,
                response_serializer=handler.response_serializer,
            )
        return _refusing(handler, "bidirectional streaming methods are not served")

    async def _admit(
        self,
        method: str,
        rule: AccessRule,
        authorization: str | None,
        request: Any,
        *,
        fill_tenant: bool = True,
    ) -> Principal:
        """Authenticate, authorize (filling in the tenant of a tenant key), rate-limit."""
        try:
            principal = await self._authenticator.authenticate(authorization)
        except AuthenticationError as exc:
            FAILED_AUTHENTICATIONS.labels(self._service, exc.reason).inc()
            log.warning(
                "authentication failed",
                extra={"method": method, "reason": exc.reason, "credential": exc.shown},
            )
            raise _unauthenticated(exc.reason) from None
        if rule.tenant_scoped and fill_tenant:
            tenant = authorize(principal, rule, _read_path(request, rule.tenant_field))
            _write_path(request, rule.tenant_field, tenant)
        elif rule.tenant_scoped:  # no tenant to check or fill in: the servicer refuses it
            authorize(principal, rule, "")
        else:
            authorize(principal, rule, "")
        wait_s = self._limiter.acquire(principal.actor, self._limit_of(principal))
        if wait_s > 0:
            RATE_LIMITED.labels(self._service).inc()
            raise ServiceError(
                ErrorCode.RESOURCE_EXHAUSTED,
                t("rate limit exceeded; retry later"),
                reason="RATE_LIMITED",
                metadata={"actor": principal.actor},
                retry_after_s=wait_s,
            )
        return principal

    def _limit_of(self, principal: Principal) -> RateLimit:
        if principal.rate_limit is not None:
            return principal.rate_limit
        if principal.kind is PrincipalKind.TENANT_KEY:
            return self._tenant_key_limit
        return self._service_limit


def _can_fill(first: Any, rule: AccessRule) -> bool:
    return first is not None and (not rule.tenant_scoped or _has_parents(first, rule.tenant_field))


async def _replayed(first: Any, rest: AsyncIterator[Any]) -> AsyncIterator[Any]:
    if first is None:
        return
    yield first
    async for item in rest:
        yield item


def _unauthenticated(reason: str) -> ServiceError:
    # One message for unknown, wrong and revoked keys: the caller learns nothing about which.
    message = (
        "a credential is required: authorization: Bearer <key>"
        if reason == "missing"
        else "the credential is not valid"
    )
    return ServiceError(ErrorCode.UNAUTHENTICATED, message, reason="UNAUTHENTICATED")


def _refusing(handler: Handler, message: str) -> Handler:
    async def refuse(request: Any, context: Any) -> Any:
        raise ServiceError(ErrorCode.PERMISSION_DENIED, message, reason="NO_ACCESS_RULE")

    if handler.unary_unary is not None:
        return grpc.unary_unary_rpc_method_handler(
            refuse,
            request_deserializer=handler.request_deserializer,
            response_serializer=handler.response_serializer,
        )
    return None


def _metadata_value(details: grpc.HandlerCallDetails, wanted: str) -> str | None:
    for key, value in details.invocation_metadata or ():
        if key == wanted:
            return str(value)
    return None


def service_descriptors(names: Iterable[str]) -> list[ServiceDescriptor]:
    """The descriptors of the named services (their generated modules must be imported)."""
    pool = descriptor_pool.Default()
    return [pool.FindServiceByName(name) for name in names]


def server_guard(
    settings: AuthSettings,
    *,
    service: str,
    service_names: Iterable[str],
    keys: TenantKeyAuthority,
) -> AuthInterceptor:
    """The interceptor of a server hosting `service_names`, configured from settings."""
    if settings.admin_token is None and settings.service_secret is None:
        log.warning("no AUTH_ADMIN_TOKEN and no AUTH_SERVICE_SECRET: only tenant keys work")
    authenticator = Authenticator(
        admin_token=_secret(settings.admin_token),
        service_secret=_secret(settings.service_secret),
        keys=keys,
        ttl_s=settings.cache_ttl_s,
        clock=time.monotonic,
        wall_clock=time.time,
    )
    return AuthInterceptor(
        service=service,
        authenticator=authenticator,
        rules=access_rules(service_descriptors(service_names)),
        limiter=RateLimiter(clock=time.monotonic),
        tenant_key_limit=RateLimit(settings.rate_per_s, settings.rate_burst),
        service_limit=RateLimit(settings.service_rate_per_s, settings.service_rate_burst),
    )


def _secret(value: SecretStr | None) -> str | None:
    return value.get_secret_value() if value is not None else None
