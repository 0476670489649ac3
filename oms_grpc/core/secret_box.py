"""Webhook signing secrets encrypted at rest (Fernet: AES-128-CBC + HMAC-SHA256).

The key comes from `WEBHOOK_SECRET_KEY` (urlsafe base64 of 32 bytes, as
`Fernet.generate_key()` prints it). Several comma-separated keys rotate the key itself:
the first encrypts, every one of them decrypts, so old values stay readable while a
migration re-encrypts them (`WebhookRepository.seal_plaintext_secrets`).

Stored values are either a Fernet token or, written before encryption existed, the plain
`whsec_…` secret: a token never starts with `whsec_` (it is base64url of a 0x80 version
byte, so it starts with `gAAAAA`), which is how the two are told apart.
"""

from __future__ import annotations

from collections.abc import Sequence

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

from oms_grpc.core.domain.webhook_secrets import SECRET_PREFIX


class SecretKeyError(ValueError):
    """A configured key is not a Fernet key."""


class SealedSecretError(ValueError):
    """A stored secret cannot be decrypted with any configured key."""


class SecretBox:
    def __init__(self, keys: Sequence[str]) -> None:
        if not keys:
            raise SecretKeyError("at least one key is needed")
        try:
            self._fernet = MultiFernet([Fernet(key.encode()) for key in keys])
        except (ValueError, TypeError) as exc:
            raise SecretKeyError(
                "WEBHOOK_SECRET_KEY must be urlsafe base64 of 32 bytes "
                "(python -c 'from cryptography.fernet import Fernet; "
                "print(Fernet.generate_key().decode())')"
            ) from exc

    @staticmethod
    def generate_key() -> str:
        return Fernet.generate_key().decode()

    def seal(self, secret: str) -> str:
        return self._fernet.encrypt(secret.encode()).decode()

    def open(self, stored: str) -> str:
        """The plain secret of a stored value (a legacy plain secret passes through)."""
        if is_plaintext(stored):
            return stored
        try:
            return self._fernet.decrypt(stored.encode()).decode()
        except InvalidToken:
            raise SealedSecretError("the secret was encrypted with another key") from None


def is_plaintext(stored: str) -> bool:
    return stored.startswith(SECRET_PREFIX)
