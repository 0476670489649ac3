"""Tidies the OpenAPI document protoc-gen-openapiv2 writes (run by scripts/gen-proto).

The generator names a path parameter after the request field it fills, dots included:
UpdateHub's route is `/hubs/{hub.id}` beside GetHub's `/hubs/{id}`. Two templates for the
same URLs are invalid OpenAPI ("identical templated paths"), and tools that format path
templates (schemathesis, several SDK generators) cannot read a dotted name. Each dotted
parameter is renamed to its last part (`hub.id` -> `id`) and the operations of paths that
thereby become one are merged. The URLs, and what Envoy does with them, do not change.

    python -m devstack.openapi_tidy FILE    (rewrites FILE in place)
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import yaml

_DOTTED = re.compile(r"\{([A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)+)\}")


def undotted(template: str) -> str:
    """`/hubs/{hub.id}` -> `/hubs/{id}`."""
    return _DOTTED.sub(lambda match: "{" + match.group(1).rsplit(".", 1)[1] + "}", template)


def tidy(document: dict[str, Any]) -> dict[str, Any]:
    paths: dict[str, Any] = {}
    for template, item in document["paths"].items():
        renamed = {dotted: dotted.rsplit(".", 1)[1] for dotted in _DOTTED.findall(template)}
        target = undotted(template)
        for verb, operation in item.items():
            for parameter in operation.get("parameters", []):
                if parameter.get("in") == "path" and parameter["name"] in renamed:
                    parameter["name"] = renamed[parameter["name"]]
            merged = paths.setdefault(target, {})
            if verb in merged:
                raise ValueError(f"{verb.upper()} {target} would be defined twice")
            merged[verb] = operation
    return {**document, "paths": paths}


def main(path: str) -> None:
    file = Path(path)
    document = yaml.safe_load(file.read_text())
    file.write_text(yaml.safe_dump(tidy(document), sort_keys=False, allow_unicode=True, width=100))


if __name__ == "__main__":
    main(sys.argv[1])
