"""The local system's credentials: an admin token and a service secret, made once and kept
under the stack's home (mode 0600), so they survive restarts like the data they guard.

Set AUTH_ADMIN_TOKEN / AUTH_SERVICE_SECRET in the environment to use your own instead.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from common.auth.credentials import new_admin_token, new_service_secret, service_token
from devstack.paths import stack_home


@dataclass(frozen=True)
class LocalCredentials:
    admin_token: str
    service_secret: str
    admin_token_file: Path

    def server_env(self) -> dict[str, str]:
        """IMS and OMS: they check callers with both (and OMS derives its own token)."""
        return {"AUTH_ADMIN_TOKEN": self.admin_token, "AUTH_SERVICE_SECRET": self.service_secret}

    def service_env(self, name: str) -> dict[str, str]:
        """A consumer: its own credential only, not the secret that makes them."""
        return {"AUTH_SERVICE_TOKEN": service_token(self.service_secret, name)}


def _kept(path: Path, make: str) -> str:
    if not path.exists() or not path.read_text().strip():
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as out:
            out.write(make + "\n")
    return path.read_text().strip()


def local_credentials(home: Path | None = None) -> LocalCredentials:
    folder = (home or stack_home()) / "auth"
    token_file = folder / "admin-token"
    admin = os.environ.get("AUTH_ADMIN_TOKEN") or _kept(token_file, new_admin_token())
    secret = os.environ.get("AUTH_SERVICE_SECRET") or _kept(
        folder / "service-secret", new_service_secret()
    )
    return LocalCredentials(admin, secret, token_file)
