"""The original's SKU measures (numbers with a unit) ↔ ours (whole grams and millimetres)."""

from __future__ import annotations

import math

from common.texts import t
from edge_rest.errors import bad_request

GRAMS_PER = {"g": 1.0, "kg": 1000.0, "oz": 28.349523125, "lb": 453.59237}
MILLIMETRES_PER = {"mm": 1.0, "cm": 10.0, "m": 1000.0, "in": 25.4}
MAX_INT32 = 2**31 - 1


def _whole(field: str, value: object, factor: float) -> int:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise bad_request({field: t("must be a number")})
    if value < 0:
        raise bad_request({field: t("must not be negative")})
    converted = round(value * factor)
    if converted > MAX_INT32:
        raise bad_request({field: t("is too large")})
    return converted


def grams(weight: object, unit: str) -> int:
    if unit not in GRAMS_PER:
        raise bad_request({"weight_unit": t("must be one of {value}", value=", ".join(GRAMS_PER))})
    return _whole("weight", weight, GRAMS_PER[unit])


def millimetres(field: str, value: object, unit: str) -> int:
    if unit not in MILLIMETRES_PER:
        raise bad_request(
            {"dimension_unit": t("must be one of {value}", value=", ".join(MILLIMETRES_PER))}
        )
    return _whole(field, value, MILLIMETRES_PER[unit])
