"""One HTTP POST of a delivery, observed: status, error, latency, the start of the body.

- Connections go only to addresses the SSRF policy permits at connection time (the
  guarded resolver for host names, a check of the literal for IP URLs).
- Redirects are not followed (`allow_redirects=False`): a 3xx is an answer, and final.
- Bounded: `connect_timeout_s` for TCP + TLS, `request_timeout_s` for the whole exchange.
- No cookies are kept (a jar would carry one tenant's cookies to another's endpoint) and
  no proxy settings are read from the environment.
"""

from __future__ import annotations

import logging
import time
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import timedelta

import aiohttp

from consumers.webhook_dispatcher.guarded_resolver import (
    GuardedResolver,
    RefusedAddressError,
    UnresolvableHostError,
)
from consumers.webhook_dispatcher.retry_policy import Answer, http_answer, no_response
from oms_grpc.core.domain.webhook_urls import CallbackUrlError, parse_callback_url
from oms_grpc.core.webhooks_dns import UrlGuard

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SenderConfig:
    connect_timeout_s: float = 5.0
    request_timeout_s: float = 15.0
    response_body_bytes: int = 1024
    max_connections: int = 64


@dataclass(frozen=True)
class AttemptResult:
    answer: Answer
    duration: timedelta
    response_body: str = ""


class HttpSender:
    def __init__(
        self, session: aiohttp.ClientSession, guard: UrlGuard, config: SenderConfig
    ) -> None:
        self._session = session
        self._guard = guard
        self._config = config
        self._timeout = aiohttp.ClientTimeout(
            total=config.request_timeout_s, sock_connect=config.connect_timeout_s
        )

    @classmethod
    @asynccontextmanager
    async def open(cls, guard: UrlGuard, config: SenderConfig) -> AsyncIterator[HttpSender]:
        connector = aiohttp.TCPConnector(
            resolver=GuardedResolver(guard),
            # Every new connection resolves (and is checked) again; pooled keep-alive
            # connections stay with the address that was checked when they were opened.
            use_dns_cache=False,
            limit=config.max_connections,
            limit_per_host=0,
        )
        session = aiohttp.ClientSession(
            connector=connector,
            cookie_jar=aiohttp.DummyCookieJar(),
            trust_env=False,
            auto_decompress=False,
        )
        try:
            yield cls(session, guard, config)
        finally:
            await session.close()

    async def post(self, url: str, headers: Mapping[str, str], body: str) -> AttemptResult:
        started = time.monotonic()
        answer, response_body = await self._exchange(url, headers, body)
        return AttemptResult(answer, timedelta(seconds=time.monotonic() - started), response_body)

    async def _exchange(
        self, url: str, headers: Mapping[str, str], body: str
    ) -> tuple[Answer, str]:
        try:
            target = parse_callback_url(url)
        except CallbackUrlError as bad:
            return no_response(f"invalid URL: {bad}", retryable=False), ""
        if target.address is not None:
            problem = self._guard.literal_problem(target.host, target.address)
            if problem is not None:
                return no_response(f"destination refused: {problem}", retryable=False), ""
        try:
            async with self._session.post(
                url,
                data=body.encode(),
                headers=dict(headers),
                allow_redirects=False,
                timeout=self._timeout,
            ) as response:
                content = await self._read_start(response)
                return http_answer(response.status, response.headers.get("Retry-After")), content
        except aiohttp.ClientConnectorDNSError as failed:
            cause = failed.os_error
            if isinstance(cause, RefusedAddressError):
                return no_response(f"destination refused: {cause}", retryable=False), ""
            if isinstance(cause, UnresolvableHostError):
                return no_response(f"host cannot be resolved: {cause}"), ""
            return no_response(f"host cannot be resolved: {failed}"), ""
        except TimeoutError:
            return no_response(f"timed out after {self._config.request_timeout_s:g} s"), ""
        except aiohttp.InvalidURL as bad:
            return no_response(f"invalid URL: {bad}", retryable=False), ""
        except (aiohttp.ClientError, OSError) as failed:
            return no_response(f"connection failed: {_describe(failed)}"), ""

    async def _read_start(self, response: aiohttp.ClientResponse) -> str:
        """The first `response_body_bytes` of the body (the rest is not read: the
        connection is closed instead of draining a large body). The status decides the
        answer, so a body that breaks off or stalls keeps what arrived."""
        limit = self._config.response_body_bytes
        chunks: list[bytes] = []
        size = 0
        try:
            while size < limit:
                chunk = await response.content.read(limit - size)
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
        except (TimeoutError, aiohttp.ClientError):
            pass
        return b"".join(chunks).decode("utf-8", errors="replace")


def _describe(error: BaseException) -> str:
    text = str(error) or type(error).__name__
    return text if len(text) <= 300 else text[:297] + "..."
