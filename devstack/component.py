"""The contract every stack dependency implements."""

from __future__ import annotations

import abc
import signal
from dataclasses import dataclass
from pathlib import Path

from devstack import paths, process


@dataclass(frozen=True)
class Health:
    name: str
    healthy: bool
    detail: str
    pid: int | None


class Component(abc.ABC):
    """One infrastructure dependency run on loopback.

    Life cycle used by the CLI: install() -> start() -> wait_ready() -> provision().
    All of them are idempotent: calling `up` on a running stack changes nothing.
    """

    name: str
    stop_signal: int = signal.SIGTERM

    @property
    def home(self) -> Path:
        return paths.component_dir(self.name)

    @property
    def pid_path(self) -> Path:
        return self.home / "pid"

    @property
    def log_path(self) -> Path:
        return self.home / f"{self.name}.log"

    @abc.abstractmethod
    def install(self) -> None:
        """Make the binaries available (fast no-op when already installed)."""

    @abc.abstractmethod
    def start(self) -> None:
        """Start the daemon detached, recording its pid in `pid_path` (no-op if running)."""

    @abc.abstractmethod
    def ready(self) -> bool:
        """True when the dependency really serves requests (not just an open port)."""

    def provision(self) -> None:  # noqa: B027 - optional hook; most components need none
        """Create databases, buckets, queues, topics... (idempotent)."""

    def wait_ready(self, timeout: float = 120.0) -> None:
        process.wait_until(
            self.ready,
            timeout=timeout,
            what=self.name,
            alive=lambda: process.running(self.pid_path),
            log_path=self.log_path,
        )

    def stop(self) -> bool:
        return process.stop(self.pid_path, sig=self.stop_signal)

    def health(self) -> Health:
        pid = process.read_pid(self.pid_path)
        if not process.running(self.pid_path):
            return Health(self.name, False, "not running", None)
        ok = self.ready()
        return Health(self.name, ok, self.endpoint() if ok else "running but not ready", pid)

    @abc.abstractmethod
    def endpoint(self) -> str:
        """Human-readable address, e.g. postgresql://127.0.0.1:5432."""

    def env(self) -> dict[str, str]:
        """Environment variables that point the services at this dependency."""
        return {}
