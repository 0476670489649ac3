"""List requests of the catalogue: filters, AIP-158 pages, keyset cursors on id (pure).

Every list is ordered by id (UUIDv7, so roughly by creation time) and continues after the
last id served. The page token carries that id and a fingerprint of the filters, so a token
only continues the query that produced it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal, TypeVar

from common.errors import FieldViolation, invalid_argument
from common.ids import parse_uuid
from common.pagination import (
    PageCursor,
    decode_token,
    encode_token,
    filter_fingerprint,
    page_size,
)
from common.texts import t
from common.validation import Violations
from ims_grpc.domain.refs import canonical_uuid, canonical_uuid_or_none

T = TypeVar("T")

BatchLookup = Literal["ids", "codes"]


@dataclass(frozen=True)
class ListQuery:
    """A validated list request. Empty filters do not filter; set filters are AND-ed."""

    tenant_id: str | None
    ids: tuple[str, ...]
    codes: tuple[str, ...]
    seller_id: str | None
    category_id: str | None
    page_size: int
    after_id: str | None
    fingerprint: str

    @property
    def fetch_limit(self) -> int:
        """Rows to fetch: one more than a page tells whether another page follows."""
        return self.page_size + 1

    @property
    def batch_lookup(self) -> BatchLookup | None:
        """'ids' / 'codes' when this is a one-page look-up by ids only or codes only.

        That is how callers resolve many references at once (e.g. the rows of an uploaded
        CSV); such look-ups can be answered key by key (from a cache).
        """
        if self.tenant_id is None or self.after_id is not None:
            return None
        if self.seller_id is not None or self.category_id is not None:
            return None
        if self.ids and not self.codes and len(self.ids) <= self.page_size:
            return "ids"
        if self.codes and not self.ids and len(self.codes) <= self.page_size:
            return "codes"
        return None


def _unique(values: Sequence[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(values))


def list_query(
    *,
    page_size_requested: int,
    page_token: str,
    ids: Sequence[str],
    codes: Sequence[str],
    tenant_id: str | None,
    seller_id: str = "",
    category_id: str = "",
) -> ListQuery:
    """Validate a list request (every field violation at once), then its page token.

    `tenant_id=None` for lists that are not tenant-scoped (tenants themselves); otherwise it
    is required.
    """
    violations = Violations()
    if tenant_id is not None:
        violations.uuid("tenant_id", tenant_id)
    violations.uuid("seller_id", seller_id, required=False)
    violations.uuid("category_id", category_id, required=False)
    violations.uuids("ids", ids)
    violations.codes("codes", codes)
    if page_size_requested < 0:
        violations.add("page_size", t("must not be negative"))
    violations.raise_if_any()

    query_ids = _unique([canonical_uuid(value) for value in ids])
    query_codes = _unique(codes)
    tenant = canonical_uuid_or_none(tenant_id or "")
    seller = canonical_uuid_or_none(seller_id)
    category = canonical_uuid_or_none(category_id)
    fingerprint = filter_fingerprint(
        {
            "tenant_id": tenant,
            "ids": sorted(query_ids),
            "codes": sorted(query_codes),
            "seller_id": seller,
            "category_id": category,
        }
    )
    cursor = decode_token(page_token, fingerprint)
    return ListQuery(
        tenant_id=tenant,
        ids=query_ids,
        codes=query_codes,
        seller_id=seller,
        category_id=category,
        page_size=page_size(page_size_requested),
        after_id=_cursor_id(cursor),
        fingerprint=fingerprint,
    )


def _cursor_id(cursor: PageCursor | None) -> str | None:
    if cursor is None:
        return None
    if len(cursor.after) == 1 and isinstance(cursor.after[0], str):
        parsed = parse_uuid(cursor.after[0])
        if parsed is not None:
            return str(parsed)
    raise invalid_argument([FieldViolation("page_token", t("is malformed"))])


def finish_page(
    items: Sequence[T], query: ListQuery, id_of: Callable[[T], str]
) -> tuple[list[T], str]:
    """Trim the look-ahead row; the next page token is empty on the last page."""
    if len(items) <= query.page_size:
        return list(items), ""
    page = list(items[: query.page_size])
    token = encode_token(PageCursor(after=[id_of(page[-1])], fingerprint=query.fingerprint))
    return page, token
