"""Apache Kafka in KRaft mode (one combined broker+controller on loopback), run from the
broker jars on Maven Central: no tarball download, no Docker, only `mvn` and a JDK 17+."""

from __future__ import annotations

import asyncio
import base64
import os
import string
import time
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import TopicAlreadyExistsError, for_code

from common.settings import KafkaSettings
from devstack import process
from devstack.component import Component
from devstack.maven import MavenRuntime, java, server_jvm_options
from devstack.process import StackError

RESOURCES = Path(__file__).resolve().parent / "resources" / "kafka"

# Small on purpose (shared 2-core machine, little data). Measured restart-to-ready / RSS after
# 20k messages: this set ~2.0 s / 180 MiB; -Xms256m + C2 ~2.6 s / 260 MiB; G1 ~2.5-3.9 s /
# 230 MiB. The produce rate from a Python client was the same for all of them.
JVM_OPTS = server_jvm_options("64m", "512m")
TOOL_JVM_OPTS = ("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1")
SHUTDOWN_TIMEOUT_S = 30.0  # a clean KRaft shutdown takes a few seconds; SIGKILL after this
READY_PROBE_TIMEOUT_S = 2.0
PROVISION_TIMEOUT_S = 30.0


class Kafka(Component):
    name = "kafka"

    def __init__(self, settings: KafkaSettings) -> None:
        self.settings = settings

    # --- install ----------------------------------------------------------------------------

    @property
    def runtime(self) -> MavenRuntime:
        return MavenRuntime(
            "kafka", RESOURCES / "pom.xml", "kafka.version", "kafka_2.13-{version}.jar"
        )

    @property
    def version(self) -> str:
        return self.runtime.version

    def installed(self) -> bool:
        return self.runtime.installed()

    def install(self) -> None:
        self.runtime.install()

    # --- start ------------------------------------------------------------------------------

    @property
    def data_dir(self) -> Path:
        return self.home / "data"

    @property
    def config_path(self) -> Path:
        return self.home / "server.properties"

    @property
    def cluster_id_path(self) -> Path:
        return self.home / "cluster-id"

    def address(self) -> tuple[str, int]:
        """Host and port of the first entry of KAFKA_BOOTSTRAP_SERVERS."""
        first = self.settings.bootstrap_servers.split(",")[0].strip()
        host, _, port = first.split("://")[-1].rpartition(":")
        if not host or not port.isdigit():
            raise StackError(f"kafka: cannot parse host:port from {first!r}")
        return host.strip("[]"), int(port)

    def controller_port(self) -> int:
        override = os.environ.get("KAFKA_CONTROLLER_PORT")
        return int(override) if override else self.address()[1] + 1

    def start(self) -> None:
        if process.running(self.pid_path):
            return
        if not self.installed():
            raise StackError("kafka: not installed (run install() first)")
        host, port = self.address()
        for busy in (port, self.controller_port()):
            if process.port_open(host, busy):
                raise StackError(f"kafka: {host}:{busy} is already in use by another process")
        self._render_config()
        if not (self.data_dir / "meta.properties").is_file():
            self._format_storage()
        process.spawn(
            [
                java(),
                *JVM_OPTS,
                _log4j_opt("log4j2.properties"),
                "-cp",
                self._classpath(),
                "kafka.Kafka",
                str(self.config_path),
            ],
            log_path=self.log_path,
            pid_path=self.pid_path,
            cwd=self.home,
        )

    def _classpath(self) -> str:
        return self.runtime.classpath

    def _render_config(self) -> None:
        host, port = self.address()
        template = string.Template((RESOURCES / "server.properties.template").read_text())
        self.config_path.write_text(
            template.substitute(
                host=host,
                port=port,
                controller_port=self.controller_port(),
                log_dir=self.data_dir,
            )
        )

    def _cluster_id(self) -> str:
        if self.cluster_id_path.is_file():
            return self.cluster_id_path.read_text().strip()
        cluster_id = _random_kafka_uuid()
        self.cluster_id_path.write_text(cluster_id)
        return cluster_id

    def _format_storage(self) -> None:
        process.run(
            [
                java(),
                *TOOL_JVM_OPTS,
                _log4j_opt("tools-log4j2.properties"),
                "-cp",
                self._classpath(),
                "kafka.tools.StorageTool",
                "format",
                "-t",
                self._cluster_id(),
                "-c",
                str(self.config_path),
            ],
            cwd=self.home,
            timeout=120,
        )

    # --- ready / provision ------------------------------------------------------------------

    def ready(self) -> bool:
        host, port = self.address()
        if not process.port_open(host, port, timeout=0.2):
            return False
        try:
            return asyncio.run(self._broker_registered())
        except Exception:  # any failure of the probe just means "not ready yet"
            return False

    async def _broker_registered(self) -> bool:
        async with self._admin(READY_PROBE_TIMEOUT_S) as admin:
            cluster: dict[str, Any] = await admin.describe_cluster()
        return bool(cluster.get("brokers"))

    def provision(self) -> None:
        asyncio.run(self._provision())

    async def _provision(self) -> None:
        topics = self.settings.topics()
        async with self._admin(PROVISION_TIMEOUT_S) as admin:
            response = await admin.create_topics(
                [
                    NewTopic(
                        name, self.settings.topic_partitions, self.settings.topic_replication_factor
                    )
                    for name in topics
                ]
            )
            _raise_create_errors(response.topic_errors)
            await self._await_leaders(admin, topics)

    async def _await_leaders(self, admin: AIOKafkaAdminClient, topics: list[str]) -> None:
        """Topic creation returns before the broker has loaded the new partitions: wait until
        every partition has a leader, so the first produce does not fail."""
        deadline = time.monotonic() + PROVISION_TIMEOUT_S
        while True:
            described = await admin.describe_topics(topics)
            mismatches = _partition_mismatches(described, self.settings.topic_partitions)
            if mismatches:
                raise StackError("kafka: " + "; ".join(mismatches))
            problems = _unusable_topics(described)
            if not problems:
                return
            if time.monotonic() > deadline:
                raise StackError("kafka: topics not usable: " + "; ".join(problems))
            await asyncio.sleep(0.2)

    @asynccontextmanager
    async def _admin(self, timeout_s: float) -> AsyncIterator[AIOKafkaAdminClient]:
        admin = AIOKafkaAdminClient(
            bootstrap_servers=self.settings.bootstrap_servers,
            client_id=f"{self.settings.client_id}-devstack",
            request_timeout_ms=int(timeout_s * 1000),
        )
        try:
            await asyncio.wait_for(admin.start(), timeout_s)
            yield admin
        finally:
            await admin.close()

    # --- stop / describe --------------------------------------------------------------------

    def stop(self) -> bool:
        return process.stop(self.pid_path, timeout=SHUTDOWN_TIMEOUT_S)

    def endpoint(self) -> str:
        host, port = self.address()
        return f"kafka://{host}:{port}"

    def env(self) -> dict[str, str]:
        return {"KAFKA_BOOTSTRAP_SERVERS": self.settings.bootstrap_servers}


def _log4j_opt(config_name: str) -> str:
    return f"-Dlog4j2.configurationFile={RESOURCES / config_name}"


def _random_kafka_uuid() -> str:
    """What `StorageTool random-uuid` prints (URL-safe base64 of 16 random bytes), without
    paying for a JVM start. Kafka rejects ids starting with '-' (they parse as CLI flags)."""
    while True:
        cluster_id = base64.urlsafe_b64encode(uuid.uuid4().bytes).decode().rstrip("=")
        if not cluster_id.startswith("-"):
            return cluster_id


def _raise_create_errors(topic_errors: list[tuple[Any, ...]]) -> None:
    failures = [
        f"{topic}: {for_code(code).__name__} {rest[0] if rest else ''}".rstrip()
        for topic, code, *rest in topic_errors
        if code != 0 and for_code(code) is not TopicAlreadyExistsError
    ]
    if failures:
        raise StackError("kafka: topic creation failed: " + "; ".join(failures))


def _partition_mismatches(described: list[dict[str, Any]], partitions: int) -> list[str]:
    """Existing topics are never altered; say so instead of silently running with the wrong
    partition count (the fix is deleting the topic or the kafka data dir)."""
    return [
        f"topic {t['topic']} has {len(t['partitions'])} partitions, settings want {partitions}"
        for t in described
        if t["error_code"] == 0 and len(t["partitions"]) != partitions
    ]


def _unusable_topics(described: list[dict[str, Any]]) -> list[str]:
    return [
        f"{t['topic']}: {for_code(t['error_code']).__name__}"
        if t["error_code"] != 0
        else f"{t['topic']}: partitions without a leader"
        for t in described
        if t["error_code"] != 0 or any(part["leader"] < 0 for part in t["partitions"])
    ]
