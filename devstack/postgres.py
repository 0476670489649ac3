"""PostgreSQL from the machine's Debian packages, in a project-owned data directory."""

from __future__ import annotations

import asyncio
import hashlib
import os
import shutil
import signal
from functools import cached_property
from pathlib import Path
from urllib.parse import urlsplit

import asyncpg

from common.settings import PostgresSettings
from devstack import apt, process
from devstack.component import Component

_SERVER_USER = "postgres"  # postgres refuses to run as root


def _pg_bin(name: str) -> str:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"), reverse=True)
    if candidates:
        return str(candidates[0])
    raise process.StackError(f"PostgreSQL binary {name!r} not found")


def _reachable_by(user: str, directory: Path) -> bool:
    try:
        process.run(["runuser", "-u", user, "--", "test", "-x", str(directory)], timeout=10)
    except process.StackError:
        return False
    return True


class Postgres(Component):
    name = "postgres"
    # SIGTERM is a "smart" shutdown that waits for every client; SIGINT is the fast one.
    stop_signal = signal.SIGINT

    def __init__(self, settings: PostgresSettings) -> None:
        url = urlsplit(settings.dsn)
        self._host = url.hostname or "127.0.0.1"
        self._port = url.port or 5432
        self._user = url.username or "postgres"
        self._database = (url.path or "/ims").lstrip("/") or "ims"

    @cached_property
    def _server_dir(self) -> Path:
        """Where the server's own files go: the component home if the server user can reach it.

        Running as root, the server runs as `postgres`, which cannot traverse a checkout under
        a private directory (e.g. /root/...); then the data lives in a per-checkout folder
        under /var/tmp instead (the pid and log files stay in the component home).
        """
        if self._run_as is None or _reachable_by(self._run_as, self.home):
            return self.home
        digest = hashlib.sha256(str(self.home).encode()).hexdigest()[:12]
        fallback = Path("/var/tmp") / f"omsims-postgres-{digest}"
        fallback.mkdir(mode=0o755, exist_ok=True)
        self._chown(fallback)
        return fallback

    @property
    def _data_dir(self) -> Path:
        return self._server_dir / "data"

    @property
    def _run_as(self) -> str | None:
        return _SERVER_USER if os.geteuid() == 0 else None

    def install(self) -> None:
        try:
            _pg_bin("initdb")
        except process.StackError:
            apt.install(["postgresql"])

    def start(self) -> None:
        if process.running(self.pid_path):
            return
        self._init_cluster()
        socket_dir = self._server_dir / "run"
        socket_dir.mkdir(exist_ok=True)
        self._chown(socket_dir)
        self._chown(self.log_path, touch=True)
        process.spawn(
            [
                _pg_bin("postgres"),
                "-D",
                str(self._data_dir),
                "-p",
                str(self._port),
                "-k",
                str(socket_dir),
                "-c",
                f"listen_addresses={self._host}",
                "-c",
                "max_connections=300",
                "-c",
                "shared_buffers=128MB",
                # synchronous_commit stays on: with it off a SIGKILLed server loses the last
                # ~0.6 s of commits, and a reservation the finalizer was told succeeded
                # would vanish (the resilience suite kills PostgreSQL mid-flow).
            ],
            log_path=self.log_path,
            pid_path=self.pid_path,
            user=self._run_as,
        )

    def _init_cluster(self) -> None:
        if (self._data_dir / "PG_VERSION").exists():
            return
        self._data_dir.mkdir(parents=True, exist_ok=True)
        self._chown(self._data_dir)
        self._data_dir.chmod(0o700)
        process.run(
            [
                _pg_bin("initdb"),
                "-D",
                str(self._data_dir),
                "-U",
                self._user,
                "--auth=trust",
                "--encoding=UTF8",
                "--locale=C.UTF-8",
                "--no-sync",
            ],
            user=self._run_as,
        )

    def _chown(self, path: Path, *, touch: bool = False) -> None:
        if touch:
            path.touch(exist_ok=True)
        if self._run_as is not None:
            shutil.chown(path, user=self._run_as, group=self._run_as)

    def ready(self) -> bool:
        if not process.port_open(self._host, self._port):
            return False
        try:
            return asyncio.run(self._select_one())
        except (OSError, asyncpg.PostgresError, TimeoutError):
            return False

    async def _select_one(self) -> bool:
        conn = await asyncpg.connect(
            host=self._host, port=self._port, user=self._user, database="postgres", timeout=2
        )
        try:
            return bool(await conn.fetchval("SELECT 1") == 1)
        finally:
            await conn.close()

    def provision(self) -> None:
        asyncio.run(self._create_database())

    async def _create_database(self) -> None:
        conn = await asyncpg.connect(
            host=self._host, port=self._port, user=self._user, database="postgres", timeout=5
        )
        try:
            exists = await conn.fetchval(
                "SELECT 1 FROM pg_database WHERE datname = $1", self._database
            )
            if not exists:
                # Identifiers cannot be bound as parameters; quote_ident does the escaping.
                quoted = await conn.fetchval("SELECT quote_ident($1)", self._database)
                await conn.execute(f"CREATE DATABASE {quoted}")
        finally:
            await conn.close()

    def endpoint(self) -> str:
        return f"postgresql://{self._user}@{self._host}:{self._port}/{self._database}"

    def env(self) -> dict[str, str]:
        return {"POSTGRES_DSN": self.endpoint()}
