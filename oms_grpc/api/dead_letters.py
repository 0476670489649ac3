"""oms.v1.DeadLetterService: check the request (`dead_letter_messages`), one call to the
letters' store (the upload queue's or the topic's, by source or id), map the result; the
stores' domain errors become NOT_FOUND / FAILED_PRECONDITION here."""

from __future__ import annotations

from typing import Any

import grpc
from oms.v1 import dead_letter_pb2, dead_letter_pb2_grpc

from common.errors import failed_precondition, not_found
from common.grpc.server import ServiceRegistration
from common.i18n import current_language
from common.texts import t
from oms_grpc.api.dead_letter_messages import parse_letter, parse_list, to_proto, topic_page_token
from oms_grpc.core.domain.dead_letters import (
    AlreadyRedrivenError,
    DeadLetter,
    DeadLetterNotFoundError,
    LetterSource,
    NotRedrivableError,
    QueueLetterId,
)
from oms_grpc.core.repositories.dead_letter_queue import QueueDeadLetters
from oms_grpc.core.repositories.dead_letter_topic import TopicDeadLetters

Context = grpc.aio.ServicerContext[Any, Any]
SERVICE_NAME = dead_letter_pb2.DESCRIPTOR.services_by_name["DeadLetterService"].full_name


class DeadLetterServicer(dead_letter_pb2_grpc.DeadLetterServiceServicer):
    def __init__(self, queue: QueueDeadLetters, topic: TopicDeadLetters) -> None:
        self._queue = queue
        self._topic = topic

    async def ListDeadLetters(  # noqa: N802
        self, request: dead_letter_pb2.ListDeadLettersRequest, context: Context
    ) -> dead_letter_pb2.ListDeadLettersResponse:
        query = parse_list(request)
        if query.source is LetterSource.UPLOAD_QUEUE:
            page = await self._queue.page(query.page_size)
        else:
            page = await self._topic.page(query.starts, query.page_size)
        language = current_language()
        return dead_letter_pb2.ListDeadLettersResponse(
            dead_letters=[to_proto(letter, language) for letter in page.letters],
            next_page_token=topic_page_token(page.next_offsets),
            queue_depth=page.queue_depth or 0,
        )

    async def RedriveDeadLetter(  # noqa: N802
        self, request: dead_letter_pb2.RedriveDeadLetterRequest, context: Context
    ) -> dead_letter_pb2.RedriveDeadLetterResponse:
        letter_id = parse_letter(request.id)
        try:
            letter: DeadLetter
            if isinstance(letter_id, QueueLetterId):
                letter = await self._queue.redrive(letter_id)
            else:
                letter = await self._topic.redrive(letter_id)
        except DeadLetterNotFoundError:
            raise not_found("dead letter", request.id) from None
        except AlreadyRedrivenError:
            raise failed_precondition(
                "ALREADY_REDRIVEN", t("this dead letter was redriven before")
            ) from None
        except NotRedrivableError:
            raise failed_precondition(
                "NOT_REDRIVABLE", t("this dead letter names no topic it could go back to")
            ) from None
        return dead_letter_pb2.RedriveDeadLetterResponse(
            dead_letter=to_proto(letter, current_language())
        )


def dead_letter_service(servicer: DeadLetterServicer) -> ServiceRegistration:
    return ServiceRegistration(
        SERVICE_NAME,
        lambda server: dead_letter_pb2_grpc.add_DeadLetterServiceServicer_to_server(
            servicer, server
        ),
    )
