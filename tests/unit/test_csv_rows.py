from __future__ import annotations

import csv
import io

import pytest

from oms_grpc.core.domain.csv_rows import (
    MAX_QUANTITY,
    HeaderError,
    ParsedRow,
    Problem,
    Ref,
    is_blank,
    parse_quantity,
    parse_row,
    resolve_header,
)

T = "0190a0c1-0000-7000-8000-000000000001"
OTHER_T = "0190a0c1-0000-7000-8000-000000000002"
S = "0190a0c1-0000-7000-8000-0000000000a1"
H = "0190a0c1-0000-7000-8000-0000000000b1"
K = "0190a0c1-0000-7000-8000-0000000000c1"
ORIGINAL = ["tenant_id", "seller_id", "hub_id", "sku_id", "quantity"]


def test_original_header_is_accepted_as_is() -> None:
    columns = resolve_header(ORIGINAL)
    assert (columns.tenant_id, columns.seller_id, columns.quantity) == (0, 1, 4)
    assert columns.hub == ("id", 2) and columns.sku == ("id", 3)
    assert columns.order_ref is None and columns.extras == ()


def test_any_order_codes_bom_case_and_extras() -> None:
    columns = resolve_header(
        ["\ufeffQuantity", " SKU_Code ", "note", "hub_code", "Seller_ID", "tenant_id", "order_ref"]
    )
    assert columns.quantity == 0
    assert columns.sku == ("code", 1) and columns.hub == ("code", 3)
    assert columns.order_ref == 6
    assert columns.extras == (("note", 2),)
    assert columns.header[0] == "Quantity"


@pytest.mark.parametrize(
    ("header", "code", "field"),
    [
        (["tenant_id", "seller_id", "hub_id", "quantity"], "missing_column", "sku_id or sku_code"),
        (["seller_id", "hub_id", "sku_id", "quantity"], "missing_column", "tenant_id"),
        ([*ORIGINAL, "Quantity"], "duplicate_column", "quantity"),
        (
            [],
            "missing_column",
            "tenant_id, seller_id, hub_id or hub_code, sku_id or sku_code, quantity",
        ),
    ],
)
def test_unusable_headers(header: list[str], code: str, field: str) -> None:
    with pytest.raises(HeaderError) as raised:
        resolve_header(header)
    assert raised.value.problem == Problem(code, {"field": field})


def _parse(values: list[str], header: list[str] = ORIGINAL) -> ParsedRow | Problem:
    return parse_row(resolve_header(header), 7, values, T)


def test_a_good_row() -> None:
    row = _parse([T, S, H, K, "3"])
    assert row == ParsedRow(7, T, S, Ref("id", H), Ref("id", K), 3, "", {})


@pytest.mark.parametrize(
    ("values", "problem"),
    [
        ([T, S, H, K, "ABC"], Problem("quantity_not_integer", {"value": "ABC"})),
        ([T, S, H, K, "-5"], Problem("quantity_not_positive", {"value": "-5"})),
        ([T, S, H, K, "0"], Problem("quantity_not_positive", {"value": "0"})),
        ([T, S, H, K, "1.5"], Problem("quantity_not_integer", {"value": "1.5"})),
        ([T, S, H, K, ""], Problem("missing_field", {"field": "quantity"})),
        ([T, S, H, K], Problem("missing_field", {"field": "quantity"})),
        ([T, "", H, K, "1"], Problem("missing_field", {"field": "seller_id"})),
        ([T, S, "hub-1", K, "1"], Problem("invalid_id", {"field": "hub_id", "value": "hub-1"})),
        ([OTHER_T, S, H, K, "1"], Problem("tenant_mismatch", {"value": OTHER_T})),
        (
            [T, S, H, K, "1", "surprise"],
            Problem("too_many_values", {"count": "6", "expected": "5"}),
        ),
        (
            [T, S, H, K, str(MAX_QUANTITY + 1)],
            Problem(
                "quantity_too_large", {"value": str(MAX_QUANTITY + 1), "maximum": str(MAX_QUANTITY)}
            ),
        ),
    ],
)
def test_bad_rows_name_their_problem(values: list[str], problem: Problem) -> None:
    assert _parse(values) == problem


def test_trailing_empty_values_are_not_extra() -> None:
    assert isinstance(_parse([T, S, H, K, "1", "", " "]), ParsedRow)


def test_codes_order_ref_and_attributes() -> None:
    header = ["tenant_id", "seller_id", "hub_code", "sku_code", "quantity", "order_ref", "gift"]
    row = _parse([T, S, "BER-1", "SKU.42", " 2 ", "PO-9", "yes"], header)
    assert row == ParsedRow(
        7, T, S, Ref("code", "BER-1"), Ref("code", "SKU.42"), 2, "PO-9", {"gift": "yes"}
    )
    bad = _parse([T, S, "BER 1", "SKU.42", "2", "", ""], header)
    assert bad == Problem("invalid_code", {"field": "hub_code", "value": "BER 1"})


def test_quoted_fields_and_crlf_through_the_csv_module() -> None:
    text = f'tenant_id,seller_id,hub_id,sku_id,quantity\r\n"{T}","{S}",{H},{K},"4"\r\n,,,,\r\n'
    reader = csv.reader(io.StringIO(text, newline=""))
    columns = resolve_header(next(reader))
    rows = [r for r in reader if not is_blank(r)]
    assert len(rows) == 1
    parsed = parse_row(columns, 2, rows[0], T)
    assert isinstance(parsed, ParsedRow) and parsed.quantity == 4


@pytest.mark.parametrize("text", ["1", "007", "1000000"])
def test_positive_integers(text: str) -> None:
    assert parse_quantity(text) == int(text)


@pytest.mark.parametrize("text", ["1e3", "+1", " ", "½", "٣"])
def test_anything_else_is_not_a_quantity(text: str) -> None:
    assert isinstance(parse_quantity(text.strip()), Problem)
