"""`omsctl dead-letters list --source queue|topic`, `omsctl dead-letters redrive ID` (the
admin's work: what the consumers set aside, and sending it back)."""

from __future__ import annotations

from typing import Any

import click
from oms.v1 import dead_letter_pb2

from omsctl.cli import Invocation, run_with_services
from omsctl.connection import Services
from omsctl.output import Column, timestamp
from omsctl.paging import collect

# The queue's letters come in one pass (SQS cannot page): at most this many.
MAX_QUEUE_LETTERS = 500
_SOURCES = {
    "queue": dead_letter_pb2.DEAD_LETTER_SOURCE_UPLOAD_QUEUE,
    "topic": dead_letter_pb2.DEAD_LETTER_SOURCE_EVENT_TOPIC,
}
_ERROR_CHARS = 120

LETTER_COLUMNS: list[Column] = [
    ("id", lambda d: d.id),
    ("from", lambda d: d.origin),
    ("set aside by", lambda d: d.consumer),
    ("tenant", lambda d: d.tenant_id),
    ("key", lambda d: d.key),
    ("attempts", lambda d: d.attempts),
    ("error", lambda d: d.error[:_ERROR_CHARS]),
    ("when", lambda d: timestamp(d.dead_letter_time)),
    ("redriven", lambda d: timestamp(d.redrive_time)),
]


@click.group("dead-letters")
def dead_letters() -> None:
    """What the consumers set aside: the upload queue's DLQ, the Kafka dead-letter topic
    (admin token)."""


@dead_letters.command("list")
@click.option(
    "--source",
    type=click.Choice(sorted(_SOURCES)),
    required=True,
    help="queue: uploads the CSV ingester gave up on; topic: events the finalizer or"
    " dispatcher could not handle",
)
@click.option("--limit", type=click.IntRange(1, 10_000), default=50, show_default=True)
@run_with_services
async def list_letters(invocation: Invocation, services: Services, source: str, limit: int) -> None:
    """Dead letters, with where they came from and why they were set aside."""
    if source == "queue":
        reply = await services.dead_letters.ListDeadLetters(
            dead_letter_pb2.ListDeadLettersRequest(
                source=_SOURCES[source], page_size=min(limit, MAX_QUEUE_LETTERS)
            ),
            timeout=services.timeout_s,
        )
        found = list(reply.dead_letters)
        title = f"{len(found)} of about {reply.queue_depth} dead letters in the upload queue's DLQ"
    else:

        def fetch(token: str, size: int) -> Any:
            return services.dead_letters.ListDeadLetters(
                dead_letter_pb2.ListDeadLettersRequest(
                    source=_SOURCES[source], page_size=size, page_token=token
                ),
                timeout=services.timeout_s,
            )

        found = await collect(fetch, "dead_letters", limit)
        title = f"{len(found)} dead letters on the dead-letter topic"
    invocation.printer.rows(found, LETTER_COLUMNS, title=title)


@dead_letters.command("redrive")
@click.argument("letter_id")
@run_with_services
async def redrive(invocation: Invocation, services: Services, letter_id: str) -> None:
    """Send one letter back where it came from, for its consumer to handle again."""
    reply = await services.dead_letters.RedriveDeadLetter(
        dead_letter_pb2.RedriveDeadLetterRequest(id=letter_id), timeout=services.timeout_s
    )
    invocation.printer.rows([reply.dead_letter], LETTER_COLUMNS, title="redriven")


COMMANDS = [dead_letters]
