"""Error prose in German: the phrase table is consistent, and the texts services really
produce (validation checks, entity errors) all have a translation."""

from __future__ import annotations

import grpc
import pytest
from google.rpc import error_details_pb2, status_pb2

from common.error_phrases import NOUNS_DE, PHRASES_DE, localize_text, placeholder_names
from common.grpc.errors import (
    FieldViolation,
    ServiceError,
    already_exists,
    invalid_argument,
    not_found,
    status_code,
    to_status,
)
from common.validation import Violations


@pytest.mark.parametrize(("english", "german"), sorted(PHRASES_DE.items()))
def test_every_translation_keeps_the_placeholders(english: str, german: str) -> None:
    assert sorted(placeholder_names(english)) == sorted(placeholder_names(german))


@pytest.mark.parametrize(
    ("english", "german"),
    [
        ("is required", "ist erforderlich"),
        # the longer phrase wins over "must be at most {n}"
        ("must be at most 64 characters", "darf höchstens 64 Zeichen lang sein"),
        ("must be at most 1000000", "darf höchstens 1000000 sein"),
        ("must be between -5 and 5", "muss zwischen -5 und 5 liegen"),
        ("hub 'h1' not found", "Hub 'h1' nicht gefunden"),
        ("tenant 'x y' not found", "Mandant 'x y' nicht gefunden"),
        ("error file 'a_errors.csv' is corrupt", "Fehlerdatei 'a_errors.csv' ist beschädigt"),
        (
            "sku with code 'TS-1' already exists",
            "SKU mit code 'TS-1' existiert bereits",
        ),
        (
            "must be an error file name: {upload_id}_errors.csv",
            "muss ein Fehlerdateiname sein: {upload_id}_errors.csv",
        ),
    ],
)
def test_known_texts_are_translated(english: str, german: str) -> None:
    assert localize_text(english, "de") == german


def test_unknown_texts_and_english_are_left_alone() -> None:
    assert localize_text("something nobody wrote a phrase for", "de") is None
    assert localize_text("is required", "en") == "is required"
    # "{resource}" only matches entity names
    assert localize_text("flux capacitor 'x' not found", "de") is None


def test_every_noun_is_translated() -> None:
    for noun in NOUNS_DE:
        assert (
            localize_text(f"{noun} 'x' not found", "de") == f"{NOUNS_DE[noun]} 'x' nicht gefunden"
        )


def test_every_validation_check_speaks_german() -> None:
    v = Violations()
    v.text("name", "")
    v.text("name", "x" * 300)
    v.text("name", " padded ")
    v.text("name", "bell\x07")
    v.code("code", "")
    v.code("code", "c" * 65)
    v.code("code", "not a code")
    v.email("email", "nope")
    v.uuid("id", "")
    v.uuid("id", "nope")
    v.uuids("ids", ["x"] * 1001)
    v.codes("codes", ["x"] * 1001)
    v.positive("quantity", 0)
    v.non_negative("page_size", -1)
    v.in_range("latitude", 91, -90, 90)
    v.one_of("status", "nope", ["a", "b"])
    untranslated = [f.description for f in v.found if localize_text(f.description, "de") is None]
    assert untranslated == []


def _decoded(status: grpc.Status) -> tuple[status_pb2.Status, error_details_pb2.LocalizedMessage]:
    """The google.rpc.Status a client receives, and its LocalizedMessage detail."""
    [(_, wire)] = [(k, v) for k, v in status.trailing_metadata if k == "grpc-status-details-bin"]
    decoded = status_pb2.Status.FromString(wire)
    localized = error_details_pb2.LocalizedMessage()
    [packed] = [d for d in decoded.details if d.Is(localized.DESCRIPTOR)]
    packed.Unpack(localized)
    return decoded, localized


@pytest.mark.parametrize(
    "error",
    [
        not_found("tenant", "t1"),
        not_found("upload", "u1"),
        already_exists("hub", "code", "H-1"),
        invalid_argument(
            [FieldViolation("a", "is required"), FieldViolation("b", "must be a UUID")]
        ),
    ],
    ids=lambda e: e.reason,
)
def test_statuses_carry_the_translation_and_its_locale(error: ServiceError) -> None:
    status = to_status(error, "de")
    decoded, localized = _decoded(status)
    assert localized.locale == "de"
    assert localized.message == status.details == decoded.message
    assert decoded.message != error.message  # really translated
    assert status.code == status_code(error)


def test_a_status_without_translation_says_it_is_english() -> None:
    error = ServiceError(grpc.StatusCode.ABORTED, "some new message", reason="X")
    _, localized = _decoded(to_status(error, "de"))
    assert (localized.locale, localized.message) == ("en", "some new message")
