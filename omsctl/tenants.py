"""`omsctl tenants create|list` and `omsctl keys create|list|revoke` (the admin's work)."""

from __future__ import annotations

from typing import Any

import click
from iam.v1 import api_key_pb2
from ims.v1 import tenant_pb2

from omsctl.cli import Invocation, run_with_services
from omsctl.connection import Services
from omsctl.output import Column, enum_name, timestamp
from omsctl.paging import collect

TENANT_COLUMNS: list[Column] = [
    ("id", lambda t: t.id),
    ("code", lambda t: t.code),
    ("name", lambda t: t.name),
    ("created", lambda t: timestamp(t.create_time)),
]

KEY_COLUMNS: list[Column] = [
    ("id", lambda k: k.id),
    ("name", lambda k: k.name),
    (
        "scopes",
        lambda k: ", ".join(enum_name("SCOPE_", api_key_pb2.Scope.Name(s)) for s in k.scopes),
    ),
    ("created", lambda k: timestamp(k.create_time)),
    ("last used", lambda k: timestamp(k.last_used_time)),
    ("revoked", lambda k: timestamp(k.revoke_time)),
]

_SCOPES = [enum_name("SCOPE_", name) for name in api_key_pb2.Scope.keys()][1:]  # noqa: SIM118


@click.group("tenants")
def tenants() -> None:
    """Tenants (admin token)."""


@tenants.command("create")
@click.argument("name")
@click.option("--code", required=True, help="short unique code, e.g. acme")
@run_with_services
async def create_tenant(invocation: Invocation, services: Services, name: str, code: str) -> None:
    """Create a tenant."""
    reply = await services.tenants.CreateTenant(
        tenant_pb2.CreateTenantRequest(tenant=tenant_pb2.Tenant(name=name, code=code)),
        timeout=services.timeout_s,
    )
    invocation.printer.message(reply.tenant, TENANT_COLUMNS)


@tenants.command("list")
@run_with_services
async def list_tenants(invocation: Invocation, services: Services) -> None:
    """Every tenant."""

    def fetch(token: str, size: int) -> Any:
        return services.tenants.ListTenants(
            tenant_pb2.ListTenantsRequest(page_size=size, page_token=token),
            timeout=services.timeout_s,
        )

    found = await collect(fetch, "tenants")
    invocation.printer.rows(found, TENANT_COLUMNS, title=f"{len(found)} tenants")


@click.group("keys")
def keys() -> None:
    """A tenant's API keys (admin token, with --tenant)."""


@keys.command("create")
@click.option("--name", required=True)
@click.option(
    "--scope",
    "scopes",
    type=click.Choice(_SCOPES),
    multiple=True,
    default=("read", "write"),
    show_default=True,
)
@run_with_services
async def create_key(
    invocation: Invocation, services: Services, name: str, scopes: tuple[str, ...]
) -> None:
    """Create an API key; its secret is printed this once."""
    reply = await services.api_keys.CreateApiKey(
        api_key_pb2.CreateApiKeyRequest(
            tenant_id=invocation.tenant_id,
            name=name,
            scopes=[f"SCOPE_{s.upper()}" for s in scopes],
        ),
        timeout=services.timeout_s,
    )
    invocation.printer.value(
        {"api_key": {"id": reply.api_key.id, "name": reply.api_key.name}, "secret": reply.secret},
        f"API key {reply.api_key.id} ({name}); its secret, shown once:\n{reply.secret}",
    )


@keys.command("list")
@run_with_services
async def list_keys(invocation: Invocation, services: Services) -> None:
    """The tenant's keys (never their secrets)."""

    def fetch(token: str, size: int) -> Any:
        return services.api_keys.ListApiKeys(
            api_key_pb2.ListApiKeysRequest(
                tenant_id=invocation.tenant_id, page_size=size, page_token=token
            ),
            timeout=services.timeout_s,
        )

    found = await collect(fetch, "api_keys")
    invocation.printer.rows(found, KEY_COLUMNS, title=f"{len(found)} API keys")


@keys.command("revoke")
@click.argument("key_id")
@run_with_services
async def revoke_key(invocation: Invocation, services: Services, key_id: str) -> None:
    """Revoke a key (effective within AUTH_CACHE_TTL_S on every server)."""
    await services.api_keys.RevokeApiKey(
        api_key_pb2.RevokeApiKeyRequest(tenant_id=invocation.tenant_id, id=key_id),
        timeout=services.timeout_s,
    )
    invocation.printer.value({"revoked": key_id}, f"revoked {key_id}")


COMMANDS = [tenants, keys]
