"""OMS composition root: settings → core → servicers → gRPC server (+ the outbox relay).

python -m oms_grpc.main      (console script: oms-server)
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import timedelta

from common.grpc.auth import server_guard
from common.grpc.server import GrpcServer
from common.logs import configure_logging
from common.metrics import serving_metrics
from common.signals import wait_for_stop_signal
from common.tasks import cancel_and_wait
from common.workers import WorkerPlan, module_command, supervise
from oms_grpc.api.dead_letters import DeadLetterServicer, dead_letter_service
from oms_grpc.api.orders import OrderServicer, OrderTopics, order_service
from oms_grpc.api.upload_intake import UploadIntake
from oms_grpc.api.upload_settings import UploadSettings
from oms_grpc.api.uploads import UploadServicer, upload_service
from oms_grpc.api.webhooks import WebhookServicer, webhook_service
from oms_grpc.core.container import OmsCore, open_core
from oms_grpc.core.domain.upload_checks import UploadLimits
from oms_grpc.core.settings import CoreSettings
from oms_grpc.settings import OmsSettings


@dataclass(frozen=True)
class OmsSettingsBundle:
    service: OmsSettings
    core: CoreSettings
    uploads: UploadSettings = field(default_factory=UploadSettings)

    @classmethod
    def from_environment(cls) -> OmsSettingsBundle:
        return cls(OmsSettings(), CoreSettings.from_environment("oms"), UploadSettings())


def build_server(core: OmsCore, settings: OmsSettingsBundle) -> GrpcServer:
    kafka = core.settings.kafka
    orders = OrderServicer(
        core.orders,
        core.ims,
        OrderTopics(created=kafka.topic_order_created, updated=kafka.topic_order_updated),
        core.relay.notify,
    )
    limits = UploadLimits(settings.uploads.max_bytes, settings.uploads.max_line_bytes)
    uploads = UploadServicer(
        uploads=core.uploads,
        objects=core.objects,
        intake=UploadIntake(
            uploads=core.uploads, objects=core.objects, queue=core.queue, limits=limits
        ),
        ims=core.ims,
        limits=limits,
        presign_ttl_s=settings.uploads.presign_ttl_s,
    )
    webhooks = WebhookServicer(
        core.webhooks,
        core.deliveries,
        core.url_guard,
        core.ims,
        secret_grace=timedelta(seconds=core.settings.webhooks.secret_grace_s),
    )
    services = [
        order_service(orders),
        upload_service(uploads),
        webhook_service(webhooks),
        dead_letter_service(DeadLetterServicer(core.queue_letters, core.topic_letters)),
    ]
    return GrpcServer(
        host=settings.service.host,
        port=settings.service.port,
        share_port=settings.service.share_port,
        services=services,
        guard=server_guard(
            core.settings.auth,
            service="oms",
            service_names=[service.name for service in services],
            keys=core.ims,
        ),
        max_message_bytes=settings.service.max_message_bytes,
    )


@asynccontextmanager
async def running(core: OmsCore, settings: OmsSettingsBundle) -> AsyncIterator[GrpcServer]:
    """The server plus its background work (the outbox relay), stopped together."""
    server = build_server(core, settings)
    await server.start()
    relay_task = asyncio.create_task(core.relay.run(), name="outbox-relay")
    try:
        yield server
    finally:
        await server.stop(settings.service.shutdown_grace_s)
        await cancel_and_wait(relay_task)


async def serve(settings: OmsSettingsBundle) -> None:
    async with (
        serving_metrics(settings.service.worker_metrics_port()),
        open_core(settings.core) as core,
        running(core, settings),
    ):
        await wait_for_stop_signal()


def run() -> None:
    settings = OmsSettingsBundle.from_environment()
    configure_logging("oms", settings.service.log_level)
    if settings.service.workers > 1:
        asyncio.run(supervise(worker_plan(settings.service)))
        return
    asyncio.run(serve(settings))


def worker_plan(settings: OmsSettings) -> WorkerPlan:
    """OMS_WORKERS processes of this entry point on one port, each with its outbox relay
    (relays share the outbox safely: leases and owner-guarded claims)."""
    return WorkerPlan(
        command=module_command("oms_grpc.main"),
        count=settings.workers,
        env_prefix="OMS_",
        grace_s=settings.shutdown_grace_s + 5,
    )


if __name__ == "__main__":
    run()
