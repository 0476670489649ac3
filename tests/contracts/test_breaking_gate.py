"""`buf breaking` against the released contract (sdk/released.binpb), as
`scripts/gen-proto --check` runs it in CI: today's protos pass, and a change that would
break a partner built against the release fails, naming the field."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BUF = ROOT / ".venv" / "bin" / "buf"


def _workspace(tmp_path: Path) -> Path:
    for name in ("proto", "third_party"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "buf.yaml", tmp_path / "buf.yaml")
    return tmp_path


def _breaking(workspace: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BUF), "breaking", "proto", "--against", str(ROOT / "sdk" / "released.binpb")],
        cwd=workspace,
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_protos_keep_the_released_contract(tmp_path: Path) -> None:
    done = _breaking(_workspace(tmp_path))
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_renamed_field_breaks_the_released_contract(tmp_path: Path) -> None:
    workspace = _workspace(tmp_path)
    order = workspace / "proto" / "oms" / "v1" / "order.proto"
    text = order.read_text()
    assert "  string external_reference = 8;" in text
    order.write_text(text.replace("  string external_reference = 8;", "  string ext_ref = 8;"))
    done = _breaking(workspace)
    assert done.returncode != 0
    assert 'changed name from "external_reference" to "ext_ref"' in done.stdout


def test_a_removed_rpc_breaks_the_released_contract(tmp_path: Path) -> None:
    workspace = _workspace(tmp_path)
    order = workspace / "proto" / "oms" / "v1" / "order.proto"
    text = order.read_text()
    start = text.index("  rpc CancelOrder(")
    end = text.index("  }\n", text.index("option (google.api.http)", start)) + len("  }\n")
    order.write_text(text[:start] + text[end:])
    done = _breaking(workspace)
    assert done.returncode != 0
    assert (
        'Previously present RPC "CancelOrder" on service "OrderService" was deleted' in done.stdout
    )
