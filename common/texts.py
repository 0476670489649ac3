"""Messages as a message id and parameters, rendered in the reader's language at the edge.

A `Text` is the English rendering of a gettext message id (its English template, e.g.
"must be at most {n} characters") with its parameters, and remembers both: code that only
needs English (logs, tests, `str` operations) uses it as the string it is, and the gRPC
boundary and the Falcon edge render it again in the caller's language from the catalogues
(`common.i18n`). No prose is ever parsed back. A parameter that is itself a Text (an entity
noun, a nested reason) is rendered in the same language.

Message ids are found in the source by Babel (`scripts/i18n`): they must be literal
strings in a call of `t(...)` (or `N_(...)` where only the id is named, for later use).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


class Text(str):
    msgid: str
    params: Mapping[str, Any]

    def __new__(cls, msgid: str, /, **params: Any) -> Text:
        text = super().__new__(cls, format_template(msgid, params))
        text.msgid = msgid
        text.params = params
        return text

    def __reduce__(self) -> tuple[Any, ...]:  # picklable like the str it is
        return (_restore, (self.msgid, dict(self.params)))


def _restore(msgid: str, params: dict[str, Any]) -> Text:
    return Text(msgid, **params)


def t(msgid: str, /, **params: Any) -> Text:
    """The message `msgid` (its English template) with `params`."""
    return Text(msgid, **params)


def N_(msgid: str) -> str:  # noqa: N802 (the gettext convention)
    """Marks a message id for extraction where it is used later (by `t(N_(...))`)."""
    return msgid


def format_template(template: str, params: Mapping[str, Any]) -> str:
    """`template` with `params`; a template that does not fit its parameters is returned as
    it is (a catalogue mistake must not turn an error report into an exception)."""
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError, AttributeError):
        return template


class TextError(Exception):
    """An error whose message is a Text (kept as `text`, shown as its English)."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text
