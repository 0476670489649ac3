"""Bulk-order CSV rows: header resolution and per-row validation (pure, no I/O).

The original format `tenant_id,seller_id,hub_id,sku_id,quantity` is accepted as it is.
Extensions: columns in any order (names are case- and space-insensitive), `hub_code` /
`sku_code` instead of the ids, an optional `order_ref` that groups rows into one multi-line
order, and any extra columns, which are kept as order attributes.

Problems are codes + parameters (see common.i18n); they are rendered in the reader's
language when the error file is downloaded.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from common.ids import parse_uuid

MAX_QUANTITY = 1_000_000
MAX_FIELD_LENGTH = 200
_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
_DIGITS = re.compile(r"^[0-9]+$")

RefKind = Literal["id", "code"]


@dataclass(frozen=True)
class Problem:
    """Why a row (or the whole file) is rejected: an i18n code and its parameters."""

    code: str
    params: Mapping[str, str] = field(default_factory=dict)


class HeaderError(ValueError):
    """The header makes the whole file unusable."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.code)
        self.problem = problem


@dataclass(frozen=True)
class Ref:
    """A hub or SKU named by id or by code."""

    kind: RefKind
    value: str


@dataclass(frozen=True)
class Columns:
    """Positions of the known columns in this file's header."""

    header: tuple[str, ...]
    tenant_id: int
    seller_id: int
    hub: tuple[RefKind, int]
    sku: tuple[RefKind, int]
    quantity: int
    order_ref: int | None
    extras: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class ParsedRow:
    line: int
    tenant_id: str
    seller_id: str
    hub: Ref
    sku: Ref
    quantity: int
    order_ref: str
    attributes: Mapping[str, str]


def normalise_name(name: str) -> str:
    return _display_name(name).lower().replace(" ", "_")


def resolve_header(raw: Sequence[str]) -> Columns:
    names = [normalise_name(n) for n in raw]
    positions: dict[str, int] = {}
    for index, name in enumerate(names):
        if not name:
            continue
        if name in positions:
            raise HeaderError(Problem("duplicate_column", {"field": name}))
        positions[name] = index

    found: dict[str, tuple[str, int]] = {}
    missing: list[str] = []
    for role, alternatives in _REQUIRED:
        present = [(name, positions[name]) for name in alternatives if name in positions]
        if present:
            found[role] = present[0]
        else:
            missing.append(" or ".join(alternatives))
    if missing:
        raise HeaderError(Problem("missing_column", {"field": ", ".join(missing)}))

    hub_name, hub_at = found["hub"]
    sku_name, sku_at = found["sku"]
    known = {name for _, alternatives in _REQUIRED for name in alternatives} | {"order_ref"}
    return Columns(
        header=tuple(_display_name(n) for n in raw),
        tenant_id=found["tenant_id"][1],
        seller_id=found["seller_id"][1],
        hub=("id" if hub_name == "hub_id" else "code", hub_at),
        sku=("id" if sku_name == "sku_id" else "code", sku_at),
        quantity=found["quantity"][1],
        order_ref=positions.get("order_ref"),
        extras=tuple((_display_name(raw[i]), i) for n, i in positions.items() if n not in known),
    )


_REQUIRED: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("tenant_id", ("tenant_id",)),
    ("seller_id", ("seller_id",)),
    ("hub", ("hub_id", "hub_code")),
    ("sku", ("sku_id", "sku_code")),
    ("quantity", ("quantity",)),
)


def _display_name(name: str) -> str:
    return name.strip().lstrip("\ufeff").strip()


def is_blank(values: Sequence[str]) -> bool:
    return all(not v.strip() for v in values)


def parse_row(
    columns: Columns, line: int, values: Sequence[str], upload_tenant_id: str
) -> ParsedRow | Problem:
    """Validate one data row on its own (existence in IMS is checked later, in batches)."""
    if len(values) > len(columns.header):
        extra = values[len(columns.header) :]
        if not is_blank(extra):
            return Problem(
                "too_many_values", {"count": str(len(values)), "expected": str(len(columns.header))}
            )

    def value(index: int) -> str:
        return values[index].strip() if index < len(values) else ""

    tenant_id = value(columns.tenant_id)
    seller_id = value(columns.seller_id)
    for name, text in (("tenant_id", tenant_id), ("seller_id", seller_id)):
        if problem := _check_id(name, text):
            return problem
    if tenant_id != upload_tenant_id:
        return Problem("tenant_mismatch", {"value": tenant_id})

    refs: list[Ref] = []
    for what, (kind, index) in (("hub", columns.hub), ("sku", columns.sku)):
        text = value(index)
        name = f"{what}_{kind}"
        problem = _check_id(name, text) if kind == "id" else _check_code(name, text)
        if problem:
            return problem
        refs.append(Ref(kind, text))

    quantity = parse_quantity(value(columns.quantity))
    if isinstance(quantity, Problem):
        return quantity

    order_ref = value(columns.order_ref) if columns.order_ref is not None else ""
    if len(order_ref) > MAX_FIELD_LENGTH:
        return Problem("field_too_long", {"field": "order_ref", "maximum": str(MAX_FIELD_LENGTH)})
    attributes = {name: value(index) for name, index in columns.extras if value(index)}
    return ParsedRow(line, tenant_id, seller_id, refs[0], refs[1], quantity, order_ref, attributes)


def parse_quantity(text: str) -> int | Problem:
    if not text:
        return Problem("missing_field", {"field": "quantity"})
    if not _DIGITS.match(text):
        try:
            number = float(text)
        except ValueError:
            return Problem("quantity_not_integer", {"value": text})
        if number.is_integer() and number <= 0:
            return Problem("quantity_not_positive", {"value": text})
        return Problem("quantity_not_integer", {"value": text})
    quantity = int(text)
    if quantity <= 0:
        return Problem("quantity_not_positive", {"value": text})
    if quantity > MAX_QUANTITY:
        return Problem("quantity_too_large", {"value": text, "maximum": str(MAX_QUANTITY)})
    return quantity


def _check_id(name: str, text: str) -> Problem | None:
    if not text:
        return Problem("missing_field", {"field": name})
    if parse_uuid(text) is None:
        return Problem("invalid_id", {"field": name, "value": text[:MAX_FIELD_LENGTH]})
    return None


def _check_code(name: str, text: str) -> Problem | None:
    if not text:
        return Problem("missing_field", {"field": name})
    if not _CODE.match(text):
        return Problem("invalid_code", {"field": name, "value": text[:MAX_FIELD_LENGTH]})
    return None
