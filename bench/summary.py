"""One line per figure for `bench/run`'s table: a benchmark calls `record(...)` next to
printing its figure; when BENCH_SUMMARY names a file (bench/run sets it), the line is
appended there as JSON. Run alone, a benchmark records nothing."""

from __future__ import annotations

import json
import os
from pathlib import Path


def record(
    benchmark: str,
    figure: str,
    value: float,
    unit: str,
    *,
    baseline: float | None = None,
    baseline_label: str = "",
    higher_is_better: bool = True,
) -> None:
    target = os.environ.get("BENCH_SUMMARY")
    if not target:
        return
    ratio = None
    if baseline:
        ratio = value / baseline
    line = {
        "benchmark": benchmark,
        "figure": figure,
        "value": value,
        "unit": unit,
        "baseline": baseline,
        "baseline_label": baseline_label,
        "ratio": ratio,
        "higher_is_better": higher_is_better,
    }
    with Path(target).open("a") as out:
        out.write(json.dumps(line) + "\n")
