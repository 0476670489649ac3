"""Callback URL syntax (pure): what a webhook URL may look like, parsed strictly.

Whether the URL's host may be called at all (the SSRF policy) is decided by
`oms_grpc.core.domain.ssrf` on the host's addresses, which the async guard in
`oms_grpc.core.webhooks_dns` looks up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from ipaddress import IPv4Address, IPv6Address

from common.texts import TextError, t
from oms_grpc.core.domain.problems import ProblemSink
from oms_grpc.core.domain.ssrf import IPAddress

MAX_URL_LENGTH = 2048
SCHEMES = ("https", "http")
_DEFAULT_PORTS = {"https": 443, "http": 80}
_LABEL = r"[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?"
_HOST_NAME = re.compile(rf"^{_LABEL}(?:\.{_LABEL})*\.?$")
_NUMERIC_LABEL = re.compile(r"^(?:0x[0-9a-f]*|[0-9]+)$", re.IGNORECASE)
_PORT = re.compile(r"^[0-9]{1,5}$")
MAX_HOST_LENGTH = 253


class CallbackUrlError(TextError, ValueError):
    """The URL is not an acceptable callback; `text` says why."""


@dataclass(frozen=True)
class CallbackUrl:
    """A syntactically valid callback URL, as given, with its parsed destination."""

    url: str
    scheme: str
    host: str  # lower case, without brackets or the root dot
    port: int
    address: IPAddress | None  # set when the host is an IP literal


def parse_callback_url(url: str) -> CallbackUrl:
    """Parse strictly; raises CallbackUrlError (never resolves names)."""
    if not url:
        raise CallbackUrlError(t("is required"))
    if len(url) > MAX_URL_LENGTH:
        raise CallbackUrlError(
            t("must be at most {max_url_length} characters", max_url_length=MAX_URL_LENGTH)
        )
    if not url.isascii():
        raise CallbackUrlError(
            t("must be ASCII (percent-encode the path, use punycode for the host)")
        )
    if any(ord(ch) <= 0x20 or ord(ch) == 0x7F for ch in url):
        raise CallbackUrlError(t("must not contain spaces or control characters"))
    if "\\" in url:
        raise CallbackUrlError(t("must not contain '\\'"))
    scheme, separator, rest = url.partition("://")
    scheme = scheme.lower()
    if not separator or scheme not in SCHEMES:
        raise CallbackUrlError(t("must be an https:// or http:// URL"))
    authority_end = min((i for i in (rest.find(c) for c in "/?#") if i >= 0), default=len(rest))
    authority, tail = rest[:authority_end], rest[authority_end:]
    if "#" in tail:
        raise CallbackUrlError(t("must not have a fragment"))
    if "@" in authority:
        raise CallbackUrlError(t("must not contain a user name or password"))
    host, port = _split_authority(authority, scheme)
    address = _host_address(host)
    if address is None:
        _check_host_name(host)
        host = host.rstrip(".").lower()
    else:
        host = str(address)
    return CallbackUrl(url=url, scheme=scheme, host=host, port=port, address=address)


def _split_authority(authority: str, scheme: str) -> tuple[str, int]:
    if authority.startswith("["):
        end = authority.find("]")
        if end < 0:
            raise CallbackUrlError(t("has an unterminated IPv6 address"))
        host, after = authority[: end + 1], authority[end + 1 :]
        if after and not after.startswith(":"):
            raise CallbackUrlError(t("has characters after the IPv6 address"))
        port_text = after[1:] if after else None
    else:
        host, colon, port_text_found = authority.partition(":")
        port_text = port_text_found if colon else None
    if not host:
        raise CallbackUrlError(t("must have a host"))
    if port_text is None:
        return host, _DEFAULT_PORTS[scheme]
    if not _PORT.match(port_text) or not 1 <= int(port_text) <= 65535:
        raise CallbackUrlError(t("must have a port between 1 and 65535"))
    return host, int(port_text)


def _host_address(host: str) -> IPAddress | None:
    if host.startswith("["):
        inner = host[1:-1]
        if "%" in inner:
            raise CallbackUrlError(t("must not use an IPv6 zone id"))
        try:
            return IPv6Address(inner)
        except ValueError:
            raise CallbackUrlError(t("has an invalid IPv6 address")) from None
    try:
        return IPv4Address(host)
    except ValueError:
        return None


def _check_host_name(host: str) -> None:
    name = host.rstrip(".")
    if len(name) > MAX_HOST_LENGTH or not _HOST_NAME.match(host):
        raise CallbackUrlError(t("has an invalid host name"))
    # Like browsers and curl, treat a numeric last label as an IPv4 address in disguise
    # (`2130706433`, `0x7f.1`, `127.1`): only the dotted-quad form is accepted.
    if _NUMERIC_LABEL.match(name.rsplit(".", 1)[-1]):
        raise CallbackUrlError(t("must write an IPv4 address as four decimal numbers"))


def check_url(violations: ProblemSink, field: str, url: str) -> CallbackUrl | None:
    try:
        return parse_callback_url(url)
    except CallbackUrlError as problem:
        violations.add(field, problem.text)
        return None
