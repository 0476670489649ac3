"""UploadService requests → checked inputs (no I/O but the caller's language).

Every problem is INVALID_ARGUMENT naming its field; nothing has been written when one is
raised. `accept_file` is CPU-bound for a large unary upload: run it in a worker thread.
"""

from __future__ import annotations

from dataclasses import dataclass

from oms.v1 import upload_pb2

from common.grpc.errors import FieldViolation, ServiceError, invalid_argument
from common.i18n import current_language
from common.pagination import filter_fingerprint, page_size
from common.texts import t
from common.validation import Violations
from oms_grpc.core.domain.upload_body import BodyError, extract_csv
from oms_grpc.core.domain.upload_checks import UploadLimits, UploadRejectedError, check_upload
from oms_grpc.core.domain.upload_pages import uploads_cursor, uploads_page_token
from oms_grpc.core.repositories.uploads import (
    STATE_FROM_PROTO,
    UploadDocument,
    UploadListPosition,
    UploadState,
)

MAX_FILENAME_CHARS = 255


@dataclass(frozen=True)
class AcceptedFile:
    tenant_id: str
    filename: str
    data: bytes


def accept_file(
    request: upload_pb2.CreateUploadRequest, limits: UploadLimits, language: str
) -> AcceptedFile:
    """Every check of CreateUpload that needs no I/O (CPU-bound: run it in a thread)."""
    violations = Violations()
    try:
        uploaded = extract_csv(request.file.content_type, request.file.data)
    except BodyError as exc:
        violations.add(exc.field, exc.description)
        uploaded = None

    form = uploaded.fields if uploaded else {}
    tenant_id = request.tenant_id or form.get("tenant_id", "")
    if request.tenant_id and form.get("tenant_id", request.tenant_id) != request.tenant_id:
        violations.add("tenant_id", t("the form's tenant_id differs from the request's"))
    violations.uuid("tenant_id", tenant_id)

    filename = (
        request.filename or form.get("filename", "") or (uploaded.filename if uploaded else "")
    )
    check_filename(violations, "filename", filename)

    if uploaded is not None:
        try:
            check_upload(uploaded.data, limits)
        except UploadRejectedError as exc:
            violations.add(exc.rejection.field, exc.rejection.message(language))
    violations.raise_if_any()
    if uploaded is None:  # unreachable: a BodyError is a violation
        raise ValueError("no file")
    return AcceptedFile(tenant_id=tenant_id, filename=filename, data=uploaded.data)


def stream_header(first: upload_pb2.StreamUploadRequest | None) -> upload_pb2.UploadHeader:
    """The header that must open a StreamUpload, checked."""
    if first is None or first.WhichOneof("part") != "header":
        raise invalid_argument(
            [FieldViolation("header", t("the first message must be the header"))]
        )
    violations = Violations()
    violations.uuid("header.tenant_id", first.header.tenant_id)
    check_filename(violations, "header.filename", first.header.filename)
    violations.raise_if_any()
    return first.header


def check_url_request(request: upload_pb2.CreateUploadUrlRequest) -> None:
    violations = Violations()
    violations.uuid("tenant_id", request.tenant_id)
    check_filename(violations, "filename", request.filename)
    violations.raise_if_any()


def check_import_request(request: upload_pb2.ImportUploadRequest, bucket: str) -> None:
    violations = Violations()
    violations.uuid("tenant_id", request.tenant_id)
    if request.bucket != bucket:
        violations.add("bucket", t("must be the upload bucket {bucket!r}", bucket=bucket))
    if not request.key:
        violations.add("key", t("is required"))
    check_filename(violations, "filename", request.filename)
    violations.raise_if_any()


def check_filename(violations: Violations, field: str, filename: str) -> None:
    if len(filename) > MAX_FILENAME_CHARS:
        violations.add(
            field,
            t(
                "must be at most {max_filename_chars} characters",
                max_filename_chars=MAX_FILENAME_CHARS,
            ),
        )
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in filename):
        violations.add(field, t("must not contain control characters"))


def rejected_file(exc: UploadRejectedError) -> ServiceError:
    """A whole-file refusal (domain.upload_checks) in the caller's language."""
    message = exc.rejection.message(current_language())
    return invalid_argument([FieldViolation(exc.rejection.field, message)])


@dataclass(frozen=True)
class ListUploadsQuery:
    tenant_id: str
    state: UploadState | None
    after: UploadListPosition | None
    page_size: int
    fingerprint: str

    @property
    def fetch_limit(self) -> int:
        """One more than a page: its presence says whether there is a next page."""
        return self.page_size + 1


def parse_list_uploads(request: upload_pb2.ListUploadsRequest) -> ListUploadsQuery:
    violations = Violations()
    violations.uuid("tenant_id", request.tenant_id)
    state: UploadState | None = None
    if request.state != upload_pb2.UPLOAD_STATE_UNSPECIFIED:
        state = STATE_FROM_PROTO.get(request.state)
        if state is None:
            violations.add("state", t("unknown state {state}", state=request.state))
    if request.page_size < 0:
        violations.add("page_size", t("must not be negative"))
    violations.raise_if_any()
    tenant_id = request.tenant_id  # as stored (GetUpload compares it the same way)
    fingerprint = filter_fingerprint(
        {"tenant_id": tenant_id, "state": state.value if state else None}
    )
    cursor = uploads_cursor(request.page_token, fingerprint)
    return ListUploadsQuery(
        tenant_id=tenant_id,
        state=state,
        after=UploadListPosition(*cursor) if cursor else None,
        page_size=page_size(request.page_size),
        fingerprint=fingerprint,
    )


def finish_uploads_page(
    found: list[UploadDocument], query: ListUploadsQuery
) -> tuple[list[UploadDocument], str]:
    """Trim the look-ahead upload; the next page token is empty on the last page."""
    if len(found) <= query.page_size:
        return found, ""
    page = found[: query.page_size]
    last = page[-1]
    return page, uploads_page_token(last["create_time"], last["_id"], query.fingerprint)
