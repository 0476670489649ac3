"""`scripts/stack up|down|status|env|provision [component...]`, `scripts/stack instance-env NAME`.

up/down/status manage the local stack; `provision` only creates the databases, bucket, queues
and topics on dependencies that someone else runs (compose.yaml uses it); `instance-env`
prints the environment of another stack instance (`devstack.instances`).
"""

from __future__ import annotations

import argparse
import shlex
import sys

from devstack import instances
from devstack.component import Health
from devstack.limits import raise_open_file_limit
from devstack.process import StackError
from devstack.stack import Stack, default_components


def _print_health(rows: list[Health]) -> bool:
    for row in rows:
        mark = "healthy" if row.healthy else "DOWN"
        pid = f"pid {row.pid}" if row.pid else ""
        print(f"{row.name:<10} {mark:<8} {pid:<12} {row.detail}")
    return all(row.healthy for row in rows)


def main(argv: list[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else argv
    if arguments[:1] == ["instance-env"]:
        return _instance_env(arguments[1:])
    parser = argparse.ArgumentParser(prog="stack", description=__doc__)
    parser.add_argument("command", choices=["up", "down", "status", "env", "provision"])
    parser.add_argument("components", nargs="*", help="limit to these components")
    args = parser.parse_args(arguments)

    raise_open_file_limit()  # inherited by the servers `up` starts
    stack = Stack(default_components()).select(args.components)
    try:
        if args.command == "up":
            return 0 if _print_health(stack.up()) else 1
        if args.command == "down":
            stack.down()
            return 0
        if args.command == "provision":
            stack.provision_external()
            return 0
        if args.command == "status":
            return 0 if _print_health(stack.status()) else 1
        for key, value in stack.env().items():
            print(f"export {key}={shlex.quote(value)}")
        return 0
    except StackError as exc:
        print(f"stack: {exc}", file=sys.stderr)
        return 1


def _instance_env(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="stack instance-env", description=instances.__doc__)
    parser.add_argument("name")
    parser.add_argument("--port-offset", type=int, default=100)
    args = parser.parse_args(argv)
    try:
        environment = instances.instance_environment(args.name, args.port_offset)
    except ValueError as exc:
        print(f"stack: {exc}", file=sys.stderr)
        return 1
    for key, value in environment.items():
        print(f"export {key}={shlex.quote(value)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
