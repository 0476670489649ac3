"""What the CLI prints: tables for people, JSON (`--output json`) for scripts."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from google.protobuf.json_format import MessageToDict
from google.protobuf.message import Message
from rich.console import Console
from rich.table import Table

Column = tuple[str, Callable[[Any], object]]


@dataclass(frozen=True)
class Printer:
    json_output: bool
    console: Console

    @classmethod
    def create(cls, output: str) -> Printer:
        # Piped or redirected: wide lines, so ids stay whole (a terminal wraps at its width).
        width = None if sys.stdout.isatty() else 200
        return cls(json_output=output == "json", console=Console(width=width))

    def message(self, message: Message, fields: Sequence[Column]) -> None:
        """One record: its proto JSON, or a two-column table of the chosen fields."""
        if self.json_output:
            self._json(_as_dict(message))
            return
        table = Table(show_header=False, box=None, pad_edge=False)
        for label, read in fields:
            table.add_row(f"[bold]{label}[/]", _text(read(message)))
        self.console.print(table)

    def rows(self, items: Sequence[Message], columns: Sequence[Column], *, title: str) -> None:
        if self.json_output:
            self._json([_as_dict(item) for item in items])
            return
        table = Table(title=title, title_justify="left")
        for label, _ in columns:
            table.add_column(label)
        for item in items:
            table.add_row(*(_text(read(item)) for _, read in columns))
        self.console.print(table)

    def value(self, data: dict[str, Any], text: str) -> None:
        """A small result: `data` as JSON, or `text` for people."""
        if self.json_output:
            self._json(data)
        else:
            self.console.print(text)

    def _json(self, data: object) -> None:
        sys.stdout.write(json.dumps(data, indent=2, sort_keys=True) + "\n")
        sys.stdout.flush()


def _as_dict(message: Message) -> dict[str, Any]:
    return MessageToDict(message, preserving_proto_field_name=True)


def _text(value: object) -> str:
    if isinstance(value, Message):
        return json.dumps(_as_dict(value), sort_keys=True)
    return "" if value is None else str(value)


def enum_name(prefix: str, name: str) -> str:
    """`ORDER_STATUS_ON_HOLD` → `on_hold` (what people read)."""
    return name.removeprefix(prefix).lower()


def timestamp(value: Any) -> str:
    """A Timestamp field as ISO 8601, or empty when unset."""
    if not value.seconds and not value.nanos:
        return ""
    return str(value.ToDatetime().isoformat(timespec="seconds")) + "Z"
