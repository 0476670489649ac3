"""References to catalogue resources: validated, canonical (tenant_id, id) pairs (pure).

Ids are compared as text in cache keys and in batch look-ups, so every id that passed
validation is rewritten to the canonical lower-case hyphenated form PostgreSQL returns.
"""

from __future__ import annotations

from dataclasses import dataclass

from common.ids import parse_uuid
from common.validation import Violations


def canonical_uuid(value: str) -> str:
    """The canonical text of a UUID that already passed validation."""
    parsed = parse_uuid(value)
    if parsed is None:
        raise ValueError(f"not a UUID: {value!r}")
    return str(parsed)


def canonical_uuid_or_none(value: str) -> str | None:
    """None for an empty (optional, absent) id; the canonical text otherwise."""
    return canonical_uuid(value) if value else None


@dataclass(frozen=True)
class EntityRef:
    """One tenant-owned resource."""

    tenant_id: str
    id: str


def entity_ref(
    tenant_id: str, entity_id: str, *, tenant_field: str = "tenant_id", id_field: str = "id"
) -> EntityRef:
    """Validate the pair naming the request's fields; INVALID_ARGUMENT if either is bad."""
    violations = Violations()
    violations.uuid(tenant_field, tenant_id)
    violations.uuid(id_field, entity_id)
    violations.raise_if_any()
    return EntityRef(canonical_uuid(tenant_id), canonical_uuid(entity_id))


def tenant_ref(tenant_id: str, *, field: str = "id") -> str:
    """A tenant's own id (GetTenant, DeleteTenant)."""
    violations = Violations()
    violations.uuid(field, tenant_id)
    violations.raise_if_any()
    return canonical_uuid(tenant_id)
