"""Envoy accepts the transcoder config; compose.yaml is valid and derives from it."""

from __future__ import annotations

import asyncio
import os
import re
import shutil
from pathlib import Path

import pytest

from devstack.envoy_bin import ensure_envoy

ROOT = Path(__file__).resolve().parents[2]


async def _run(*argv: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    proc = await asyncio.create_subprocess_exec(
        *argv,
        cwd=ROOT,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    out, _ = await proc.communicate()
    return proc.returncode or 0, out.decode(errors="replace")


async def test_envoy_validates_the_transcoder_config() -> None:
    envoy = await asyncio.to_thread(ensure_envoy)
    code, output = await _run(str(envoy), "--mode", "validate", "-c", "envoy/envoy.yaml")
    assert code == 0, output
    assert "configuration 'envoy/envoy.yaml' OK" in output


async def test_envoy_rejects_a_broken_config(tmp_path: Path) -> None:
    envoy = await asyncio.to_thread(ensure_envoy)
    broken = tmp_path / "envoy.yaml"
    broken.write_text(
        (ROOT / "envoy" / "envoy.yaml").read_text().replace("descriptors.binpb", "missing.binpb")
    )
    code, _ = await _run(str(envoy), "--mode", "validate", "-c", str(broken))
    assert code != 0


@pytest.mark.skipif(shutil.which("docker-compose") is None, reason="docker-compose not installed")
async def test_compose_file_is_valid() -> None:
    required = {
        "WEBHOOK_SECRET_KEY": "a" * 43 + "=",
        "AUTH_ADMIN_TOKEN": "adm_" + "a" * 43,
        "AUTH_SERVICE_SECRET": "s" * 43,
    }
    code, output = await _run(
        "docker-compose", "-f", "compose.yaml", "config", "--quiet", env={**os.environ, **required}
    )
    assert code == 0, output
    # Without any one of them compose refuses to start anything, naming the variable.
    for name in required:
        without = {k: v for k, v in {**os.environ, **required}.items() if k != name}
        code, output = await _run(
            "docker-compose", "-f", "compose.yaml", "config", "--quiet", env=without
        )
        assert code != 0 and name in output


def test_compose_envoy_rewrites_match_the_envoy_config() -> None:
    """compose.yaml runs envoy/envoy.yaml with sed swaps: each must still find its target."""
    rewrites = re.findall(r"-e 's/([^/]+)/([^/]+)/'", (ROOT / "compose.yaml").read_text())
    assert len(rewrites) == 5  # listener, IMS, OMS, the edge (for /docs), the admin (metrics)
    envoy_config = (ROOT / "envoy" / "envoy.yaml").read_text()
    for before, _after in rewrites:
        assert envoy_config.count(before) == 1, before
