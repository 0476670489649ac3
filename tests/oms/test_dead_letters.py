"""DeadLetterService through gRPC on the real OMS server: what the finalizer set aside on the
dead-letter topic is listed with its origin and error, paged, and redriven once to finalize
the order it names. (The upload queue's letters: tests/consumers/test_csv_ingester_failures.)"""

from __future__ import annotations

import grpc
import pytest
from oms.v1 import dead_letter_pb2, dead_letter_pb2_grpc, order_pb2

from common.clients.kafka import KafkaProducer
from oms_grpc.main import OmsSettingsBundle
from tests.consumers.finalizer_support import (
    finalizer,
    finalizer_settings,
    is_new_order,
    wait_for_orders,
    with_ims,
)
from tests.oms.test_orders_helpers import create_request, orders_stub, read_events
from tests.support.ims_catalog import ImsCatalog

TOPIC = dead_letter_pb2.DEAD_LETTER_SOURCE_EVENT_TOPIC
QUEUE = dead_letter_pb2.DEAD_LETTER_SOURCE_UPLOAD_QUEUE


def _stub(channel: grpc.aio.Channel) -> dead_letter_pb2_grpc.DeadLetterServiceStub:
    return dead_letter_pb2_grpc.DeadLetterServiceStub(channel)


async def _all_topic_letters(
    stub: dead_letter_pb2_grpc.DeadLetterServiceStub, page_size: int
) -> tuple[list[dead_letter_pb2.DeadLetter], int]:
    letters: list[dead_letter_pb2.DeadLetter] = []
    pages, token = 0, ""
    while True:
        reply = await stub.ListDeadLetters(
            dead_letter_pb2.ListDeadLettersRequest(
                source=TOPIC, page_size=page_size, page_token=token
            )
        )
        pages += 1
        letters += reply.dead_letters
        token = reply.next_page_token
        if not token:
            return letters, pages


async def test_topic_letters_are_listed_paged_and_redriven_once(
    oms_settings: OmsSettingsBundle, oms_channel: grpc.aio.Channel, ims_channel: grpc.aio.Channel
) -> None:
    ims = ImsCatalog(ims_channel)
    c = await ims.seller_catalog(skus=1)
    await ims.set_stock(c.tenant_id, c.hub_id, c.sku_id(0), 5)
    orders = orders_stub(oms_channel)
    order_id = (await orders.CreateOrder(create_request(c, 2))).order.id
    kafka = oms_settings.core.kafka
    # Not even an event: set aside as unreadable.
    producer = await KafkaProducer.start(kafka)
    try:
        await producer.send(kafka.topic_order_created, b"\xff not protobuf", key=b"junk")
    finally:
        await producer.close()

    down = with_ims(
        finalizer_settings(oms_settings, retry_attempts=2, retry_outage_s=1.0), "127.0.0.1:1"
    )
    async with finalizer(down):
        # The order's event, the junk, and the stock set above (its restock pass meets IMS down).
        await read_events(kafka, kafka.topic_dead_letter, expected=3, timeout_s=60)

    stub = _stub(oms_channel)
    letters, pages = await _all_topic_letters(stub, page_size=1)
    assert (len(letters), pages) == (3, 3)
    assert len({letter.id for letter in letters}) == 3
    by_key = {letter.key: letter for letter in letters}
    order_letter = by_key[order_id]
    assert order_letter.source == TOPIC
    assert order_letter.origin == kafka.topic_order_created
    assert order_letter.consumer == "order-finalizer"
    assert order_letter.attempts >= 2  # retried for retry_outage_s, then set aside
    assert "ImsUnavailableError" in order_letter.error
    assert order_letter.tenant_id == c.tenant_id
    assert f'"id":"{order_id}"' in order_letter.payload  # the event as JSON
    assert order_letter.HasField("dead_letter_time")
    assert not order_letter.HasField("redrive_time")
    junk = by_key["junk"]
    assert junk.error.startswith("PoisonMessageError: not a oms.v1.OrderCreated")
    assert (junk.tenant_id, junk.payload) == ("", repr(b"\xff not protobuf"))
    assert [x.id for x in (await _all_topic_letters(stub, page_size=50))[0]] == [
        x.id for x in letters
    ]

    # IMS is back: the redriven event finalizes the order, and only this letter is marked.
    async with finalizer(finalizer_settings(oms_settings)):
        redriven = (
            await stub.RedriveDeadLetter(
                dead_letter_pb2.RedriveDeadLetterRequest(id=order_letter.id)
            )
        ).dead_letter
        assert redriven.HasField("redrive_time")
        await wait_for_orders(orders, c.tenant_id, [order_id], is_new_order)
    with pytest.raises(grpc.aio.AioRpcError) as again:
        await stub.RedriveDeadLetter(dead_letter_pb2.RedriveDeadLetterRequest(id=order_letter.id))
    assert again.value.code() == grpc.StatusCode.FAILED_PRECONDITION
    marked = {x.id: x.HasField("redrive_time") for x in (await _all_topic_letters(stub, 50))[0]}
    assert marked == {x.id: x.id == order_letter.id for x in letters}
    order = (
        await orders.GetOrder(order_pb2.GetOrderRequest(tenant_id=c.tenant_id, id=order_id))
    ).order
    assert order.status == order_pb2.ORDER_STATUS_NEW_ORDER


@pytest.mark.parametrize(
    ("letter_id", "code"),
    [
        ("event-0-999999", grpc.StatusCode.NOT_FOUND),
        ("event-7-0", grpc.StatusCode.NOT_FOUND),  # no such partition
        ("upload-4f1c2b7e-0000-4000-8000-000000000000", grpc.StatusCode.NOT_FOUND),
        ("event-0", grpc.StatusCode.INVALID_ARGUMENT),
        ("event-01-2", grpc.StatusCode.INVALID_ARGUMENT),
        ("../../etc/passwd", grpc.StatusCode.INVALID_ARGUMENT),
        ("", grpc.StatusCode.INVALID_ARGUMENT),
    ],
)
async def test_a_redrive_of_no_letter_says_why(
    oms_channel: grpc.aio.Channel, letter_id: str, code: grpc.StatusCode
) -> None:
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await _stub(oms_channel).RedriveDeadLetter(
            dead_letter_pb2.RedriveDeadLetterRequest(id=letter_id)
        )
    assert refused.value.code() == code, refused.value.details()


@pytest.mark.parametrize(
    ("request_fields", "field"),
    [
        ({}, "source"),
        ({"source": 9}, "source"),
        ({"source": TOPIC, "page_size": -1}, "page_size"),
        ({"source": TOPIC, "page_token": "nope"}, "page_token"),
        ({"source": QUEUE, "page_token": "x"}, "page_token"),
    ],
)
async def test_a_bad_list_request_names_its_field(
    oms_channel: grpc.aio.Channel, request_fields: dict[str, object], field: str
) -> None:
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await _stub(oms_channel).ListDeadLetters(
            dead_letter_pb2.ListDeadLettersRequest(**request_fields)  # type: ignore[arg-type]
        )
    assert refused.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert field in refused.value.details()


async def test_an_empty_topic_and_queue_list_nothing(oms_channel: grpc.aio.Channel) -> None:
    stub = _stub(oms_channel)
    topic = await stub.ListDeadLetters(dead_letter_pb2.ListDeadLettersRequest(source=TOPIC))
    queue = await stub.ListDeadLetters(dead_letter_pb2.ListDeadLettersRequest(source=QUEUE))
    assert (list(topic.dead_letters), topic.next_page_token) == ([], "")
    assert (list(queue.dead_letters), queue.queue_depth) == ([], 0)
