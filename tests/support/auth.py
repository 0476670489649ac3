"""Credentials of the test run: one admin token and one service secret, made up per run."""

from __future__ import annotations

import grpc
from pydantic import SecretStr

from common.auth.credentials import new_admin_token, new_service_secret, service_token
from common.grpc.credentials import authorized_channel
from common.settings import AuthSettings

ADMIN_TOKEN = new_admin_token()
SERVICE_SECRET = new_service_secret()

# What the servers under test check callers with (and derive their own credentials from).
TEST_AUTH = AuthSettings(
    admin_token=SecretStr(ADMIN_TOKEN), service_secret=SecretStr(SERVICE_SECRET)
)


def auth_env() -> dict[str, str]:
    """The AUTH_* environment of a process of ours started by a test."""
    return {"AUTH_ADMIN_TOKEN": ADMIN_TOKEN, "AUTH_SERVICE_SECRET": SERVICE_SECRET}


def service_credential(name: str) -> str:
    return service_token(SERVICE_SECRET, name)


def admin_channel(target: str) -> grpc.aio.Channel:
    """A channel whose calls carry the admin credential (tests that are not about access
    control call as the operator)."""
    return authorized_channel(target, ADMIN_TOKEN)


def bearer(token: str) -> tuple[tuple[str, str]]:
    """Call metadata carrying `token`."""
    return (("authorization", f"Bearer {token}"),)
