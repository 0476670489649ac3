"""Translated user-facing messages: English and German, chosen by Accept-Language.

Messages are identified by a stable code (also the machine-readable reason); the text is
rendered in the caller's language at the edge of the system (REST response, gRPC status
message, error-file download), so stored data keeps codes, not prose.
"""

from __future__ import annotations

from collections.abc import Mapping
from contextvars import ContextVar

DEFAULT_LANGUAGE = "en"
# gRPC metadata key (and HTTP header) naming the caller's languages.
LANGUAGE_METADATA_KEY = "accept-language"

_current_language: ContextVar[str] = ContextVar("language", default=DEFAULT_LANGUAGE)

CATALOG: dict[str, dict[str, str]] = {
    "en": {
        "missing_field": "{field} is missing",
        "invalid_id": "{field} {value!r} is not a valid id",
        "invalid_code": "{field} {value!r} is not a valid code",
        "quantity_not_integer": "quantity {value!r} is not a whole number",
        "quantity_not_positive": "quantity must be greater than 0, got {value}",
        "quantity_too_large": "quantity must be at most {maximum}, got {value}",
        "too_many_values": "the row has {count} values but the header has {expected}",
        "line_too_long": "the row is longer than {maximum} characters",
        "tenant_mismatch": "tenant_id {value!r} is not the tenant of this upload",
        "unknown_hub": "hub {value!r} does not exist for this tenant",
        "unknown_sku": "SKU {value!r} does not exist for this tenant",
        "hub_not_of_seller": "hub {value!r} does not belong to seller {seller!r}",
        "order_ref_conflict": "rows of order_ref {value!r} disagree on {field}",
        "order_ref_failed": "another row of order_ref {value!r} is invalid (line {line})",
        "field_too_long": "{field} is longer than {maximum} characters",
        "duplicate_column": "the header names column {field!r} twice",
        "missing_column": "the header has no {field} column",
        "file_empty": "the file is empty",
        "file_too_large": "the file has {size} bytes; the limit is {maximum} bytes ({limit})",
        "file_not_text": "the file is not text: it contains a NUL byte at byte offset {offset}",
        "file_not_utf8": "the file is not UTF-8: invalid byte sequence at byte offset {offset}",
        "file_line_too_long": "line {line} is longer than {maximum} bytes",
        "file_not_csv": "the first line is not a CSV header: {reason}",
    },
    "de": {
        "missing_field": "{field} fehlt",
        "invalid_id": "{field} {value!r} ist keine gültige ID",
        "invalid_code": "{field} {value!r} ist kein gültiger Code",
        "quantity_not_integer": "Menge {value!r} ist keine ganze Zahl",
        "quantity_not_positive": "Menge muss größer als 0 sein, war {value}",
        "quantity_too_large": "Menge darf höchstens {maximum} sein, war {value}",
        "too_many_values": "die Zeile hat {count} Werte, die Kopfzeile aber {expected}",
        "line_too_long": "die Zeile ist länger als {maximum} Zeichen",
        "tenant_mismatch": "tenant_id {value!r} ist nicht der Mandant dieses Uploads",
        "unknown_hub": "Hub {value!r} existiert für diesen Mandanten nicht",
        "unknown_sku": "SKU {value!r} existiert für diesen Mandanten nicht",
        "hub_not_of_seller": "Hub {value!r} gehört nicht zum Verkäufer {seller!r}",
        "order_ref_conflict": "Zeilen der order_ref {value!r} widersprechen sich bei {field}",
        "order_ref_failed": "eine andere Zeile der order_ref {value!r} ist ungültig (Zeile {line})",
        "field_too_long": "{field} ist länger als {maximum} Zeichen",
        "duplicate_column": "die Kopfzeile nennt die Spalte {field!r} zweimal",
        "missing_column": "der Kopfzeile fehlt die Spalte {field}",
        "file_empty": "die Datei ist leer",
        "file_too_large": "die Datei hat {size} Bytes; erlaubt sind {maximum} Bytes ({limit})",
        "file_not_text": "die Datei ist kein Text: NUL-Byte an Byte-Position {offset}",
        "file_not_utf8": "die Datei ist kein UTF-8: ungültige Bytefolge an Byte-Position {offset}",
        "file_line_too_long": "Zeile {line} ist länger als {maximum} Bytes",
        "file_not_csv": "die erste Zeile ist keine CSV-Kopfzeile: {reason}",
    },
}


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
        if language in CATALOG and quality > 0:
            ranked.append((-quality, position, language))
    return min(ranked)[2] if ranked else DEFAULT_LANGUAGE


def translate(code: str, language: str, params: Mapping[str, object] | None = None) -> str:
    """The message for `code` in `language` (falls back to English, then to the code)."""
    template = CATALOG.get(language, {}).get(code) or CATALOG[DEFAULT_LANGUAGE].get(code)
    if template is None:
        return code
    try:
        return template.format(**(params or {}))
    except (KeyError, IndexError, ValueError):
        return template


def bind_language(accept_language: str | None) -> str:
    """Negotiate the caller's language and make it current for this task; returns it."""
    language = negotiate(accept_language)
    _current_language.set(language)
    return language


def current_language() -> str:
    return _current_language.get()
