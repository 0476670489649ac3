"""Bytes → lines → CSV records (pure): the same records however the file is chunked."""

from __future__ import annotations

import csv
import io
import random

import pytest

from consumers.csv_ingester.csv_records import RecordReader
from consumers.csv_ingester.text_lines import OVERLONG, LineSplitter, NotUtf8Error


def _read(
    data: bytes, max_chars: int, chunks: random.Random | None = None
) -> list[tuple[int, list[str] | None]]:
    splitter, reader = LineSplitter(max_chars), RecordReader(max_chars)
    records = []
    position = 0
    while position < len(data):
        size = chunks.randint(1, 9) if chunks else len(data)
        records += reader.feed(splitter.feed(data[position : position + size]))
        position += size
    records += reader.feed(splitter.finish())
    records += reader.finish()
    return [(r.line, r.values) for r in records]


def test_bom_crlf_quotes_blank_lines_and_line_numbers() -> None:
    data = '\ufeffa,b\r\n1,"x\r\ny"\r\n\r\n"q""r",2\rlast,3'.encode()
    assert _read(data, 100) == [
        (1, ["a", "b"]),
        (2, ["1", "x\r\ny"]),
        (4, []),
        (5, ['q"r', "2"]),
        (6, ["last", "3"]),
    ]


def test_rows_over_the_limit_come_out_without_values_and_reading_resumes() -> None:
    data = b"a,b\n" + b"x" * 50 + b'\nc,d\n"open\nmore\n' + b"y" * 30 + b"\ne,f\n"
    assert _read(data, 40) == [
        (1, ["a", "b"]),
        (2, None),  # one physical line over the limit
        (3, ["c", "d"]),
        (4, None),  # a quoted field that runs past the limit: its first line rejected ...
        (5, ["more"]),  # ... and reading goes on with the next line
        (6, ["y" * 30]),
        (7, ["e", "f"]),
    ]


def test_an_overlong_line_is_never_held_whole() -> None:
    splitter = LineSplitter(100)
    assert splitter.feed(b"a,b\n" + b"x" * 1000) == ["a,b\n", OVERLONG]
    assert splitter.feed(b"x" * 10_000) == []
    assert splitter.feed(b"x\r") == []
    assert splitter.feed(b"\nc,d\n") == ["c,d\n"]  # the CR LF closed the long line


@pytest.mark.parametrize("seed", range(40))
def test_records_do_not_depend_on_chunking(seed: int) -> None:
    pieces = ["a", "b", ",", '"', "\r", "\n", "\r\n", "ü", "€", "x" * 9, ""]
    rnd = random.Random(seed)
    for _ in range(25):
        data = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 80))).encode()
        limit = rnd.randint(3, 30)
        whole = _read(data, limit)
        assert _read(data, limit, random.Random(rnd.random())) == whole
        # Within the limit, the records are exactly what csv.reader makes of the whole text.
        expected = list(csv.reader(io.StringIO(data.decode(), newline="")))
        assert [values for _, values in _read(data, 10**6, rnd)] == expected


@pytest.mark.parametrize(
    ("data", "line"),
    [
        (b"a,b\r\nc,\xff\r\n", 2),
        (b"a\rb\rc\xc3\x28", 3),
        (b"a\n\n\n\xe2\x82", 4),  # cut in the middle of a character at the end
        (b"\xef\xbb\xbf\xfe", 1),
    ],
)
def test_invalid_utf8_names_its_line(data: bytes, line: int) -> None:
    for chunking in (None, random.Random(line)):
        with pytest.raises(NotUtf8Error) as caught:
            _read(data, 100, chunking)
        assert caught.value.line == line
