"""The command tree. Each command opens the channels, makes its calls and prints; a refused
call prints its gRPC status and the server's message, and exits with status 1."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from functools import wraps
from typing import Any, TypeVar

import click
import grpc

from omsctl.connection import Services, Target, connect
from omsctl.output import Printer

T = TypeVar("T")


@dataclass(frozen=True)
class Invocation:
    target: Target
    printer: Printer
    tenant_id: str


def run_with_services(
    action: Callable[..., Awaitable[None]],
) -> Callable[..., None]:
    """A click command body: `action(invocation, services, **options)`, run on the loop."""

    @wraps(action)
    @click.pass_obj
    def command(invocation: Invocation, /, **options: Any) -> None:
        async def body() -> None:
            async with connect(invocation.target) as services:
                await action(invocation, services, **options)

        try:
            asyncio.run(body())
        except grpc.aio.AioRpcError as exc:
            invocation.printer.value(
                {"error": {"code": exc.code().name, "message": exc.details()}},
                f"[red]error[/]: {exc.code().name}: {exc.details()}",
            )
            sys.exit(1)

    return command


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--ims", help="IMS gRPC address [env OMSCTL_IMS; 127.0.0.1:50051]")
@click.option("--oms", help="OMS gRPC address [env OMSCTL_OMS; 127.0.0.1:50052]")
@click.option(
    "--token",
    help="a tenant API key (tk_…), an access token or the admin token [env OMSCTL_TOKEN]",
)
@click.option(
    "--tenant",
    default="",
    help="the tenant to act on (the admin's calls; a tenant key acts on its own tenant)",
)
@click.option("--timeout", type=float, help="deadline of each call, seconds [10]")
@click.option(
    "--output", "-o", type=click.Choice(["table", "json"]), default="table", show_default=True
)
@click.pass_context
def main(
    ctx: click.Context,
    ims: str | None,
    oms: str | None,
    token: str | None,
    tenant: str,
    timeout: float | None,
    output: str,
) -> None:
    """Operate the order and inventory backbone: uploads, orders, stock, webhooks, tenants."""
    target = Target.from_environment()
    target = replace(
        target,
        ims=ims or target.ims,
        oms=oms or target.oms,
        token=token or target.token,
        timeout_s=timeout or target.timeout_s,
    )
    ctx.obj = Invocation(target, Printer.create(output), tenant)


def _register() -> None:
    # The command modules import this one for `main` and `run_with_services`.
    from omsctl import dead_letters, inventory, orders, tenants, uploads, webhooks

    for module in (uploads, orders, inventory, webhooks, dead_letters, tenants):
        for command in module.COMMANDS:
            main.add_command(command)


_register()

__all__ = ["Invocation", "Services", "main", "run_with_services"]
