"""CSV ingester scale-out: several uploads at once, on 1 ingester process and then on more.

    .venv/bin/python bench/ingest_scaleout.py [--ingesters 1,2] [--uploads 4] [--rows 20000]

Runs against the local stack (`scripts/stack up`) on resources of its own (bulk_upload.py's:
a PostgreSQL database, a Redis key prefix, a MongoDB database, Kafka topics, an S3 bucket and
SQS queues, removed at the end, also on error). IMS and OMS (UploadService + its outbox
relay) run in this process, as in bulk_upload.py; the CSV ingesters are real processes
(`python -m consumers.csv_ingester`, the production entry point: SQS loop + its own outbox
relay), each with its metrics endpoint and its JSON log in a temporary directory (level
WARNING; BENCH_INGESTER_LOG_LEVEL=INFO also prints the uploads each process logged).

For each count N of --ingesters, one after the other:

  * N ingester processes are started; each is ready once it has stored a small warm-up
    upload (its metrics endpoint shows the rows it read: its SQS loop, IMS look-ups, inserts
    and Kafka producer are up), warm-up uploads being sent until every process took one;
  * --uploads files of --rows rows each (original 5-column format, ~1% bad rows) are sent
    with `UploadService.CreateUpload` all at once; the clock runs from the first call until
    every upload is COMPLETED and every valid row is an order whose `order.created` event
    has been read back from the topic (as bulk_upload.py's end to end); figure: rows/s;
  * the rows each process read during the round (its `ingester_rows_total`) say how the
    uploads were shared out; each process's peak RSS (VmHWM) is read before it is stopped
    (SIGTERM, then waited for); before the next count, the stopped processes' SQS long polls
    are left to expire (INGESTER_RECEIVE_WAIT_S, 20 s): ElasticMQ would hand a message sent
    meanwhile to such a dead poll, and it would stay invisible for the visibility timeout.

Baseline: the rate of the first count (1 process by default) measured in the same run. An
ingester takes one SQS message at a time (`max_messages=1` in consumers/csv_ingester/
consumer.py), so N processes work on N different uploads at once. The machine's cores are
shared by the ingesters, this process (IMS, OMS, the Kafka reader) and the stack.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

import bench_auth
import summary
from bulk_upload import (
    Catalog,
    EventCount,
    Generated,
    Services,
    count_events,
    create_catalog,
    generate,
    services,
)
from google.api import httpbody_pb2
from memory import peak_rss_bytes
from oms.v1 import upload_pb2

from common.tasks import cancel_and_wait
from consumers.csv_ingester.settings import IngesterSettings
from devstack.process import free_port
from devstack.scratch import Resources, own_resources, provisioned

ROOT = Path(__file__).resolve().parent.parent
WARM_UP_ROWS = 20


@dataclass
class Ingester:
    number: int
    process: subprocess.Popen[bytes]
    metrics_port: int
    log_path: Path

    def name(self) -> str:
        return f"ingester {self.number} (pid {self.process.pid})"

    async def rows_read(self) -> int | None:
        """`ingester_rows_total` over its outcomes; None while the endpoint does not answer."""
        return await asyncio.to_thread(self._rows_read)

    def _rows_read(self) -> int | None:
        url = f"http://127.0.0.1:{self.metrics_port}/metrics"
        try:
            with urllib.request.urlopen(url, timeout=2) as reply:
                text = reply.read().decode()
        except OSError:
            return None
        return int(
            sum(
                float(line.rsplit(" ", 1)[1])
                for line in text.splitlines()
                if line.startswith("ingester_rows_total{")
            )
        )

    def uploads_in_log(self) -> list[str]:
        """The uploads it logged "processing upload" for (only at log level INFO)."""
        ids: list[str] = []
        try:
            lines = self.log_path.read_text().splitlines()
        except OSError:
            return ids
        for line in lines:
            try:
                entry = json.loads(line)
            except ValueError:
                continue
            if isinstance(entry, dict) and entry.get("message") == "processing upload":
                ids.append(str(entry.get("upload_id")))
        return ids


def start_ingester(
    number: int, res: Resources, ims_target: str, batch_size: int, log_path: Path, stack: ExitStack
) -> Ingester:
    port = free_port()
    env = {
        **os.environ,
        **res.environment(),
        **bench_auth.server_env(),
        "OMS_IMS_TARGET": ims_target,
        "INGESTER_BATCH_SIZE": str(batch_size),
        "INGESTER_METRICS_PORT": str(port),
        "INGESTER_LOG_LEVEL": os.environ.get("BENCH_INGESTER_LOG_LEVEL", "WARNING"),
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "consumers.csv_ingester"],
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=stack.enter_context(log_path.open("ab")),
    )
    return Ingester(number, process, port, log_path)


async def stop_ingesters(ingesters: list[Ingester]) -> None:
    for ingester in ingesters:
        if ingester.process.poll() is None:
            ingester.process.send_signal(signal.SIGTERM)
    for ingester in ingesters:
        try:
            code = await asyncio.to_thread(ingester.process.wait, 30)
        except subprocess.TimeoutExpired:
            ingester.process.kill()
            code = await asyncio.to_thread(ingester.process.wait)
            print(f"  {ingester.name()} did not stop within 30 s of SIGTERM: killed")
        if code != 0:
            print(f"  {ingester.name()} exited with {code}; see {ingester.log_path}")


def check_alive(ingesters: list[Ingester]) -> None:
    for ingester in ingesters:
        code = ingester.process.poll()
        if code is not None:
            raise RuntimeError(f"{ingester.name()} exited with {code}; see {ingester.log_path}")


@dataclass
class Round:
    """Uploads sent together and followed until done."""

    upload_ids: list[str]
    started: float
    replied_s: float
    completed_s: dict[str, float] = field(default_factory=dict)
    rejected: int = 0


async def send(svc: Services, catalog: Catalog, files: list[Generated]) -> Round:
    started = time.perf_counter()
    replies = await asyncio.gather(
        *(
            svc.uploads.CreateUpload(
                upload_pb2.CreateUploadRequest(
                    tenant_id=catalog.tenant_id,
                    filename=f"bench-{n}.csv",
                    file=httpbody_pb2.HttpBody(content_type="text/csv", data=data.content),
                ),
                timeout=60,
            )
            for n, data in enumerate(files)
        )
    )
    return Round([r.upload.id for r in replies], started, time.perf_counter() - started)


async def follow(
    svc: Services,
    catalog: Catalog,
    sent: Round,
    tally: EventCount,
    events_target: int,
    deadline_s: float,
    ingesters: list[Ingester],
    verbose: bool,
) -> bool:
    """Polls the uploads until all are COMPLETED and `events_target` distinct events were
    read (True), or until the deadline (False)."""
    last = ""
    while True:
        check_alive(ingesters)
        elapsed = time.perf_counter() - sent.started
        read = accepted = rejected = 0
        for upload_id in sent.upload_ids:
            upload = (
                await svc.uploads.GetUpload(
                    upload_pb2.GetUploadRequest(tenant_id=catalog.tenant_id, id=upload_id)
                )
            ).upload
            if upload.state == upload_pb2.UPLOAD_STATE_FAILED:
                raise RuntimeError(f"upload {upload_id} failed: {upload.error_message}")
            if upload.state == upload_pb2.UPLOAD_STATE_COMPLETED:
                sent.completed_s.setdefault(upload_id, elapsed)
            read += upload.rows_read
            accepted += upload.rows_accepted
            rejected += upload.rows_rejected
        sent.rejected = rejected
        done = len(sent.completed_s) == len(sent.upload_ids)
        line = (
            f"completed {len(sent.completed_s)}/{len(sent.upload_ids)} read={read} "
            f"accepted={accepted} events={tally.distinct}/{events_target}"
        )
        if verbose and line != last and (int(elapsed * 2) % 10 == 0 or done):
            print(f"  {elapsed:6.1f}s {line}", flush=True)
            last = line
        if done and tally.distinct >= events_target:
            return True
        if elapsed > deadline_s:
            return False
        await asyncio.sleep(0.5)


@dataclass
class Run:
    tally: EventCount
    events_target: int = 0  # distinct order.created events expected so far (all rounds)


async def warm_up(
    svc: Services, catalog: Catalog, run: Run, ingesters: list[Ingester], timeout_s: float
) -> int:
    """Until every ingester has read rows: warm-up uploads, one per idle ingester, at once.
    Returns the number of warm-up uploads."""
    started = time.perf_counter()
    while None in [await i.rows_read() for i in ingesters]:  # a process is still importing
        check_alive(ingesters)
        if time.perf_counter() - started > timeout_s:
            raise RuntimeError("an ingester's metrics endpoint never answered")
        await asyncio.sleep(0.2)
    sent_total = 0
    while idle := [i for i in ingesters if not await i.rows_read()]:
        if time.perf_counter() - started > timeout_s:
            names = ", ".join(i.name() for i in idle)
            raise RuntimeError(f"no warm-up upload reached {names} in {timeout_s:.0f} s")
        files = [
            generate(catalog, WARM_UP_ROWS, 0.0, seed=sent_total + n) for n in range(len(idle))
        ]
        sent = await send(svc, catalog, files)
        sent_total += len(files)
        run.events_target += sum(f.valid for f in files)
        if not await follow(
            svc, catalog, sent, run.tally, run.events_target, timeout_s, ingesters, False
        ):
            raise RuntimeError(f"warm-up uploads not done in {timeout_s:.0f} s")
    return sent_total


@dataclass(frozen=True)
class Measured:
    count: int
    rows: int
    seconds: float
    finished: bool

    @property
    def rate(self) -> float:
        return self.rows / self.seconds


def processes(count: int) -> str:
    return f"{count} ingester process{'' if count == 1 else 'es'}"


async def measure(
    args: argparse.Namespace,
    res: Resources,
    svc: Services,
    catalog: Catalog,
    files: list[Generated],
    run: Run,
    count: int,
    log_dir: Path,
) -> Measured:
    print(f"\n--- {processes(count)}", flush=True)
    with ExitStack() as logs:
        ingesters = [
            start_ingester(
                n,
                res,
                svc.ims_target,
                args.batch_size,
                log_dir / f"ingester-{count}x-{n}.log",
                logs,
            )
            for n in range(1, count + 1)
        ]
        try:
            for ingester in ingesters:
                print(f"  {ingester.name()}: log {ingester.log_path}")
            ready_started = time.perf_counter()
            warm = await warm_up(svc, catalog, run, ingesters, timeout_s=120)
            print(
                f"  ready after {time.perf_counter() - ready_started:.1f} s "
                f"({warm} warm-up upload{'' if warm == 1 else 's'} of {WARM_UP_ROWS} rows)"
            )
            before = {i.number: await i.rows_read() or 0 for i in ingesters}
            run.events_target += sum(f.valid for f in files)
            sent = await send(svc, catalog, files)
            finished = await follow(
                svc, catalog, sent, run.tally, run.events_target, args.deadline, ingesters, True
            )
            seconds = time.perf_counter() - sent.started
            orders = await svc.orders.collection.count_documents(
                {"upload_id": {"$in": sent.upload_ids}}
            )
            read_by = {i.number: (await i.rows_read() or 0) - before[i.number] for i in ingesters}
            peaks = {i.number: peak_rss_bytes(i.process.pid) for i in ingesters}
        finally:
            await stop_ingesters(ingesters)

    rows = sum(f.rows for f in files)
    measured = Measured(count, rows, seconds, finished)
    valid = sum(f.valid for f in files)
    completions = ", ".join(f"{sent.completed_s[u]:.1f}" for u in sent.upload_ids)
    bound = "" if finished else f"STOPPED at the {args.deadline:.0f} s deadline: < "
    print(
        f"  {len(files)} uploads, {rows} rows ({valid} valid): {seconds:.1f} s, "
        f"{bound}{measured.rate:,.0f} rows/s"
    )
    print(
        f"  CreateUpload x{len(files)} replied after {sent.replied_s:.2f} s; COMPLETED after "
        f"[{completions}] s; orders {orders}, rejected {sent.rejected}; "
        f"order.created events read: {run.tally.distinct} distinct in the run so far"
    )
    mine = set(sent.upload_ids)
    for ingester in ingesters:
        share = read_by[ingester.number] / args.rows
        peak = peaks[ingester.number]
        memory = f"{peak / 2**20:,.0f} MiB" if peak is not None else "unknown"
        handled = [u for u in ingester.uploads_in_log() if u in mine]
        logged = f"; logged uploads {', '.join(handled)}" if handled else ""
        print(
            f"  {ingester.name()}: read {read_by[ingester.number]} rows (~{share:.2f} uploads)"
            f"{logged}; peak RSS {memory}"
        )
    return measured


async def run_all(args: argparse.Namespace) -> list[Measured]:
    counts = [int(n) for n in args.ingesters.split(",")]
    log_dir = Path(tempfile.mkdtemp(prefix="bench-ingest-scaleout-"))
    print(f"ingester logs (JSON, stderr of each process): {log_dir}")
    res = own_resources()
    results: list[Measured] = []
    async with (
        provisioned(res),
        services(res, args.batch_size, in_process_ingester=False) as svc,
    ):
        catalog = await create_catalog(svc.ims_channel, args.hubs, args.skus)
        files = [
            generate(catalog, args.rows, args.bad_ratio, seed=7 + n) for n in range(args.uploads)
        ]
        run = Run(EventCount())
        counting = asyncio.create_task(count_events(res.kafka, run.tally))
        try:
            await asyncio.sleep(2)  # the consumer joins its group before the first event
            for count in counts:
                if results:
                    # A stopped process's long poll stays pending at the queue for up to
                    # receive_wait_s: a message sent meanwhile would be handed to it and stay
                    # invisible for visibility_timeout_s (60 s). Let those polls expire.
                    pause = IngesterSettings().receive_wait_s + 1
                    print(f"\n(waiting {pause} s for the stopped processes' SQS long polls)")
                    await asyncio.sleep(pause)
                results.append(await measure(args, res, svc, catalog, files, run, count, log_dir))
        finally:
            await cancel_and_wait(counting)
    return results


def report(args: argparse.Namespace, results: list[Measured]) -> None:
    print(
        f"\n{args.uploads} uploads of {args.rows} rows at once; SKUs {args.skus}, hubs "
        f"{args.hubs}, batch size {args.batch_size}; {os.cpu_count()} cores shared"
    )
    base = results[0]
    for result in results:
        bound = "" if result.finished else "< "
        ratio = f"  ratio {result.rate / base.rate:.2f}" if result is not base else ""
        print(
            f"{processes(result.count):<22}{result.seconds:7.1f} s  "
            f"{bound}{result.rate:8,.0f} rows/s{ratio}"
        )
        deadline = "" if result.finished else " (deadline)"
        figure = f"{processes(result.count)}, {args.uploads} uploads at once{deadline}"
        if result is base:
            summary.record("csv ingester scale-out", figure, result.rate, "rows/s")
        else:
            summary.record(
                "csv ingester scale-out",
                figure,
                result.rate,
                "rows/s",
                baseline=base.rate,
                baseline_label=processes(base.count),
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--ingesters", default="1,2", help="process counts, the first one is the baseline"
    )
    parser.add_argument("--uploads", type=int, default=4, help="uploads sent at once")
    parser.add_argument("--rows", type=int, default=20_000, help="rows per upload")
    parser.add_argument("--skus", type=int, default=300)
    parser.add_argument("--hubs", type=int, default=5)
    parser.add_argument("--bad-ratio", type=float, default=0.01)
    parser.add_argument("--batch-size", type=int, default=IngesterSettings().batch_size)
    parser.add_argument(
        "--deadline", type=float, default=600.0, help="seconds after the uploads to give up"
    )
    args = parser.parse_args()
    report(args, asyncio.run(run_all(args)))


if __name__ == "__main__":
    main()
