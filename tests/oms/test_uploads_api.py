"""oms.v1.UploadService against the real OMS (MongoDB, S3, SQS) and an in-process IMS."""

from __future__ import annotations

import contextlib
import csv
import dataclasses
import io
import re
from collections.abc import AsyncIterator
from typing import Any

import grpc
import pytest
import urllib3
from google.api import httpbody_pb2
from oms.v1 import upload_pb2, upload_pb2_grpc

from common.clients.aws import client_kwargs, new_session
from common.clients.mongo import MongoStore
from common.clients.s3 import ObjectNotFoundError, ObjectStore
from common.clients.sqs import QueueClient, QueueMessage
from common.grpc.errors import field_violations
from common.i18n import problem_text
from common.ids import new_id
from common.settings import AwsSettings
from common.texts import Text, t
from oms_grpc.core.domain.bulk_messages import CreateBulkOrder
from oms_grpc.core.domain.csv_rows import Problem
from oms_grpc.core.domain.error_files import encode_records, stored_header, stored_row
from oms_grpc.core.domain.uploads import error_file_name, error_object_key
from oms_grpc.core.repositories.uploads import Progress, UploadRepository
from oms_grpc.main import OmsSettingsBundle
from tests.support.auth import admin_channel
from tests.support.ims_catalog import ImsCatalog

HEADER = "tenant_id,seller_id,hub_id,sku_id,quantity"
TEXT_CSV = "text/csv"
KEY = re.compile(r"^uploads/\d{8}T\d{12}Z_(?P<id>[0-9a-f-]{36})_(?P<name>.+)$")


def csv_body(tenant_id: str, rows: int = 3) -> bytes:
    lines = [HEADER] + [f"{tenant_id},s,h,k,{n + 1}" for n in range(rows)]
    return ("\r\n".join(lines) + "\r\n").encode()


def create_request(
    tenant_id: str, data: bytes, content_type: str = TEXT_CSV, filename: str = "orders.csv"
) -> upload_pb2.CreateUploadRequest:
    return upload_pb2.CreateUploadRequest(
        tenant_id=tenant_id,
        filename=filename,
        file=httpbody_pb2.HttpBody(content_type=content_type, data=data),
    )


async def queued_messages(queue: QueueClient) -> list[QueueMessage]:
    """Every message now on the queue (kept invisible so a second look finds no more)."""
    found: list[QueueMessage] = []
    while batch := await queue.receive(max_messages=10, wait_time_s=1, visibility_timeout_s=60):
        found += batch
    return found


async def object_keys(settings: AwsSettings) -> list[str]:
    async with new_session().client("s3", **client_kwargs(settings, "s3")) as s3:
        reply = await s3.list_objects_v2(Bucket=settings.s3_bucket)
    return sorted(item["Key"] for item in reply.get("Contents", []))


async def content_type_of(settings: AwsSettings, key: str) -> str:
    async with new_session().client("s3", **client_kwargs(settings, "s3")) as s3:
        reply = await s3.head_object(Bucket=settings.s3_bucket, Key=key)
    return str(reply["ContentType"])


async def assert_nothing_written(
    settings: AwsSettings, queue: QueueClient, mongo_store: MongoStore
) -> None:
    assert await mongo_store.db["uploads"].count_documents({}) == 0
    assert await object_keys(settings) == []
    assert await queued_messages(queue) == []


async def rpc_error(call: Any) -> grpc.aio.AioRpcError:
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await call
    return caught.value


# --- CreateUpload: accepted files ----------------------------------------------------------


async def test_raw_csv_is_stored_queued_and_announced_once(
    uploads: upload_pb2_grpc.UploadServiceStub,
    tenant_id: str,
    aws_settings: AwsSettings,
    objects: ObjectStore,
    queue: QueueClient,
) -> None:
    data = b"\xef\xbb\xbf" + csv_body(tenant_id)
    reply = await uploads.CreateUpload(create_request(tenant_id, data))
    upload = reply.upload
    assert upload.state == upload_pb2.UPLOAD_STATE_QUEUED
    assert (upload.tenant_id, upload.filename) == (tenant_id, "orders.csv")
    assert (upload.rows_read, upload.rows_rejected, upload.error_message) == (0, 0, "")
    match = KEY.match(upload.object_key)
    assert match and (match["id"], match["name"]) == (upload.id, "orders.csv")

    assert await object_keys(aws_settings) == [upload.object_key]
    assert await objects.get(upload.object_key) == data  # the exact bytes, BOM included
    assert await content_type_of(aws_settings, upload.object_key) == "text/csv"

    [message] = await queued_messages(queue)
    sent = CreateBulkOrder.from_json(message.body)
    assert (sent.upload_id, sent.tenant_id, sent.object_key) == (
        upload.id,
        tenant_id,
        upload.object_key,
    )
    assert sent.trace_id

    again = await uploads.GetUpload(upload_pb2.GetUploadRequest(tenant_id=tenant_id, id=upload.id))
    assert again.upload == upload


async def test_multipart_form_with_part_filename_and_tenant_field(
    uploads: upload_pb2_grpc.UploadServiceStub,
    tenant_id: str,
    objects: ObjectStore,
    queue: QueueClient,
) -> None:
    data = csv_body(tenant_id)
    body, content_type = urllib3.encode_multipart_formdata(
        {"tenant_id": tenant_id, "file": ("Bestellungen März.csv", data, "text/csv")}
    )
    reply = await uploads.CreateUpload(create_request("", body, content_type, filename=""))
    upload = reply.upload
    assert upload.tenant_id == tenant_id
    assert upload.filename == "Bestellungen März.csv"
    assert upload.object_key.endswith(f"_{upload.id}_Bestellungen_Marz.csv")
    assert await objects.get(upload.object_key) == data  # the part only, no envelope
    [message] = await queued_messages(queue)
    assert CreateBulkOrder.from_json(message.body).upload_id == upload.id


async def test_request_filename_wins_over_the_part_filename(
    uploads: upload_pb2_grpc.UploadServiceStub, tenant_id: str
) -> None:
    body, content_type = urllib3.encode_multipart_formdata(
        {"file": ("part.csv", csv_body(tenant_id), "text/csv")}
    )
    reply = await uploads.CreateUpload(
        create_request(tenant_id, body, content_type, filename="mine.csv")
    )
    assert reply.upload.filename == "mine.csv"
    assert reply.upload.object_key.endswith("_mine.csv")


@pytest.mark.parametrize(
    ("filename", "key_name"),
    [("../../x.csv", "x.csv"), ("..\\..\\etc\\passwd", "passwd"), ("", "upload.csv")],
)
async def test_filename_is_sanitised_in_the_object_key(
    uploads: upload_pb2_grpc.UploadServiceStub,
    tenant_id: str,
    aws_settings: AwsSettings,
    filename: str,
    key_name: str,
) -> None:
    reply = await uploads.CreateUpload(
        create_request(tenant_id, csv_body(tenant_id), filename=filename)
    )
    upload = reply.upload
    assert upload.filename == filename  # as the client gave it
    assert upload.object_key == f"{upload.object_key.split('_', 1)[0]}_{upload.id}_{key_name}"
    assert await object_keys(aws_settings) == [upload.object_key]


async def test_header_only_file_is_accepted(
    uploads: upload_pb2_grpc.UploadServiceStub, tenant_id: str, queue: QueueClient
) -> None:
    reply = await uploads.CreateUpload(create_request(tenant_id, HEADER.encode()))
    assert reply.upload.state == upload_pb2.UPLOAD_STATE_QUEUED
    assert len(await queued_messages(queue)) == 1


# --- CreateUpload: refused input, nothing written ------------------------------------------

MULTIPART = "multipart/form-data; boundary=XyZ"
LONG_LINE = (HEADER + "\n" + "x" * (1024 * 1024) + "\n").encode()


@pytest.mark.parametrize(
    ("data", "content_type", "language", "field", "says"),
    [
        (b"", TEXT_CSV, "en", "file", "the file is empty"),
        (b"\xef\xbb\xbf\r\n \r\n", TEXT_CSV, "en", "file", "the file is empty"),
        (
            (HEADER + "\nt,s,h,k,1,Gr\xfc\xdfe\n").encode("latin-1"),
            TEXT_CSV,
            "en",
            "file",
            f"not UTF-8: invalid byte sequence at byte offset {len(HEADER) + 13}",
        ),
        (
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
            "application/octet-stream",
            "en",
            "file",
            "the file is not",
        ),
        (
            b"tenant_id,seller_id,hub_id,quantity\nt,s,h,1\n",
            TEXT_CSV,
            "en",
            "file",
            "the header has no sku_id or sku_code column",
        ),
        (
            b"tenant_id,seller_id,hub_id,quantity\nt,s,h,1\n",
            TEXT_CSV,
            "de-DE,de;q=0.9,en;q=0.5",
            "file",
            "der Kopfzeile fehlt die Spalte sku_id or sku_code",
        ),
        (
            (HEADER + ",Quantity\n").encode(),
            TEXT_CSV,
            "en",
            "file",
            "the header names column 'quantity' twice",
        ),
        (b'{"orders": []}', "application/json", "en", "file.content_type", "is not supported"),
        (LONG_LINE, TEXT_CSV, "en", "file", "line 2 is longer than 65536 bytes"),
        (b"--XyZ\r\nno headers at all", MULTIPART, "en", "file", "multipart"),
        (
            b"--XyZ\r\nContent-Disposition: form-data; name=file\r\n\r\nx",
            MULTIPART,
            "en",
            "file",
            "closing boundary",
        ),
        (b"a,b\n", "multipart/form-data", "en", "file.content_type", "boundary"),
    ],
    ids=[
        "empty",
        "bom-and-blank-lines",
        "latin-1",
        "binary",
        "missing-column",
        "missing-column-de",
        "duplicate-column",
        "json",
        "long-line",
        "multipart-no-headers",
        "multipart-unterminated",
        "multipart-no-boundary",
    ],
)
async def test_bad_files_are_refused_and_nothing_is_written(
    uploads: upload_pb2_grpc.UploadServiceStub,
    tenant_id: str,
    aws_settings: AwsSettings,
    queue: QueueClient,
    mongo_store: MongoStore,
    data: bytes,
    content_type: str,
    language: str,
    field: str,
    says: str,
) -> None:
    error = await rpc_error(
        uploads.CreateUpload(
            create_request(tenant_id, data, content_type),
            metadata=(("accept-language", language),),
        )
    )
    assert error.code() == grpc.StatusCode.INVALID_ARGUMENT
    [violation] = field_violations(error)
    assert violation.field == field
    assert says in violation.description
    assert says in (error.details() or "")
    await assert_nothing_written(aws_settings, queue, mongo_store)


@pytest.mark.parametrize(
    ("tenant", "filename", "fields"),
    [
        ("", "a.csv", ["tenant_id"]),
        ("not-a-uuid", "a.csv", ["tenant_id"]),
        ("not-a-uuid", "bad\nname.csv", ["tenant_id", "filename"]),
        (None, "x" * 300 + ".csv", ["filename"]),
    ],
)
async def test_bad_request_fields_are_named(
    uploads: upload_pb2_grpc.UploadServiceStub,
    tenant_id: str,
    aws_settings: AwsSettings,
    queue: QueueClient,
    mongo_store: MongoStore,
    tenant: str | None,
    filename: str,
    fields: list[str],
) -> None:
    request = create_request(
        tenant_id if tenant is None else tenant, csv_body(tenant_id), filename=filename
    )
    error = await rpc_error(uploads.CreateUpload(request))
    assert error.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert [v.field for v in field_violations(error)] == fields
    await assert_nothing_written(aws_settings, queue, mongo_store)


async def test_form_tenant_must_agree_with_the_request(
    uploads: upload_pb2_grpc.UploadServiceStub, tenant_id: str
) -> None:
    body, content_type = urllib3.encode_multipart_formdata(
        {"tenant_id": new_id(), "file": ("a.csv", csv_body(tenant_id), "text/csv")}
    )
    error = await rpc_error(uploads.CreateUpload(create_request(tenant_id, body, content_type)))
    assert error.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert [v.field for v in field_violations(error)] == ["tenant_id"]


async def test_unknown_tenant_is_not_found(
    uploads: upload_pb2_grpc.UploadServiceStub,
    aws_settings: AwsSettings,
    queue: QueueClient,
    mongo_store: MongoStore,
) -> None:
    stranger = new_id()
    error = await rpc_error(uploads.CreateUpload(create_request(stranger, csv_body(stranger))))
    assert error.code() == grpc.StatusCode.NOT_FOUND
    assert stranger in (error.details() or "")
    await assert_nothing_written(aws_settings, queue, mongo_store)


async def test_size_and_line_limits_come_from_the_settings(
    limited_uploads: upload_pb2_grpc.UploadServiceStub,
    tenant_id: str,
    aws_settings: AwsSettings,
    queue: QueueClient,
    mongo_store: MongoStore,
) -> None:
    too_big = csv_body(tenant_id, rows=60)
    assert len(too_big) > 2000
    error = await rpc_error(limited_uploads.CreateUpload(create_request(tenant_id, too_big)))
    assert error.code() == grpc.StatusCode.INVALID_ARGUMENT
    [violation] = field_violations(error)
    assert violation.field == "file"
    assert f"the file has {len(too_big)} bytes; the limit is 2000 bytes" in violation.description

    long_line = (HEADER + "\n" + "y" * 201 + "\n").encode()
    error = await rpc_error(limited_uploads.CreateUpload(create_request(tenant_id, long_line)))
    assert "line 2 is longer than 200 bytes" in field_violations(error)[0].description
    await assert_nothing_written(aws_settings, queue, mongo_store)

    fits = csv_body(tenant_id, rows=10)
    reply = await limited_uploads.CreateUpload(create_request(tenant_id, fits))
    assert reply.upload.state == upload_pb2.UPLOAD_STATE_QUEUED


# --- CreateUpload: S3 or SQS down ----------------------------------------------------------


@pytest.fixture
async def broken_storage(
    oms_settings: OmsSettingsBundle, request: pytest.FixtureRequest, unique: str
) -> AsyncIterator[upload_pb2_grpc.UploadServiceStub]:
    """An OMS whose object store refuses it (param "s3": a wrong secret key) or whose queue
    does not exist (param "sqs"): real failures of the real endpoint, no mocks. (Not a missing
    bucket: SeaweedFS creates one on the first write of an identity allowed to.)"""
    from oms_grpc.core.container import open_core
    from oms_grpc.main import running

    async with open_core(oms_settings.core) as core, contextlib.AsyncExitStack() as stack:
        if request.param == "s3":
            refused = oms_settings.core.aws.model_copy(update={"secret_access_key": "wrong"})
            missing = await ObjectStore.open(refused)
            stack.push_async_callback(missing.close)
            core = dataclasses.replace(core, objects=missing)
        else:
            name = f"gone-{unique}"
            async with new_session().client(
                "sqs", **client_kwargs(oms_settings.core.aws, "sqs")
            ) as sqs:
                url = (await sqs.create_queue(QueueName=name))["QueueUrl"]
                gone = await QueueClient.open(oms_settings.core.aws, name)
                stack.push_async_callback(gone.close)
                await sqs.delete_queue(QueueUrl=url)
            core = dataclasses.replace(core, queue=gone)
        async with (
            running(core, oms_settings) as server,
            admin_channel(f"127.0.0.1:{server.port}") as channel,
        ):
            yield upload_pb2_grpc.UploadServiceStub(channel)


@pytest.mark.parametrize(
    ("broken_storage", "step"),
    [("s3", "stored"), ("sqs", "queued for processing")],
    indirect=["broken_storage"],
)
async def test_storage_failure_marks_the_upload_failed_and_answers_unavailable(
    broken_storage: upload_pb2_grpc.UploadServiceStub,
    step: str,
    tenant_id: str,
    aws_settings: AwsSettings,
    queue: QueueClient,
    mongo_store: MongoStore,
    repository: UploadRepository,
) -> None:
    error = await rpc_error(
        broken_storage.CreateUpload(create_request(tenant_id, csv_body(tenant_id)))
    )
    assert error.code() == grpc.StatusCode.UNAVAILABLE
    assert f"could not be {step}" in (error.details() or "")

    [document] = await mongo_store.db["uploads"].find({}).to_list()
    assert document["state"] == "failed"
    assert document["error_message"] == f"the file could not be {step}"
    assert await object_keys(aws_settings) == []  # a stored object is removed again
    assert await queued_messages(queue) == []


# --- GetUpload -----------------------------------------------------------------------------


async def test_get_upload_is_scoped_to_the_tenant(
    uploads: upload_pb2_grpc.UploadServiceStub, tenant_id: str, ims_channel: grpc.aio.Channel
) -> None:
    created = (await uploads.CreateUpload(create_request(tenant_id, csv_body(tenant_id)))).upload
    other = await ImsCatalog(ims_channel).tenant()

    error = await rpc_error(
        uploads.GetUpload(upload_pb2.GetUploadRequest(tenant_id=other, id=created.id))
    )
    assert error.code() == grpc.StatusCode.NOT_FOUND
    error = await rpc_error(
        uploads.GetUpload(upload_pb2.GetUploadRequest(tenant_id=tenant_id, id=new_id()))
    )
    assert error.code() == grpc.StatusCode.NOT_FOUND

    error = await rpc_error(uploads.GetUpload(upload_pb2.GetUploadRequest(tenant_id="", id="../x")))
    assert error.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert [v.field for v in field_violations(error)] == ["tenant_id", "id"]


async def test_get_upload_shows_progress(
    uploads: upload_pb2_grpc.UploadServiceStub, tenant_id: str, repository: UploadRepository
) -> None:
    created = (await uploads.CreateUpload(create_request(tenant_id, csv_body(tenant_id)))).upload
    await repository.start_processing(created.id)
    await repository.report_progress(created.id, Progress(10, 7, 3, 5))
    upload = (
        await uploads.GetUpload(upload_pb2.GetUploadRequest(tenant_id=tenant_id, id=created.id))
    ).upload
    assert upload.state == upload_pb2.UPLOAD_STATE_PROCESSING
    assert (upload.rows_read, upload.rows_accepted, upload.rows_rejected) == (10, 7, 3)
    assert upload.orders_created == 5


@pytest.mark.parametrize(
    ("stored", "german"),
    [
        (
            t(
                "invalid header: {detail}",
                detail=problem_text("missing_column", {"field": "quantity"}),
            ),
            "ungültige Kopfzeile: der Kopfzeile fehlt die Spalte quantity",
        ),
        (
            t(
                "processing failed {n} times ({detail}); the file was set aside for an operator "
                "to retry",
                n=3,
                detail=t("the inventory service was unavailable"),
            ),
            "die Verarbeitung ist 3-mal fehlgeschlagen (der Bestandsdienst war nicht erreichbar); "
            "die Datei wurde für einen erneuten Versuch durch den Betrieb zurückgelegt",
        ),
    ],
)
async def test_a_failed_uploads_reason_is_read_in_the_callers_language(
    uploads: upload_pb2_grpc.UploadServiceStub,
    tenant_id: str,
    repository: UploadRepository,
    stored: Text,
    german: str,
) -> None:
    """Stored as its message id and parameters (nested ones too), not as prose."""
    created = (await uploads.CreateUpload(create_request(tenant_id, csv_body(tenant_id)))).upload
    await repository.fail(created.id, stored)
    request = upload_pb2.GetUploadRequest(tenant_id=tenant_id, id=created.id)
    in_german = (await uploads.GetUpload(request, metadata=(("accept-language", "de"),))).upload
    in_english = (await uploads.GetUpload(request)).upload
    assert in_german.state == upload_pb2.UPLOAD_STATE_FAILED
    assert (in_german.error_message, in_english.error_message) == (german, stored)


# --- GetErrorFile --------------------------------------------------------------------------

ORIGINAL = ["tenant_id", "seller_id", "hub_id", "sku_id", "quantity", "note"]
BAD_ROWS = 4000


async def stored_error_file(
    repository: UploadRepository, objects: ObjectStore, tenant_id: str, *, filename: str
) -> str:
    """An upload COMPLETED with an error file written in the stored format; its file name."""
    upload_id = new_id()
    await repository.create(
        upload_id=upload_id,
        tenant_id=tenant_id,
        filename=filename,
        object_key=f"uploads/x_{upload_id}_orders.csv",
        size=1,
    )
    records = [stored_header(ORIGINAL)]
    for n in range(BAD_ROWS):
        if n % 2:
            problem = Problem("quantity_not_integer", {"value": f"{n}.5"})
            values = [tenant_id, "s", "h", "k", f"{n}.5", f'row {n}, "quoted"\nsecond line']
        else:
            problem = Problem("unknown_hub", {"value": f"hub-{n}"})
            values = [tenant_id, "s", f"hub-{n}", "k", "1", f"Größe {n}"]
        records.append(stored_row(values, len(ORIGINAL), problem, n + 2))
    name = error_file_name(upload_id)
    await objects.put(error_object_key(name), encode_records(records), "text/csv")
    await repository.complete(upload_id, Progress(BAD_ROWS, 0, BAD_ROWS, 0), name)
    return name


async def download(
    uploads: upload_pb2_grpc.UploadServiceStub,
    tenant_id: str,
    name: str,
    language: str | None,
) -> tuple[dict[str, str], list[httpbody_pb2.HttpBody]]:
    metadata = (("accept-language", language),) if language else None
    call = uploads.GetErrorFile(
        upload_pb2.GetErrorFileRequest(tenant_id=tenant_id, file_name=name), metadata=metadata
    )
    headers = {key: str(value) for key, value in (await call.initial_metadata() or ())}
    chunks = [response.chunk async for response in call]
    return headers, chunks


def rows_of(chunks: list[httpbody_pb2.HttpBody]) -> list[list[str]]:
    text = b"".join(chunk.data for chunk in chunks).decode("utf-8")
    return list(csv.reader(io.StringIO(text, newline="")))


@pytest.mark.parametrize("language", [None, "en", "en-GB;q=0.8, fr"])
async def test_error_file_download_in_english_in_64_kib_chunks(
    uploads: upload_pb2_grpc.UploadServiceStub,
    tenant_id: str,
    repository: UploadRepository,
    objects: ObjectStore,
    language: str | None,
) -> None:
    name = await stored_error_file(
        repository, objects, tenant_id, filename="../Bestellungen März.csv"
    )
    headers, chunks = await download(uploads, tenant_id, name, language)

    assert headers["content-disposition"] == 'attachment; filename="Bestellungen_Marz_errors.csv"'
    assert len(chunks) > 3
    assert {chunk.content_type for chunk in chunks} == {"text/csv; charset=utf-8"}
    assert all(len(chunk.data) == 64 * 1024 for chunk in chunks[:-1])
    assert 0 < len(chunks[-1].data) <= 64 * 1024

    rows = rows_of(chunks)
    assert rows[0] == [*ORIGINAL, "error"]
    assert len(rows) == BAD_ROWS + 1
    assert rows[1] == [
        tenant_id,
        "s",
        "hub-0",
        "k",
        "1",
        "Größe 0",
        "hub 'hub-0' does not exist for this tenant",
    ]
    assert rows[2] == [
        tenant_id,
        "s",
        "h",
        "k",
        "1.5",
        'row 1, "quoted"\nsecond line',
        "quantity '1.5' is not a whole number",
    ]


async def test_error_file_download_in_german(
    uploads: upload_pb2_grpc.UploadServiceStub,
    tenant_id: str,
    repository: UploadRepository,
    objects: ObjectStore,
) -> None:
    name = await stored_error_file(repository, objects, tenant_id, filename="orders.csv")
    headers, chunks = await download(uploads, tenant_id, name, "de-CH, de;q=0.9, en;q=0.1")
    assert headers["content-disposition"] == 'attachment; filename="orders_errors.csv"'
    rows = rows_of(chunks)
    assert rows[0][-1] == "error"
    assert rows[1][-1] == "Hub 'hub-0' existiert für diesen Mandanten nicht"
    assert rows[2][-1] == "Menge '1.5' ist keine ganze Zahl"
    assert rows[-1][-1] == f"Menge '{BAD_ROWS - 1}.5' ist keine ganze Zahl"


@pytest.mark.parametrize(
    "name",
    [
        "../uploads/x.csv",
        "..%2Fuploads%2Fx.csv",
        "0190a0c1-0000-7000-8000-000000000001_errors.csv/../../uploads/x.csv",
        "errors/0190a0c1-0000-7000-8000-000000000001_errors.csv",
        "0190A0C1-0000-7000-8000-000000000001_errors.csv",
        "0190a0c1-0000-7000-8000-000000000001_errors.csv\n",
        "x_errors.csv",
        "",
    ],
)
async def test_error_file_names_other_than_generated_ones_are_refused(
    uploads: upload_pb2_grpc.UploadServiceStub, tenant_id: str, name: str
) -> None:
    call = uploads.GetErrorFile(upload_pb2.GetErrorFileRequest(tenant_id=tenant_id, file_name=name))
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        [response async for response in call]
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert [v.field for v in field_violations(caught.value)] == ["file_name"]


async def test_error_file_of_another_tenant_or_missing_is_not_found(
    uploads: upload_pb2_grpc.UploadServiceStub,
    tenant_id: str,
    ims_channel: grpc.aio.Channel,
    repository: UploadRepository,
    objects: ObjectStore,
) -> None:
    name = await stored_error_file(repository, objects, tenant_id, filename="a.csv")
    other = await ImsCatalog(ims_channel).tenant()

    # Another tenant; an upload without rejected rows; a referenced object that is gone.
    clean_id = new_id()
    await repository.create(
        upload_id=clean_id, tenant_id=tenant_id, filename="b.csv", object_key="k", size=1
    )
    gone_id = new_id()
    await repository.create(
        upload_id=gone_id, tenant_id=tenant_id, filename="c.csv", object_key="k", size=1
    )
    await repository.complete(gone_id, Progress(1, 0, 1, 0), error_file_name(gone_id))
    with pytest.raises(ObjectNotFoundError):
        await objects.get(error_object_key(error_file_name(gone_id)))

    for tenant, file_name in [
        (other, name),
        (tenant_id, error_file_name(clean_id)),
        (tenant_id, error_file_name(gone_id)),
        (tenant_id, error_file_name(new_id())),
    ]:
        call = uploads.GetErrorFile(
            upload_pb2.GetErrorFileRequest(tenant_id=tenant, file_name=file_name)
        )
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            [response async for response in call]
        assert caught.value.code() == grpc.StatusCode.NOT_FOUND, file_name


async def test_a_corrupt_error_file_is_data_loss_not_internal(
    uploads: upload_pb2_grpc.UploadServiceStub,
    tenant_id: str,
    repository: UploadRepository,
    objects: ObjectStore,
) -> None:
    upload_id = new_id()
    await repository.create(
        upload_id=upload_id, tenant_id=tenant_id, filename="a.csv", object_key="k", size=1
    )
    name = error_file_name(upload_id)
    await repository.complete(upload_id, Progress(1, 0, 1, 0), name)
    await objects.put(error_object_key(name), b"a,b,c\r\n1,2,3\r\n", "text/csv")
    call = uploads.GetErrorFile(upload_pb2.GetErrorFileRequest(tenant_id=tenant_id, file_name=name))
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        [response async for response in call]
    assert caught.value.code() == grpc.StatusCode.DATA_LOSS
