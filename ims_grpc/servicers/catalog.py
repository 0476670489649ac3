"""Registrations of the catalogue services (tenants, sellers, categories, hubs, SKUs)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from common.grpc.server import ServiceRegistration

if TYPE_CHECKING:
    from ims_grpc.main import ImsDependencies


def catalog_services(deps: ImsDependencies) -> list[ServiceRegistration]:
    del deps
    return []
