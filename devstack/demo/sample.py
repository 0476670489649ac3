"""The demo's CSV: the original system's format, with good rows and bad ones (pure)."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass


@dataclass(frozen=True)
class Catalogue:
    tenant_id: str
    seller_id: str
    hub_code: str
    plenty_sku: str  # stocked for every order
    scarce_sku: str  # stocked for a few orders; the rest wait for the restock
    unknown_sku: str = "NO-SUCH-SKU"


@dataclass(frozen=True)
class SampleCsv:
    text: str
    good_rows: int
    bad_rows: int
    scarce_orders: int  # orders of one unit of the scarce SKU


def sample_csv(
    catalogue: Catalogue, *, plenty_orders: int = 40, scarce_orders: int = 10
) -> SampleCsv:
    """One-line orders of the plenty SKU, one-unit orders of the scarce SKU, a two-line
    order grouped by `order_ref`, and five bad rows (each a different reason)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["tenant_id", "seller_id", "hub_code", "sku_code", "quantity", "order_ref"])
    c = catalogue
    good = 0
    for n in range(plenty_orders):
        writer.writerow([c.tenant_id, c.seller_id, c.hub_code, c.plenty_sku, 1 + n % 3, ""])
        good += 1
    for _ in range(scarce_orders):
        writer.writerow([c.tenant_id, c.seller_id, c.hub_code, c.scarce_sku, 1, ""])
        good += 1
    for sku in (c.plenty_sku, c.plenty_sku):
        writer.writerow([c.tenant_id, c.seller_id, c.hub_code, sku, 2, "demo-multi-line-1"])
        good += 1
    bad = [
        [c.tenant_id, c.seller_id, c.hub_code, c.plenty_sku, "0", ""],  # quantity not positive
        [c.tenant_id, c.seller_id, c.hub_code, c.plenty_sku, "three", ""],  # not a number
        [c.tenant_id, c.seller_id, c.hub_code, c.unknown_sku, "1", ""],  # unknown SKU
        [c.tenant_id, c.seller_id, "NO-SUCH-HUB", c.plenty_sku, "1", ""],  # unknown hub
        [c.tenant_id, "", c.hub_code, c.plenty_sku, "1", ""],  # seller missing
    ]
    writer.writerows(bad)
    return SampleCsv(out.getvalue(), good, len(bad), scarce_orders)
