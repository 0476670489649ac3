"""Error files: the stored format (ingester) and its translated, chunked download."""

from __future__ import annotations

import csv
import io
from collections.abc import AsyncIterator, Sequence

import pytest

from oms_grpc.core.domain.csv_rows import Problem, resolve_header
from oms_grpc.core.domain.error_files import (
    ERROR_COLUMN,
    STORED_TRAILER,
    ErrorFileRenderer,
    MalformedErrorFileError,
    decode_params,
    download_name,
    encode_records,
    rendered_chunks,
    stored_header,
    stored_row,
)

HEADER = ["tenant_id", "seller_id", "hub_id", "sku_id", "quantity", "note"]


def stored_file() -> bytes:
    return encode_records(
        [
            stored_header(HEADER),
            stored_row(
                ["t", "s", "h", "k", "ABC", "plain"], 6, _p("quantity_not_integer", "ABC"), 2
            ),
            stored_row(["t", "s", "h", "k", "-5"], 6, _p("quantity_not_positive", "-5"), 3),
            stored_row(
                ["t", "s", "h", "k", "1", 'multi\nline, "quoted" € ünïcödé', "extra"],
                6,
                Problem("too_many_values", {"count": "7", "expected": "6"}),
                5,
            ),
            stored_row([], 6, Problem("line_too_long", {"maximum": "65536"}), 9),
        ]
    )


def _p(code: str, value: str) -> Problem:
    return Problem(code, {"value": value})


def parse(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))


def render(data: bytes, language: str, piece: int) -> bytes:
    renderer = ErrorFileRenderer(language)
    out = b"".join(renderer.feed(data[i : i + piece]) for i in range(0, len(data), piece))
    return out + renderer.finish()


def test_stored_format_is_the_agreed_one() -> None:
    rows = parse(stored_file())
    assert rows[0] == [*HEADER, "error_code", "error_params", "line"]
    assert rows[1] == [
        "t",
        "s",
        "h",
        "k",
        "ABC",
        "plain",
        "quantity_not_integer",
        '{"value":"ABC"}',
        "2",
    ]
    assert rows[2][:6] == ["t", "s", "h", "k", "-5", ""]  # padded to the header's width
    assert rows[3][5] == 'multi\nline, "quoted" € ünïcödé'  # cut to the header's width
    assert rows[3][6:] == ["too_many_values", '{"count":"7","expected":"6"}', "5"]
    assert rows[4] == ["", "", "", "", "", "", "line_too_long", '{"maximum":"65536"}', "9"]
    assert all(len(row) == len(HEADER) + len(STORED_TRAILER) for row in rows)
    assert stored_file().count(b"\r\n") == 5  # CRLF records; the quoted LF stays inside


def test_stored_header_takes_display_names_of_the_resolved_header() -> None:
    columns = resolve_header(["\ufeff Tenant_ID", "seller_id", "hub_code", "sku_id", "quantity"])
    assert stored_header(columns.header)[:2] == ["Tenant_ID", "seller_id"]


@pytest.mark.parametrize("piece", [1, 2, 3, 7, 64, 10_000])
def test_download_in_english_whatever_the_pieces(piece: int) -> None:
    rows = parse(render(stored_file(), "en", piece))
    assert rows[0] == [*HEADER, ERROR_COLUMN]
    assert rows[1] == ["t", "s", "h", "k", "ABC", "plain", "quantity 'ABC' is not a whole number"]
    assert rows[2] == ["t", "s", "h", "k", "-5", "", "quantity must be greater than 0, got -5"]
    assert rows[3][5] == 'multi\nline, "quoted" € ünïcödé'
    assert rows[3][6] == "the row has 7 values but the header has 6"
    assert rows[4][6] == "the row is longer than 65536 characters"
    assert len(rows) == 5


def test_download_in_german() -> None:
    rows = parse(render(stored_file(), "de", 5))
    assert rows[0][-1] == "error"
    assert rows[1][-1] == "Menge 'ABC' ist keine ganze Zahl"
    assert rows[2][-1] == "Menge muss größer als 0 sein, war -5"
    assert rows[3][-1] == "die Zeile hat 7 Werte, die Kopfzeile aber 6"


def test_original_columns_named_like_the_trailer_are_kept() -> None:
    data = encode_records(
        [
            stored_header(["line", "error_code", "quantity"]),
            stored_row(["7", "x", "0"], 3, _p("quantity_not_positive", "0"), 2),
        ]
    )
    rows = parse(render(data, "en", 4))
    assert rows == [
        ["line", "error_code", "quantity", "error"],
        ["7", "x", "0", "quantity must be greater than 0, got 0"],
    ]


def test_unknown_codes_and_broken_params_still_render() -> None:
    data = encode_records(
        [
            stored_header(["a"]),
            ["1", "some_new_code", "{}", "2"],
            ["2", "quantity_not_integer", "not json", "3"],
            ["3", "quantity_not_integer", "[1, 2]", "4"],
        ]
    )
    rows = parse(render(data, "en", 3))
    assert [row[-1] for row in rows[1:]] == [
        "some_new_code",
        "quantity {value!r} is not a whole number",
        "quantity {value!r} is not a whole number",
    ]


def test_blank_lines_bom_and_missing_final_newline_are_tolerated() -> None:
    data = b"\xef\xbb\xbf" + encode_records([stored_header(["a"])]) + b"\r\n"
    data += b'1,missing_field,"{""field"":""quantity""}",2'
    assert parse(render(data, "en", 2)) == [["a", "error"], ["1", "quantity is missing"]]


def test_params_round_trip() -> None:
    assert decode_params('{"value":"ä","n":3}') == {"value": "ä", "n": "3"}
    assert decode_params("") == {}


def test_empty_object_renders_nothing() -> None:
    assert render(b"", "en", 10) == b""


@pytest.mark.parametrize(
    "data",
    [
        b"a,b,c\r\n1,2,3\r\n",  # no trailer
        encode_records([stored_header(["a"]), ["1", "x"]]),  # row shorter than the trailer
        b"a,error_code,error_params,line\r\n" + b"\xff\xfe\r\n",  # not UTF-8
        b'a,error_code,error_params,line\r\n"1,x,{},2\r\n',  # unterminated quote
    ],
)
def test_corrupt_stored_files_are_reported(data: bytes) -> None:
    with pytest.raises(MalformedErrorFileError):
        render(data, "en", 4)


def test_a_runaway_record_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    from oms_grpc.core.domain import error_files

    monkeypatch.setattr(error_files, "MAX_RECORD_CHARS", 100)
    renderer = ErrorFileRenderer("en")
    renderer.feed(encode_records([stored_header(["a"])]))
    with pytest.raises(MalformedErrorFileError):
        for _ in range(10):
            renderer.feed(b'"' + b"x\n" * 20)


async def _pieces(data: bytes, size: int) -> AsyncIterator[bytes]:
    for start in range(0, len(data), size):
        yield data[start : start + size]


async def _collect(chunks: AsyncIterator[bytes]) -> list[bytes]:
    return [chunk async for chunk in chunks]


def _big_file(rows: int) -> bytes:
    records: list[Sequence[str]] = [stored_header(HEADER)]
    records += [
        stored_row(
            ["t", "s", "h", "k", str(-n), f"row {n}"], 6, _p("quantity_not_positive", "x"), n
        )
        for n in range(rows)
    ]
    return encode_records(records)


async def test_rendered_chunks_have_the_requested_size() -> None:
    data = _big_file(5000)
    chunks = await _collect(rendered_chunks(_pieces(data, 4096), "de", chunk_size=10_000))
    assert len(chunks) > 5
    assert all(len(chunk) == 10_000 for chunk in chunks[:-1])
    assert 0 < len(chunks[-1]) <= 10_000
    whole = b"".join(chunks)
    assert whole == render(data, "de", len(data))
    assert len(parse(whole)) == 5001


async def test_rendered_chunks_of_an_empty_file() -> None:
    assert await _collect(rendered_chunks(_pieces(b"", 10), "en")) == []


@pytest.mark.parametrize(
    ("original", "name"),
    [
        ("orders.csv", "orders_errors.csv"),
        ("Orders.CSV", "Orders_errors.csv"),
        ("../../x.csv", "x_errors.csv"),
        ('we"ird\r\nname;.csv', "we_ird_name_errors.csv"),
        ("report.txt", "report.txt_errors.csv"),
        ("", "upload_errors.csv"),
        ("Bestellungen März.csv", "Bestellungen_Marz_errors.csv"),
    ],
)
def test_download_name(original: str, name: str) -> None:
    assert download_name(original) == name
