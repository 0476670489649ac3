"""aioboto3 session shared by the S3 and SQS wrappers."""

from __future__ import annotations

from typing import Any

import aioboto3

from common.settings import AwsSettings


def client_kwargs(settings: AwsSettings) -> dict[str, Any]:
    """Arguments for `session.client(...)`; an empty endpoint means real AWS."""
    kwargs: dict[str, Any] = {"region_name": settings.region}
    if settings.endpoint_url:
        kwargs["endpoint_url"] = settings.endpoint_url
    if settings.access_key_id:
        kwargs["aws_access_key_id"] = settings.access_key_id
        kwargs["aws_secret_access_key"] = settings.secret_access_key
    return kwargs


def new_session() -> aioboto3.Session:
    return aioboto3.Session()
