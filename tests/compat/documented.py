"""An OpenAPI document as a yardstick: does an answer have a status the operation documents,
and a body its schema allows? Which operations has a suite exercised?"""

from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass, field
from typing import Any

from openapi_schema_validator import OAS30Validator

METHODS = ("get", "post", "put", "delete", "patch")


@dataclass
class DocumentedApi:
    document: dict[str, Any]
    # Original clients expect every documented property in an answer, not only valid types.
    require_documented_properties: bool = False
    exercised: set[tuple[str, str]] = field(default_factory=set)

    def operations(self) -> set[tuple[str, str]]:
        return {
            (verb, path)
            for path, operations in self.document["paths"].items()
            for verb in operations
            if verb in METHODS
        }

    def check(self, method: str, template: str, status: int, body: bytes) -> Any:
        """The answer's JSON (or text), after checking it against the operation."""
        operation = self.document["paths"][template][method]
        self.exercised.add((method, template))
        responses = operation["responses"]
        documented = responses.get(str(status)) or responses.get("default")
        assert documented is not None, (
            f"{method.upper()} {template}: {status} is not documented ({sorted(responses)}): "
            f"{body[:300]!r}"
        )
        schema = self._schema(documented)
        if schema is None:
            return body.decode() if body else None
        value = json.loads(body)
        resolved = self._resolved(schema)
        OAS30Validator(resolved).validate(value)
        if self.require_documented_properties:
            _has_documented_properties(value, resolved, f"{method.upper()} {template}")
        return value

    def _schema(self, response: dict[str, Any]) -> dict[str, Any] | None:
        if "schema" in response:  # OpenAPI 2 (Envoy's generated document)
            schema: dict[str, Any] = response["schema"]
            return schema
        content = response.get("content", {})
        json_content = content.get("application/json")
        return None if json_content is None else json_content.get("schema")

    def _resolved(self, schema: Any, depth: int = 0) -> Any:
        """`schema` with every local $ref replaced by what it names."""
        assert depth < 30, "a $ref cycle"
        if isinstance(schema, list):
            return [self._resolved(item, depth) for item in schema]
        if not isinstance(schema, dict):
            return schema
        if "$ref" in schema:
            target: Any = self.document
            for part in schema["$ref"].removeprefix("#/").split("/"):
                target = target[part]
            return self._resolved(copy.deepcopy(target), depth + 1)
        return {key: self._resolved(value, depth) for key, value in schema.items()}


def _has_documented_properties(value: Any, schema: dict[str, Any], where: str) -> None:
    if isinstance(value, list) and "items" in schema:
        for item in value:
            _has_documented_properties(item, schema["items"], where)
    elif isinstance(value, dict) and "properties" in schema and "error" not in value:
        missing = sorted(set(schema["properties"]) - set(value))
        assert not missing, f"{where}: documented properties missing: {missing}"


def concrete(template: str, values: dict[str, str]) -> str:
    return re.sub(r"\{([^}]+)\}", lambda m: values[m.group(1)], template)
