"""AIP-134 update masks: which mutable fields a write sets (pure).

A create, an update with an empty mask and an update with the `*` mask set every mutable
field; otherwise only the listed paths (a path also selects its sub-fields: `address`
selects `address.city`). Unknown or output-only paths are refused, naming `update_mask`.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from common.errors import FieldViolation, invalid_argument
from common.texts import t

WILDCARD = "*"
UPDATE_MASK_FIELD = "update_mask"
# Fields of every catalogue resource that no update may change.
IMMUTABLE_FIELDS = frozenset({"id", "tenant_id", "create_time", "update_time"})


@dataclass(frozen=True)
class FieldSelection:
    """The fields a write sets. `paths=None` means every mutable field."""

    paths: frozenset[str] | None = None

    @classmethod
    def everything(cls) -> FieldSelection:
        return cls(None)

    @property
    def is_everything(self) -> bool:
        return self.paths is None

    def includes(self, path: str) -> bool:
        """True when `path` itself or one of its parents is selected."""
        if self.paths is None:
            return True
        parts = path.split(".")
        return any(".".join(parts[:depth]) in self.paths for depth in range(1, len(parts) + 1))

    def touches(self, path: str) -> bool:
        """True when `path`, one of its parents or one of its sub-fields is selected."""
        if self.includes(path):
            return True
        assert self.paths is not None  # includes() is True for "everything"
        prefix = f"{path}."
        return any(selected.startswith(prefix) for selected in self.paths)


def resolve_update_mask(
    paths: Sequence[str],
    mutable: Collection[str],
    *,
    immutable: Collection[str] = IMMUTABLE_FIELDS,
) -> FieldSelection:
    """The selection an update mask names; INVALID_ARGUMENT (`update_mask`) for bad paths."""
    if not paths or WILDCARD in paths:
        if WILDCARD in paths and len(paths) > 1:
            raise invalid_argument(
                [FieldViolation(UPDATE_MASK_FIELD, t("'*' cannot be combined with other paths"))]
            )
        return FieldSelection.everything()
    violations: list[FieldViolation] = []
    for path in paths:
        if path in mutable:
            continue
        if path in immutable:
            violations.append(
                FieldViolation(UPDATE_MASK_FIELD, t("{path!r} cannot be changed", path=path))
            )
        else:
            violations.append(
                FieldViolation(
                    UPDATE_MASK_FIELD, t("{path!r} is not an updatable field", path=path)
                )
            )
    if violations:
        raise invalid_argument(violations)
    return FieldSelection(frozenset(paths))
