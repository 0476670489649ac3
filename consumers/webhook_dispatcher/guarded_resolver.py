"""aiohttp's resolver, with the SSRF policy on the resolved addresses.

aiohttp asks its resolver for a host's addresses right before it connects and connects to
exactly what it is given; this resolver gives only addresses the `UrlGuard` permits, so
the address checked is the address connected to — a DNS answer that changes between a
check and the connection (rebinding) cannot lead anywhere else. (IP-literal URLs never
reach a resolver; the sender checks those itself.)
"""

from __future__ import annotations

import socket

from aiohttp.abc import AbstractResolver, ResolveResult

from oms_grpc.core.webhooks_dns import DestinationRefusedError, ResolutionError, UrlGuard


class RefusedAddressError(OSError):
    """The host resolves to an address the SSRF policy refuses (aiohttp wraps it)."""


class UnresolvableHostError(OSError):
    """The host does not resolve (aiohttp wraps it)."""


class GuardedResolver(AbstractResolver):
    def __init__(self, guard: UrlGuard) -> None:
        self._guard = guard

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        try:
            addresses = await self._guard.addresses(host, port)
        except DestinationRefusedError as refused:
            raise RefusedAddressError(str(refused)) from None
        except ResolutionError as failed:
            raise UnresolvableHostError(str(failed)) from None
        results: list[ResolveResult] = []
        for address in addresses:
            address_family = socket.AF_INET if address.version == 4 else socket.AF_INET6
            if family not in (socket.AF_UNSPEC, address_family):
                continue
            results.append(
                ResolveResult(
                    hostname=host,
                    host=str(address),
                    port=port,
                    family=address_family,
                    proto=0,
                    flags=socket.AI_NUMERICHOST,
                )
            )
        if not results:
            raise UnresolvableHostError(f"{host} has no address of the requested family")
        return results

    async def close(self) -> None:
        return None
