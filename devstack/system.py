"""`scripts/run`: the local stack plus every process of ours, supervised in the foreground.

A process that exits is restarted with backoff, a stack dependency whose process is gone is
brought back, and each event is one plain line on the console; the processes' own (JSON)
logs go to files under `.stack/run/`. Then, unless `--no-demo`, the demo shows the system
doing its job (`devstack.demo`). Ctrl-C, SIGTERM or `scripts/run stop` stops our processes
and the dependencies this run started.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from devstack import process
from devstack.component import Component
from devstack.credentials import LocalCredentials, local_credentials
from devstack.envoy_bin import ensure_envoy, gateway_config
from devstack.limits import raise_open_file_limit
from devstack.paths import PROJECT_ROOT, run_dir, stack_home
from devstack.stack import Stack, default_components
from devstack.supervisor import DependencyWatch, ServiceProcess, Supervisor

_TICK_S = 0.2


@dataclass(frozen=True)
class Ports:
    """Where our processes listen; each can be moved with its variable (IMS_PORT, OMS_PORT,
    EDGE_PORT, ENVOY_PORT, ENVOY_ADMIN_PORT), and the processes that call them follow."""

    ims: int = 50051
    oms: int = 50052
    edge: int = 8000
    envoy: int = 8080
    envoy_admin: int = 9901
    # Prometheus endpoints (`/metrics`) of the processes without an HTTP port of their own;
    # the edge serves its metrics at :8000/metrics, Envoy at :9901/stats/prometheus.
    metrics: tuple[tuple[str, int], ...] = (
        ("IMS_METRICS_PORT", 9101),
        ("OMS_METRICS_PORT", 9102),
        ("INGESTER_METRICS_PORT", 9103),
        ("FINALIZER_METRICS_PORT", 9104),
        ("DISPATCHER_METRICS_PORT", 9105),
    )

    @classmethod
    def from_environment(cls) -> Ports:
        defaults = cls()

        def port(name: str, default: int) -> int:
            return int(os.environ.get(name) or default)

        return cls(
            ims=port("IMS_PORT", defaults.ims),
            oms=port("OMS_PORT", defaults.oms),
            edge=port("EDGE_PORT", defaults.edge),
            envoy=port("ENVOY_PORT", defaults.envoy),
            envoy_admin=port("ENVOY_ADMIN_PORT", defaults.envoy_admin),
            metrics=tuple((name, port(name, default)) for name, default in defaults.metrics),
        )

    def environment(self) -> dict[str, str]:
        ims, oms = f"127.0.0.1:{self.ims}", f"127.0.0.1:{self.oms}"
        return {
            "IMS_PORT": str(self.ims),
            "OMS_PORT": str(self.oms),
            "OMS_IMS_TARGET": ims,
            "EDGE_IMS_TARGET": ims,
            "EDGE_OMS_TARGET": oms,
            "OMSCTL_IMS": ims,
            "OMSCTL_OMS": oms,
            **{name: str(port) for name, port in self.metrics},
        }


def service_processes(
    python: str, envoy: Path, envoy_config: Path, ports: Ports, credentials: LocalCredentials
) -> list[ServiceProcess]:
    def consumer(name: str, module: str) -> ServiceProcess:
        return ServiceProcess(name, [python, "-m", module], credentials.service_env(name))

    return [
        ServiceProcess("ims", [python, "-m", "ims_grpc.main"], credentials.server_env()),
        ServiceProcess("oms", [python, "-m", "oms_grpc.main"], credentials.server_env()),
        consumer("csv-ingester", "consumers.csv_ingester"),
        consumer("order-finalizer", "consumers.order_finalizer"),
        consumer("webhook-dispatcher", "consumers.webhook_dispatcher"),
        ServiceProcess(
            "edge",
            [
                python,
                "-m",
                "uvicorn",
                "--factory",
                "edge_rest.app:create_app",
                "--host",
                os.environ.get("EDGE_HOST", "127.0.0.1"),
                "--port",
                str(ports.edge),
                "--no-access-log",
                "--http",
                "httptools",
                "--loop",
                "uvloop",
            ],
        ),
        ServiceProcess(
            "envoy",
            # No hot restart: its shared memory would clash with a second Envoy on the machine.
            [str(envoy), "-c", str(envoy_config), "--log-level", "warn", "--disable-hot-restart"],
        ),
    ]


def say(line: str) -> None:
    # A console that went away (the terminal closed, the reading process died) must not
    # stop the supervisor: it keeps running, and stops what it started when told to.
    with contextlib.suppress(OSError):
        print(f"{time.strftime('%H:%M:%S')}  {line}", flush=True)


def _bring_up(component: Component) -> None:
    Stack([component], report=lambda line: None).up()


def _serve(demo: bool) -> int:
    pid_file = run_dir() / "pid"
    if process.running(pid_file):
        say(f"already running (pid {process.read_pid(pid_file)}); stop it with: scripts/run stop")
        return 1
    raise_open_file_limit()  # inherited by the stack's servers and ours
    components = default_components()
    already_up = {c.name for c in components if process.running(c.pid_path)}
    say("starting the local stack (PostgreSQL, Redis, Kafka, MongoDB-wire, S3/SQS)")
    Stack(components, report=lambda line: say(f"stack: {line}")).up()
    started_here = [c for c in components if c.name not in already_up]
    envoy = ensure_envoy()
    credentials = local_credentials()

    stopping = threading.Event()
    signal.signal(signal.SIGINT, lambda signum, frame: stopping.set())
    signal.signal(signal.SIGTERM, lambda signum, frame: stopping.set())
    run_dir().mkdir(parents=True, exist_ok=True)
    pid_file.write_text(str(os.getpid()))

    ports = Ports.from_environment()
    envoy_config = run_dir() / "envoy.yaml"
    envoy_config.write_text(
        gateway_config(ports.envoy, ports.envoy_admin, ports.ims, ports.oms, ports.edge)
    )
    os.environ.update(ports.environment())  # the demo's clients read them too
    supervisor = Supervisor(
        service_processes(sys.executable, envoy, envoy_config, ports, credentials),
        log_dir=run_dir(),
        say=say,
        cwd=PROJECT_ROOT,
        base_env={**os.environ, **_local_only_env()},
    )
    watch = DependencyWatch(components, bring_up=_bring_up, say=say)
    say(f"logs of our processes: {run_dir()}/<name>.log; of the stack: {stack_home()}/<name>/")
    supervisor.start()
    demo_thread = _start_demo(credentials, stopping) if demo else None
    try:
        while not stopping.is_set():
            supervisor.tick()
            watch.tick()
            stopping.wait(_TICK_S)
    finally:
        say("stopping our processes")
        supervisor.stop()
        if demo_thread is not None:
            demo_thread.join(timeout=5)
        watch.wait(timeout_s=60)
        if started_here:
            say(
                "stopping the dependencies this run started: "
                + ", ".join(c.name for c in started_here)
            )
            Stack(started_here, report=lambda line: say(f"stack: {line}")).down()
        pid_file.unlink(missing_ok=True)
        say("stopped")
    return 0


def _local_only_env() -> dict[str, str]:
    """The local system accepts webhooks on loopback (the demo's receiver listens there);
    a deployment leaves WEBHOOK_ALLOWED_NETWORKS empty."""
    return {"WEBHOOK_ALLOWED_NETWORKS": os.environ.get("WEBHOOK_ALLOWED_NETWORKS", "127.0.0.1/32")}


def _start_demo(credentials: LocalCredentials, stopping: threading.Event) -> threading.Thread:
    from devstack.demo.main import run_demo  # the demo's clients load only when it runs

    def target() -> None:
        try:
            run_demo(credentials, stopping)
        except Exception as exc:  # the system keeps running; say what went wrong
            say(f"the demo failed: {type(exc).__name__}: {exc}")

    thread = threading.Thread(target=target, name="demo", daemon=True)
    thread.start()
    return thread


def _stop() -> int:
    pid_file = run_dir() / "pid"
    pid = process.read_pid(pid_file)
    if pid is None or not process.running(pid_file):
        print("scripts/run is not running")
        return 0
    os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + 120
    while process.pid_alive(pid) and time.monotonic() < deadline:
        time.sleep(0.2)
    if process.pid_alive(pid):
        print(f"scripts/run (pid {pid}) did not stop within 120 s", file=sys.stderr)
        return 1
    print(f"stopped scripts/run (pid {pid}) and what it started")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/run", description=__doc__)
    parser.add_argument("command", nargs="?", choices=["stop"], help="stop a running system")
    parser.add_argument(
        "--no-demo", action="store_true", help="start the system without running the demo"
    )
    args = parser.parse_args(argv)
    if args.command == "stop":
        return _stop()
    return _serve(demo=not args.no_demo)


if __name__ == "__main__":
    sys.exit(main())
