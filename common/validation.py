"""Field-level request validation: collect every violation, then fail once.

Pure (no I/O): servicers build a `Violations`, call the checks, and `raise_if_any()` turns
the collected problems into INVALID_ARGUMENT with a BadRequest detail per field.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from common.errors import FieldViolation, invalid_argument
from common.ids import parse_uuid
from common.texts import t

CODE_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
MAX_NAME = 200
MAX_CODE = 64
MAX_TEXT = 1000
MAX_IDS_PER_FILTER = 1000


class Violations:
    def __init__(self) -> None:
        self._found: list[FieldViolation] = []

    def add(self, field: str, description: str) -> None:
        self._found.append(FieldViolation(field, description))

    @property
    def found(self) -> list[FieldViolation]:
        return list(self._found)

    def __bool__(self) -> bool:
        return bool(self._found)

    def raise_if_any(self) -> None:
        if self._found:
            raise invalid_argument(self._found)

    # --- checks -------------------------------------------------------------------------

    def text(
        self, field: str, value: str, *, required: bool = True, max_length: int = MAX_NAME
    ) -> None:
        if not value.strip():
            if required:
                self.add(field, t("is required"))
            return
        if len(value) > max_length:
            self.add(field, t("must be at most {max_length} characters", max_length=max_length))
        if value != value.strip():
            self.add(field, t("must not start or end with whitespace"))
        if any(ord(ch) < 32 for ch in value):
            self.add(field, t("must not contain control characters"))

    def code(self, field: str, value: str, *, required: bool = True) -> None:
        if not value:
            if required:
                self.add(field, t("is required"))
            return
        if len(value) > MAX_CODE:
            self.add(field, t("must be at most {max_code} characters", max_code=MAX_CODE))
        elif not CODE_PATTERN.match(value):
            self.add(field, t("may contain only letters, digits, '.', '_' and '-'"))

    def email(self, field: str, value: str, *, required: bool = False) -> None:
        if not value:
            if required:
                self.add(field, t("is required"))
            return
        if len(value) > 254 or not EMAIL_PATTERN.match(value):
            self.add(field, t("must be an email address"))

    def uuid(self, field: str, value: str, *, required: bool = True) -> None:
        if not value:
            if required:
                self.add(field, t("is required"))
            return
        if parse_uuid(value) is None:
            self.add(field, t("must be a UUID"))

    def uuids(self, field: str, values: Sequence[str]) -> None:
        if len(values) > MAX_IDS_PER_FILTER:
            self.add(
                field,
                t(
                    "must list at most {max_ids_per_filter} values",
                    max_ids_per_filter=MAX_IDS_PER_FILTER,
                ),
            )
            return
        for index, value in enumerate(values):
            self.uuid(f"{field}[{index}]", value)

    def codes(self, field: str, values: Sequence[str]) -> None:
        if len(values) > MAX_IDS_PER_FILTER:
            self.add(
                field,
                t(
                    "must list at most {max_ids_per_filter} values",
                    max_ids_per_filter=MAX_IDS_PER_FILTER,
                ),
            )
            return
        for index, value in enumerate(values):
            self.code(f"{field}[{index}]", value)

    def positive(self, field: str, value: int) -> None:
        if value <= 0:
            self.add(field, t("must be greater than 0"))

    def non_negative(self, field: str, value: float) -> None:
        if value < 0:
            self.add(field, t("must not be negative"))

    def in_range(self, field: str, value: float, low: float, high: float) -> None:
        if not low <= value <= high:
            self.add(field, t("must be between {low:g} and {high:g}", low=low, high=high))

    def one_of(self, field: str, value: str, allowed: Iterable[str]) -> None:
        options = sorted(allowed)
        if value not in options:
            self.add(field, t("must be one of {value}", value=", ".join(options)))
