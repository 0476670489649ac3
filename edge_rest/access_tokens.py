"""POST /auth/token: the original's documented (and never served) token endpoint, made real.

The caller presents a tenant API key (`Authorization: Bearer tk_…`) and gets a short-lived
access token (`at_…`) that IMS and OMS accept until it expires: iam.v1.TokenService's
IssueToken. The original's `username` becomes the token's subject, recorded beside every
change made with it; `expires_in` (seconds) asks for a lifetime.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import falcon
import falcon.asgi
from google.protobuf.duration_pb2 import Duration
from iam.v1 import token_pb2, token_pb2_grpc

from edge_rest.bodies import MAX_DURATION_S, json_object, refuse_unknown, text_field, whole_number
from edge_rest.calls import respond
from edge_rest.shapes import rfc3339

Tokens = Callable[[], token_pb2_grpc.TokenServiceStub]

_ORIGINAL_NAMES = {"subject": "username", "ttl": "expires_in"}


def _original_field(field: str) -> str:
    return _ORIGINAL_NAMES.get(field, field)


class AccessTokenResource:
    def __init__(self, tokens: Tokens, timeout_s: float) -> None:
        self._tokens = tokens
        self._timeout_s = timeout_s

    async def on_post(self, req: falcon.asgi.Request, resp: falcon.asgi.Response) -> None:
        body = await json_object(req) if req.content_length else {}
        refuse_unknown(body, {"username", "expires_in"})
        request = token_pb2.IssueTokenRequest(subject=text_field(body, "username"))
        expires_in = body.get("expires_in")
        if expires_in is not None:
            seconds = whole_number(expires_in, "expires_in", maximum=MAX_DURATION_S)
            request.ttl.CopyFrom(Duration(seconds=seconds))
        await respond(
            req,
            resp,
            self._tokens().IssueToken,
            request,
            _token_json,
            timeout_s=self._timeout_s,
            field_name=_original_field,
        )


def _token_json(reply: token_pb2.IssueTokenResponse) -> dict[str, object]:
    return {
        "token": reply.access_token,
        "token_type": "Bearer",
        "expires_at": rfc3339(reply.expire_time),
        "expires_in": max(0, reply.expire_time.seconds - int(time.time())),
        "actor": reply.actor,
    }
