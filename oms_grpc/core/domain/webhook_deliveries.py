"""Deliveries of events to webhooks (pure): states, claims, attempts and their verdicts.

A delivery is one event for one webhook. It is created PENDING when the dispatcher reads
the event, attempted by whichever worker holds its lease, and ends SUCCEEDED or FAILED;
between failed attempts it is RETRYING until its next attempt is due.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum


class DeliveryState(StrEnum):
    PENDING = "pending"
    SUCCEEDED = "succeeded"
    RETRYING = "retrying"
    FAILED = "failed"


OPEN_STATES = (DeliveryState.PENDING, DeliveryState.RETRYING)
FINAL_STATES = (DeliveryState.SUCCEEDED, DeliveryState.FAILED)


@dataclass(frozen=True)
class NewDelivery:
    tenant_id: str
    webhook_id: str
    event_id: str  # also the `webhook-id` header: the receiver's de-duplication key
    event_type: str
    payload: str  # the request body: the event's canonical proto3 JSON, fixed at intake
    trace_id: str = ""


@dataclass(frozen=True)
class Lease:
    """A worker's exclusive right to attempt a delivery until `until` (then anyone may)."""

    id: str
    until: datetime


@dataclass(frozen=True)
class Delivery:
    """A delivery a worker holds the lease of: everything needed to attempt it."""

    id: str
    tenant_id: str
    webhook_id: str
    event_id: str
    event_type: str
    payload: str
    trace_id: str
    attempts_made: int
    # Attempts made before the current retry series began (a manual retry starts a new one).
    series_start: int
    lease: Lease

    @property
    def next_attempt(self) -> int:
        return self.attempts_made + 1

    @property
    def retries_used(self) -> int:
        """Failed attempts so far in this series: the index into the retry schedule."""
        return self.attempts_made - self.series_start


@dataclass(frozen=True)
class AttemptRecord:
    """One HTTP attempt as the dispatcher observed it."""

    attempt: int  # 1 for the first
    time: datetime
    http_status: int  # 0 when no response arrived
    error: str  # "" on success
    duration: timedelta
    response_body: str = ""


@dataclass(frozen=True)
class Verdict:
    """What an attempt means for its delivery."""

    state: DeliveryState  # SUCCEEDED, RETRYING or FAILED
    next_attempt_time: datetime | None = None  # exactly when RETRYING
    failure_reason: str = ""  # when FAILED

    def __post_init__(self) -> None:
        if self.state is DeliveryState.PENDING:
            raise ValueError("an attempt ends SUCCEEDED, RETRYING or FAILED")
        if (self.state is DeliveryState.RETRYING) != (self.next_attempt_time is not None):
            raise ValueError("next_attempt_time is set exactly when the state is RETRYING")
