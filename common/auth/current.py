"""The principal of the call being served, for code that records who did something."""

from __future__ import annotations

import contextvars

from common.auth.principal import Principal

_current: contextvars.ContextVar[Principal | None] = contextvars.ContextVar(
    "principal", default=None
)


def bind_principal(principal: Principal) -> contextvars.Token[Principal | None]:
    return _current.set(principal)


def unbind_principal(token: contextvars.Token[Principal | None]) -> None:
    _current.reset(token)


def current_principal() -> Principal | None:
    """Who is calling, while serving an authenticated call."""
    return _current.get()


def current_actor() -> str | None:
    """ "key:<id>" (or "key:<id>/<subject>" for an access token issued to a subject),
    "service:<name>" or "admin" while serving an authenticated call."""
    principal = _current.get()
    return principal.recorded_actor if principal is not None else None
