"""The S3 bucket and the SQS queues the services need, created idempotently on whatever
endpoints `AwsSettings` names (SeaweedFS and ElasticMQ locally, moto in compose.yaml, real
AWS): used by the stack's components, by compose's provision step, and by tests and
benchmarks for resources of their own. Plain botocore from the project venv."""

from __future__ import annotations

import json
from typing import Any, Literal

import botocore.session
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError

from common.clients.aws import endpoint_url
from common.settings import AwsSettings
from devstack.process import StackError

CLIENT_CONFIG = Config(connect_timeout=1, read_timeout=5, retries={"max_attempts": 1})


def client(settings: AwsSettings, service: Literal["s3", "sqs"]) -> Any:
    return botocore.session.Session().create_client(
        service,
        region_name=settings.region,
        endpoint_url=endpoint_url(settings, service) or None,
        aws_access_key_id=settings.access_key_id,
        aws_secret_access_key=settings.secret_access_key,
        config=CLIENT_CONFIG,
    )


def ensure_bucket(settings: AwsSettings) -> None:
    s3 = client(settings, "s3")
    region = settings.region
    # us-east-1 rejects an explicit LocationConstraint; every other region requires one.
    location = (
        {}
        if region == "us-east-1"
        else {"CreateBucketConfiguration": {"LocationConstraint": region}}
    )
    try:
        s3.create_bucket(Bucket=settings.s3_bucket, **location)
    except ClientError as exc:
        if exc.response.get("Error", {}).get("Code") not in (
            "BucketAlreadyOwnedByYou",
            "BucketAlreadyExists",
        ):
            raise StackError(f"s3: creating bucket {settings.s3_bucket!r} failed: {exc}") from exc
    except BotoCoreError as exc:
        raise StackError(f"s3: creating bucket {settings.s3_bucket!r} failed: {exc}") from exc


def ensure_queues(settings: AwsSettings) -> None:
    """The dead-letter queue, then the main queue redriving to it."""
    sqs = client(settings, "sqs")
    try:
        dlq_url = _ensure_queue(sqs, settings.sqs_dead_letter_queue_name, {})
        arn = sqs.get_queue_attributes(QueueUrl=dlq_url, AttributeNames=["QueueArn"])
        redrive = {
            "deadLetterTargetArn": arn["Attributes"]["QueueArn"],
            "maxReceiveCount": settings.sqs_max_receive_count,
        }
        _ensure_queue(
            sqs,
            settings.sqs_queue_name,
            {
                "VisibilityTimeout": str(settings.sqs_visibility_timeout_s),
                "RedrivePolicy": json.dumps(redrive),
            },
        )
    except (BotoCoreError, ClientError) as exc:
        raise StackError(f"sqs: creating the queues failed: {exc}") from exc


def _ensure_queue(sqs: Any, name: str, attributes: dict[str, str]) -> str:
    # CreateQueue without attributes returns an existing queue's URL; with attributes it
    # fails when they differ, so they are set separately.
    url: str = sqs.create_queue(QueueName=name)["QueueUrl"]
    if attributes:
        current = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=list(attributes))
        if _normalised(current.get("Attributes", {})) != _normalised(attributes):
            # Only when they differ: ElasticMQ stores each change, and a queue whose stored
            # attributes were changed again was seen to fail its restore after a restart
            # ("QueueAlreadyExists"), taking later queues with it.
            sqs.set_queue_attributes(QueueUrl=url, Attributes=attributes)
    return url


def _normalised(attributes: dict[str, str]) -> dict[str, object]:
    """Attributes as compared: the redrive policy parsed (servers differ in how they write
    its JSON and whether maxReceiveCount is a number or text)."""
    normalised: dict[str, object] = dict(attributes)
    if "RedrivePolicy" in attributes:
        policy = json.loads(attributes["RedrivePolicy"])
        policy["maxReceiveCount"] = int(policy.get("maxReceiveCount", 0))
        normalised["RedrivePolicy"] = policy
    return normalised


def ensure_all(settings: AwsSettings) -> None:
    ensure_bucket(settings)
    ensure_queues(settings)


def remove_all(settings: AwsSettings) -> None:
    """The bucket (its objects and unfinished multipart uploads first) and both queues:
    what a test or a benchmark made for itself, so the stack does not accumulate them."""
    s3 = client(settings, "s3")
    bucket = settings.s3_bucket
    for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket):
        for item in page.get("Contents", []):
            s3.delete_object(Bucket=bucket, Key=item["Key"])
    for upload in s3.list_multipart_uploads(Bucket=bucket).get("Uploads", []):
        s3.abort_multipart_upload(Bucket=bucket, Key=upload["Key"], UploadId=upload["UploadId"])
    s3.delete_bucket(Bucket=bucket)
    sqs = client(settings, "sqs")
    for name in (settings.sqs_queue_name, settings.sqs_dead_letter_queue_name):
        sqs.delete_queue(QueueUrl=sqs.get_queue_url(QueueName=name)["QueueUrl"])


def queue_names(settings: AwsSettings) -> frozenset[str] | None:
    """The queues there are now (None if the endpoint does not answer)."""
    try:
        urls = client(settings, "sqs").list_queues().get("QueueUrls", [])
    except (BotoCoreError, ClientError):
        return None
    return frozenset(url.rsplit("/", 1)[-1] for url in urls)


def reachable(settings: AwsSettings, service: Literal["s3", "sqs"]) -> bool:
    """True when the endpoint answers an authenticated call (ListBuckets / ListQueues)."""
    try:
        if service == "s3":
            client(settings, "s3").list_buckets()
        else:
            client(settings, "sqs").list_queues()
    except (BotoCoreError, ClientError):
        return False
    return True


def environment(settings: AwsSettings) -> dict[str, str]:
    """Every AwsSettings field under the variable pydantic-settings reads it from."""
    prefix = settings.model_config.get("env_prefix") or ""
    dumped = settings.model_dump().items()
    return {f"{prefix}{field}".upper(): str(value) for field, value in dumped}
