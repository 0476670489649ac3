"""Lines → CSV records with their source line numbers, incrementally (pure, no I/O).

`csv.reader` (default dialect: quoted fields may span lines) runs over a feed that the
caller tops up as lines arrive. When the feed runs dry inside a record, the record is parsed
again from its first line once more lines are there, so records never depend on where the
file's chunks were cut.

Length rule (the same whatever the chunking): a record longer than `max_chars` — an
over-long line (see `text_lines`), or a record spanning lines whose characters, line breaks
included, add up to more — is returned as `Record(line, None)`
and parsing resumes at the line after its FIRST line. A stray quote that opens a field which
never closes thus costs one rejected row, not the rest of the file.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass

from consumers.csv_ingester.text_lines import OVERLONG, Line


@dataclass(frozen=True, slots=True)
class Record:
    """One CSV record: `line` is the file line it starts on (1 = the header); `values` is
    None when the record broke the length rule. A blank line is a record without values."""

    line: int
    values: list[str] | None


class MalformedCsvError(ValueError):
    """csv.reader refused the text (never expected with the default, non-strict dialect)."""

    def __init__(self, line: int, reason: str) -> None:
        super().__init__(f"line {line}: {reason}")
        self.line = line


class _NeedMoreError(Exception):
    """The feed ran dry inside a record (more lines will come)."""


class _OverlongLineError(Exception):
    """The feed reached an over-long line."""


class _Feed(Iterator[str]):
    def __init__(self) -> None:
        self.lines: list[Line] = []
        self.position = 0  # next line to hand to csv.reader
        self.record_start = 0  # first line of the record being read
        self.final = False

    def __next__(self) -> str:
        if self.position < len(self.lines):
            line = self.lines[self.position]
            if line is OVERLONG:
                raise _OverlongLineError
            self.position += 1
            return line  # type: ignore[return-value]  # OVERLONG is excluded above
        if self.final:
            raise StopIteration
        raise _NeedMoreError


class RecordReader:
    def __init__(self, max_chars: int) -> None:
        self._max_chars = max_chars
        self._feed = _Feed()
        self._reader = csv.reader(self._feed)
        self._first_line = 1  # file line number of self._feed.lines[0]

    def feed(self, lines: list[Line]) -> list[Record]:
        feed = self._feed
        if feed.record_start:
            del feed.lines[: feed.record_start]
            self._first_line += feed.record_start
            feed.record_start = feed.position = 0
        feed.lines.extend(lines)
        return self._read()

    def finish(self) -> list[Record]:
        self._feed.final = True
        return self.feed([])

    def _read(self) -> list[Record]:
        feed, reader, limit = self._feed, self._reader, self._max_chars
        records: list[Record] = []
        while True:
            start = feed.record_start
            try:
                values = next(reader)
            except StopIteration:
                return records
            except _NeedMoreError:
                if self._span_chars(start, len(feed.lines)) <= limit:
                    feed.position = start  # re-read the record when more lines are there
                    return records
                values = None  # can only get longer: the length rule applies now
            except _OverlongLineError:
                values = None
            except csv.Error as exc:
                raise MalformedCsvError(self._first_line + start, str(exc)) from exc
            else:
                if feed.position - start > 1 and self._span_chars(start, feed.position) > limit:
                    values = None
            if values is None:
                feed.position = start + 1  # resume after the record's first line
            feed.record_start = feed.position
            records.append(Record(self._first_line + start, values))

    def _span_chars(self, start: int, end: int) -> int:
        total = 0
        for line in self._feed.lines[start:end]:
            if line is OVERLONG:
                return self._max_chars + 1
            total += len(line)  # type: ignore[arg-type]  # str here
        return total
