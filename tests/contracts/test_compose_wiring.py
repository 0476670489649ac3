"""compose.yaml's wiring, checked as far as it can be without a Docker engine: every
address a service is given names a service and a port that service listens on; every
`depends_on` target exists, with a healthcheck where its health is waited on; each
dependency is configured as the provision step requires; Prometheus scrapes every
process that serves metrics; every process `scripts/run` starts is a service."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml

from common.settings import KafkaSettings, MongoSettings
from ims_grpc.settings import ImsSettings
from oms_grpc.settings import OmsSettings

ROOT = Path(__file__).resolve().parents[2]

# What the official images listen on (their documented defaults, as compose.yaml runs them).
IMAGE_PORTS = {
    "postgres": {5432},
    "redis": {6379},
    "apache/kafka": {9092, 9093},
    "mongo": {27017},
    "motoserver/moto": {5000},
    "envoyproxy/envoy": {8080, 9901},  # envoy/envoy.yaml: listener, admin
    "prom/prometheus": {9090},
}
# Our processes' ports come from the code's own defaults.
MODULE_PORTS = {
    "ims_grpc.main": ImsSettings.model_fields["port"].default,
    "oms_grpc.main": OmsSettings.model_fields["port"].default,
}
ADDRESS_IN_TEXT = re.compile(r"^(?:[a-z][a-z0-9+.-]*://)?(?:[^@/\s]+@)?([A-Za-z][\w.-]*):(\d+)")


@pytest.fixture(scope="module")
def services() -> dict[str, dict[str, Any]]:
    document = yaml.safe_load((ROOT / "compose.yaml").read_text())  # merge keys resolved
    found: dict[str, dict[str, Any]] = document["services"]
    return found


def _environment(service: dict[str, Any]) -> dict[str, str]:
    env = service.get("environment") or {}
    return {str(k): str(v) for k, v in env.items()}


def _listens(name: str, service: dict[str, Any]) -> set[int]:
    image = str(service.get("image", "")).split(":")[0]
    if image in IMAGE_PORTS:
        return IMAGE_PORTS[image]
    command = [str(part) for part in service.get("command", [])]
    ports = {int(v) for k, v in _environment(service).items() if k.endswith("_METRICS_PORT")}
    for module, port in MODULE_PORTS.items():
        if module in command:
            ports.add(int(port))
    if "--port" in command:
        ports.add(int(command[command.index("--port") + 1]))
    return ports


def _addresses(value: str) -> list[tuple[str, int]]:
    found = []
    for part in value.split(","):
        match = ADDRESS_IN_TEXT.match(part.strip())
        if match:
            found.append((match.group(1), int(match.group(2))))
    return found


def test_every_address_a_service_is_given_names_a_service_and_a_port_it_listens_on(
    services: dict[str, dict[str, Any]],
) -> None:
    checked = 0
    for name, service in services.items():
        for variable, value in _environment(service).items():
            for host, port in _addresses(value):
                assert host in services, f"{name}: {variable}={value}: no service {host!r}"
                listening = _listens(host, services[host])
                assert port in listening, (
                    f"{name}: {variable}={value}: {host} listens on {sorted(listening)}"
                )
                checked += 1
    assert checked >= 10  # the stores, brokers and servers every process is pointed at


def test_every_dependency_exists_and_is_healthy_or_done_before_it_is_relied_on(
    services: dict[str, dict[str, Any]],
) -> None:
    for name, service in services.items():
        for target, rule in (service.get("depends_on") or {}).items():
            assert target in services, f"{name} depends on a missing service {target!r}"
            condition = rule.get("condition")
            if condition == "service_healthy":
                assert "healthcheck" in services[target], f"{name} waits for {target}'s health"
            if condition == "service_completed_successfully":
                assert services[target].get("restart") == "no", f"{target} must run once"


def test_each_dependency_is_configured_as_the_provision_step_requires(
    services: dict[str, dict[str, Any]],
) -> None:
    provision = services["provision"]
    assert provision["command"] == ["python", "-m", "devstack.cli", "provision"]
    waited = provision["depends_on"]
    for store in ("postgres", "redis", "kafka", "mongo", "aws"):
        assert waited[store] == {"condition": "service_healthy"}, store
    env = _environment(provision)

    # The IMS database: the DSN's user, password and database are the ones postgres creates.
    dsn = urlsplit(env["POSTGRES_DSN"])
    postgres = _environment(services["postgres"])
    assert dsn.username == postgres.get("POSTGRES_USER", "postgres")
    assert dsn.password == postgres["POSTGRES_PASSWORD"]
    assert dsn.path.lstrip("/") == postgres["POSTGRES_DB"]

    # Topics are created with the default replication factor: one broker must be enough.
    kafka = _environment(services["kafka"])
    assert KafkaSettings().topic_replication_factor <= len(
        kafka["KAFKA_CONTROLLER_QUORUM_VOTERS"].split(",")
    )
    assert kafka["KAFKA_ADVERTISED_LISTENERS"].endswith("//kafka:9092")

    # mongo:7 runs standalone; the provision step (devstack.mongo) asks for no replica set,
    # and the URI must not ask for one either.
    assert "replicaSet" not in env["MONGODB_URI"]
    assert "--replSet" not in " ".join(map(str, services["mongo"].get("command", [])))
    assert urlsplit(env["MONGODB_URI"]).hostname == "mongo"
    assert MongoSettings(uri=env["MONGODB_URI"]).uri == env["MONGODB_URI"]


def test_prometheus_scrapes_every_process_that_serves_metrics(
    services: dict[str, dict[str, Any]],
) -> None:
    config = yaml.safe_load((ROOT / "prometheus" / "prometheus.yml").read_text())
    targets = {
        target
        for job in config["scrape_configs"]
        for static in job.get("static_configs", [])
        for target in static["targets"]
    }
    replicated = {name for name, service in services.items() if _replicas(service) > 1}
    for job in config["scrape_configs"]:
        for dns in job.get("dns_sd_configs", []):
            assert dns["type"] == "A", job  # every replica's address, not one of them
            targets |= {f"{name}:{dns['port']}" for name in dns["names"]}
            replicated -= set(dns["names"])
    assert not replicated, f"replicas scraped through a static target: {sorted(replicated)}"
    for target in targets:
        host, port = target.split(":")
        assert host in services and int(port) in _listens(host, services[host]), target
    serving = {
        f"{name}:{value}"
        for name, service in services.items()
        for variable, value in _environment(service).items()
        if variable.endswith("_METRICS_PORT")
    }
    assert serving <= targets
    assert {"edge:8000", "envoy:9901"} <= targets
    assert len(serving) == 5  # IMS, OMS and the three consumers


def _replicas(service: dict[str, Any]) -> int:
    return int((service.get("deploy") or {}).get("replicas", 1))


def test_stateless_roles_run_as_replicas_without_a_fixed_host_port(
    services: dict[str, dict[str, Any]],
) -> None:
    stateless = {"ims", "oms", "csv-ingester", "order-finalizer", "webhook-dispatcher"}
    assert {name for name, s in services.items() if _replicas(s) > 1} >= stateless
    for name in stateless:
        # A second replica could not bind the same host port; Envoy is their front door.
        assert not services[name].get("ports"), name
        for cluster in ("ims", "oms"):
            assert f"address: {cluster}, port_value:" in " ".join(services["envoy"]["command"])
    # Our clients reach the replicas by service name, balanced over all of them.
    env = _environment(services["oms"])
    assert env["OMS_IMS_TARGET"].split(":")[0] == "ims"
    assert {env["EDGE_IMS_TARGET"].split(":")[0], env["EDGE_OMS_TARGET"].split(":")[0]} == {
        "ims",
        "oms",
    }


def test_every_process_scripts_run_starts_is_a_compose_service(
    services: dict[str, dict[str, Any]],
) -> None:
    from devstack.credentials import LocalCredentials
    from devstack.system import Ports, service_processes

    credentials = LocalCredentials("adm_x", "secret", Path("/nonexistent"))
    ours = service_processes("python", Path("envoy"), Path("envoy.yaml"), Ports(), credentials)
    assert {process.name for process in ours} <= set(services)
