"""Files that cannot be used, poison messages, and dependencies that are down."""

from __future__ import annotations

import asyncio
import dataclasses

import grpc
import pytest
from oms.v1 import dead_letter_pb2, dead_letter_pb2_grpc

from common.clients.sqs import QueueClient
from common.tasks import cancel_and_wait
from consumers.csv_ingester.consumer import Outcome
from consumers.csv_ingester.main import IngesterSettingsBundle
from oms_grpc.core.domain.bulk_messages import CreateBulkOrder
from oms_grpc.core.repositories.uploads import UploadState
from oms_grpc.core.settings import ImsClientSettings
from oms_grpc.main import OmsSettingsBundle
from tests.consumers.csv_ingester_support import (
    error_rows,
    errors_by_line,
    ingester,
    ingester_settings,
    orders_of,
    receive,
    submit,
)
from tests.support.ims_catalog import ImsCatalog, SellerCatalog

HEADER = "tenant_id,seller_id,hub_id,sku_id,quantity"
QUEUE_LETTERS = dead_letter_pb2.DEAD_LETTER_SOURCE_UPLOAD_QUEUE


def _row(c: SellerCatalog, quantity: int = 1) -> str:
    return f"{c.tenant_id},{c.seller_id},{c.hub_id},{c.sku_id(0)},{quantity}"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        pytest.param(b"", "the file is empty", id="empty"),
        pytest.param(b"\r\n\r\n", "the file is empty", id="blank-lines-only"),
        pytest.param(
            b"tenant_id,seller_id,hub_id,sku_id\n1,2,3,4\n",
            "invalid header: the header has no quantity column",
            id="missing-column",
        ),
        pytest.param(
            b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "the file is not UTF-8 text (line 2: ", id="binary"
        ),
        pytest.param(
            b"name;email\nAda;ada@example.com\n",
            "invalid header: the header has no tenant_id, seller_id, hub_id or hub_code, "
            "sku_id or sku_code, quantity column",
            id="not-our-csv",
        ),
    ],
)
async def test_an_unusable_file_fails_the_upload_and_the_message_is_deleted(
    oms_settings: OmsSettingsBundle,
    ims_channel: grpc.aio.Channel,
    content: bytes,
    message: str,
) -> None:
    tenant_id = await ImsCatalog(ims_channel).tenant()
    async with ingester(ingester_settings(oms_settings, visibility_timeout_s=1)) as deps:
        request = await submit(deps, tenant_id, content)
        assert await deps.ingester.handle(await receive(deps)) is Outcome.FAILED
        upload = await deps.core.uploads.get(tenant_id, request.upload_id)
        assert upload is not None
        assert upload["state"] == UploadState.FAILED.value
        assert upload["error_message"].startswith(message), upload["error_message"]
        assert upload["error_file_name"] == ""
        await asyncio.sleep(1.2)
        assert await deps.core.queue.receive(wait_time_s=1) == []


async def test_a_header_only_file_completes_with_nothing_counted(
    oms_settings: OmsSettingsBundle, ims_channel: grpc.aio.Channel
) -> None:
    tenant_id = await ImsCatalog(ims_channel).tenant()
    async with ingester(ingester_settings(oms_settings)) as deps:
        request = await submit(deps, tenant_id, f"\ufeff{HEADER}\r\n\r\n".encode())
        assert await deps.ingester.handle(await receive(deps)) is Outcome.COMPLETED
        upload = await deps.core.uploads.get(tenant_id, request.upload_id)
    assert upload is not None
    assert upload["state"] == UploadState.COMPLETED.value
    assert (upload["rows_read"], upload["rows_accepted"], upload["rows_rejected"]) == (0, 0, 0)
    assert upload["error_file_name"] == ""


async def test_non_utf8_after_valid_rows_fails_the_upload_without_any_order(
    oms_settings: OmsSettingsBundle, ims_channel: grpc.aio.Channel
) -> None:
    catalog = await ImsCatalog(ims_channel).seller_catalog(skus=1)
    good = "\n".join(_row(catalog) for _ in range(30)).encode()
    content = HEADER.encode() + b"\n" + good + b"\n" + _row(catalog).encode() + b",Z\xfcrich\n"
    settings = ingester_settings(oms_settings, batch_size=5, read_chunk_bytes=1024)
    async with ingester(settings) as deps:
        request = await submit(deps, catalog.tenant_id, content, filename="latin1.csv")
        assert await deps.ingester.handle(await receive(deps)) is Outcome.FAILED
        upload = await deps.core.uploads.get(catalog.tenant_id, request.upload_id)
        assert upload is not None
        assert upload["state"] == UploadState.FAILED.value
        assert upload["error_message"].startswith("the file is not UTF-8 text (line 32: ")
        # The encoding is checked before anything is written: the valid rows before the
        # bad byte did not become orders (a corrected re-upload creates them once).
        assert await orders_of(deps, request.upload_id) == []
        assert upload["rows_read"] == 0


async def test_an_absurdly_long_row_is_rejected_on_its_own(
    oms_settings: OmsSettingsBundle, ims_channel: grpc.aio.Channel
) -> None:
    catalog = await ImsCatalog(ims_channel).seller_catalog(skus=1)
    lines = [
        HEADER,
        _row(catalog),  # 2
        _row(catalog) + "," + "x" * 300_000,  # 3: far too long
        f'{_row(catalog)},"{"y" * 6000}\n{"z" * 6000}"',  # 4-5: too long across lines
        _row(catalog, 2),  # 6
        '"never closed,' + _row(catalog),  # 7: a quote that never closes ...
        *[_row(catalog, 3)] * 400,  # 8-407: ... swallows no more than the length limit
    ]
    content = "\n".join(lines).encode()
    settings = ingester_settings(oms_settings, read_chunk_bytes=4096, max_row_chars=10_000)
    async with ingester(settings) as deps:
        request = await submit(deps, catalog.tenant_id, content)
        assert await deps.ingester.handle(await receive(deps)) is Outcome.COMPLETED
        upload = await deps.core.uploads.get(catalog.tenant_id, request.upload_id)
        assert upload is not None
        rows = await error_rows(deps, upload)
        orders = await orders_of(deps, request.upload_id)

    assert errors_by_line(rows) == {
        3: "line_too_long",
        4: "line_too_long",
        5: "invalid_id",  # `zzz…"` read as a row of its own after the rejected line 4
        7: "line_too_long",
    }
    assert len(rows[3]) == len(HEADER.split(",")) + 3  # long values are not copied over
    assert {int(o["idempotency_key"].rsplit(":", 1)[1]) for o in orders} == {
        2,
        6,
        *range(8, 408),
    }


async def test_poison_messages_end_in_the_dead_letter_queue_and_the_loop_goes_on(
    oms_settings: OmsSettingsBundle, ims_channel: grpc.aio.Channel
) -> None:
    catalog = await ImsCatalog(ims_channel).seller_catalog(skus=1)
    # The test queue: visibility 1 s, maxReceiveCount 2.
    settings = ingester_settings(oms_settings, visibility_timeout_s=1, receive_wait_s=1)
    dead_letters = await QueueClient.open(
        oms_settings.core.aws, oms_settings.core.aws.sqs_dead_letter_queue_name
    )
    try:
        async with ingester(settings) as deps:
            await deps.core.queue.send("not json at all")
            unknown = CreateBulkOrder(
                "0190a0c0-0000-7000-8000-000000000000", catalog.tenant_id, "uploads/nothing.csv"
            )
            await deps.core.queue.send(unknown.to_json())
            request = await submit(deps, catalog.tenant_id, f"{HEADER}\n{_row(catalog)}\n".encode())

            consuming = asyncio.create_task(deps.ingester.run())  # the real loop
            try:
                dead: list[str] = []
                async with asyncio.timeout(30):
                    while len(dead) < 2:
                        dead += [m.body for m in await dead_letters.receive(wait_time_s=1)]
                upload = await deps.core.uploads.get(catalog.tenant_id, request.upload_id)
            finally:
                await cancel_and_wait(consuming)
        assert upload is not None
        assert upload["state"] == UploadState.COMPLETED.value
        assert sorted(dead) == sorted(["not json at all", unknown.to_json()])
    finally:
        await dead_letters.close()


def _with_ims_down(oms: OmsSettingsBundle) -> IngesterSettingsBundle:
    """The ingester on the test's resources, its IMS an address nobody listens on."""
    unreachable = ImsClientSettings(ims_target="127.0.0.1:1", ims_timeout_s=2)
    return ingester_settings(
        oms, dataclasses.replace(oms.core, ims=unreachable), visibility_timeout_s=1
    )


async def test_ims_down_leaves_the_message_for_redelivery_and_the_upload_unfailed(
    oms_settings: OmsSettingsBundle, ims_channel: grpc.aio.Channel
) -> None:
    catalog = await ImsCatalog(ims_channel).seller_catalog(skus=1)
    content = f"{HEADER}\n{_row(catalog)}\n{_row(catalog, 2)}\n".encode()
    down = _with_ims_down(oms_settings)
    async with ingester(down) as deps:
        request = await submit(deps, catalog.tenant_id, content)
        assert await deps.ingester.handle(await receive(deps)) is Outcome.RETRY
        upload = await deps.core.uploads.get(catalog.tenant_id, request.upload_id)
        assert upload is not None
        assert upload["state"] == UploadState.PROCESSING.value
        assert upload["error_message"] == ""
        assert await orders_of(deps, request.upload_id) == []

    async with ingester(ingester_settings(oms_settings, visibility_timeout_s=1)) as deps:
        message = await receive(deps)  # back after the visibility timeout
        assert message.receive_count == 2
        assert await deps.ingester.handle(message) is Outcome.COMPLETED
        assert len(await orders_of(deps, request.upload_id)) == 2


async def test_a_failure_on_the_last_delivery_fails_the_upload_and_a_redrive_completes_it(
    oms_settings: OmsSettingsBundle, ims_channel: grpc.aio.Channel, oms_channel: grpc.aio.Channel
) -> None:
    catalog = await ImsCatalog(ims_channel).seller_catalog(skus=1)
    content = f"{HEADER}\n{_row(catalog)}\n".encode()
    down = _with_ims_down(oms_settings)
    dead_letters = await QueueClient.open(
        oms_settings.core.aws, oms_settings.core.aws.sqs_dead_letter_queue_name
    )
    admin = dead_letter_pb2_grpc.DeadLetterServiceStub(oms_channel)
    try:
        async with ingester(down) as deps:
            # The test queue redrives after 2 deliveries; the ingester reads that from SQS.
            assert await deps.core.queue.max_receive_count() == 2
            assert await dead_letters.max_receive_count() is None
            request = await submit(deps, catalog.tenant_id, content)
            assert await deps.ingester.handle(await receive(deps)) is Outcome.RETRY
            last = await receive(deps)
            assert last.receive_count == 2
            assert await deps.ingester.handle(last) is Outcome.ABANDONED
            upload = await deps.core.uploads.get(catalog.tenant_id, request.upload_id)
            assert upload is not None
            assert upload["state"] == UploadState.FAILED.value
            assert upload["error_message"] == (
                "processing failed 2 times (the inventory service was unavailable); "
                "the file was set aside for an operator to retry"
            )
            await asyncio.sleep(1.2)
            assert await deps.core.queue.receive(wait_time_s=1) == []  # moved on by SQS

        # The operator's view (DeadLetterService): listing leaves the letter where it is.
        for _ in range(2):
            listed = await admin.ListDeadLetters(
                dead_letter_pb2.ListDeadLettersRequest(source=QUEUE_LETTERS)
            )
            [letter] = listed.dead_letters
            assert listed.queue_depth == 1
        assert letter.id.startswith("upload-")
        assert letter.origin == oms_settings.core.aws.sqs_queue_name
        assert (letter.tenant_id, letter.attempts) == (catalog.tenant_id, 2)
        assert letter.payload == request.to_json()
        assert letter.error == upload["error_message"]
        assert letter.HasField("dead_letter_time")

        # An operator redrives the message once IMS is back.
        async with ingester(ingester_settings(oms_settings)) as deps:
            await admin.RedriveDeadLetter(dead_letter_pb2.RedriveDeadLetterRequest(id=letter.id))
            assert await dead_letters.receive(wait_time_s=1) == []  # it left the DLQ
            assert await deps.ingester.handle(await receive(deps)) is Outcome.COMPLETED
            upload = await deps.core.uploads.get(catalog.tenant_id, request.upload_id)
            assert upload is not None
            assert upload["state"] == UploadState.COMPLETED.value
            assert upload["error_message"] == ""
            assert len(await orders_of(deps, request.upload_id)) == 1
        with pytest.raises(grpc.aio.AioRpcError) as gone:
            await admin.RedriveDeadLetter(dead_letter_pb2.RedriveDeadLetterRequest(id=letter.id))
        assert gone.value.code() == grpc.StatusCode.NOT_FOUND
    finally:
        await dead_letters.close()
