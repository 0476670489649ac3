"""PostgreSQL constraint violations → the service errors clients understand.

On a write (INSERT / UPDATE) a named constraint tells which field is at fault: a unique code
is ALREADY_EXISTS naming the code field; a composite (tenant_id, id) foreign key means the
referenced resource does not exist *in that tenant* — FAILED_PRECONDITION naming the field
(the same answer whether it never existed or belongs to another tenant, so nothing leaks).
On a DELETE any foreign-key violation means "still referenced": FAILED_PRECONDITION.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass

import asyncpg

from common.errors import ErrorCode, FieldViolation, ServiceError, already_exists
from common.texts import Text, t


@dataclass(frozen=True)
class UniqueCode:
    """A UNIQUE constraint on the code: `field` is where the client sent the code."""

    field: str


@dataclass(frozen=True)
class Reference:
    """A foreign key from the written row to `resource`, set through `field`."""

    field: str
    resource: str


Constraint = UniqueCode | Reference

# How a still-referencing table reads in a message ("… is still used by hubs").
_REFERENCING = {
    "sellers": "sellers",
    "categories": "categories",
    "hubs": "hubs",
    "skus": "SKUs",
    "inventory": "inventory records (stock levels)",
}


def missing_reference(reference: Reference) -> ServiceError:
    return ServiceError(
        ErrorCode.FAILED_PRECONDITION,
        t(
            "{field}: no such {resource} in this tenant",
            field=reference.field,
            resource=Text(reference.resource),
        ),
        reason=f"{reference.resource.upper()}_NOT_FOUND",
        violations=[
            FieldViolation(
                reference.field, t("no such {resource}", resource=Text(reference.resource))
            )
        ],
        metadata={"resource": reference.resource, "field": reference.field},
    )


@contextmanager
def write_errors(resource: str, constraints: Mapping[str, Constraint], code: str) -> Iterator[None]:
    """Translate the violations of an INSERT/UPDATE of `resource` whose code is `code`."""
    try:
        yield
    except (asyncpg.UniqueViolationError, asyncpg.ForeignKeyViolationError) as exc:
        constraint = constraints.get(exc.constraint_name or "")
        if isinstance(constraint, UniqueCode) and isinstance(exc, asyncpg.UniqueViolationError):
            raise already_exists(resource, constraint.field, code) from exc
        if isinstance(constraint, Reference) and isinstance(exc, asyncpg.ForeignKeyViolationError):
            raise missing_reference(constraint) from exc
        raise


@contextmanager
def delete_errors(resource: str, entity_id: str) -> Iterator[None]:
    """Translate 'still referenced' on a DELETE of `resource` into FAILED_PRECONDITION."""
    try:
        yield
    except asyncpg.ForeignKeyViolationError as exc:
        table = exc.table_name or "other resources"
        users = _REFERENCING.get(table, table.replace("_", " "))
        if table == "categories" and resource == "category":
            users = "child categories"
        raise ServiceError(
            ErrorCode.FAILED_PRECONDITION,
            t(
                "{resource} {entity_id!r} is still used by {users}; remove those first",
                resource=Text(resource),
                entity_id=entity_id,
                users=users,
            ),
            reason=f"{resource.upper()}_IN_USE",
            metadata={"resource": resource, "id": entity_id, "used_by": table},
        ) from exc
