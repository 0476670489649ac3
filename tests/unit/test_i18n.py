from __future__ import annotations

import pytest

from common.i18n import PROBLEM_TEXTS, catalogue, negotiate, render, translate
from common.texts import Text, t


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


def test_every_problem_code_has_a_german_text() -> None:
    assert all(catalogue("de").get(template) for template in PROBLEM_TEXTS.values())


def test_a_text_is_its_english_rendering_and_renders_again_in_german() -> None:
    text = t("{resource} {identifier!r} not found", resource=Text("tenant"), identifier="x1")
    assert text == "tenant 'x1' not found"  # a str: logs, tests and callers see English
    assert (text.msgid, dict(text.params)) == (
        "{resource} {identifier!r} not found",
        {"resource": "tenant", "identifier": "x1"},
    )
    assert render(text, "de") == "Mandant 'x1' nicht gefunden"  # the noun too
    assert render(text, "en") == text
    assert render("plain prose", "de") == "plain prose"  # not a Text: left as it is
    assert render(t("no entry for {this}", this=1), "de") == "no entry for 1"


def test_translate_renders_params_and_falls_back() -> None:
    params = {"value": "ABC"}
    assert translate("quantity_not_integer", "en", params) == "quantity 'ABC' is not a whole number"
    assert translate("quantity_not_integer", "de", params) == "Menge 'ABC' ist keine ganze Zahl"
    assert translate("quantity_not_integer", "xx", params).startswith("quantity")
    assert translate("no_such_code", "de") == "no_such_code"
    assert translate("missing_field", "en") == "{field} is missing"  # missing params: template
