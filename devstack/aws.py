"""S3 + SQS on loopback: moto 5 in server mode, in its own virtualenv.

moto pins its own botocore, which conflicts with aioboto3's pin in the project venv, hence the
separate virtualenv. moto keeps every bucket, object and queue in memory: restarting the
endpoint loses them all, and `provision()` recreates the (empty) bucket and queues. That is
acceptable for a development/test stack. The clients used here are plain botocore from the
project venv (aioboto3 brings it), talking to whatever `AwsSettings.endpoint_url` names.
"""

from __future__ import annotations

import json
from functools import cached_property
from typing import Any
from urllib.parse import urlsplit

import botocore.session
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError

from common.settings import AwsSettings
from devstack import process
from devstack.component import Component
from devstack.process import StackError
from devstack.toolvenv import ToolVenv

MOTO_VERSION = "5.2.5"
CLIENT_CONFIG = Config(connect_timeout=1, read_timeout=5, retries={"max_attempts": 1})


class AwsEndpoint(Component):
    name = "aws"

    def __init__(self, settings: AwsSettings) -> None:
        self._settings = settings
        self._tool = ToolVenv(f"moto[server]=={MOTO_VERSION}", f"moto-{MOTO_VERSION}")

    def install(self) -> None:
        self._tool.ensure("moto_server")

    def start(self) -> None:
        if process.running(self.pid_path):
            return
        host, port = self._bind_address()
        if process.port_open(host, port):
            raise StackError(
                f"aws: {host}:{port} is already taken by a process this stack did not start"
            )
        server = self._tool.ensure("moto_server")
        process.spawn(
            [str(server), "-H", host, "-p", str(port)],
            cwd=self.home,
            log_path=self.log_path,
            pid_path=self.pid_path,
        )

    def _bind_address(self) -> tuple[str, int]:
        url = urlsplit(self._settings.endpoint_url)
        if url.scheme != "http" or url.hostname is None:
            raise StackError(
                "aws: AWS_ENDPOINT_URL must be http://HOST:PORT to run moto "
                f"locally (empty means real AWS): {self._settings.endpoint_url!r}"
            )
        return url.hostname, url.port or 80

    def ready(self) -> bool:
        try:
            self._s3.list_buckets()
        except (BotoCoreError, ClientError):
            return False
        return True

    def provision(self) -> None:
        """Bucket, dead-letter queue, then the main queue redriving to it (idempotent)."""
        try:
            self._ensure_bucket(self._settings.s3_bucket)
            dlq_url = self._ensure_queue(self._settings.sqs_dead_letter_queue_name, {})
            redrive = {
                "deadLetterTargetArn": self._queue_arn(dlq_url),
                "maxReceiveCount": self._settings.sqs_max_receive_count,
            }
            self._ensure_queue(
                self._settings.sqs_queue_name,
                {
                    "VisibilityTimeout": str(self._settings.sqs_visibility_timeout_s),
                    "RedrivePolicy": json.dumps(redrive),
                },
            )
        except (BotoCoreError, ClientError) as exc:
            raise StackError(f"aws: provisioning at {self.endpoint()} failed: {exc}") from exc

    def _ensure_bucket(self, bucket: str) -> None:
        region = self._settings.region
        # us-east-1 rejects an explicit LocationConstraint; every other region requires one.
        location = (
            {}
            if region == "us-east-1"
            else {"CreateBucketConfiguration": {"LocationConstraint": region}}
        )
        try:
            self._s3.create_bucket(Bucket=bucket, **location)
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") != "BucketAlreadyOwnedByYou":
                raise

    def _ensure_queue(self, name: str, attributes: dict[str, str]) -> str:
        # CreateQueue without attributes returns an existing queue's URL; with attributes it
        # fails when they differ, so they are set separately.
        url: str = self._sqs.create_queue(QueueName=name)["QueueUrl"]
        if attributes:
            self._sqs.set_queue_attributes(QueueUrl=url, Attributes=attributes)
        return url

    def _queue_arn(self, url: str) -> str:
        reply = self._sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])
        arn: str = reply["Attributes"]["QueueArn"]
        return arn

    @cached_property
    def _s3(self) -> Any:
        return self._client("s3")

    @cached_property
    def _sqs(self) -> Any:
        return self._client("sqs")

    def _client(self, service: str) -> Any:
        return botocore.session.Session().create_client(
            service,
            region_name=self._settings.region,
            endpoint_url=self._settings.endpoint_url or None,
            aws_access_key_id=self._settings.access_key_id,
            aws_secret_access_key=self._settings.secret_access_key,
            config=CLIENT_CONFIG,
        )

    def endpoint(self) -> str:
        return self._settings.endpoint_url or f"AWS {self._settings.region}"

    def env(self) -> dict[str, str]:
        """Every AwsSettings field under the variable pydantic-settings reads it from."""
        prefix = self._settings.model_config.get("env_prefix") or ""
        return {
            f"{prefix}{field}".upper(): str(value)
            for field, value in self._settings.model_dump().items()
        }
