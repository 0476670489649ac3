"""Registrations of the catalogue services (tenants, sellers, categories, hubs, SKUs)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import grpc
from google.protobuf.descriptor import FileDescriptor
from ims.v1 import (
    category_pb2,
    category_pb2_grpc,
    hub_pb2,
    hub_pb2_grpc,
    seller_pb2,
    seller_pb2_grpc,
    sku_pb2,
    sku_pb2_grpc,
    tenant_pb2,
    tenant_pb2_grpc,
)

from common.grpc.server import ServiceRegistration
from ims_grpc.servicers.categories import CategoryServicer
from ims_grpc.servicers.hubs import HubServicer
from ims_grpc.servicers.sellers import SellerServicer
from ims_grpc.servicers.skus import SkuServicer
from ims_grpc.servicers.tenants import TenantServicer

AddServicer = Callable[[Any, grpc.aio.Server], None]


def _registration(
    file: FileDescriptor, service: str, servicer: object, add: AddServicer
) -> ServiceRegistration:
    def register(server: grpc.aio.Server) -> None:
        add(servicer, server)

    return ServiceRegistration(file.services_by_name[service].full_name, register)


def catalog_services(
    *,
    tenants: TenantServicer,
    sellers: SellerServicer,
    categories: CategoryServicer,
    hubs: HubServicer,
    skus: SkuServicer,
) -> list[ServiceRegistration]:
    return [
        _registration(
            tenant_pb2.DESCRIPTOR,
            "TenantService",
            tenants,
            tenant_pb2_grpc.add_TenantServiceServicer_to_server,
        ),
        _registration(
            seller_pb2.DESCRIPTOR,
            "SellerService",
            sellers,
            seller_pb2_grpc.add_SellerServiceServicer_to_server,
        ),
        _registration(
            category_pb2.DESCRIPTOR,
            "CategoryService",
            categories,
            category_pb2_grpc.add_CategoryServiceServicer_to_server,
        ),
        _registration(
            hub_pb2.DESCRIPTOR, "HubService", hubs, hub_pb2_grpc.add_HubServiceServicer_to_server
        ),
        _registration(
            sku_pb2.DESCRIPTOR, "SkuService", skus, sku_pb2_grpc.add_SkuServiceServicer_to_server
        ),
    ]
