"""A MongoDB-wire server: SecantusDB (WiredTiger storage) in its own virtualenv.

SecantusDB advertises itself as the primary of a single-node replica set named "secantus",
so pymongo discovers a replica-set topology from a plain ``mongodb://host:port`` URI and
multi-document transactions and change streams work without any URI option
(``?replicaSet=secantus`` and ``?directConnection=true`` work too). Data persists across
restarts under ``<component home>/data``.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pymongo import MongoClient
from pymongo.errors import PyMongoError
from pymongo.uri_parser import parse_uri

from common.settings import MongoSettings
from devstack import paths, process
from devstack.component import Component
from devstack.process import StackError

SECANTUS_VERSION = "0.7.0b3"
INSTALL_TIMEOUT_S = 900.0
READY_PROBE_TIMEOUT_MS = 500
PROBE_DATABASE = "devstack_probe"


@dataclass(frozen=True)
class ToolVenv:
    """A pinned PyPI requirement installed into its own virtualenv under `tools_dir()`.

    Keeps server-side dependencies (and their pins) out of the project venv. A marker holding
    the requirement is written only after a successful install, so a second call is a fast
    no-op and an interrupted install is redone from scratch; a lock serialises callers.
    """

    requirement: str
    dirname: str

    @property
    def home(self) -> Path:
        return paths.tools_dir() / self.dirname

    @property
    def venv(self) -> Path:
        return self.home / "venv"

    @property
    def _marker(self) -> Path:
        return self.home / ".installed"

    def executable(self, name: str) -> Path:
        return self.venv / "bin" / name

    def installed(self) -> bool:
        try:
            return self._marker.read_text().strip() == self.requirement
        except OSError:
            return False

    def ensure(self, executable: str) -> Path:
        """Install if needed and return the path of `executable` (a console script)."""
        if not self.installed():
            self.home.mkdir(parents=True, exist_ok=True)
            with open(self.home / ".lock", "w") as lock:
                fcntl.flock(lock, fcntl.LOCK_EX)
                try:
                    if not self.installed():  # another process may have finished meanwhile
                        self._install()
                finally:
                    fcntl.flock(lock, fcntl.LOCK_UN)
        path = self.executable(executable)
        if not path.is_file():
            raise StackError(f"{self.requirement} is installed in {self.venv} but has no "
                             f"{executable}; delete {self.home} and retry")
        return path

    def _install(self) -> None:
        self._marker.unlink(missing_ok=True)
        if self.venv.exists():
            shutil.rmtree(self.venv)  # leftovers of an interrupted install
        python = str(self.executable("python"))
        uv = _find_uv()
        if uv is not None:
            process.run([uv, "venv", "--quiet", "--python", sys.executable, str(self.venv)],
                        timeout=INSTALL_TIMEOUT_S)
            process.run([uv, "pip", "install", "--quiet", "--python", python, self.requirement],
                        timeout=INSTALL_TIMEOUT_S)
        else:
            process.run([sys.executable, "-m", "venv", str(self.venv)],
                        timeout=INSTALL_TIMEOUT_S)
            process.run([python, "-m", "pip", "install", "--quiet",
                         "--disable-pip-version-check", self.requirement],
                        timeout=INSTALL_TIMEOUT_S)
        tmp = self._marker.with_suffix(".tmp")
        tmp.write_text(f"{self.requirement}\n")
        tmp.replace(self._marker)


def _find_uv() -> str | None:
    """Prefer `uv` (fast, cached): it sits next to the project interpreter or on PATH."""
    beside = Path(sys.executable).parent / "uv"
    if beside.is_file() and os.access(beside, os.X_OK):
        return str(beside)
    return shutil.which("uv")


def _single_host(uri: str) -> tuple[str, int]:
    nodes = parse_uri(uri)["nodelist"]
    if len(nodes) != 1:
        raise StackError(f"mongo: MONGODB_URI must name exactly one host to run locally: {uri}")
    host, port = nodes[0]
    return host, port


class MongoWire(Component):
    name = "mongo"

    def __init__(self, settings: MongoSettings) -> None:
        self._settings = settings
        self._host, self._port = _single_host(settings.uri)
        self._tool = ToolVenv(f"secantusdb=={SECANTUS_VERSION}", f"secantusdb-{SECANTUS_VERSION}")

    def install(self) -> None:
        self._tool.ensure("secantusd-py")

    def start(self) -> None:
        if process.running(self.pid_path):
            return
        if process.port_open(self._host, self._port):
            raise StackError(f"mongo: {self._host}:{self._port} is already taken by a process "
                             "this stack did not start")
        server = self._tool.ensure("secantusd-py")
        data = self.home / "data"
        data.mkdir(parents=True, exist_ok=True)
        process.spawn(
            [str(server), "--config", str(self._write_config()), "--host", self._host,
             "--port", str(self._port), "--storage-path", str(data)],
            cwd=self.home,
            log_path=self.log_path,
            pid_path=self.pid_path,
        )

    def _write_config(self) -> Path:
        # An explicit (empty) config file turns off SecantusDB's auto-discovery of
        # ./secantusd.toml, ~/.secantus/ and /etc/secantus/: only our flags apply.
        config = self.home / "secantusd.toml"
        config.write_text("# all settings are command-line flags, see devstack/mongo.py\n")
        return config

    def ready(self) -> bool:
        if not process.port_open(self._host, self._port):
            return False  # fails at once, where server selection would wait its full timeout
        client: MongoClient[dict[str, Any]] = MongoClient(
            self._host, self._port, directConnection=True,
            serverSelectionTimeoutMS=READY_PROBE_TIMEOUT_MS,
            connectTimeoutMS=READY_PROBE_TIMEOUT_MS,
            socketTimeoutMS=2 * READY_PROBE_TIMEOUT_MS)
        try:
            with client:
                return client.admin.command("ping").get("ok") == 1
        except PyMongoError:
            return False

    def provision(self) -> None:
        """Check that the services' URI gets a replica set with working transactions.

        The services create their own collections and indexes; the outbox relies on
        multi-document transactions, so fail here rather than in the first order.
        """
        client: MongoClient[dict[str, Any]] = MongoClient(
            self._settings.uri,
            serverSelectionTimeoutMS=self._settings.server_selection_timeout_ms)
        try:
            with client:
                if "setName" not in client.admin.command("hello"):
                    raise StackError(f"mongo: {self._settings.uri} is not a replica set: "
                                     "no transactions, no change streams")
                _check_transaction(client)
        except PyMongoError as exc:
            raise StackError(f"mongo: {self._settings.uri} not usable: {exc}") from exc

    def endpoint(self) -> str:
        return self._settings.uri

    def env(self) -> dict[str, str]:
        return {"MONGODB_URI": self._settings.uri}


def _check_transaction(client: MongoClient[dict[str, Any]]) -> None:
    """Commit a two-document transaction in a scratch database, then drop it."""
    probe = client[PROBE_DATABASE]["probe"]
    try:
        with client.start_session() as session, session.start_transaction():
            probe.insert_one({"step": 1}, session=session)
            probe.insert_one({"step": 2}, session=session)
        if probe.count_documents({}) != 2:
            raise StackError("mongo: a committed transaction is not visible")
    finally:
        client.drop_database(PROBE_DATABASE)
