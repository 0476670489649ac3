"""Callback URL destination check: resolve the host (async, bounded) and apply the SSRF
policy of `oms_grpc.core.domain.ssrf` to every address it resolves to.

Used when a webhook is registered or its URL changes; the dispatcher checks again right
before each connection, because DNS answers can change after registration (DNS rebinding).
"""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Sequence
from ipaddress import ip_address
from typing import Protocol

from common.texts import TextError, t
from oms_grpc.core.domain.ssrf import AllowList, IPAddress, is_local_name, refusal_for
from oms_grpc.core.domain.webhook_urls import CallbackUrl

DEFAULT_TIMEOUT_S = 2.0


class ResolutionError(TextError):
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
            raise ResolutionError(t("resolving {host} timed out", host=host)) from None
        except (socket.gaierror, UnicodeError) as exc:
            raise ResolutionError(
                t("{host} does not resolve ({reason})", host=host, reason=str(exc))
            ) from None
        addresses: list[IPAddress] = []
        for _family, _type, _proto, _name, sockaddr in infos:
            address = ip_address(str(sockaddr[0]).split("%", 1)[0])
            if address not in addresses:
                addresses.append(address)
        if not addresses:
            raise ResolutionError(t("{host} has no address", host=host))
        return addresses


class DestinationRefusedError(TextError):
    """The destination is not permitted by the SSRF policy; the message says why."""


class UrlGuard:
    """Decides whether a callback destination may be called now.

    Registration asks `problem(url)`; the dispatcher resolves through `addresses` right
    before connecting and connects to exactly the addresses it returns, so a DNS answer
    that changes after the check (rebinding) cannot lead to a refused address.
    """

    def __init__(self, allow: AllowList, resolver: Resolver) -> None:
        self._allow = allow
        self._resolver = resolver

    def literal_problem(self, host: str, address: IPAddress) -> str | None:
        """For a URL whose host is an IP literal: None when it may be called."""
        if self._allow.permits_host(host):
            return None
        refusal = refusal_for(address, self._allow)
        if refusal is None:
            return None
        return t(
            "host {host} is {refusal}; only public addresses are allowed",
            host=host,
            refusal=refusal.description,
        )

    async def addresses(self, host: str, port: int) -> Sequence[IPAddress]:
        """The addresses of a host name that may be called: every one it resolves to, all
        permitted. Raises DestinationRefusedError (policy) or ResolutionError (DNS)."""
        allowed_host = self._allow.permits_host(host)
        if not allowed_host and is_local_name(host):
            raise DestinationRefusedError(
                f"host {host} is this machine; only public addresses are allowed"
            )
        addresses = await self._resolver.resolve(host, port)
        if allowed_host:
            return addresses
        for address in addresses:
            refusal = refusal_for(address, self._allow)
            if refusal is not None:
                # One refused answer refuses the name: which one a connection would use is
                # not ours to choose.
                raise DestinationRefusedError(
                    t(
                        "host {host} resolves to {address}, {refusal}; only public addresses "
                        "are allowed",
                        host=host,
                        address=str(address),
                        refusal=refusal.description,
                    )
                )
        return addresses

    async def problem(self, url: CallbackUrl) -> str | None:
        """None when every destination of `url` is permitted; otherwise why not."""
        if self._allow.permits_host(url.host):
            return None  # permitted whatever it resolves to; not resolved at registration
        if url.address is not None:
            return self.literal_problem(url.host, url.address)
        try:
            await self.addresses(url.host, url.port)
        except DestinationRefusedError as refused:
            return refused.text
        except ResolutionError as exc:
            return t("host cannot be resolved: {detail}", detail=exc.text)
        return None
