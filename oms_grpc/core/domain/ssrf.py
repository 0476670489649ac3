"""Which network addresses a webhook may be delivered to (pure SSRF policy).

A callback must reach the public Internet: loopback, private, link-local, unspecified,
multicast, carrier-grade NAT, documentation and other reserved ranges are refused, including
IPv6 forms that embed such an IPv4 address (IPv4-mapped `::ffff:a.b.c.d`, NAT64
`64:ff9b::a.b.c.d`) and local names (`localhost`, `*.localhost`, RFC 6761). An operator's
allow-list (host names or networks) overrides the refusal, e.g. for an in-cluster receiver.

The ranges are listed explicitly rather than taken from `ipaddress.is_global`, whose answers
differ between Python releases (and call `239.1.1.1` or `64:ff9b::7f00:1` global).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from ipaddress import IPv4Address, IPv4Network, IPv6Address, IPv6Network, ip_address, ip_network

from common.texts import N_, Text, t

IPAddress = IPv4Address | IPv6Address
IPNetwork = IPv4Network | IPv6Network


class AddressClass(StrEnum):
    """Why an address is not a public destination."""

    UNSPECIFIED = "unspecified"
    LOOPBACK = "loopback"
    PRIVATE = "private"
    SHARED = "carrier-grade NAT"
    LINK_LOCAL = "link-local"
    MULTICAST = "multicast"
    DOCUMENTATION = "documentation"
    RESERVED = "reserved"


_KIND_TEXTS = {
    AddressClass.UNSPECIFIED: N_("an unspecified address"),
    AddressClass.LOOPBACK: N_("a loopback address"),
    AddressClass.PRIVATE: N_("a private address"),
    AddressClass.SHARED: N_("a carrier-grade NAT address"),
    AddressClass.LINK_LOCAL: N_("a link-local address"),
    AddressClass.MULTICAST: N_("a multicast address"),
    AddressClass.DOCUMENTATION: N_("a documentation address"),
    AddressClass.RESERVED: N_("a reserved address"),
}


@dataclass(frozen=True)
class Refusal:
    """An address that is not public, and why (for the error message)."""

    address: IPAddress
    kind: AddressClass
    embedded_in: IPv6Address | None = None

    @property
    def description(self) -> Text:
        what = Text(_KIND_TEXTS[self.kind])
        if self.embedded_in is None:
            return what
        return t("an IPv6 form of {address} ({what})", address=str(self.address), what=what)


def _table(
    entries: Iterable[tuple[str, AddressClass]],
) -> tuple[tuple[IPNetwork, AddressClass], ...]:
    return tuple((ip_network(cidr), kind) for cidr, kind in entries)


# First match wins, so specific ranges come before the ones containing them.
_IPV4_RANGES = _table(
    [
        ("0.0.0.0/8", AddressClass.UNSPECIFIED),  # "this network" (RFC 791)
        ("127.0.0.0/8", AddressClass.LOOPBACK),
        ("10.0.0.0/8", AddressClass.PRIVATE),  # RFC 1918
        ("172.16.0.0/12", AddressClass.PRIVATE),
        ("192.168.0.0/16", AddressClass.PRIVATE),
        ("100.64.0.0/10", AddressClass.SHARED),  # RFC 6598
        ("169.254.0.0/16", AddressClass.LINK_LOCAL),  # includes cloud metadata endpoints
        ("192.0.0.0/24", AddressClass.RESERVED),  # IETF protocol assignments
        ("192.0.2.0/24", AddressClass.DOCUMENTATION),  # TEST-NET-1
        ("198.51.100.0/24", AddressClass.DOCUMENTATION),  # TEST-NET-2
        ("203.0.113.0/24", AddressClass.DOCUMENTATION),  # TEST-NET-3
        ("192.88.99.0/24", AddressClass.RESERVED),  # 6to4 relay anycast (deprecated)
        ("198.18.0.0/15", AddressClass.RESERVED),  # benchmarking
        ("224.0.0.0/4", AddressClass.MULTICAST),
        ("240.0.0.0/4", AddressClass.RESERVED),  # includes 255.255.255.255
    ]
)
_IPV6_RANGES = _table(
    [
        ("::/128", AddressClass.UNSPECIFIED),
        ("::1/128", AddressClass.LOOPBACK),
        ("64:ff9b:1::/48", AddressClass.PRIVATE),  # local-use NAT64 (RFC 8215)
        ("::/8", AddressClass.RESERVED),  # IPv4-compatible, IPv4-translated, unassigned
        ("100::/64", AddressClass.RESERVED),  # discard-only
        ("2001:db8::/32", AddressClass.DOCUMENTATION),
        ("2001::/23", AddressClass.RESERVED),  # IETF protocol assignments, Teredo
        ("2002::/16", AddressClass.RESERVED),  # 6to4 (deprecated; embeds IPv4)
        ("3fff::/20", AddressClass.DOCUMENTATION),  # RFC 9637
        ("5f00::/16", AddressClass.RESERVED),  # SRv6 SIDs
        ("fc00::/7", AddressClass.PRIVATE),  # unique-local
        ("fe80::/10", AddressClass.LINK_LOCAL),
        ("fec0::/10", AddressClass.PRIVATE),  # site-local (deprecated)
        ("ff00::/8", AddressClass.MULTICAST),
    ]
)
# The only IPv6 space allocated for global unicast; everything outside it is refused.
_IPV6_GLOBAL_UNICAST = IPv6Network("2000::/3")
# Well-known NAT64 prefix (RFC 6052): the last 32 bits are the IPv4 destination.
_NAT64 = IPv6Network("64:ff9b::/96")


def embedded_ipv4(address: IPAddress) -> IPv4Address | None:
    """The IPv4 address an IPv6 address stands for (IPv4-mapped or NAT64), if any."""
    if isinstance(address, IPv4Address):
        return None
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address in _NAT64:
        return IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def classify(address: IPAddress) -> Refusal | None:
    """None for a public address; otherwise why it is not one."""
    if isinstance(address, IPv6Address) and address.scope_id:
        return Refusal(address, AddressClass.LINK_LOCAL)
    inner = embedded_ipv4(address)
    if inner is not None:
        refusal = classify(inner)
        if refusal is None:
            return None
        assert isinstance(address, IPv6Address)
        return Refusal(inner, refusal.kind, embedded_in=address)
    ranges = _IPV4_RANGES if isinstance(address, IPv4Address) else _IPV6_RANGES
    for network, kind in ranges:
        if address in network:
            return Refusal(address, kind)
    if isinstance(address, IPv6Address) and address not in _IPV6_GLOBAL_UNICAST:
        return Refusal(address, AddressClass.RESERVED)
    return None


def is_local_name(host: str) -> bool:
    """`localhost` and its sub-domains always mean this machine (RFC 6761 §6.3)."""
    name = normalise_host(host)
    return name == "localhost" or name.endswith(".localhost")


def normalise_host(host: str) -> str:
    """Host names compare case-insensitively and without the root dot; IPs canonically."""
    name = host.strip().strip("[]").rstrip(".").lower()
    try:
        return str(ip_address(name))
    except ValueError:
        return name


@dataclass(frozen=True)
class AllowList:
    """Destinations an operator permits although they are not public.

    `hosts` are exact names (or IP literals), or `*.suffix` for every sub-domain of
    `suffix`; an allowed host is accepted whatever it resolves to. `networks` permit the
    addresses inside them, whichever name leads there.
    """

    hosts: frozenset[str] = frozenset()
    networks: tuple[IPNetwork, ...] = ()

    @classmethod
    def of(cls, hosts: Iterable[str] = (), networks: Iterable[IPNetwork] = ()) -> AllowList:
        return cls(frozenset(normalise_host(host) for host in hosts), tuple(networks))

    def permits_host(self, host: str) -> bool:
        name = normalise_host(host)
        if name in self.hosts:
            return True
        return any(
            entry.startswith("*.") and name.endswith(entry[1:]) and len(name) > len(entry) - 1
            for entry in self.hosts
        )

    def permits_address(self, address: IPAddress) -> bool:
        candidates: list[IPAddress] = [address]
        inner = embedded_ipv4(address)
        if inner is not None:
            candidates.append(inner)
        return any(
            candidate.version == network.version and candidate in network
            for candidate in candidates
            for network in self.networks
        )


def refusal_for(address: IPAddress, allow: AllowList) -> Refusal | None:
    """None when `address` may be called (public, or allow-listed)."""
    if allow.permits_address(address):
        return None
    return classify(address)
