"""Redis from Debian's redis-server package, no persistence (a cache)."""

from __future__ import annotations

import shutil
import socket
from urllib.parse import urlsplit

from common.settings import RedisSettings
from devstack import apt, process
from devstack.component import Component


class Redis(Component):
    name = "redis"

    def __init__(self, settings: RedisSettings) -> None:
        url = urlsplit(settings.url)
        self._host = url.hostname or "127.0.0.1"
        self._port = url.port or 6379

    def install(self) -> None:
        if shutil.which("redis-server") is None:
            apt.install(["redis-server"])

    def start(self) -> None:
        if process.running(self.pid_path):
            return
        binary = shutil.which("redis-server")
        if binary is None:
            raise process.StackError("redis-server not installed")
        process.spawn(
            [
                binary,
                "--bind",
                self._host,
                "--port",
                str(self._port),
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.home),
                "--daemonize",
                "no",
                "--maxmemory",
                "256mb",
                "--maxmemory-policy",
                "allkeys-lru",
            ],
            log_path=self.log_path,
            pid_path=self.pid_path,
        )

    def ready(self) -> bool:
        try:
            with socket.create_connection((self._host, self._port), timeout=0.5) as sock:
                sock.sendall(b"PING\r\n")
                return sock.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def endpoint(self) -> str:
        return f"redis://{self._host}:{self._port}/0"

    def env(self) -> dict[str, str]:
        return {"REDIS_URL": self.endpoint()}
