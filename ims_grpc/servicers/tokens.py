"""iam.v1.TokenService: a tenant API key exchanged for a short-lived access token."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import grpc
from google.protobuf.timestamp_pb2 import Timestamp
from iam.v1 import token_pb2, token_pb2_grpc

from common.auth.access_tokens import AccessTokens, TokenPolicy, claims_for
from common.auth.current import current_principal
from common.errors import ErrorCode, ServiceError
from common.grpc.server import ServiceRegistration
from common.texts import t

Context = grpc.aio.ServicerContext[Any, Any]

SERVICE_NAME = token_pb2.DESCRIPTOR.services_by_name["TokenService"].full_name


class TokenServicer(token_pb2_grpc.TokenServiceServicer):
    def __init__(
        self, tokens: AccessTokens | None, policy: TokenPolicy, clock: Callable[[], float]
    ) -> None:
        """`tokens` is None when the servers share no service secret to sign with."""
        self._tokens = tokens
        self._policy = policy
        self._clock = clock

    async def IssueToken(  # noqa: N802
        self, request: token_pb2.IssueTokenRequest, context: Context
    ) -> token_pb2.IssueTokenResponse:
        if self._tokens is None:
            raise ServiceError(
                ErrorCode.FAILED_PRECONDITION,
                t("access tokens are off: the servers have no AUTH_SERVICE_SECRET"),
                reason="TOKENS_DISABLED",
            )
        claims = claims_for(
            current_principal(),
            subject=request.subject,
            ttl_s=request.ttl.ToTimedelta().total_seconds() if request.HasField("ttl") else None,
            now=self._clock(),
            policy=self._policy,
        )
        return token_pb2.IssueTokenResponse(
            access_token=self._tokens.issue(claims),
            expire_time=Timestamp(seconds=claims.expires_at),
            actor=claims.principal().recorded_actor,
        )


def token_service(servicer: TokenServicer) -> ServiceRegistration:
    return ServiceRegistration(
        SERVICE_NAME,
        lambda server: token_pb2_grpc.add_TokenServiceServicer_to_server(servicer, server),
    )
