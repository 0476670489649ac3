"""Falcon ASGI composition root for the REST edge."""

from __future__ import annotations

import falcon.asgi

from edge_rest.channels import ServiceChannels
from edge_rest.health import HealthResource
from edge_rest.settings import EdgeSettings


def create_app(settings: EdgeSettings | None = None) -> falcon.asgi.App:  # type: ignore[type-arg]
    settings = settings or EdgeSettings()
    channels = ServiceChannels({"ims": settings.ims_target, "oms": settings.oms_target})
    app = falcon.asgi.App(middleware=[channels])
    app.add_route("/healthz", HealthResource(channels, settings.rpc_timeout_s))
    return app
