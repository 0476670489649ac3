"""The caller's language and the message catalogues (gettext `.po`, managed with Babel).

Messages are `common.texts.Text`: an English template (the gettext message id) and its
parameters. They are rendered in the caller's language at the edge of the system (gRPC
status messages and field violations, REST responses, error-file downloads, an upload's
reason), from `common/locale/<lang>/LC_MESSAGES/messages.po`; a message without an entry
is rendered in English. `scripts/i18n` extracts the ids from the source and updates the
catalogues; a test fails when an id lacks a German entry.
"""

from __future__ import annotations

from collections.abc import Mapping
from contextvars import ContextVar
from functools import cache
from pathlib import Path
from typing import Any

from babel.messages.pofile import read_po

from common.texts import N_, Text, format_template

DEFAULT_LANGUAGE = "en"
LANGUAGES = ("en", "de")
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
# gRPC metadata key (and HTTP header) naming the caller's languages.
LANGUAGE_METADATA_KEY = "accept-language"

_current_language: ContextVar[str] = ContextVar("language", default=DEFAULT_LANGUAGE)

# The messages of stored problems (CSV rows, whole-file refusals) by their stable code, which
# is also the machine-readable reason; the text is rendered when read.
PROBLEM_TEXTS: dict[str, str] = {
    "missing_field": N_("{field} is missing"),
    "invalid_id": N_("{field} {value!r} is not a valid id"),
    "invalid_code": N_("{field} {value!r} is not a valid code"),
    "quantity_not_integer": N_("quantity {value!r} is not a whole number"),
    "quantity_not_positive": N_("quantity must be greater than 0, got {value}"),
    "quantity_too_large": N_("quantity must be at most {maximum}, got {value}"),
    "too_many_values": N_("the row has {count} values but the header has {expected}"),
    "line_too_long": N_("the row is longer than {maximum} characters"),
    "tenant_mismatch": N_("tenant_id {value!r} is not the tenant of this upload"),
    "unknown_hub": N_("hub {value!r} does not exist for this tenant"),
    "unknown_sku": N_("SKU {value!r} does not exist for this tenant"),
    "hub_not_of_seller": N_("hub {value!r} does not belong to seller {seller!r}"),
    "order_ref_conflict": N_("rows of order_ref {value!r} disagree on {field}"),
    "order_ref_failed": N_("another row of order_ref {value!r} is invalid (line {line})"),
    "field_too_long": N_("{field} is longer than {maximum} characters"),
    "duplicate_column": N_("the header names column {field!r} twice"),
    "missing_column": N_("the header has no {field} column"),
    "file_empty": N_("the file is empty"),
    "file_too_large": N_("the file has {size} bytes; the limit is {maximum} bytes ({limit})"),
    "file_not_text": N_("the file is not text: it contains a NUL byte at byte offset {offset}"),
    "file_not_utf8": N_("the file is not UTF-8: invalid byte sequence at byte offset {offset}"),
    "file_line_too_long": N_("line {line} is longer than {maximum} bytes"),
    "file_not_csv": N_("the first line is not a CSV header: {reason}"),
}


@cache
def catalogue(language: str) -> Mapping[str, str]:
    """msgid -> translation for `language` (empty for English and unknown languages)."""
    path = LOCALE_DIR / language / "LC_MESSAGES" / "messages.po"
    if language == DEFAULT_LANGUAGE or not path.exists():
        return {}
    with path.open("rb") as po:
        catalog = read_po(po, locale=language)
    return {
        str(message.id): str(message.string)
        for message in catalog
        if message.id and message.string and not message.fuzzy
    }


def render(text: str, language: str) -> str:
    """`text` in `language`: a Text from its translated template (parameters that are Texts
    rendered too), anything else as it is."""
    if not isinstance(text, Text) or language == DEFAULT_LANGUAGE:
        return str(text)
    template = catalogue(language).get(text.msgid, text.msgid)
    params: dict[str, Any] = {
        name: render(value, language) if isinstance(value, Text) else value
        for name, value in text.params.items()
    }
    return format_template(template, params)


def negotiate(accept_language: str | None) -> str:
    """Best supported language for an Accept-Language header (RFC 9110 q-values)."""
    if not accept_language:
        return DEFAULT_LANGUAGE
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate(accept_language.split(",")):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        language = tag.strip().lower().split("-")[0]
        if language in LANGUAGES and quality > 0:
            ranked.append((-quality, position, language))
    return min(ranked)[2] if ranked else DEFAULT_LANGUAGE


def problem_text(code: str, params: Mapping[str, object] | None = None) -> Text:
    """The message of a stored problem code (the code itself when unknown)."""
    return Text(PROBLEM_TEXTS.get(code, code), **dict(params or {}))


def translate(code: str, language: str, params: Mapping[str, object] | None = None) -> str:
    """The message for a problem `code` in `language` (English, then the code, as fallback)."""
    return render(problem_text(code, params), language)


def bind_language(accept_language: str | None) -> str:
    """Negotiate the caller's language and make it current for this task; returns it."""
    language = negotiate(accept_language)
    _current_language.set(language)
    return language


def current_language() -> str:
    return _current_language.get()
