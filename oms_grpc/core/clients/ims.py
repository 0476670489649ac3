"""OMS's typed client of IMS: batched hub/SKU look-ups and reservation release.

A small wrapper over the generated stubs. Every call carries the caller's trace id as
`x-trace-id` metadata and a deadline. Look-ups go through IMS's cached batch path (ListHubs /
ListSkus with only `ids` or only `codes`, one call per at most 1000 references) and return
what was found, keyed by the reference asked for; anything absent does not exist for the
tenant. IMS failures become ServiceErrors a servicer can raise as they are: unreachable or too
slow → UNAVAILABLE (`ImsUnavailableError`), rejected arguments → INVALID_ARGUMENT.
"""

from __future__ import annotations

import asyncio
import enum
from collections.abc import Awaitable, Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

import grpc
from iam.v1 import api_key_pb2, api_key_pb2_grpc
from ims.v1 import (
    hub_pb2,
    hub_pb2_grpc,
    inventory_pb2,
    inventory_pb2_grpc,
    sku_pb2,
    sku_pb2_grpc,
    tenant_pb2,
    tenant_pb2_grpc,
)

from common.auth.credentials import TENANT_KEY_PREFIX, TenantKeyCredential
from common.auth.principal import Principal, RateLimit, Scope
from common.grpc.errors import FieldViolation, ServiceError, field_violations, invalid_argument
from common.i18n import LANGUAGE_METADATA_KEY, current_language
from common.ids import parse_uuid
from common.texts import t
from common.tracing import TRACE_METADATA_KEY, current_trace_id
from common.validation import CODE_PATTERN, MAX_CODE
from oms_grpc.core.domain.bulk_orders import HubInfo, SkuInfo
from oms_grpc.core.domain.csv_rows import Ref
from oms_grpc.core.domain.order import StockShortage

MAX_REFS_PER_CALL = 1000
DEFAULT_TIMEOUT_S = 5.0

# IMS could not be reached or did not answer in time: worth retrying later.
_TRANSIENT = frozenset(
    {
        grpc.StatusCode.UNAVAILABLE,
        grpc.StatusCode.DEADLINE_EXCEEDED,
        grpc.StatusCode.RESOURCE_EXHAUSTED,
        grpc.StatusCode.ABORTED,
        grpc.StatusCode.CANCELLED,
    }
)

T = TypeVar("T")
# What a look-up page returns per resource: (id, code, info).
Found = tuple[str, str, T]


class ImsUnavailableError(ServiceError):
    """IMS is down, overloaded or too slow; the caller may retry."""

    def __init__(self, operation: str, cause: grpc.StatusCode) -> None:
        super().__init__(
            grpc.StatusCode.UNAVAILABLE,
            f"the inventory service is unavailable ({operation}: {cause.name}); retry later",
            reason="IMS_UNAVAILABLE",
            metadata={"operation": operation, "cause": cause.name},
        )


class ReleaseOutcome(enum.Enum):
    RELEASED = "released"  # released now, or already released / expired earlier
    NOT_FOUND = "not_found"  # no reservation was ever made for the reference
    COMMITTED = "committed"  # the stock was consumed: the reservation cannot be released


class ReserveVerdict(enum.Enum):
    RESERVED = "reserved"  # the stock is held for the reference (by this call or an earlier one)
    SHORT = "short"  # some line lacked stock: nothing is held (see the shortages)
    RELEASED = "released"  # the reference's reservation was released or expired meanwhile
    COMMITTED = "committed"  # the reference's reservation was consumed


@dataclass(frozen=True)
class ReserveResult:
    verdict: ReserveVerdict
    shortages: tuple[StockShortage, ...] = ()


_VERDICT_OF_STATUS = {
    inventory_pb2.RESERVATION_STATUS_RESERVED: ReserveVerdict.RESERVED,
    inventory_pb2.RESERVATION_STATUS_RELEASED: ReserveVerdict.RELEASED,
    inventory_pb2.RESERVATION_STATUS_EXPIRED: ReserveVerdict.RELEASED,
    inventory_pb2.RESERVATION_STATUS_COMMITTED: ReserveVerdict.COMMITTED,
}


_SCOPES = {api_key_pb2.SCOPE_READ: Scope.READ, api_key_pb2.SCOPE_WRITE: Scope.WRITE}


class ImsClient:
    def __init__(self, channel: grpc.aio.Channel, *, timeout_s: float = DEFAULT_TIMEOUT_S) -> None:
        self._api_keys = api_key_pb2_grpc.ApiKeyServiceStub(channel)
        self._hubs = hub_pb2_grpc.HubServiceStub(channel)
        self._skus = sku_pb2_grpc.SkuServiceStub(channel)
        self._inventory = inventory_pb2_grpc.InventoryServiceStub(channel)
        self._tenants = tenant_pb2_grpc.TenantServiceStub(channel)
        self._timeout_s = timeout_s

    async def authenticate(self, credential: TenantKeyCredential) -> Principal | None:
        """Whose tenant key this is, asked of IMS (`TenantKeyAuthority`): None for an unknown,
        revoked or wrong key; ImsUnavailableError when IMS cannot tell."""
        request = api_key_pb2.AuthenticateApiKeyRequest(
            key=f"{TENANT_KEY_PREFIX}{credential.key_id}_{credential.secret}"
        )
        try:
            reply: api_key_pb2.AuthenticateApiKeyResponse = await self._call(
                self._api_keys.AuthenticateApiKey, request
            )
        except grpc.aio.AioRpcError as exc:
            if exc.code() == grpc.StatusCode.NOT_FOUND:
                return None
            raise _service_error("AuthenticateApiKey", exc) from exc
        key = reply.api_key
        limit = None
        if key.HasField("rate_limit") and key.rate_limit.burst:
            limit = RateLimit(key.rate_limit.per_second, key.rate_limit.burst)
        scopes = frozenset(_SCOPES[s] for s in key.scopes if s in _SCOPES)
        return Principal.tenant_key(key.id, key.tenant_id, scopes, limit)

    async def require_tenant(self, tenant_id: str, field: str) -> None:
        """NOT_FOUND naming `field` unless the tenant exists in IMS."""
        request = tenant_pb2.GetTenantRequest(id=tenant_id)
        try:
            await self._call(self._tenants.GetTenant, request)
        except grpc.aio.AioRpcError as exc:
            if exc.code() == grpc.StatusCode.NOT_FOUND:
                raise ServiceError(
                    grpc.StatusCode.NOT_FOUND,
                    t("tenant {tenant_id!r} not found", tenant_id=tenant_id),
                    reason="TENANT_NOT_FOUND",
                    violations=[FieldViolation(field, t("tenant does not exist"))],
                    metadata={"resource": "tenant", "id": tenant_id},
                ) from None
            raise _service_error("GetTenant", exc) from exc

    async def find_hubs(self, tenant_id: str, refs: Sequence[Ref]) -> dict[Ref, HubInfo]:
        """The tenant's hubs named by `refs` (ids or codes); unknown ones are absent."""

        async def page(ids: Sequence[str], codes: Sequence[str]) -> list[Found[HubInfo]]:
            request = hub_pb2.ListHubsRequest(
                tenant_id=tenant_id, ids=ids, codes=codes, page_size=len(ids) + len(codes)
            )
            reply: hub_pb2.ListHubsResponse = await self._checked(
                "ListHubs", self._hubs.ListHubs, request
            )
            return [(hub.id, hub.code, HubInfo(hub.id, hub.seller_id)) for hub in reply.hubs]

        return await _find(refs, page)

    async def find_skus(self, tenant_id: str, refs: Sequence[Ref]) -> dict[Ref, SkuInfo]:
        """The tenant's SKUs named by `refs` (ids or codes); unknown ones are absent."""

        async def page(ids: Sequence[str], codes: Sequence[str]) -> list[Found[SkuInfo]]:
            request = sku_pb2.ListSkusRequest(
                tenant_id=tenant_id, ids=ids, codes=codes, page_size=len(ids) + len(codes)
            )
            reply: sku_pb2.ListSkusResponse = await self._checked(
                "ListSkus", self._skus.ListSkus, request
            )
            return [(sku.id, sku.code, SkuInfo(sku.id, sku.code)) for sku in reply.skus]

        return await _find(refs, page)

    async def reserve(
        self, tenant_id: str, reference: str, hub_id: str, quantities: Mapping[str, int]
    ) -> ReserveResult:
        """Reserve every line at `hub_id` or nothing, idempotent on `reference`, without an
        expiry (stock held for an order must not be swept)."""
        request = inventory_pb2.ReserveInventoryRequest(
            tenant_id=tenant_id,
            reference=reference,
            lines=[
                inventory_pb2.ReservationLine(hub_id=hub_id, sku_id=sku_id, quantity=quantity)
                for sku_id, quantity in quantities.items()
            ],
        )
        reply: inventory_pb2.ReserveInventoryResponse = await self._checked(
            "ReserveInventory", self._inventory.ReserveInventory, request
        )
        if reply.outcome == inventory_pb2.RESERVE_OUTCOME_INSUFFICIENT_STOCK:
            return ReserveResult(
                ReserveVerdict.SHORT,
                tuple(StockShortage(s.sku_id, s.requested, s.available) for s in reply.shortages),
            )
        return ReserveResult(_VERDICT_OF_STATUS[reply.reservation.status])

    async def release_reservation(self, tenant_id: str, reference: str) -> ReleaseOutcome:
        """Release the reservation made under `reference` (idempotent)."""
        request = inventory_pb2.ReleaseReservationRequest(tenant_id=tenant_id, reference=reference)
        try:
            await self._call(self._inventory.ReleaseReservation, request)
        except grpc.aio.AioRpcError as exc:
            if exc.code() == grpc.StatusCode.NOT_FOUND:
                return ReleaseOutcome.NOT_FOUND
            if exc.code() == grpc.StatusCode.FAILED_PRECONDITION:
                return ReleaseOutcome.COMMITTED
            raise _service_error("ReleaseReservation", exc) from exc
        return ReleaseOutcome.RELEASED

    async def _call(self, method: Callable[..., Awaitable[Any]], request: Any) -> Any:
        """One unary call with this client's deadline and the current trace id and language
        (so errors IMS explains come back in the caller's language)."""
        metadata: list[tuple[str, str]] = [(LANGUAGE_METADATA_KEY, current_language())]
        trace_id = current_trace_id()
        if trace_id:
            metadata.append((TRACE_METADATA_KEY, trace_id))
        return await method(request, timeout=self._timeout_s, metadata=tuple(metadata))

    async def _checked(
        self, operation: str, method: Callable[..., Awaitable[Any]], request: Any
    ) -> Any:
        """`_call`, with every failure translated into a ServiceError."""
        try:
            return await self._call(method, request)
        except grpc.aio.AioRpcError as exc:
            raise _service_error(operation, exc) from exc


def _service_error(operation: str, exc: grpc.aio.AioRpcError) -> ServiceError:
    code = exc.code()
    if code == grpc.StatusCode.INVALID_ARGUMENT:
        violations = field_violations(exc) or [FieldViolation("", exc.details() or "")]
        return invalid_argument(
            violations, t("the inventory service refused: {value}", value=exc.details())
        )
    if code in _TRANSIENT:
        return ImsUnavailableError(operation, code)
    return ServiceError(
        grpc.StatusCode.INTERNAL,
        t(
            "the inventory service failed ({operation}: {name})",
            operation=operation,
            name=code.name,
        ),
        reason="IMS_FAILED",
        metadata={"operation": operation, "cause": code.name},
    )


async def _find(
    refs: Sequence[Ref],
    page: Callable[[Sequence[str], Sequence[str]], Awaitable[list[Found[T]]]],
) -> dict[Ref, T]:
    """Resolve `refs` with one call per chunk of ids / codes, all chunks concurrently.

    References that cannot name anything (a malformed id or code) are not sent: they are
    simply not found, so IMS never rejects the batch because of one bad value.
    """
    by_id: dict[str, list[Ref]] = {}
    by_code: dict[str, list[Ref]] = {}
    for ref in dict.fromkeys(refs):
        if ref.kind == "id":
            parsed = parse_uuid(ref.value)
            if parsed is not None:
                by_id.setdefault(str(parsed), []).append(ref)
        elif len(ref.value) <= MAX_CODE and CODE_PATTERN.match(ref.value):
            by_code.setdefault(ref.value, []).append(ref)

    calls = [page(chunk, ()) for chunk in _chunks(list(by_id))]
    calls += [page((), chunk) for chunk in _chunks(list(by_code))]
    found: dict[Ref, T] = {}
    for items in await asyncio.gather(*calls):
        for identifier, code, item in items:
            for ref in (*by_id.get(identifier, ()), *by_code.get(code, ())):
                found[ref] = item
    return found


def _chunks(values: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(values), MAX_REFS_PER_CALL):
        yield values[start : start + MAX_REFS_PER_CALL]
