"""A MongoDB-wire server: SecantusDB (WiredTiger storage) in its own virtualenv.

SecantusDB advertises itself as the primary of a single-node replica set named "secantus",
so pymongo discovers a replica-set topology from a plain ``mongodb://host:port`` URI
(``?replicaSet=secantus`` and ``?directConnection=true`` work too); the services need none
of what a replica set adds (see `provision`). Data persists across restarts under
``<component home>/data``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pymongo import MongoClient
from pymongo.errors import PyMongoError
from pymongo.uri_parser import parse_uri

from common.settings import MongoSettings
from devstack import process
from devstack.component import Component
from devstack.process import StackError
from devstack.toolvenv import ToolVenv

SECANTUS_VERSION = "0.7.0b3"
READY_PROBE_TIMEOUT_MS = 500
PROBE_DATABASE = "devstack_probe"


def _single_host(uri: str) -> tuple[str, int]:
    """The one host:port a local server must listen on (no DNS: mongodb+srv is refused)."""
    if not uri.startswith("mongodb://"):
        raise StackError(f"mongo: MONGODB_URI must be mongodb://HOST:PORT to run locally: {uri}")
    try:
        nodes = parse_uri(uri)["nodelist"]
    except PyMongoError as exc:
        raise StackError(f"mongo: invalid MONGODB_URI {uri}: {exc}") from exc
    if len(nodes) != 1:
        raise StackError(f"mongo: MONGODB_URI must name exactly one host to run locally: {uri}")
    host, port = nodes[0]
    return host, port


class MongoWire(Component):
    name = "mongo"

    def __init__(self, settings: MongoSettings) -> None:
        self._settings = settings
        self._tool = ToolVenv(f"secantusdb=={SECANTUS_VERSION}", f"secantusdb-{SECANTUS_VERSION}")

    def install(self) -> None:
        self._tool.ensure("secantusd-py")

    def start(self) -> None:
        if process.running(self.pid_path):
            return
        host, port = _single_host(self._settings.uri)
        if process.port_open(host, port):
            raise StackError(
                f"mongo: {host}:{port} is already taken by a process this stack did not start"
            )
        server = self._tool.ensure("secantusd-py")
        data = self.home / "data"
        data.mkdir(parents=True, exist_ok=True)
        process.spawn(
            [
                str(server),
                "--config",
                str(self._write_config()),
                "--host",
                host,
                "--port",
                str(port),
                "--storage-path",
                str(data),
            ],
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
        host, port = _single_host(self._settings.uri)
        if not process.port_open(host, port):
            return False  # fails at once, where server selection would wait its full timeout
        client: MongoClient[dict[str, Any]] = MongoClient(
            host,
            port,
            directConnection=True,
            serverSelectionTimeoutMS=READY_PROBE_TIMEOUT_MS,
            connectTimeoutMS=READY_PROBE_TIMEOUT_MS,
            socketTimeoutMS=2 * READY_PROBE_TIMEOUT_MS,
        )
        try:
            with client:
                return client.admin.command("ping").get("ok") == 1
        except PyMongoError:
            return False

    def provision(self) -> None:
        """Check that the services' URI reaches a server that stores and finds a document.

        The services create their own collections and indexes. They need no replica set:
        no code uses multi-document transactions or change streams (the outbox is a field of
        the document it describes, written by the same single-document update), so a
        standalone MongoDB (compose.yaml's `mongo:7`) does as well as a replica set.
        """
        client: MongoClient[dict[str, Any]] = MongoClient(
            self._settings.uri, serverSelectionTimeoutMS=self._settings.server_selection_timeout_ms
        )
        try:
            with client:
                _check_round_trip(client)
        except PyMongoError as exc:
            raise StackError(f"mongo: {self._settings.uri} not usable: {exc}") from exc

    def endpoint(self) -> str:
        return self._settings.uri

    def env(self) -> dict[str, str]:
        return {"MONGODB_URI": self._settings.uri}


def _check_round_trip(client: MongoClient[dict[str, Any]]) -> None:
    """Write a document in a scratch database, read it back, then drop the database."""
    probe = client[PROBE_DATABASE]["probe"]
    try:
        inserted = probe.insert_one({"probe": True}).inserted_id
        if probe.find_one({"_id": inserted}) is None:
            raise StackError("mongo: a document just written cannot be read back")
    finally:
        client.drop_database(PROBE_DATABASE)
