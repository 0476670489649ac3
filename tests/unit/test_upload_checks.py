"""Whole-file checks of an uploaded CSV (size, emptiness, text, UTF-8, line length, header)."""

from __future__ import annotations

import os
from collections.abc import Callable

import pytest

from oms_grpc.core.domain import upload_checks
from oms_grpc.core.domain.upload_checks import (
    BOM,
    UploadLimits,
    UploadRejectedError,
    UploadRejection,
    UploadScanner,
    check_upload,
    first_invalid_utf8,
    first_long_line,
    human_size,
)

HEADER = b"tenant_id,seller_id,hub_id,sku_id,quantity"
ROW = b"t,s,h,k,1"
LIMITS = UploadLimits(max_bytes=10_000, max_line_bytes=100)


def rejection(data: bytes, limits: UploadLimits = LIMITS) -> UploadRejection:
    with pytest.raises(UploadRejectedError) as caught:
        check_upload(data, limits)
    return caught.value.rejection


@pytest.mark.parametrize(
    "data",
    [
        HEADER + b"\r\n" + ROW + b"\r\n",
        HEADER + b"\n" + ROW,  # LF, no final newline
        b"\xef\xbb\xbf" + HEADER + b"\r\n" + ROW,  # BOM
        b"quantity,sku_code,hub_code,seller_id,tenant_id,note\r\n1,a,b,s,t,Gr\xc3\xbc\xc3\x9fe\r\n",
        b'"tenant_id","seller_id","hub_id","sku_id","quantity"\n',
        HEADER + b"\r\n",  # header only: accepted, completes with 0 rows
        HEADER,  # header only, no newline
    ],
)
def test_acceptable_files(data: bytes) -> None:
    columns = check_upload(data, LIMITS)
    assert columns.quantity >= 0


def test_row_problems_are_not_checked_here() -> None:
    check_upload(HEADER + b"\nnot,a,valid,row\n,,,,\nABC,-5,0,1.5,x,y,z\n", LIMITS)


def test_too_large_says_the_limit() -> None:
    found = rejection(HEADER + b"\n" + ROW * 2000)
    assert (found.code, found.field) == ("file_too_large", "file")
    assert found.params["maximum"] == "10000"
    message = found.message("en")
    assert "10000 bytes" in message and "9.76562 KiB" in message


def test_size_limit_is_inclusive() -> None:
    data = HEADER + b"\n" + b"t,s,h,k,1\n" * 5
    check_upload(data, UploadLimits(max_bytes=len(data), max_line_bytes=100))
    assert rejection(data, UploadLimits(len(data) - 1, 100)).code == "file_too_large"


@pytest.mark.parametrize("data", [b"", b"\xef\xbb\xbf", b"  \r\n\r\n\t", b"\xef\xbb\xbf\n\n"])
def test_empty_files(data: bytes) -> None:
    found = rejection(data)
    assert found.code == "file_empty"
    assert found.message("en") == "the file is empty"


def test_nul_bytes_mean_binary() -> None:
    found = rejection(HEADER + b"\n\x00\x01\x02")
    assert found.code == "file_not_text"
    assert found.params["offset"] == str(len(HEADER) + 1)
    assert found.message("de") == "die Datei ist kein Text: NUL-Byte an Byte-Position 43"


def test_not_utf8_says_the_byte_offset() -> None:
    data = HEADER + b"\n" + b"t,s,h,k,1,Gr\xfc\xdfe\n"  # Latin-1
    offset = data.index(b"\xfc")
    found = rejection(data)
    assert found.code == "file_not_utf8"
    assert found.params["offset"] == str(offset)
    assert f"byte offset {offset}" in found.message("en")


def test_binary_junk_is_refused() -> None:
    junk = bytes(range(1, 256)) * 3 + os.urandom(64).replace(b"\x00", b"\xff")
    assert rejection(junk).code in {"file_not_utf8", "file_not_text"}


def test_utf8_check_across_scan_slices(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(upload_checks, "SCAN_SLICE_BYTES", 7)
    text = "ä€😀x" * 10
    assert first_invalid_utf8(text.encode()) is None
    bad = text.encode() + b"\xc3"  # truncated sequence at the very end
    assert first_invalid_utf8(bad) == len(bad) - 1
    bad = "ä€".encode() + b"\xe2\x28\xa1" + "😀".encode()
    assert first_invalid_utf8(bad) == 5


def test_long_line_says_which_line() -> None:
    data = HEADER + b"\n" + ROW + b"\n" + b"x" * 101 + b"\n" + ROW
    found = rejection(data)
    assert found.code == "file_line_too_long"
    assert (found.params["line"], found.params["maximum"]) == ("3", "100")
    assert found.message("en") == "line 3 is longer than 100 bytes"


def test_a_long_header_is_line_1() -> None:
    assert rejection(HEADER + b"," + b"x" * 100).params["line"] == "1"


@pytest.mark.parametrize("slice_bytes", [1, 3, 7, 64, 1024 * 1024])
def test_line_length_scan_across_slices(monkeypatch: pytest.MonkeyPatch, slice_bytes: int) -> None:
    monkeypatch.setattr(upload_checks, "SCAN_SLICE_BYTES", slice_bytes)
    exact = b"a" * 10
    assert first_long_line(exact + b"\r\n" + exact + b"\n" + exact, 10) is None
    assert first_long_line(exact + b"\r\n" + exact + b"a\r\n" + exact, 10) == 2
    assert first_long_line(exact + b"\n\n\n" + b"b" * 30, 10) == 4
    assert first_long_line(b"b" * 30 + b"\n", 10) == 1
    assert first_long_line(b"", 10) is None


@pytest.mark.parametrize(
    ("header", "code", "says_en", "says_de"),
    [
        (
            b"tenant_id,seller_id,hub_id,quantity",
            "missing_column",
            "the header has no sku_id or sku_code column",
            "der Kopfzeile fehlt die Spalte sku_id or sku_code",
        ),
        (
            b"tenant_id,seller_id,hub_id,sku_id,quantity,Quantity",
            "duplicate_column",
            "the header names column 'quantity' twice",
            "die Kopfzeile nennt die Spalte 'quantity' zweimal",
        ),
        (
            b'{"tenant_id": "x", "orders": []}',
            "missing_column",
            "the header has no tenant_id, seller_id",
            "der Kopfzeile fehlt die Spalte tenant_id, seller_id",
        ),
        (b"\n" + HEADER, "missing_column", "the header has no tenant_id", "fehlt"),
    ],
)
def test_unusable_headers_use_the_i18n_catalogue(
    header: bytes, code: str, says_en: str, says_de: str
) -> None:
    found = rejection(header + b"\n" + ROW + b"\n")
    assert (found.code, found.field) == (code, "file")
    assert says_en in found.message("en")
    assert says_de in found.message("de")


def test_human_size() -> None:
    assert human_size(50 * 1024 * 1024) == "50 MiB"
    assert human_size(64 * 1024) == "64 KiB"
    assert human_size(512) == "512 B"


def _reference_long_line(data: bytes, maximum: int) -> int | None:
    for number, line in enumerate(data.split(b"\n"), start=1):
        if len(line.removesuffix(b"\r")) > maximum:
            return number
    return None


@pytest.mark.parametrize("seed", range(20))
def test_line_length_scan_matches_a_plain_reference(
    monkeypatch: pytest.MonkeyPatch, seed: int
) -> None:
    import random

    rng = random.Random(seed)
    data = bytes(rng.choice(b"ab\r\n\n") for _ in range(rng.randrange(0, 400)))
    monkeypatch.setattr(upload_checks, "SCAN_SLICE_BYTES", rng.randrange(1, 50))
    for maximum in (1, 3, 8):
        assert first_long_line(data, maximum) == _reference_long_line(data, maximum)


def _verdict(run: Callable[[], object]) -> object:
    try:
        return run()
    except UploadRejectedError as exc:
        return (exc.rejection.code, dict(exc.rejection.params))


@pytest.mark.parametrize("seed", range(40))
def test_a_file_fed_in_pieces_gets_the_verdict_of_the_whole(seed: int) -> None:
    """The streamed upload's scanner and the unary check accept the same files with the same
    header, wherever the pieces split (a BOM, a UTF-8 sequence, a CR LF or the header cut in
    two). Which problem a refusal names may differ: a stream reports the first piece's."""
    import random

    rng = random.Random(seed)
    alphabet = [b"a", b",", b"\r", b"\n", b"\xc3\xbc", b"\xe2\x82\xac", b" ", b"\xff", b"\x00"]
    weights = [30, 5, 2, 6, 2, 2, 3, 0.2, 0.1]
    body = b"".join(rng.choices(alphabet, weights, k=rng.randrange(0, 300)))
    data = rng.choice([b"", BOM, b"\xef\xbb"]) + rng.choice([HEADER + b"\n", b""]) + body
    limits = UploadLimits(max_bytes=rng.choice([10_000, 200]), max_line_bytes=rng.choice([8, 60]))
    whole = _verdict(lambda: check_upload(data, limits))

    def streamed() -> object:
        scanner = UploadScanner(limits)
        position = 0
        while position < len(data):
            step = rng.randrange(1, 9)
            scanner.feed(data[position : position + step])
            position += step
        return scanner.finish()

    verdict = _verdict(streamed)
    if isinstance(whole, tuple) and isinstance(verdict, tuple):
        assert verdict[0] != "file_empty" or whole[0] == "file_empty", data
    else:
        assert verdict == whole, data
