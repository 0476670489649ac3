"""The original system's OpenAPI document (docs/original) as the edge tests' yardstick."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import yaml

from tests.support.auth import ADMIN_TOKEN

ORIGINAL = Path(__file__).resolve().parents[2] / "edge_rest" / "openapi" / "original.yaml"
ADMIN = {"Authorization": f"Bearer {ADMIN_TOKEN}"}


def original_schema(name: str) -> dict[str, Any]:
    document = yaml.safe_load(ORIGINAL.read_text())
    schema: dict[str, Any] = document["components"]["schemas"][name]
    return schema


def conforms(body: dict[str, Any], schema: dict[str, Any]) -> None:
    """Every property the original documents is there, with its documented type."""
    kinds = {
        "string": str,
        "object": dict,
        "array": list,
        "boolean": bool,
        "number": (int, float),
        "integer": int,
    }
    for field, spec in schema["properties"].items():
        assert field in body, f"{field} missing from {body}"
        assert isinstance(body[field], kinds[spec["type"]]), (field, body[field])
        if spec.get("format") == "date-time":
            datetime.fromisoformat(body[field].replace("Z", "+00:00"))
