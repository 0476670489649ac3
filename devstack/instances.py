"""Another instance of the local stack beside the default one: the same installed tools, data
of its own under `.stack/instances/<name>`, every dependency on its default port plus an
offset. The resilience suite runs on one, because it kills and restarts dependencies, while
the other tests run on the default stack at the same time.

    eval "$(python -m devstack.cli instance-env resilience --port-offset 100)"
    python -m devstack.cli up      # now starts (or finds) that instance
"""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from common.settings import (
    AwsSettings,
    KafkaSettings,
    MongoSettings,
    PostgresSettings,
    RedisSettings,
)
from devstack.paths import stack_home, tools_dir


def shifted_url(url: str, offset: int) -> str:
    """`url` with its port moved by `offset` (a `scheme://user@host:port/path` URL)."""
    parts = urlsplit(url)
    if parts.port is None or parts.hostname is None:
        raise ValueError(f"no port to shift in {url!r}")
    netloc = parts.netloc.rsplit(":", 1)[0] + f":{parts.port + offset}"
    return urlunsplit(parts._replace(netloc=netloc))


def shifted_hosts(hosts: str, offset: int) -> str:
    """A `host:port,host:port` list with every port moved by `offset`."""
    moved = []
    for entry in hosts.split(","):
        host, _, port = entry.strip().rpartition(":")
        moved.append(f"{host}:{int(port) + offset}")
    return ",".join(moved)


def instance_environment(name: str, port_offset: int) -> dict[str, str]:
    """The environment that makes `devstack` and our processes use instance `name`: its
    home, the shared tools, and each dependency's address with the port shifted."""
    if not name.isidentifier():
        raise ValueError(f"instance names are identifiers: {name!r}")
    if not 1 <= port_offset <= 5000:
        raise ValueError("the port offset must be within 1..5000")
    tools = tools_dir()  # before STACK_HOME changes: the default instance's
    kafka = KafkaSettings()
    aws = AwsSettings()
    return {
        "STACK_HOME": str(stack_home() / "instances" / name),
        "STACK_TOOLS_HOME": str(tools),
        "POSTGRES_DSN": shifted_url(PostgresSettings().dsn, port_offset),
        "REDIS_URL": shifted_url(RedisSettings().url, port_offset),
        "KAFKA_BOOTSTRAP_SERVERS": shifted_hosts(kafka.bootstrap_servers, port_offset),
        "MONGODB_URI": shifted_url(MongoSettings().uri, port_offset),
        "AWS_S3_ENDPOINT_URL": shifted_url(aws.s3_endpoint_url, port_offset),
        "AWS_SQS_ENDPOINT_URL": shifted_url(aws.sqs_endpoint_url, port_offset),
    }
