"""SQS on loopback: ElasticMQ, run from the jars Maven resolves for
`resources/elasticmq/pom.xml`, on the machine's JDK.

Queues, their attributes (visibility timeout, redrive policy) and their messages (in flight
ones too, with their receive counts) live in an H2 file under `<component home>/data`,
written through on every change, so a restart (even after SIGKILL) loses none of them.
Differences from AWS SQS that matter here: deleting a message with a stale receipt handle is
an error (`ReceiptHandleIsInvalid`; AWS accepts it and does nothing) — `QueueClient.delete`
treats it as already deleted; `ListDeadLetterSourceQueues` misses queues given their
redrive policy after creation (nothing here uses it).
"""

from __future__ import annotations

import string
import time
from pathlib import Path
from urllib.parse import urlsplit

from common.settings import AwsSettings
from devstack import aws_resources, process
from devstack.component import Component
from devstack.maven import MavenRuntime, java, server_jvm_options
from devstack.process import StackError

RESOURCES = Path(__file__).resolve().parent / "resources" / "elasticmq"
JVM_OPTS = server_jvm_options("32m", "256m")
SHUTDOWN_TIMEOUT_S = 15.0
RESTORE_SETTLE_S = 1.0


class QueueServer(Component):
    name = "sqs"

    def __init__(self, settings: AwsSettings) -> None:
        self._settings = settings
        self.runtime = MavenRuntime(
            "elasticmq",
            RESOURCES / "pom.xml",
            "elasticmq.version",
            "elasticmq-server_2.13-{version}.jar",
        )

    def install(self) -> None:
        self.runtime.install()

    def _address(self) -> tuple[str, int]:
        url = urlsplit(self._settings.sqs_endpoint_url)
        if url.scheme != "http" or url.hostname is None or url.port is None:
            raise StackError(
                "sqs: AWS_SQS_ENDPOINT_URL must be http://HOST:PORT to run ElasticMQ locally"
                f" (empty means real AWS): {self._settings.sqs_endpoint_url!r}"
            )
        return url.hostname, url.port

    @property
    def config_path(self) -> Path:
        return self.home / "elasticmq.conf"

    def start(self) -> None:
        if process.running(self.pid_path):
            return
        if not self.runtime.installed():
            raise StackError("sqs: not installed (run install() first)")
        host, port = self._address()
        if process.port_open(host, port):
            raise StackError(
                f"sqs: {host}:{port} is already taken by a process this stack did not start"
            )
        data = self.home / "data"
        data.mkdir(parents=True, exist_ok=True)
        template = string.Template((RESOURCES / "elasticmq.conf.template").read_text())
        self.config_path.write_text(
            template.substitute(host=host, port=port, data_dir=data, region=self._settings.region)
        )
        process.spawn(
            [
                java(),
                *JVM_OPTS,
                f"-Dconfig.file={self.config_path}",
                "-cp",
                self.runtime.classpath,
                "org.elasticmq.server.Main",
            ],
            cwd=self.home,
            log_path=self.log_path,
            pid_path=self.pid_path,
        )

    def ready(self) -> bool:
        """Serving, and done restoring: ElasticMQ answers right after it starts and only
        then re-creates the stored queues, one by one. A queue created meanwhile (the
        provision step) makes the restore fail with QueueAlreadyExists and the server stop;
        a queue looked up meanwhile is missing. So: the same queues twice, a moment apart."""
        host, port = self._address()
        if not process.port_open(host, port):
            return False
        first = aws_resources.queue_names(self._settings)
        time.sleep(RESTORE_SETTLE_S)
        return first is not None and first == aws_resources.queue_names(self._settings)

    def provision(self) -> None:
        aws_resources.ensure_queues(self._settings)

    def stop(self) -> bool:
        return process.stop(self.pid_path, timeout=SHUTDOWN_TIMEOUT_S)

    def endpoint(self) -> str:
        return self._settings.sqs_endpoint_url or f"AWS SQS {self._settings.region}"

    def env(self) -> dict[str, str]:
        return aws_resources.environment(self._settings)
