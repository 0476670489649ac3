"""API reference pages (Swagger UI, its assets from the `swagger-ui-bundle` package: no CDN).

/docs                     the Falcon edge's API (its /openapi.json)
/docs/proto               the proto-native API that Envoy serves (envoy/openapi.yaml, made by
                          scripts/gen-proto); Envoy routes its own /docs here
/docs/proto/openapi.yaml  that document
/docs/assets/{name}       the page's script and style sheet
"""

from __future__ import annotations

import html
from functools import cache
from pathlib import Path

import falcon
import falcon.asgi
from swagger_ui_bundle import swagger_ui_path

ASSETS = {
    "swagger-ui-bundle.js": "application/javascript; charset=utf-8",
    "swagger-ui.css": "text/css; charset=utf-8",
}
_PAGE = """<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>{title}</title>
  <link rel="stylesheet" href="/docs/assets/swagger-ui.css">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/docs/assets/swagger-ui-bundle.js"></script>
  <script>
    window.ui = SwaggerUIBundle({{
      url: "{spec}", dom_id: "#swagger-ui", deepLinking: true, persistAuthorization: true
    }});
  </script>
</body>
</html>
"""


def page(title: str, spec_url: str) -> str:
    return _PAGE.format(title=html.escape(title), spec=html.escape(spec_url))


class DocsPage:
    def __init__(self, title: str, spec_url: str) -> None:
        self._html = page(title, spec_url)

    async def on_get(self, req: falcon.asgi.Request, resp: falcon.asgi.Response) -> None:
        resp.content_type = falcon.MEDIA_HTML
        resp.text = self._html


class DocsAsset:
    async def on_get(self, req: falcon.asgi.Request, resp: falcon.asgi.Response, name: str) -> None:
        if name not in ASSETS:
            raise falcon.HTTPNotFound()
        resp.content_type = ASSETS[name]
        resp.data = _asset(name)
        resp.cache_control = ["public", "max-age=86400"]


class ProtoOpenApiDocument:
    def __init__(self, path: Path) -> None:
        self._path = path

    async def on_get(self, req: falcon.asgi.Request, resp: falcon.asgi.Response) -> None:
        try:
            text = self._path.read_text()
        except FileNotFoundError:
            raise falcon.HTTPNotFound(description=f"{self._path} is not deployed") from None
        resp.content_type = "application/yaml; charset=utf-8"
        resp.text = text


@cache
def _asset(name: str) -> bytes:
    return (Path(swagger_ui_path) / name).read_bytes()
