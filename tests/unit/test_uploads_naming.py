from __future__ import annotations

from datetime import UTC, datetime

import pytest

from oms_grpc.core.domain.uploads import (
    error_file_name,
    error_object_key,
    is_error_file_name,
    sanitise_filename,
    upload_id_of_error_file,
    upload_object_key,
)

UPLOAD = "0190a0c1-0000-7000-8000-000000000001"


@pytest.mark.parametrize(
    ("raw", "safe"),
    [
        ("orders.csv", "orders.csv"),
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\me\\Bestellungen März.csv", "Bestellungen_Marz.csv"),
        (".hidden", "hidden"),
        ("", "upload.csv"),
        ("..", "upload.csv"),
        ("a b;c|d$e.csv", "a_b_c_d_e.csv"),
        ("x" * 300 + ".csv", "x" * 96 + ".csv"),
    ],
)
def test_sanitise_filename(raw: str, safe: str) -> None:
    assert sanitise_filename(raw) == safe


def test_upload_key_has_timestamp_id_and_safe_name() -> None:
    now = datetime(2026, 11, 25, 13, 5, 7, 123456, tzinfo=UTC)
    key = upload_object_key(now, UPLOAD, "../orders.csv")
    assert key == f"uploads/20261125T130507123456Z_{UPLOAD}_orders.csv"


def test_error_file_names_round_trip_and_reject_traversal() -> None:
    name = error_file_name(UPLOAD)
    assert is_error_file_name(name)
    assert error_object_key(name) == f"errors/{name}"
    assert upload_id_of_error_file(name) == UPLOAD
    for evil in ["../uploads/x.csv", f"..%2F{name}", f"{name}/../../x", "x_errors.csv", ""]:
        assert not is_error_file_name(evil)
        with pytest.raises(ValueError, match="not an error file name"):
            error_object_key(evil)


def test_an_incoming_key_whose_slot_is_a_dot_segment_is_nobodys() -> None:
    """`incoming/<tenant>/../x` reads as `incoming/x` on a store that resolves paths."""
    from oms_grpc.core.domain.uploads import incoming_object_key, is_incoming_key_of

    good = incoming_object_key("t1", "01a2327b-0981-7eae-a25b-a1de0c1fbeed", "a.csv")
    assert is_incoming_key_of("t1", good)
    for slot in ("..", ".", "not-an-id", ""):
        assert not is_incoming_key_of("t1", f"incoming/t1/{slot}/a.csv"), slot
