"""Where pure checks report what they find (a protocol, so domain rules need no gRPC).

`common.validation.Violations` satisfies it: request parsing passes its collector to the
rules, and the rules stay free of any transport or error-mapping code.
"""

from __future__ import annotations

from typing import Protocol


class ProblemSink(Protocol):
    def add(self, field: str, description: str) -> None:
        """Record that `field` is wrong, and why."""
        ...
