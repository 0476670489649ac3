"""Callback URL destination check: resolve the host (async, bounded) and apply the SSRF
policy of `oms_grpc.core.domain.ssrf` to every address it resolves to.

Used when a webhook is registered or its URL changes; the dispatcher checks again right
before each delivery, because DNS answers can change after registration (DNS rebinding).
"""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Sequence
from ipaddress import ip_address
from typing import Protocol

from oms_grpc.core.domain.ssrf import AllowList, IPAddress, is_local_name, refusal_for
from oms_grpc.core.domain.webhook_rules import CallbackUrl

DEFAULT_TIMEOUT_S = 2.0


class ResolutionError(Exception):
    """The host name could not be resolved (unknown name, no address, timeout)."""


class Resolver(Protocol):
    async def resolve(self, host: str, port: int) -> Sequence[IPAddress]:
        """Every address of `host`; raises ResolutionError when there is none."""
        ...


class SystemResolver:
    """The operating system's resolver through `loop.getaddrinfo` (a worker thread, so the
    event loop never blocks), bounded by a timeout."""

    def __init__(self, timeout_s: float = DEFAULT_TIMEOUT_S) -> None:
        self._timeout_s = timeout_s

    async def resolve(self, host: str, port: int) -> Sequence[IPAddress]:
        loop = asyncio.get_running_loop()
        try:
            async with asyncio.timeout(self._timeout_s):
                infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except TimeoutError:
            raise ResolutionError(f"resolving {host} timed out") from None
        except (socket.gaierror, UnicodeError) as exc:
            raise ResolutionError(f"{host} does not resolve ({exc})") from None
        addresses: list[IPAddress] = []
        for _family, _type, _proto, _name, sockaddr in infos:
            address = ip_address(str(sockaddr[0]).split("%", 1)[0])
            if address not in addresses:
                addresses.append(address)
        if not addresses:
            raise ResolutionError(f"{host} has no address")
        return addresses


class UrlGuard:
    """Decides whether a parsed callback URL may be called now."""

    def __init__(self, allow: AllowList, resolver: Resolver) -> None:
        self._allow = allow
        self._resolver = resolver

    async def problem(self, url: CallbackUrl) -> str | None:
        """None when every destination of `url` is permitted; otherwise why not."""
        if self._allow.permits_host(url.host):
            return None
        if url.address is not None:
            refusal = refusal_for(url.address, self._allow)
            if refusal is None:
                return None
            return f"host {url.host} is {refusal.description}; only public addresses are allowed"
        if is_local_name(url.host):
            return f"host {url.host} is this machine; only public addresses are allowed"
        try:
            addresses = await self._resolver.resolve(url.host, url.port)
        except ResolutionError as exc:
            return f"host cannot be resolved: {exc}"
        for address in addresses:
            refusal = refusal_for(address, self._allow)
            if refusal is not None:
                return (
                    f"host {url.host} resolves to {address}, {refusal.description}; "
                    "only public addresses are allowed"
                )
        return None
