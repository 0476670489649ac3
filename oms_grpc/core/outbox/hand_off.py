"""The seam between a writer that appends outbox events and the relay of its own process."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Protocol


class OutboxHandOff(Protocol):
    """A relay that can take events straight from the writer (see `OutboxRelay`).

    The writer `$set`s `lease()` in the same write that appends the events, so no other
    relay claims the document meanwhile; once the write is durable it hands over the
    document's `_id` with the entries it appended. If this process dies first, the lease
    expires and a scan (of any relay) publishes them.
    """

    def lease(self) -> dict[str, Any]: ...

    def hand_over(self, documents: Iterable[dict[str, Any]]) -> None: ...
