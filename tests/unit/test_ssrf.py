"""SSRF address policy (pure), the URL guard on top of it, and the allow-list settings."""

from __future__ import annotations

from collections.abc import Sequence
from ipaddress import IPv4Network, IPv6Network, ip_address

import pytest
from pydantic import ValidationError

from oms_grpc.core.domain.ssrf import (
    AddressClass,
    AllowList,
    IPAddress,
    classify,
    embedded_ipv4,
    is_local_name,
    refusal_for,
)
from oms_grpc.core.domain.webhook_urls import parse_callback_url
from oms_grpc.core.webhook_settings import WebhookSettings
from oms_grpc.core.webhooks_dns import ResolutionError, SystemResolver, UrlGuard


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("127.0.0.1", AddressClass.LOOPBACK),
        ("127.255.255.254", AddressClass.LOOPBACK),
        ("::1", AddressClass.LOOPBACK),
        ("10.1.2.3", AddressClass.PRIVATE),
        ("172.16.0.1", AddressClass.PRIVATE),
        ("172.31.255.255", AddressClass.PRIVATE),
        ("192.168.1.1", AddressClass.PRIVATE),
        ("fc00::1", AddressClass.PRIVATE),
        ("fd12:3456::1", AddressClass.PRIVATE),
        ("fec0::1", AddressClass.PRIVATE),
        ("64:ff9b:1::1", AddressClass.PRIVATE),
        ("169.254.169.254", AddressClass.LINK_LOCAL),
        ("fe80::1", AddressClass.LINK_LOCAL),
        ("0.0.0.0", AddressClass.UNSPECIFIED),
        ("0.1.2.3", AddressClass.UNSPECIFIED),
        ("::", AddressClass.UNSPECIFIED),
        ("224.0.0.1", AddressClass.MULTICAST),
        ("239.1.1.1", AddressClass.MULTICAST),
        ("ff02::1", AddressClass.MULTICAST),
        ("100.64.0.1", AddressClass.SHARED),
        ("100.127.255.254", AddressClass.SHARED),
        ("192.0.2.10", AddressClass.DOCUMENTATION),
        ("198.51.100.10", AddressClass.DOCUMENTATION),
        ("203.0.113.10", AddressClass.DOCUMENTATION),
        ("2001:db8::1", AddressClass.DOCUMENTATION),
        ("192.0.0.8", AddressClass.RESERVED),
        ("198.18.0.1", AddressClass.RESERVED),
        ("240.0.0.1", AddressClass.RESERVED),
        ("255.255.255.255", AddressClass.RESERVED),
        ("::127.0.0.1", AddressClass.RESERVED),  # IPv4-compatible (deprecated)
        ("2001::1", AddressClass.RESERVED),  # Teredo
        ("2002:7f00:1::1", AddressClass.RESERVED),  # 6to4
        ("100::1", AddressClass.RESERVED),
        ("4000::1", AddressClass.RESERVED),  # outside 2000::/3
    ],
)
def test_non_public_addresses_are_classified(address: str, kind: AddressClass) -> None:
    refusal = classify(ip_address(address))
    assert refusal is not None
    assert refusal.kind is kind


@pytest.mark.parametrize(
    "address",
    ["8.8.8.8", "1.1.1.1", "93.184.215.14", "100.63.255.255", "100.128.0.0", "172.32.0.1",
     "2606:4700:4700::1111", "2a00:1450:4001:80b::200e"],
)  # fmt: skip
def test_public_addresses_pass(address: str) -> None:
    assert classify(ip_address(address)) is None


@pytest.mark.parametrize(
    ("address", "inner", "kind"),
    [
        ("::ffff:127.0.0.1", "127.0.0.1", AddressClass.LOOPBACK),
        ("::ffff:10.0.0.1", "10.0.0.1", AddressClass.PRIVATE),
        ("::ffff:169.254.169.254", "169.254.169.254", AddressClass.LINK_LOCAL),
        ("::ffff:0.0.0.0", "0.0.0.0", AddressClass.UNSPECIFIED),
        ("64:ff9b::7f00:1", "127.0.0.1", AddressClass.LOOPBACK),  # NAT64
        ("64:ff9b::a9fe:a9fe", "169.254.169.254", AddressClass.LINK_LOCAL),
    ],
)
def test_ipv6_forms_of_ipv4_are_judged_by_the_ipv4_address(
    address: str, inner: str, kind: AddressClass
) -> None:
    refusal = classify(ip_address(address))
    assert refusal is not None
    assert (refusal.kind, str(refusal.address)) == (kind, inner)
    assert refusal.embedded_in == ip_address(address)
    assert f"IPv6 form of {inner}" in refusal.description


def test_ipv6_forms_of_public_ipv4_pass() -> None:
    assert embedded_ipv4(ip_address("::ffff:8.8.8.8")) == ip_address("8.8.8.8")
    assert classify(ip_address("::ffff:8.8.8.8")) is None
    assert classify(ip_address("64:ff9b::808:808")) is None
    assert embedded_ipv4(ip_address("8.8.8.8")) is None


def test_scoped_ipv6_addresses_are_link_local() -> None:
    refusal = classify(ip_address("fe80::1%eth0"))
    assert refusal is not None and refusal.kind is AddressClass.LINK_LOCAL


def test_descriptions_read_naturally() -> None:
    loopback = classify(ip_address("127.0.0.1"))
    unspecified = classify(ip_address("0.0.0.0"))
    assert loopback is not None and loopback.description == "a loopback address"
    assert unspecified is not None and unspecified.description == "an unspecified address"


@pytest.mark.parametrize(
    ("host", "local"),
    [
        ("localhost", True),
        ("LOCALHOST.", True),
        ("api.localhost", True),
        ("a.b.localhost", True),
        ("localhost.example.com", False),
        ("notlocalhost", False),
        ("example.com", False),
    ],
)
def test_local_names(host: str, local: bool) -> None:
    assert is_local_name(host) is local


def test_allow_list_permits_hosts_exactly_or_by_suffix() -> None:
    allow = AllowList.of(hosts=["Hooks.Internal.", "*.svc.cluster.local", "10.9.8.7", "[fd00::5]"])
    assert allow.permits_host("hooks.internal")
    assert allow.permits_host("receiver.ns.svc.cluster.local")
    assert not allow.permits_host("svc.cluster.local")
    assert not allow.permits_host("other.internal")
    assert allow.permits_host("10.9.8.7")
    assert allow.permits_host("fd00:0::5")
    assert not allow.permits_host("10.9.8.8")


def test_allow_list_permits_networks_including_mapped_forms() -> None:
    allow = AllowList.of(networks=[IPv4Network("10.20.0.0/16"), IPv6Network("fd00::/8")])
    assert refusal_for(ip_address("10.20.3.4"), allow) is None
    assert refusal_for(ip_address("::ffff:10.20.3.4"), allow) is None
    assert refusal_for(ip_address("fd00::1"), allow) is None
    refused = refusal_for(ip_address("10.21.0.1"), allow)
    assert refused is not None and refused.kind is AddressClass.PRIVATE
    assert refusal_for(ip_address("127.0.0.1"), allow) is not None


# --- the guard: literal addresses without DNS, names through the resolver ------------------


class StaticResolver:
    def __init__(self, answers: dict[str, list[str]]) -> None:
        self.answers = answers
        self.asked: list[tuple[str, int]] = []

    async def resolve(self, host: str, port: int) -> Sequence[IPAddress]:
        self.asked.append((host, port))
        if host not in self.answers:
            raise ResolutionError(f"{host} does not resolve")
        return [ip_address(a) for a in self.answers[host]]


async def test_guard_checks_literal_addresses_without_dns() -> None:
    resolver = StaticResolver({})
    guard = UrlGuard(AllowList(), resolver)
    assert await guard.problem(parse_callback_url("https://8.8.8.8/hook")) is None
    problem = await guard.problem(parse_callback_url("http://[::ffff:127.0.0.1]/"))
    assert problem is not None and "IPv6 form of 127.0.0.1" in problem
    assert resolver.asked == []


async def test_guard_requires_every_resolved_address_to_be_public() -> None:
    resolver = StaticResolver(
        {
            "public.example": ["93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"],
            "mixed.example": ["93.184.215.14", "10.0.0.7"],
        }
    )
    guard = UrlGuard(AllowList(), resolver)
    assert await guard.problem(parse_callback_url("https://public.example:8443/x")) is None
    assert resolver.asked == [("public.example", 8443)]
    problem = await guard.problem(parse_callback_url("https://mixed.example/x"))
    assert problem == (
        "host mixed.example resolves to 10.0.0.7, a private address; "
        "only public addresses are allowed"
    )
    missing = await guard.problem(parse_callback_url("https://missing.example/x"))
    assert missing is not None and "cannot be resolved" in missing


async def test_guard_refuses_local_names_before_dns() -> None:
    resolver = StaticResolver({"api.localhost": ["93.184.215.14"]})
    guard = UrlGuard(AllowList(), resolver)
    assert await guard.problem(parse_callback_url("http://api.localhost/")) is not None
    assert resolver.asked == []


async def test_guard_lets_the_allow_list_through() -> None:
    resolver = StaticResolver({"hooks.corp.example": ["10.1.1.1"], "db.corp.example": ["10.2.0.1"]})
    allow = AllowList.of(
        hosts=["hooks.corp.example", "localhost"], networks=[IPv4Network("10.2.0.0/16")]
    )
    guard = UrlGuard(allow, resolver)
    assert await guard.problem(parse_callback_url("http://hooks.corp.example/")) is None
    assert await guard.problem(parse_callback_url("http://localhost:8080/")) is None
    assert await guard.problem(parse_callback_url("http://db.corp.example/")) is None
    assert await guard.problem(parse_callback_url("http://10.2.3.4/")) is None
    assert await guard.problem(parse_callback_url("http://10.3.0.1/")) is not None


async def test_system_resolver_uses_the_operating_system() -> None:
    resolver = SystemResolver(timeout_s=5)
    addresses = await resolver.resolve("localhost", 443)
    assert ip_address("127.0.0.1") in addresses or ip_address("::1") in addresses
    with pytest.raises(ResolutionError):
        await resolver.resolve("no-such-host.invalid", 443)


async def test_guard_with_the_system_resolver_refuses_unresolvable_names() -> None:
    guard = UrlGuard(AllowList(), SystemResolver(timeout_s=5))
    problem = await guard.problem(parse_callback_url("https://no-such-host.invalid/hook"))
    assert problem is not None and problem.startswith("host cannot be resolved")


# --- settings ------------------------------------------------------------------------------


def test_settings_read_comma_separated_allow_lists(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WEBHOOK_ALLOWED_HOSTS", " hooks.internal, *.svc.cluster.local ,")
    monkeypatch.setenv("WEBHOOK_ALLOWED_NETWORKS", "10.20.0.0/16,fd00::/8")
    monkeypatch.setenv("WEBHOOK_DNS_TIMEOUT_S", "0.5")
    settings = WebhookSettings()
    assert settings.allowed_hosts == ["hooks.internal", "*.svc.cluster.local"]
    assert settings.allowed_networks == [IPv4Network("10.20.0.0/16"), IPv6Network("fd00::/8")]
    assert settings.dns_timeout_s == 0.5
    allow = settings.allow_list()
    assert allow.permits_host("a.svc.cluster.local")
    assert allow.permits_address(ip_address("10.20.1.1"))


def test_settings_default_to_no_exceptions(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("WEBHOOK_ALLOWED_HOSTS", "WEBHOOK_ALLOWED_NETWORKS"):
        monkeypatch.delenv(name, raising=False)
    assert WebhookSettings().allow_list() == AllowList()


@pytest.mark.parametrize("networks", ["10.0.0.5/8", "not-a-network", "10.0.0.0/33"])
def test_settings_refuse_bad_networks(monkeypatch: pytest.MonkeyPatch, networks: str) -> None:
    monkeypatch.setenv("WEBHOOK_ALLOWED_NETWORKS", networks)
    with pytest.raises(ValidationError):
        WebhookSettings()
