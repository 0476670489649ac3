from __future__ import annotations

import pytest

from common.i18n import CATALOG, negotiate, translate


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (None, "en"),
        ("", "en"),
        ("de", "de"),
        ("de-CH, en;q=0.8", "de"),
        ("fr, de;q=0.5, en;q=0.4", "de"),
        ("en;q=0.2, de;q=0.9", "de"),
        ("de;q=0, en", "en"),
        ("fr", "en"),
        ("*", "en"),
        ("de;q=abc, en;q=0.1", "en"),
    ],
)
def test_negotiate_picks_the_best_supported_language(header: str | None, expected: str) -> None:
    assert negotiate(header) == expected


def test_every_language_has_every_message() -> None:
    assert set(CATALOG["de"]) == set(CATALOG["en"])


def test_translate_renders_params_and_falls_back() -> None:
    params = {"value": "ABC"}
    assert translate("quantity_not_integer", "en", params) == "quantity 'ABC' is not a whole number"
    assert translate("quantity_not_integer", "de", params) == "Menge 'ABC' ist keine ganze Zahl"
    assert translate("quantity_not_integer", "xx", params).startswith("quantity")
    assert translate("no_such_code", "de") == "no_such_code"
    assert translate("missing_field", "en") == "{field} is missing"  # missing params: template
