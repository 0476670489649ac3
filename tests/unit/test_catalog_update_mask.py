"""Update masks → field selections (pure)."""

from __future__ import annotations

import pytest

from common.grpc.errors import ServiceError
from ims_grpc.domain.catalog_rules import HUB_MUTABLE, SKU_MUTABLE
from ims_grpc.domain.update_mask import FieldSelection, resolve_update_mask


def test_empty_mask_and_wildcard_select_everything() -> None:
    assert resolve_update_mask([], HUB_MUTABLE).is_everything
    assert resolve_update_mask(["*"], HUB_MUTABLE).is_everything
    assert FieldSelection.everything().includes("address.city")


def test_a_path_selects_itself_and_its_sub_fields() -> None:
    selection = resolve_update_mask(["address", "name"], HUB_MUTABLE)
    assert selection.includes("address")
    assert selection.includes("address.city")
    assert selection.includes("name")
    assert not selection.includes("code")
    assert not selection.includes("contact.email")
    assert not selection.includes("addressbook")


def test_touches_sees_sub_field_paths() -> None:
    selection = resolve_update_mask(["dimensions.width_mm"], SKU_MUTABLE)
    assert selection.touches("dimensions")
    assert not selection.includes("dimensions")
    assert selection.includes("dimensions.width_mm")
    assert not selection.includes("dimensions.length_mm")
    assert not selection.touches("weight_grams")


@pytest.mark.parametrize(
    ("paths", "description"),
    [
        (["id"], "'id' cannot be changed"),
        (["tenant_id"], "'tenant_id' cannot be changed"),
        (["update_time"], "'update_time' cannot be changed"),
        (["name", "colour"], "'colour' is not an updatable field"),
        (["location.latitude"], "'location.latitude' is not an updatable field"),
        (["*", "name"], "'*' cannot be combined with other paths"),
    ],
)
def test_bad_paths_name_update_mask(paths: list[str], description: str) -> None:
    with pytest.raises(ServiceError) as caught:
        resolve_update_mask(paths, HUB_MUTABLE)
    assert [(v.field, v.description) for v in caught.value.violations] == [
        ("update_mask", description)
    ]
