"""Credentials of one benchmark run: made up per run, given to the processes it starts."""

from __future__ import annotations

import grpc

from common.auth.credentials import new_admin_token, new_service_secret
from common.grpc.credentials import authorized_channel

ADMIN_TOKEN = new_admin_token()
SERVICE_SECRET = new_service_secret()


def server_env() -> dict[str, str]:
    """AUTH_* of a server (IMS, OMS) or consumer started by the benchmark."""
    return {"AUTH_ADMIN_TOKEN": ADMIN_TOKEN, "AUTH_SERVICE_SECRET": SERVICE_SECRET}


def admin_channel(target: str) -> grpc.aio.Channel:
    """The load generator calls as the operator (one credential, its own rate bucket)."""
    return authorized_channel(target, ADMIN_TOKEN)
