"""ims.v1.InventoryService: stock levels, the ledger, all-or-nothing reservations.

Thin: validate the request (inventory_messages), call one repository method, map the result.
Failures are raised as ServiceError; the server's interceptor turns them into rich statuses.
"""

from __future__ import annotations

from typing import Any

from ims.v1 import inventory_pb2, inventory_pb2_grpc

from common.grpc.errors import failed_precondition, not_found
from common.grpc.server import ServiceRegistration
from common.metrics import RESERVATIONS
from common.pagination import page_size
from ims_grpc.domain.inventory_rules import MissingCatalogue
from ims_grpc.domain.reservation import (
    Decision,
    InsufficientStock,
    ReservationAction,
    Transitioned,
    refusal,
)
from ims_grpc.repositories.inventory import Applied, InventoryRepository, Refused
from ims_grpc.repositories.ledger import LedgerRepository
from ims_grpc.repositories.reservations import ReservationRepository
from ims_grpc.servicers import inventory_messages as messages

SERVICE_NAME = inventory_pb2.DESCRIPTOR.services_by_name["InventoryService"].full_name


class InventoryServicer(inventory_pb2_grpc.InventoryServiceServicer):
    def __init__(
        self,
        inventory: InventoryRepository,
        ledger: LedgerRepository,
        reservations: ReservationRepository,
    ) -> None:
        self._inventory = inventory
        self._ledger = ledger
        self._reservations = reservations

    async def UpsertInventory(  # noqa: N802 - generated method name
        self, request: inventory_pb2.UpsertInventoryRequest, context: Any
    ) -> inventory_pb2.UpsertInventoryResponse:
        command = messages.parse_upsert(request)
        result = await self._inventory.apply_change(
            command.tenant_id,
            command.hub_id,
            command.sku_id,
            command.change,
            reason=command.reason,
            reference=command.reference,
        )
        if isinstance(result, MissingCatalogue):
            raise messages.missing_error(result)
        if isinstance(result, Refused):
            raise failed_precondition(result.refusal.reason, result.refusal.message)
        assert isinstance(result, Applied)
        return inventory_pb2.UpsertInventoryResponse(
            level=messages.level_message(result.level),
            transaction=messages.transaction_message(result.entry),
        )

    async def GetInventory(  # noqa: N802 - generated method name
        self, request: inventory_pb2.GetInventoryRequest, context: Any
    ) -> inventory_pb2.GetInventoryResponse:
        query = messages.parse_levels(request)
        levels = await self._inventory.levels(query.tenant_id, query.hub_id, query.sku_ids)
        if isinstance(levels, MissingCatalogue):
            raise messages.missing_error(levels)
        return inventory_pb2.GetInventoryResponse(
            levels=[messages.level_message(level) for level in levels]
        )

    async def ListInventoryTransactions(  # noqa: N802 - generated method name
        self, request: inventory_pb2.ListInventoryTransactionsRequest, context: Any
    ) -> inventory_pb2.ListInventoryTransactionsResponse:
        query = messages.parse_ledger_query(request)
        size = page_size(request.page_size)
        entries = await self._ledger.list(query.filters, query.after, size + 1)
        page = entries[:size]
        token = messages.next_page_token(query, page[-1]) if len(entries) > size else ""
        return inventory_pb2.ListInventoryTransactionsResponse(
            transactions=[messages.transaction_message(entry) for entry in page],
            next_page_token=token,
        )

    async def ReserveInventory(  # noqa: N802 - generated method name
        self, request: inventory_pb2.ReserveInventoryRequest, context: Any
    ) -> inventory_pb2.ReserveInventoryResponse:
        command = messages.parse_reserve(request)
        result = await self._reservations.reserve(
            command.tenant_id, command.reference, command.lines, command.ttl
        )
        if isinstance(result, InsufficientStock):
            if result.unstocked:  # never stocked, or not a hub/SKU of this tenant at all?
                missing = await self._inventory.missing_catalogue(
                    command.tenant_id,
                    [line.hub_id for line in result.unstocked],
                    [line.sku_id for line in result.unstocked],
                )
                if missing:
                    RESERVATIONS.labels("refused").inc()
                    raise messages.missing_error(missing)
            RESERVATIONS.labels("insufficient_stock").inc()
            return inventory_pb2.ReserveInventoryResponse(
                outcome=inventory_pb2.RESERVE_OUTCOME_INSUFFICIENT_STOCK,
                shortages=[messages.shortage_message(s) for s in result.shortages],
            )
        RESERVATIONS.labels("reserved").inc()
        return inventory_pb2.ReserveInventoryResponse(
            outcome=inventory_pb2.RESERVE_OUTCOME_RESERVED,
            reservation=messages.reservation_message(result.reservation),
        )

    async def ReleaseReservation(  # noqa: N802 - generated method name
        self, request: inventory_pb2.ReleaseReservationRequest, context: Any
    ) -> inventory_pb2.ReleaseReservationResponse:
        outcome = await self._transition(request, ReservationAction.RELEASE)
        return inventory_pb2.ReleaseReservationResponse(
            reservation=messages.reservation_message(outcome.reservation)
        )

    async def CommitReservation(  # noqa: N802 - generated method name
        self, request: inventory_pb2.CommitReservationRequest, context: Any
    ) -> inventory_pb2.CommitReservationResponse:
        outcome = await self._transition(request, ReservationAction.COMMIT)
        return inventory_pb2.CommitReservationResponse(
            reservation=messages.reservation_message(outcome.reservation)
        )

    async def _transition(
        self,
        request: inventory_pb2.ReleaseReservationRequest | inventory_pb2.CommitReservationRequest,
        action: ReservationAction,
    ) -> Transitioned:
        key = messages.parse_reservation_key(request)
        outcome = await self._reservations.transition(key.tenant_id, key.reference, action)
        if outcome is None:
            raise not_found("reservation", key.reference)
        if outcome.decision is Decision.REFUSE:
            refused = refusal(action, outcome.prior_status, due=outcome.due)
            raise failed_precondition(refused.reason, refused.message)
        return outcome


def inventory_service(servicer: InventoryServicer) -> ServiceRegistration:
    return ServiceRegistration(
        SERVICE_NAME,
        lambda server: inventory_pb2_grpc.add_InventoryServiceServicer_to_server(servicer, server),
    )
