"""Registration of oms.v1.OrderService."""

from __future__ import annotations

from typing import TYPE_CHECKING

from common.grpc.server import ServiceRegistration

if TYPE_CHECKING:
    from oms_grpc.main import OmsDependencies


def orders_services(deps: OmsDependencies) -> list[ServiceRegistration]:
    del deps
    return []
