"""Settings of the OMS core, the same for every process that opens it (server, consumers).

- `OMS_IMS_TARGET` (default `127.0.0.1:50051`): IMS's gRPC address.
- `OMS_IMS_TIMEOUT_S` (default `5.0`): deadline of each IMS call.
Stores and brokers: `MONGODB_*`, `KAFKA_*`, `AWS_*` (common.settings); webhook destinations:
`WEBHOOK_*` (oms_grpc.core.webhook_settings); credentials: `AUTH_*` (common.settings).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from common.settings import AuthSettings, AwsSettings, KafkaSettings, MongoSettings
from oms_grpc.core.webhook_settings import WebhookSettings


class ImsClientSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="OMS_", extra="ignore")

    ims_target: str = "127.0.0.1:50051"
    ims_timeout_s: float = Field(default=5.0, gt=0)


@dataclass(frozen=True)
class CoreSettings:
    mongo: MongoSettings
    kafka: KafkaSettings
    aws: AwsSettings
    ims: ImsClientSettings = field(default_factory=ImsClientSettings)
    webhooks: WebhookSettings = field(default_factory=WebhookSettings)
    auth: AuthSettings = field(default_factory=AuthSettings)
    # The process's own service identity: its credential towards IMS ("service:<identity>"
    # in IMS's ledger) and the actor of the order changes it makes on its own account.
    identity: str = "oms"

    @property
    def actor(self) -> str:
        """How records name this process when it acts on its own account."""
        return f"service:{self.identity}"

    @classmethod
    def from_environment(cls, identity: str) -> CoreSettings:
        return cls(
            MongoSettings(),
            KafkaSettings(),
            AwsSettings(),
            ImsClientSettings(),
            WebhookSettings(),
            AuthSettings(),
            identity,
        )
