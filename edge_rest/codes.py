"""Codes for resources the original API creates without one.

Our tenants, sellers, categories and hubs carry a short unique `code` (e.g. "acme"); the
original's have none. A client that sends no code gets one derived from the name, returned
in the response like every other field.
"""

from __future__ import annotations

import re
import secrets

_NOT_CODE = re.compile(r"[^a-z0-9]+")


def derived_code(name: str, fallback: str) -> str:
    """The name in lower case with dashes for anything else, plus a random suffix so two
    resources of one name do not collide."""
    stem = _NOT_CODE.sub("-", name.lower()).strip("-")[:40] or fallback
    return f"{stem}-{secrets.token_hex(3)}"
