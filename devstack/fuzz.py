"""`scripts/fuzz`: contract fuzzing with schemathesis, authenticated, against both edges.

Three runs, each on a fresh system of its own (`devstack.scratch`: IMS, OMS, the Falcon edge
and Envoy as their own processes on scratch resources):

  1. the Falcon edge with the original system's OpenAPI document,
  2. the Falcon edge with its own document (/openapi.json),
  3. Envoy with the document generated from the protos (envoy/openapi.yaml).

Requests carry a tenant API key of a tenant made for the run (so tenant-scoped operations
reach the services). The checks: `not_a_server_error` (no 5xx) and
`response_schema_conformance` (every answer matches its documented schema). Exit status 0
only when all three runs pass; the figures are printed per run.

    scripts/fuzz [--max-examples 30] [--seed 1] [--workers 2]
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import sys
import time
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from pathlib import Path

from common.auth.credentials import new_admin_token, new_service_secret
from common.grpc.credentials import authorized_channel
from devstack.limits import raise_open_file_limit
from devstack.paths import PROJECT_ROOT, stack_home
from devstack.scratch import ScratchSystem, own_resources, provisioned, scratch_system
from devstack.stack import Stack, default_components

CHECKS = "not_a_server_error,response_schema_conformance"


@dataclass(frozen=True)
class FuzzRun:
    name: str
    schema: str  # a file or a URL
    base_url: str


@dataclass(frozen=True)
class Outcome:
    run: FuzzRun
    exit_code: int
    operations: int
    failed_operations: int
    seconds: float
    output: str


async def _tenant_key(system: ScratchSystem, admin_token: str) -> str:
    from iam.v1 import api_key_pb2, api_key_pb2_grpc
    from ims.v1 import tenant_pb2, tenant_pb2_grpc

    async with authorized_channel(system.ims_target, admin_token) as channel:
        tenant = await tenant_pb2_grpc.TenantServiceStub(channel).CreateTenant(
            tenant_pb2.CreateTenantRequest(tenant=tenant_pb2.Tenant(name="Fuzz", code="fuzz"))
        )
        key = await api_key_pb2_grpc.ApiKeyServiceStub(channel).CreateApiKey(
            api_key_pb2.CreateApiKeyRequest(
                tenant_id=tenant.tenant.id,
                name="schemathesis",
                scopes=[api_key_pb2.SCOPE_READ, api_key_pb2.SCOPE_WRITE],
                rate_limit=api_key_pb2.RateLimit(per_second=10_000, burst=10_000),
            )
        )
    secret: str = key.secret
    return secret


async def _schemathesis(run: FuzzRun, key: str, args: argparse.Namespace, reports: Path) -> Outcome:
    junit = reports / f"{run.name.replace(' ', '-')}.xml"
    started = time.monotonic()
    process = await asyncio.create_subprocess_exec(
        str(Path(sys.executable).parent / "schemathesis"),
        "run",
        run.schema,
        "--url",
        run.base_url,
        "--header",
        f"Authorization: Bearer {key}",
        "--checks",
        CHECKS,
        "--max-examples",
        str(args.max_examples),
        "--seed",
        str(args.seed),
        "--workers",
        str(args.workers),
        "--report",
        "junit",
        "--report-junit-path",
        str(junit),
        cwd=PROJECT_ROOT,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    output, _ = await process.communicate()
    operations, failed = _junit_counts(junit)
    return Outcome(
        run,
        process.returncode or 0,
        operations,
        failed,
        time.monotonic() - started,
        output.decode(errors="replace"),
    )


def _junit_counts(path: Path) -> tuple[int, int]:
    if not path.exists():
        return 0, 0
    root = ElementTree.parse(path).getroot()
    cases = list(root.iter("testcase"))
    failed = [case for case in cases if case.find("failure") is not None]
    return len(cases), len(failed)


async def fuzz(args: argparse.Namespace) -> int:
    raise_open_file_limit()
    await asyncio.to_thread(
        Stack(default_components(), report=lambda line: print(f"[stack] {line}")).up
    )
    admin_token, service_secret = new_admin_token(), new_service_secret()
    auth = {"AUTH_ADMIN_TOKEN": admin_token, "AUTH_SERVICE_SECRET": service_secret}
    original = str(PROJECT_ROOT / "edge_rest" / "openapi" / "original.yaml")
    generated = str(PROJECT_ROOT / "envoy" / "openapi.yaml")
    outcomes: list[Outcome] = []
    reports = stack_home() / "fuzz"
    await asyncio.to_thread(shutil.rmtree, reports, True)
    for name in ("falcon-original", "falcon-own", "envoy-generated"):
        res = own_resources()
        async with provisioned(res), scratch_system(res, auth, reports / name) as system:
            key = await _tenant_key(system, admin_token)
            run = {
                "falcon-original": FuzzRun(name, original, system.edge_url),
                "falcon-own": FuzzRun(name, f"{system.edge_url}/openapi.json", system.edge_url),
                "envoy-generated": FuzzRun(name, generated, system.envoy_url),
            }[name]
            print(f"[fuzz] {name}: schemathesis {run.schema} against {run.base_url}")
            outcome = await _schemathesis(run, key, args, reports)
            outcomes.append(outcome)
            log = reports / f"{name}.txt"
            await asyncio.to_thread(log.write_text, outcome.output)
            print(outcome.output if outcome.exit_code != 0 else f"[fuzz] {name}: passed")
    print()
    print("| run | operations | failed | result | seconds |")
    print("|---|---:|---:|---|---:|")
    for o in outcomes:
        verdict = "pass" if o.exit_code == 0 else f"FAIL (exit {o.exit_code})"
        print(
            f"| {o.run.name} | {o.operations} | {o.failed_operations} | {verdict} | "
            f"{o.seconds:.0f} |"
        )
    print(f"checks: {CHECKS}; --max-examples {args.max_examples} --seed {args.seed}")
    print(f"reports and output: {reports}/")
    return 0 if all(o.exit_code == 0 for o in outcomes) else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--max-examples", type=int, default=30)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workers", type=int, default=2)
    return asyncio.run(fuzz(parser.parse_args()))


if __name__ == "__main__":
    sys.exit(main())
