"""What a REST request passes on to the RPCs it makes: the caller's credential, language,
idempotency key and trace id, as gRPC metadata the servers already understand."""

from __future__ import annotations

import falcon.asgi

from common.i18n import LANGUAGE_METADATA_KEY
from common.tracing import TRACE_METADATA_KEY

# HTTP header → gRPC metadata key (both lower-case on the wire).
_FORWARDED = {
    "authorization": "authorization",
    "accept-language": LANGUAGE_METADATA_KEY,
    "idempotency-key": "idempotency-key",
    "x-trace-id": TRACE_METADATA_KEY,
}


def call_metadata(req: falcon.asgi.Request) -> tuple[tuple[str, str], ...]:
    forwarded = []
    for header, key in _FORWARDED.items():
        value = req.get_header(header)
        if value:
            forwarded.append((key, value))
    return tuple(forwarded)
