"""Registration of the inventory service (levels, ledger, reservations)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from common.grpc.server import ServiceRegistration

if TYPE_CHECKING:
    from ims_grpc.main import ImsDependencies


def inventory_services(deps: ImsDependencies) -> list[ServiceRegistration]:
    del deps
    return []
