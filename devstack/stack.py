"""The whole local stack: every dependency, brought up and down together."""

from __future__ import annotations

import fcntl
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from typing import TypeVar

from common.settings import (
    AwsSettings,
    KafkaSettings,
    MongoSettings,
    PostgresSettings,
    RedisSettings,
)
from devstack import paths, process
from devstack.component import Component, Health
from devstack.elasticmq import QueueServer
from devstack.kafka import Kafka
from devstack.mongo import MongoWire
from devstack.postgres import Postgres
from devstack.redis import Redis
from devstack.seaweedfs import ObjectStore

T = TypeVar("T")
Reporter = Callable[[str], None]


def default_components() -> list[Component]:
    """Components configured from the same environment variables the services read."""
    return [
        Postgres(PostgresSettings()),
        Redis(RedisSettings()),
        Kafka(KafkaSettings()),
        MongoWire(MongoSettings()),
        ObjectStore(AwsSettings()),
        QueueServer(AwsSettings()),
    ]


class Stack:
    def __init__(self, components: Sequence[Component], report: Reporter = print) -> None:
        self._components = list(components)
        self._report = report

    @property
    def components(self) -> list[Component]:
        return list(self._components)

    def select(self, names: Sequence[str]) -> Stack:
        if not names:
            return self
        known = {c.name: c for c in self._components}
        unknown = [n for n in names if n not in known]
        if unknown:
            raise SystemExit(f"unknown component(s) {unknown}; known: {sorted(known)}")
        return Stack([known[n] for n in names], self._report)

    def up(self, *, timeout: float = 180.0) -> list[Health]:
        """Install, start, wait until really ready and provision; idempotent."""
        with self._lock():
            self._each("install", lambda c: c.install())
            self._each("start", lambda c: c.start())
            self._each("ready", lambda c: c.wait_ready(timeout))
            self._each("provision", lambda c: c.provision())
        return self.status()

    def provision_external(self, *, timeout: float = 180.0) -> None:
        """Wait for dependencies run by someone else (Docker, cloud) and provision them."""

        def wait_and_provision(component: Component) -> None:
            process.wait_until(component.ready, timeout=timeout, what=component.name)
            component.provision()

        self._each("provision", wait_and_provision)

    def down(self) -> None:
        with self._lock():
            for component in reversed(self._components):
                was_up = component.stop()
                self._report(f"{component.name:<10} {'stopped' if was_up else 'was not running'}")

    def status(self) -> list[Health]:
        return [c.health() for c in self._components]

    def env(self) -> dict[str, str]:
        merged: dict[str, str] = {}
        for component in self._components:
            merged.update(component.env())
        return merged

    def _each(self, step: str, action: Callable[[Component], None]) -> None:
        """Run one life-cycle step for every component in parallel, reporting durations."""

        def timed(component: Component) -> tuple[str, float]:
            started = time.monotonic()
            action(component)
            return component.name, time.monotonic() - started

        with ThreadPoolExecutor(max_workers=len(self._components) or 1) as pool:
            results = list(pool.map(timed, self._components))
        durations = ", ".join(f"{name} {seconds:.1f}s" for name, seconds in results)
        self._report(f"{step:<10} {durations}")

    @contextmanager
    def _lock(self) -> Iterator[None]:
        """Serialise concurrent `up`/`down` (e.g. a test run starting while `run` is)."""
        lock_path = paths.stack_home() / "stack.lock"
        lock_path.parent.mkdir(parents=True, exist_ok=True)
        with open(lock_path, "w") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)
