"""Callback URL syntax (pure): what parses, and why the rest is refused."""

from __future__ import annotations

from ipaddress import ip_address

import pytest

from oms_grpc.core.domain.webhook_urls import CallbackUrlError, parse_callback_url


@pytest.mark.parametrize(
    ("url", "scheme", "host", "port", "address"),
    [
        ("https://hooks.example.com/orders", "https", "hooks.example.com", 443, None),
        ("http://hooks.example.com", "http", "hooks.example.com", 80, None),
        ("HTTPS://Hooks.Example.COM.:8443/p?q=1", "https", "hooks.example.com", 8443, None),
        ("https://8.8.8.8/x", "https", "8.8.8.8", 443, "8.8.8.8"),
        ("https://[2606:4700::1111]:444/", "https", "2606:4700::1111", 444, "2606:4700::1111"),
        ("https://my_service.example/x", "https", "my_service.example", 443, None),
    ],
)
def test_valid_urls_are_parsed(
    url: str, scheme: str, host: str, port: int, address: str | None
) -> None:
    parsed = parse_callback_url(url)
    assert parsed.url == url
    assert (parsed.scheme, parsed.host, parsed.port) == (scheme, host, port)
    assert parsed.address == (ip_address(address) if address else None)


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("", "is required"),
        ("ftp://example.com/x", "https:// or http://"),
        ("file:///etc/passwd", "https:// or http://"),
        ("gopher://example.com", "https:// or http://"),
        ("example.com/hook", "https:// or http://"),
        ("https:/example.com", "https:// or http://"),
        ("https:///path", "must have a host"),
        ("https://", "must have a host"),
        ("https://:443/x", "must have a host"),
        ("https://user:pw@example.com/", "user name or password"),
        ("https://user@example.com/", "user name or password"),
        ("https://example.com@127.0.0.1/", "user name or password"),
        ("https://example.com/#frag", "fragment"),
        ("https://exa mple.com/", "spaces or control characters"),
        ("https://example.com/\r\nX: y", "spaces or control characters"),
        ("https://example.com\\@127.0.0.1/", "'\\'"),
        ("https://exämple.com/", "ASCII"),
        ("https://example.com:0/", "port between"),
        ("https://example.com:65536/", "port between"),
        ("https://example.com:http/", "port between"),
        ("https://example.com:/", "port between"),
        ("https://[::1/", "unterminated"),
        ("https://[::1]x/", "after the IPv6"),
        ("https://[not-ip]/", "invalid IPv6"),
        ("https://[fe80::1%25eth0]/", "zone id"),
        ("https://-bad-.example/", "invalid host name"),
        ("https://a..b/", "invalid host name"),
        ("https://%31%32%37.0.0.1/", "invalid host name"),
        ("https://" + "a" * 64 + ".example/", "invalid host name"),
        ("https://2130706433/", "four decimal numbers"),
        ("https://0x7f.1/", "four decimal numbers"),
        ("https://127.1/", "four decimal numbers"),
        ("https://127.000.000.001/", "four decimal numbers"),
        ("https://example.com/" + "a" * 2048, "at most 2048"),
    ],
)
def test_invalid_urls_are_refused(url: str, reason: str) -> None:
    with pytest.raises(CallbackUrlError) as error:
        parse_callback_url(url)
    assert reason in str(error.value)


def test_url_length_limit_is_inclusive() -> None:
    base = "https://example.com/"
    assert parse_callback_url(base + "a" * (2048 - len(base))).url.endswith("a")
