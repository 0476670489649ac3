"""List requests: validation, canonical filters, filter-bound page tokens (pure)."""

from __future__ import annotations

import uuid

import pytest

from common.grpc.errors import ServiceError
from common.pagination import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, PageCursor, encode_token
from ims_grpc.domain.listing import ListQuery, finish_page, list_query

TENANT = "0190f0a4-1d2c-7a8b-9c0d-1e2f3a4b5c6d"


def _query(**overrides: object) -> ListQuery:
    arguments: dict[str, object] = {
        "page_size_requested": 0,
        "page_token": "",
        "ids": [],
        "codes": [],
        "tenant_id": TENANT,
    }
    arguments.update(overrides)
    return list_query(**arguments)  # type: ignore[arg-type]


def _fields(error: pytest.ExceptionInfo[ServiceError]) -> list[str]:
    return [violation.field for violation in error.value.violations]


def test_defaults_and_caps() -> None:
    assert _query().page_size == DEFAULT_PAGE_SIZE
    assert _query(page_size_requested=5).page_size == 5
    assert _query(page_size_requested=10**9).page_size == MAX_PAGE_SIZE
    assert _query().fetch_limit == DEFAULT_PAGE_SIZE + 1


def test_every_bad_field_is_reported_at_once() -> None:
    with pytest.raises(ServiceError) as caught:
        _query(
            tenant_id="",
            seller_id="nope",
            category_id="x",
            ids=[TENANT, "bad"],
            codes=["ok", "no spaces"],
            page_size_requested=-1,
        )
    assert _fields(caught) == [
        "tenant_id",
        "seller_id",
        "category_id",
        "ids[1]",
        "codes[1]",
        "page_size",
    ]


def test_tenant_lists_need_no_tenant() -> None:
    assert _query(tenant_id=None).tenant_id is None


def test_ids_are_canonical_and_unique() -> None:
    query = _query(tenant_id=TENANT.upper(), ids=[TENANT.upper(), TENANT, "{" + TENANT + "}"])
    assert query.tenant_id == TENANT
    assert query.ids == (TENANT,)


def test_filter_order_does_not_change_the_fingerprint() -> None:
    one, two = str(uuid.uuid4()), str(uuid.uuid4())
    assert _query(ids=[one, two]).fingerprint == _query(ids=[two, one]).fingerprint
    assert _query(ids=[one]).fingerprint != _query(ids=[two]).fingerprint
    assert _query(page_size_requested=3).fingerprint == _query().fingerprint


def test_pages_and_tokens() -> None:
    query = _query(page_size_requested=2)
    ids = [str(uuid.uuid4()) for _ in range(3)]
    page, token = finish_page(ids, query, lambda item: item)
    assert page == ids[:2] and token
    follow = _query(page_size_requested=2, page_token=token)
    assert follow.after_id == ids[1]
    last, none = finish_page(ids[:2], query, lambda item: item)
    assert last == ids[:2] and none == ""


def test_a_token_only_continues_its_own_filters() -> None:
    page, token = finish_page(["a", "b"], _query(page_size_requested=1), lambda item: TENANT)
    assert page == ["a"]
    with pytest.raises(ServiceError) as caught:
        _query(page_token=token, codes=["other"])
    assert _fields(caught) == ["page_token"]


@pytest.mark.parametrize("after", [["not-a-uuid"], [], [1], [TENANT, TENANT]])
def test_forged_cursors_are_malformed(after: list[object]) -> None:
    fingerprint = _query().fingerprint
    token = encode_token(PageCursor(after=after, fingerprint=fingerprint))
    with pytest.raises(ServiceError) as caught:
        _query(page_token=token)
    assert [(v.field, v.description) for v in caught.value.violations] == [
        ("page_token", "is malformed")
    ]


def test_batch_lookup_is_a_one_page_lookup_by_ids_or_codes_only() -> None:
    assert _query(ids=[TENANT]).batch_lookup == "ids"
    assert _query(codes=["a", "b"]).batch_lookup == "codes"
    assert _query().batch_lookup is None
    assert _query(ids=[TENANT], codes=["a"]).batch_lookup is None
    assert _query(ids=[TENANT], seller_id=TENANT).batch_lookup is None
    assert _query(ids=[TENANT], category_id=TENANT).batch_lookup is None
    assert _query(codes=["a", "b", "c"], page_size_requested=2).batch_lookup is None
    assert _query(tenant_id=None, ids=[TENANT]).batch_lookup is None
