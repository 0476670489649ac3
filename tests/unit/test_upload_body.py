"""Extracting the CSV from a CreateUpload HttpBody: raw bodies and multipart/form-data."""

from __future__ import annotations

import pytest
import urllib3

from oms_grpc.core.domain.upload_body import MAX_PARTS, BodyError, UploadedFile, extract_csv

CSV = b"tenant_id,seller_id,hub_id,sku_id,quantity\r\na,b,c,d,1\r\n"
BOUNDARY = "----formboundary7MA4YWxk"
MULTIPART = f"multipart/form-data; boundary={BOUNDARY}"


def form(*parts: tuple[str, str | None, bytes], boundary: str = BOUNDARY) -> bytes:
    """A multipart/form-data body; each part is (name, filename or None, content)."""
    out = b"preamble to ignore\r\n"
    for name, filename, content in parts:
        disposition = f'form-data; name="{name}"'
        if filename is not None:
            disposition += f'; filename="{filename}"'
        out += f"--{boundary}\r\nContent-Disposition: {disposition}\r\n".encode()
        if filename is not None:
            out += b"Content-Type: text/csv\r\n"
        out += b"\r\n" + content + b"\r\n"
    return out + f"--{boundary}--\r\nepilogue".encode()


@pytest.mark.parametrize(
    "content_type",
    ["text/csv", "text/csv; charset=utf-8", "application/csv", "application/octet-stream", ""],
)
def test_raw_bodies_are_the_file(content_type: str) -> None:
    assert extract_csv(content_type, CSV) == UploadedFile(CSV)


def test_content_type_parameters_and_case_do_not_matter() -> None:
    assert extract_csv("Text/CSV ; header=present", CSV).data == CSV


@pytest.mark.parametrize("content_type", ["application/json", "image/png", "text/html", "junk"])
def test_other_content_types_are_refused(content_type: str) -> None:
    with pytest.raises(BodyError) as caught:
        extract_csv(content_type, CSV)
    assert caught.value.field == "file.content_type"
    assert "text/csv" in caught.value.description


def test_multipart_file_part_with_its_filename_and_form_fields() -> None:
    body = form(
        ("tenant_id", None, b"t-1"),
        ("file", "orders.csv", CSV),
        ("filename", None, b"chosen.csv"),
        ("comment", None, b"ignored"),
    )
    uploaded = extract_csv(MULTIPART, body)
    assert uploaded.data == CSV
    assert uploaded.filename == "orders.csv"
    assert uploaded.fields == {"tenant_id": "t-1", "filename": "chosen.csv"}


def test_multipart_keeps_the_exact_bytes_including_crlf_bom_and_binary_looking_content() -> None:
    content = b"\xef\xbb\xbf" + CSV + b"\r\n--not-the-boundary\r\n\r\n"
    uploaded = extract_csv(MULTIPART, form(("file", "x.csv", content)))
    assert uploaded.data == content


def test_the_only_part_with_a_filename_is_the_file_whatever_its_name() -> None:
    body = form(("tenant_id", None, b"t-1"), ("upload", "orders.csv", CSV))
    uploaded = extract_csv(MULTIPART, body)
    assert (uploaded.data, uploaded.filename) == (CSV, "orders.csv")


def test_a_file_part_without_filename_is_fine() -> None:
    uploaded = extract_csv(MULTIPART, form(("file", None, CSV)))
    assert (uploaded.data, uploaded.filename) == (CSV, "")


def test_an_encoder_of_a_real_http_client_is_understood() -> None:
    body, content_type = urllib3.encode_multipart_formdata(
        {"tenant_id": "t-1", "file": ("Bestellungen März.csv", CSV, "text/csv")}
    )
    uploaded = extract_csv(content_type, body)
    assert uploaded.data == CSV
    assert uploaded.filename == "Bestellungen März.csv"
    assert uploaded.fields == {"tenant_id": "t-1"}


def test_quoted_boundary_and_rfc2231_filename() -> None:
    body = (
        b'--b"x\r\nContent-Disposition: form-data; name="file"; '
        b"filename*=UTF-8''%C3%BCber.csv\r\n\r\n" + CSV + b'\r\n--b"x--\r\n'
    )
    with pytest.raises(BodyError):  # '"' is not a boundary character
        extract_csv('multipart/form-data; boundary="b\\"x"', body)
    body = body.replace(b'b"x', b"b x")
    uploaded = extract_csv('multipart/form-data; boundary="b x"', body)
    assert (uploaded.data, uploaded.filename) == (CSV, "über.csv")


@pytest.mark.parametrize(
    ("content_type", "body", "field", "says"),
    [
        ("multipart/form-data", form(("file", "a.csv", CSV)), "file.content_type", "boundary"),
        (MULTIPART, b"no boundary anywhere", "file", "boundary"),
        (MULTIPART, form(("file", "a.csv", CSV))[:-20], "file", "closing boundary"),
        (
            MULTIPART,
            f"--{BOUNDARY}\r\nContent-Disposition: form-data; name=file\r\n\r\n".encode() + CSV,
            "file",
            "closing boundary",
        ),
        (
            MULTIPART,
            f"--{BOUNDARY}\r\nno colon here\r\n\r\nx\r\n--{BOUNDARY}--".encode(),
            "file",
            "malformed header",
        ),
        (
            MULTIPART,
            f"--{BOUNDARY}\r\nContent-Type: text/csv\r\n\r\nx\r\n--{BOUNDARY}--".encode(),
            "file",
            "Content-Disposition",
        ),
        (
            MULTIPART,
            f"--{BOUNDARY}\r\nContent-Disposition: attachment; name=file\r\n\r\nx\r\n"
            f"--{BOUNDARY}--".encode(),
            "file",
            "form-data",
        ),
        (
            MULTIPART,
            f"--{BOUNDARY}\r\nContent-Disposition: form-data\r\n\r\nx\r\n--{BOUNDARY}--".encode(),
            "file",
            "no name",
        ),
        (MULTIPART, f"--{BOUNDARY}garbage".encode(), "file", "closing boundary"),
        (MULTIPART, form(("tenant_id", None, b"t")), "file", "no 'file' part"),
        (MULTIPART, form(("a", "a.csv", CSV), ("b", "b.csv", CSV)), "file", "no 'file' part"),
        (
            MULTIPART,
            form(("file", "a.csv", CSV), ("file", "b.csv", CSV)),
            "file",
            "more than one",
        ),
        (
            MULTIPART,
            form(("file", "a.csv", CSV), ("tenant_id", None, b"x"), ("tenant_id", None, b"y")),
            "tenant_id",
            "twice",
        ),
        (
            MULTIPART,
            form(("file", "a.csv", CSV), ("tenant_id", None, b"\xff\xfe")),
            "tenant_id",
            "UTF-8",
        ),
        (
            MULTIPART,
            form(("file", "a.csv", CSV), ("filename", None, b"x" * 5000)),
            "filename",
            "longer",
        ),
        (
            MULTIPART,
            form(*[(f"p{n}", None, b"x") for n in range(MAX_PARTS + 1)]),
            "file",
            "more than",
        ),
        (
            MULTIPART,
            f"--{BOUNDARY}\r\nX: {'y' * 10_000}\r\n\r\nx\r\n--{BOUNDARY}--".encode(),
            "file",
            "end of headers",
        ),
    ],
)
def test_malformed_multipart_is_refused_naming_the_field(
    content_type: str, body: bytes, field: str, says: str
) -> None:
    with pytest.raises(BodyError) as caught:
        extract_csv(content_type, body)
    assert caught.value.field == field
    assert says in caught.value.description
