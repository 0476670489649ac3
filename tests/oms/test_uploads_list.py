"""ListUploads against the real OMS: a tenant's uploads newest first, in pages, by state,
and never another tenant's."""

from __future__ import annotations

import grpc
import pytest
from oms.v1 import upload_pb2, upload_pb2_grpc

from common.clients.mongo import MongoStore
from oms_grpc.core.repositories.uploads import Progress, UploadRepository
from tests.oms.test_uploads_api import create_request, csv_body
from tests.support.ims_catalog import ImsCatalog


async def _pages(
    uploads: upload_pb2_grpc.UploadServiceStub, request: upload_pb2.ListUploadsRequest
) -> list[list[str]]:
    pages: list[list[str]] = []
    while True:
        reply = await uploads.ListUploads(request)
        pages.append([u.id for u in reply.uploads])
        if not reply.next_page_token:
            return pages
        request.page_token = reply.next_page_token


async def _get(
    uploads: upload_pb2_grpc.UploadServiceStub, tenant_id: str, upload_id: str
) -> upload_pb2.Upload:
    return (
        await uploads.GetUpload(upload_pb2.GetUploadRequest(tenant_id=tenant_id, id=upload_id))
    ).upload


async def test_uploads_are_listed_newest_first_in_pages_and_by_state(
    uploads: upload_pb2_grpc.UploadServiceStub,
    tenant_id: str,
    ims_channel: grpc.aio.Channel,
    mongo_store: MongoStore,
) -> None:
    made = [
        (await uploads.CreateUpload(create_request(tenant_id, csv_body(tenant_id)))).upload.id
        for _ in range(5)
    ]
    other = await ImsCatalog(ims_channel).tenant()
    await uploads.CreateUpload(create_request(other, csv_body(other)))
    # One of them processed (as the ingester would record it).
    repository = UploadRepository(mongo_store.db["uploads"])
    await repository.complete(made[1], Progress(3, 3, 0, 3), "")

    pages = await _pages(uploads, upload_pb2.ListUploadsRequest(tenant_id=tenant_id, page_size=2))
    assert [len(page) for page in pages] == [2, 2, 1]
    listed = [i for page in pages for i in page]
    assert sorted(listed) == sorted(made)
    # Newest first; uploads of the same millisecond by id, descending.
    created = {i: (await _get(uploads, tenant_id, i)).create_time.ToNanoseconds() for i in made}
    assert listed == sorted(made, key=lambda i: (created[i], i), reverse=True)

    completed = await uploads.ListUploads(
        upload_pb2.ListUploadsRequest(tenant_id=tenant_id, state=upload_pb2.UPLOAD_STATE_COMPLETED)
    )
    assert [(u.id, u.rows_accepted) for u in completed.uploads] == [(made[1], 3)]
    queued = await _pages(
        uploads,
        upload_pb2.ListUploadsRequest(
            tenant_id=tenant_id, state=upload_pb2.UPLOAD_STATE_QUEUED, page_size=3
        ),
    )
    assert [i for page in queued for i in page] == [i for i in listed if i != made[1]]


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"tenant_id": "nope"}, "tenant_id"),
        ({"state": 42}, "state"),
        ({"page_size": -1}, "page_size"),
        ({"page_token": "garbage"}, "page_token"),
    ],
)
async def test_a_bad_list_request_names_its_field(
    uploads: upload_pb2_grpc.UploadServiceStub,
    tenant_id: str,
    fields: dict[str, object],
    field: str,
) -> None:
    request = upload_pb2.ListUploadsRequest(tenant_id=tenant_id)
    for name, value in fields.items():
        setattr(request, name, value)
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await uploads.ListUploads(request)
    assert refused.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert field in refused.value.details()


async def test_a_token_does_not_continue_another_query(
    uploads: upload_pb2_grpc.UploadServiceStub, tenant_id: str
) -> None:
    for _ in range(2):
        await uploads.CreateUpload(create_request(tenant_id, csv_body(tenant_id)))
    first = await uploads.ListUploads(
        upload_pb2.ListUploadsRequest(tenant_id=tenant_id, page_size=1)
    )
    assert first.next_page_token
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await uploads.ListUploads(
            upload_pb2.ListUploadsRequest(
                tenant_id=tenant_id,
                state=upload_pb2.UPLOAD_STATE_FAILED,
                page_token=first.next_page_token,
            )
        )
    assert refused.value.code() == grpc.StatusCode.INVALID_ARGUMENT
