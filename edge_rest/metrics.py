"""The edge's Prometheus metrics: every answered request counted and timed by its route
(the URI template, never the raw path, so ids do not make new series), and `/metrics`."""

from __future__ import annotations

import time
from typing import Any

import falcon
import falcon.asgi
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from common.metrics import HTTP_REQUESTS, HTTP_SECONDS

_STARTED = "metrics_started"
_UNROUTED = "(unrouted)"  # 404s: no template, and their paths are not worth a series each


class RequestMetrics:
    """Falcon middleware; runs around every request, including those an error handler
    answers."""

    async def process_request(self, req: falcon.asgi.Request, resp: falcon.asgi.Response) -> None:
        req.context[_STARTED] = time.perf_counter()

    async def process_response(
        self,
        req: falcon.asgi.Request,
        resp: falcon.asgi.Response,
        resource: Any,
        req_succeeded: bool,
    ) -> None:
        started = req.context.get(_STARTED)
        route = req.uri_template or _UNROUTED
        HTTP_REQUESTS.labels(req.method, route, str(resp.status_code)).inc()
        if started is not None:
            HTTP_SECONDS.labels(req.method, route).observe(time.perf_counter() - started)


class MetricsResource:
    """`GET /metrics`: the process's metrics in Prometheus's text format."""

    async def on_get(self, req: falcon.asgi.Request, resp: falcon.asgi.Response) -> None:
        resp.data = generate_latest()
        resp.content_type = CONTENT_TYPE_LATEST
