"""aioboto3 session shared by the S3 and SQS wrappers."""

from __future__ import annotations

from typing import Any, Literal

import aioboto3

from common.settings import AwsSettings


def endpoint_url(settings: AwsSettings, service: Literal["s3", "sqs"]) -> str:
    """The service's endpoint ("" for real AWS)."""
    return settings.s3_endpoint_url if service == "s3" else settings.sqs_endpoint_url


def client_kwargs(settings: AwsSettings, service: Literal["s3", "sqs"]) -> dict[str, Any]:
    """Arguments for `session.client(service, ...)`; an empty endpoint means real AWS."""
    kwargs: dict[str, Any] = {"region_name": settings.region}
    if url := endpoint_url(settings, service):
        kwargs["endpoint_url"] = url
    if settings.access_key_id:
        kwargs["aws_access_key_id"] = settings.access_key_id
        kwargs["aws_secret_access_key"] = settings.secret_access_key
    return kwargs


def new_session() -> aioboto3.Session:
    return aioboto3.Session()
