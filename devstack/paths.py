"""Where the stack keeps installs, data, logs and pid files (one git-ignored folder)."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def stack_home() -> Path:
    """Root of everything the stack owns; override with STACK_HOME."""
    return Path(os.environ.get("STACK_HOME", PROJECT_ROOT / ".stack")).resolve()


def component_dir(name: str) -> Path:
    path = stack_home() / name
    path.mkdir(parents=True, exist_ok=True)
    return path


def tools_dir() -> Path:
    """Shared install area (downloaded jars, tool virtualenvs) for all components;
    STACK_TOOLS_HOME lets another stack instance share one (`devstack.instances`)."""
    path = Path(os.environ.get("STACK_TOOLS_HOME") or stack_home() / "tools").resolve()
    path.mkdir(parents=True, exist_ok=True)
    return path


def run_dir() -> Path:
    """`scripts/run`'s pid file, its processes' logs, the demo's key: RUN_HOME, or
    `.stack/run`."""
    return Path(os.environ.get("RUN_HOME") or stack_home() / "run").resolve()
