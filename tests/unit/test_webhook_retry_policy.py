"""Retry policy (pure): what is retried, the schedule with jitter, Retry-After."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from consumers.webhook_dispatcher.retry_policy import (
    RetrySchedule,
    http_answer,
    no_response,
    parse_retry_after,
)
from consumers.webhook_dispatcher.settings import DispatcherSettings
from oms_grpc.core.domain.webhook_deliveries import DeliveryState
from oms_grpc.core.repositories.deliveries import ceil_ms

NOW = datetime(2025, 3, 1, 12, 0, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("status", "delivered", "retryable"),
    [
        (200, True, False),
        (204, True, False),
        (299, True, False),
        (301, False, False),
        (302, False, False),
        (307, False, False),
        (400, False, False),
        (401, False, False),
        (404, False, False),
        (408, False, False),
        (410, False, False),
        (429, False, True),
        (500, False, True),
        (502, False, True),
        (503, False, True),
        (599, False, True),
    ],
)
def test_answers_by_status(status: int, delivered: bool, retryable: bool) -> None:
    answer = http_answer(status)
    assert (answer.delivered, answer.retryable) == (delivered, retryable)
    assert answer.http_status == status
    if 300 <= status < 400:
        assert "redirects are not followed" in answer.error


def test_no_response_is_retryable_unless_refused() -> None:
    assert no_response("timed out").retryable
    assert not no_response("destination refused", retryable=False).retryable
    assert no_response("x").http_status == 0


@pytest.mark.parametrize(
    ("value", "seconds"),
    [
        ("2", 2.0),
        (" 120 ", 120.0),
        ("0", 0.0),
        ("1.5", 1.5),
        (format_datetime(NOW + timedelta(seconds=90), usegmt=True), 90.0),
        ("Sat, 01 Mar 2025 12:00:30 GMT", 30.0),
        ("Sat, 01 Mar 2025 11:00:00 GMT", 0.0),  # in the past
        (None, None),
        ("", None),
        ("soon", None),
        ("-5", None),
        ("Sat, 01 Mar 2025 12:00:30 -0000", None),  # no usable zone
    ],
)
def test_retry_after(value: str | None, seconds: float | None) -> None:
    assert parse_retry_after(value, NOW) == seconds


def test_the_schedule_grows_with_bounded_jitter() -> None:
    schedule = RetrySchedule((5.0, 30.0, 120.0), jitter=0.2)
    rng = random.Random(7)
    assert schedule.attempts == 4
    for index, base in enumerate((5.0, 30.0, 120.0)):
        delays = [schedule.delay_s(index, None, rng) for _ in range(200)]
        assert all(d is not None and base * 0.8 <= d <= base * 1.2 for d in delays)
        assert len({round(d or 0, 6) for d in delays}) > 100  # actually spread
    assert schedule.delay_s(3, None, rng) is None  # exhausted
    assert RetrySchedule((1.0,), jitter=0).delay_s(0, None, rng) == 1.0


def test_retry_after_is_a_lower_bound_up_to_the_cap() -> None:
    schedule = RetrySchedule((0.2, 0.4), jitter=0.5, max_retry_after_s=60)
    rng = random.Random(1)
    assert all((schedule.delay_s(0, 2.0, rng) or 0) >= 2.0 for _ in range(100))
    assert schedule.delay_s(0, 3600.0, rng) == 60  # capped
    later = RetrySchedule((100.0,), jitter=0)
    assert later.delay_s(0, 2.0, rng) == 100.0  # the schedule asks for longer anyway


def test_verdicts() -> None:
    schedule = RetrySchedule((1.0, 2.0), jitter=0)
    rng = random.Random(3)
    delivered = schedule.verdict(http_answer(200), retries_used=0, now=NOW, rng=rng)
    assert (delivered.state, delivered.next_attempt_time) == (DeliveryState.SUCCEEDED, None)
    again = schedule.verdict(http_answer(503), retries_used=1, now=NOW, rng=rng)
    assert again.state is DeliveryState.RETRYING
    assert again.next_attempt_time == NOW + timedelta(seconds=2)
    busy = schedule.verdict(http_answer(429, "10"), retries_used=0, now=NOW, rng=rng)
    assert busy.next_attempt_time == NOW + timedelta(seconds=10)
    exhausted = schedule.verdict(http_answer(500), retries_used=2, now=NOW, rng=rng)
    assert exhausted.state is DeliveryState.FAILED
    assert exhausted.failure_reason == "gave up after 3 attempts; last: HTTP 500"
    final = schedule.verdict(http_answer(404), retries_used=0, now=NOW, rng=rng)
    assert (final.state, final.failure_reason) == (DeliveryState.FAILED, "not retried: HTTP 404")


def test_due_times_are_rounded_up_to_milliseconds() -> None:
    assert ceil_ms(NOW.replace(microsecond=1)) == NOW.replace(microsecond=1000)
    assert ceil_ms(NOW.replace(microsecond=2000)) == NOW.replace(microsecond=2000)
    assert ceil_ms(NOW.replace(microsecond=999_999)) == NOW + timedelta(seconds=1)


def test_settings_read_the_schedule_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DISPATCHER_RETRY_SCHEDULE_S", "5, 30,120")
    monkeypatch.setenv("DISPATCHER_DISABLE_AFTER_S", "60")
    settings = DispatcherSettings()
    assert settings.retry_schedule_s == [5.0, 30.0, 120.0]
    assert settings.disable_after_s == 60.0
    monkeypatch.setenv("DISPATCHER_RETRY_SCHEDULE_S", "5,-1")
    with pytest.raises(ValueError):
        DispatcherSettings()
