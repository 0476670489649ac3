"""The OMS core: domain, repositories, outbox and the IMS client, shared by the gRPC API and
every consumer process, opened once per process by `oms_grpc.core.container.open_core`."""
