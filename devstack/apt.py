"""Debian package installs for dependencies that come from the distribution."""

from __future__ import annotations

import shutil

from devstack import process


def install(packages: list[str]) -> None:
    """apt-get install, refreshing the package lists once if a package is unknown."""
    if shutil.which("apt-get") is None:
        raise process.StackError(
            f"{', '.join(packages)} missing and apt-get is unavailable: install them yourself"
        )
    env = {"DEBIAN_FRONTEND": "noninteractive"}
    cmd = ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *packages]
    try:
        process.run(cmd, env=env)
    except process.StackError:
        process.run(["apt-get", "update", "-qq"], env=env)
        process.run(cmd, env=env)
