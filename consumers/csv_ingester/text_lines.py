"""Bytes of an uploaded file → lines of text, incrementally (pure, no I/O).

The file arrives in chunks of any size, split anywhere (even inside a UTF-8 sequence or
between the CR and LF of a line end). `LineSplitter` decodes UTF-8 strictly (a leading BOM is
dropped) and cuts the text where `open(..., newline="")` would: after LF, CRLF or a lone CR,
keeping the line end, as `csv.reader` wants it. The result does not depend on where the
chunks were split, so a re-processed file yields exactly the same lines.

Line-length guard: a line longer than `max_chars` (its line end not counted) is never
buffered whole; it comes out as the single marker `OVERLONG`, and the rest of it is skipped.
"""

from __future__ import annotations

import codecs
import enum
import io
from typing import Final


class NotUtf8Error(ValueError):
    """The file is not UTF-8 text; `line` is the (1-based) line of the first bad byte."""

    def __init__(self, line: int, reason: str) -> None:
        super().__init__(f"line {line}: {reason}")
        self.line = line
        self.reason = reason


class _Overlong:
    """Stands for one physical line that exceeded the length limit."""

    _instance: _Overlong | None = None

    def __new__(cls) -> _Overlong:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "OVERLONG"


OVERLONG: Final = _Overlong()
Line = str | _Overlong


class Utf8Decoder:
    """Strict incremental UTF-8 (BOM allowed) that knows the line of a decoding error."""

    def __init__(self) -> None:
        self._decoder = codecs.getincrementaldecoder("utf-8-sig")("strict")
        self._line_breaks = 0
        self._after_cr = False

    def decode(self, data: bytes, *, final: bool = False) -> str:
        try:
            text = self._decoder.decode(data, final)
        except UnicodeDecodeError as exc:
            # exc.object is the decoder's buffered bytes + `data`; count breaks before the bad
            # byte (byte and character CR/LF are the same in UTF-8).
            before = bytes(exc.object[: exc.start])
            line = self._line_breaks + _breaks(before, self._after_cr) + 1
            raise NotUtf8Error(line, exc.reason) from exc
        if text:
            self._line_breaks += _breaks(text, self._after_cr)
            self._after_cr = text.endswith("\r")
        return text


def _breaks(text: str | bytes, after_cr: bool) -> int:
    """Line ends in `text` (LF, CRLF, lone CR); `after_cr`: the text before ended with CR."""
    if isinstance(text, bytes):
        lf, cr, crlf = text.count(b"\n"), text.count(b"\r"), text.count(b"\r\n")
        starts_with_lf = text.startswith(b"\n")
    else:
        lf, cr, crlf = text.count("\n"), text.count("\r"), text.count("\r\n")
        starts_with_lf = text.startswith("\n")
    count = lf + cr - crlf
    if after_cr and starts_with_lf:
        count -= 1  # the LF completes a CRLF already counted at its CR
    return count


class LineSplitter:
    def __init__(self, max_chars: int) -> None:
        self._decoder = Utf8Decoder()
        self._max_chars = max_chars
        self._carry = ""  # the last, unfinished line (or one ending in CR: LF may follow)
        self._skip = _Skip.NOTHING

    def feed(self, data: bytes) -> list[Line]:
        return self._split(self._decoder.decode(data), final=False)

    def finish(self) -> list[Line]:
        return self._split(self._decoder.decode(b"", final=True), final=True)

    def _split(self, text: str, *, final: bool) -> list[Line]:
        text = self._carry + text
        self._carry = ""
        if self._skip is _Skip.LF and text:
            # An over-long line ended with CR at a chunk end: an LF right after belongs to it.
            text = text.removeprefix("\n")
            self._skip = _Skip.NOTHING
        if not text:
            return []
        lines = io.StringIO(text, newline="").readlines()
        if not final and (lines[-1].endswith("\r") or not lines[-1].endswith("\n")):
            self._carry = lines.pop()
        out: list[Line] = []
        limit = self._max_chars
        for line in lines:
            if self._skip is _Skip.LINE:
                self._skip = _Skip.NOTHING  # the end of the over-long line
            elif len(line) > limit and len(line.rstrip("\r\n")) > limit:
                out.append(OVERLONG)
            else:
                out.append(line)
        if len(self._carry) > limit and len(self._carry.rstrip("\r")) > limit:
            if self._skip is _Skip.NOTHING:
                out.append(OVERLONG)
            self._skip = _Skip.LF if self._carry.endswith("\r") else _Skip.LINE
            self._carry = ""
        return out


class _Skip(enum.Enum):
    NOTHING = enum.auto()
    LINE = enum.auto()  # the rest of an over-long line, up to its line end
    LF = enum.auto()  # only an LF that may complete the CR an over-long line ended with
