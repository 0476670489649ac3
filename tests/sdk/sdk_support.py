"""What every SDK's smoke test shares: a partner world on the live IMS and OMS, the journey's
contract, and its check against the servers.

Each language's smoke program (sdk/<language>/...) reads its world from the environment
(`PartnerWorld.env()`), walks the journey with the SDK and the tenant API key only, and prints
one line `SMOKE {json}` (`JourneyReport`). The test then checks with the admin credential
that the servers hold exactly what the program says it made.

The journey: create a seller, a hub and a SKU; set the SKU's stock at the hub to 10; create
3 orders of 1 unit each; read the first back; page through the tenant's orders 2 at a time
with the SDK's page iterator; read another tenant's order and get NOT_FOUND in the
language's idiom.
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import grpc
from iam.v1 import api_key_pb2, api_key_pb2_grpc
from oms.v1 import order_pb2, order_pb2_grpc

from tests.support.ims_catalog import ImsCatalog

ROOT = Path(__file__).resolve().parents[2]
SMOKE_PREFIX = "SMOKE "
ORDERS = 3
PAGE_SIZE = 2
STOCK = 10


@dataclass(frozen=True)
class PartnerWorld:
    ims_target: str
    oms_target: str
    tenant_id: str
    api_key: str
    foreign_order_id: str

    def env(self) -> dict[str, str]:
        """The smoke programs' whole input (names shared by every language)."""
        return {
            "OMSIMS_IMS_TARGET": self.ims_target,
            "OMSIMS_OMS_TARGET": self.oms_target,
            "OMSIMS_TENANT_ID": self.tenant_id,
            "OMSIMS_API_KEY": self.api_key,
            "OMSIMS_FOREIGN_ORDER_ID": self.foreign_order_id,
        }


async def partner_world(
    ims_admin: grpc.aio.Channel, oms_admin: grpc.aio.Channel, ims_target: str, oms_target: str
) -> PartnerWorld:
    """A new tenant with a read-write API key, and another tenant with one order."""
    catalog = ImsCatalog(ims_admin)
    tenant_id = await catalog.tenant()
    key: api_key_pb2.CreateApiKeyResponse = await api_key_pb2_grpc.ApiKeyServiceStub(
        ims_admin
    ).CreateApiKey(
        api_key_pb2.CreateApiKeyRequest(
            tenant_id=tenant_id,
            name="sdk smoke",
            scopes=[api_key_pb2.SCOPE_READ, api_key_pb2.SCOPE_WRITE],
        )
    )
    other = await catalog.seller_catalog(skus=1)
    foreign = await order_pb2_grpc.OrderServiceStub(oms_admin).CreateOrder(
        order_pb2.CreateOrderRequest(
            tenant_id=other.tenant_id,
            seller_id=other.seller_id,
            hub_id=other.hub_id,
            lines=[order_pb2.OrderLine(sku_id=other.sku_id(), quantity=1)],
        )
    )
    return PartnerWorld(ims_target, oms_target, tenant_id, key.secret, foreign.order.id)


@dataclass(frozen=True)
class JourneyReport:
    """What a smoke program says it did (its `SMOKE` line)."""

    seller_id: str
    hub_id: str
    sku_id: str
    order_ids: list[str]
    paged_order_ids: list[str]
    pages: int
    foreign: str  # how the language saw the other tenant's order, e.g. "NOT_FOUND"

    @classmethod
    def from_output(cls, output: str) -> JourneyReport:
        lines = [x for x in output.splitlines() if x.startswith(SMOKE_PREFIX)]
        assert len(lines) == 1, f"expected one {SMOKE_PREFIX!r} line in:\n{output}"
        fields = json.loads(lines[0][len(SMOKE_PREFIX) :])
        return cls(
            seller_id=fields["seller_id"],
            hub_id=fields["hub_id"],
            sku_id=fields["sku_id"],
            order_ids=list(fields["order_ids"]),
            paged_order_ids=list(fields["paged_order_ids"]),
            pages=int(fields["pages"]),
            foreign=fields["foreign"],
        )


async def check_journey(
    report: JourneyReport,
    world: PartnerWorld,
    ims_admin: grpc.aio.Channel,
    oms_admin: grpc.aio.Channel,
) -> None:
    """The servers hold what the program reported, and it saw what they hold."""
    assert report.foreign == "NOT_FOUND"
    assert len(set(report.order_ids)) == ORDERS
    # Paged 2 at a time: every order exactly once, over 2 pages (3 orders).
    assert sorted(report.paged_order_ids) == sorted(report.order_ids)
    assert report.pages == -(-ORDERS // PAGE_SIZE)

    catalog = ImsCatalog(ims_admin)
    level = await catalog.level(world.tenant_id, report.hub_id, report.sku_id)
    assert level.quantity_on_hand == STOCK
    orders = order_pb2_grpc.OrderServiceStub(oms_admin)
    listed = await orders.ListOrders(
        order_pb2.ListOrdersRequest(tenant_id=world.tenant_id, page_size=100)
    )
    assert sorted(o.id for o in listed.orders) == sorted(report.order_ids)
    for order in listed.orders:
        assert (order.seller_id, order.hub_id) == (report.seller_id, report.hub_id)
        assert [(x.sku_id, x.quantity) for x in order.lines] == [(report.sku_id, 1)]
        # Made with the tenant's key, not with anything more powerful.
        assert order.status_history[0].actor.startswith("key:"), order.status_history


def run_smoke(
    command: Sequence[str], cwd: Path, env: Mapping[str, str], timeout_s: float = 900
) -> str:
    """Run a smoke program; its output (stdout and stderr), failing with it if it fails."""
    done = subprocess.run(
        list(command),
        cwd=cwd,
        env=dict(env),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=timeout_s,
        check=False,
    )
    assert done.returncode == 0, f"{' '.join(command)} exited {done.returncode}:\n{done.stdout}"
    return done.stdout
