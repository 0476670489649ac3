"""Real consumer processes (`python -m …`) on a test's own resources."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from oms_grpc.main import OmsSettingsBundle
from tests.support.auth import auth_env

ROOT = Path(__file__).resolve().parents[2]


def oms_core_env(oms: OmsSettingsBundle) -> dict[str, str]:
    """The environment of an OMS-core process (ingester, finalizer, dispatcher) pointed at
    the test's database, topics, bucket, queues and IMS."""
    core = oms.core
    kafka, aws = core.kafka, core.aws
    return {
        **os.environ,
        "MONGODB_URI": core.mongo.uri,
        "MONGODB_DATABASE": core.mongo.database,
        "KAFKA_BOOTSTRAP_SERVERS": kafka.bootstrap_servers,
        "KAFKA_TOPIC_ORDER_CREATED": kafka.topic_order_created,
        "KAFKA_TOPIC_ORDER_UPDATED": kafka.topic_order_updated,
        "KAFKA_TOPIC_INVENTORY_CHANGED": kafka.topic_inventory_changed,
        "KAFKA_TOPIC_DEAD_LETTER": kafka.topic_dead_letter,
        "AWS_S3_ENDPOINT_URL": aws.s3_endpoint_url,
        "AWS_SQS_ENDPOINT_URL": aws.sqs_endpoint_url,
        "AWS_S3_BUCKET": aws.s3_bucket,
        "AWS_SQS_QUEUE_NAME": aws.sqs_queue_name,
        "AWS_SQS_DEAD_LETTER_QUEUE_NAME": aws.sqs_dead_letter_queue_name,
        "OMS_IMS_TARGET": core.ims.ims_target,
        **auth_env(),
    }


def start_module(
    module: str, env: dict[str, str], stderr: Path | None = None
) -> subprocess.Popen[bytes]:
    """`python -m module`; its stderr (the JSON log) goes to `stderr`, else to the file named
    by the TEST_CHILD_STDERR environment variable, when debugging a test, else nowhere."""
    with open(stderr or os.environ.get("TEST_CHILD_STDERR", os.devnull), "ab") as log:
        return subprocess.Popen(
            [sys.executable, "-m", module], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=log
        )
