"""The OpenAPI document of what the Falcon edge accepts: the original's document
(`openapi/original.yaml`), less the operations not served yet, plus what we add (the
credential, our extra fields and routes, the error body). Served at `/openapi.json`.
"""

from __future__ import annotations

import copy
from functools import cache
from pathlib import Path
from typing import Any

import yaml

ORIGINAL = Path(__file__).resolve().parent / "openapi" / "original.yaml"

# The original's operations the edge does not serve (none left): left out, so the document
# says exactly what is accepted.
NOT_SERVED: set[tuple[str, str]] = set()

_TEXT = {"type": "string"}
_TIME = {"type": "string", "format": "date-time"}
_CODE = {
    "type": "string",
    "description": "Ours: unique short key; derived from the name when absent.",
}

# Our fields, beyond the original's, per schema.
EXTRA_PROPERTIES: dict[str, dict[str, Any]] = {
    "Tenant": {"code": _CODE},
    "TenantRequest": {"code": _CODE},
    "Seller": {"code": _CODE, "email": _TEXT},
    "SellerRequest": {"code": _CODE, "email": _TEXT},
    "Category": {"code": _CODE, "parent_id": {"type": "string", "nullable": True}},
    "CategoryRequest": {"code": _CODE, "parent_id": _TEXT},
    "Hub": {"code": _CODE},
    "HubRequest": {"code": _CODE},
    "SKU": {"dimension_unit": {"type": "string", "enum": ["mm"]}},
    "SKURequest": {"dimension_unit": {"type": "string", "enum": ["mm", "cm", "m", "in"]}},
    "Inventory": {"quantity_available": {"type": "integer"}},
    "InventoryUpdateRequest": {
        "tenant_id": _TEXT,
        "reason": _TEXT,
        "reference": _TEXT,
    },
    "Order": {
        "lines": {"type": "array", "items": {"$ref": "#/components/schemas/OrderLine"}},
        "external_reference": _TEXT,
        "upload_id": _TEXT,
        "updated_at": _TIME,
    },
    "CreateOrderRequest": {
        "lines": {"type": "array", "items": {"$ref": "#/components/schemas/OrderLine"}},
        "external_reference": _TEXT,
        "attributes": {"type": "object", "additionalProperties": _TEXT},
    },
    "Webhook": {
        "description": _TEXT,
        "disabled_reason": _TEXT,
        "disabled_at": _TIME,
    },
    "WebhookRequest": {"description": _TEXT},
    "BulkOrderRequest": {
        "filename": {"type": "string", "description": "Ours: the key's file name when absent."},
        "tenant_id": _TEXT,
    },
    "WebhookLog": {
        "event_id": _TEXT,
        "failure_reason": _TEXT,
        "attempts": {"type": "array", "items": {"type": "object"}},
    },
}

EXTRA_SCHEMAS: dict[str, Any] = {
    "OrderLine": {
        "type": "object",
        "properties": {"sku_id": _TEXT, "sku_code": _TEXT, "quantity": {"type": "integer"}},
    },
    "Upload": {
        "type": "object",
        "properties": {
            "id": _TEXT,
            "tenant_id": _TEXT,
            "filename": _TEXT,
            "state": {"type": "string", "enum": ["queued", "processing", "completed", "failed"]},
            "rows_read": {"type": "integer"},
            "rows_accepted": {"type": "integer"},
            "rows_rejected": {"type": "integer"},
            "orders_created": {"type": "integer"},
            "error_file_name": _TEXT,
            "error_message": _TEXT,
            "created_at": _TIME,
            "updated_at": _TIME,
        },
    },
    "Error": {
        "type": "object",
        "required": ["error"],
        "properties": {
            "error": {
                "type": "object",
                "required": ["code", "message"],
                "properties": {
                    "code": {"type": "string", "description": "A gRPC status code name."},
                    "reason": _TEXT,
                    "message": {"type": "string", "description": "In the caller's language."},
                    "fields": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "properties": {"field": _TEXT, "description": _TEXT},
                        },
                    },
                },
            }
        },
    },
}

_ERRORS = {
    "400": "Bad input: the fields at fault are named",
    "401": "No valid credential",
    "403": "The credential may not do this, or names another tenant",
    "404": "Not found (also another tenant's resource)",
    "429": "Rate limit: retry after the Retry-After header's seconds",
    "502": "A service behind the edge failed",
    "503": "A service behind the edge is unavailable",
}

_UPLOAD_PATH = {
    "get": {
        "summary": "An upload's state and progress (ours)",
        "parameters": [
            {"in": "path", "name": "id", "required": True, "schema": {"type": "string"}}
        ],
        "responses": {
            "200": {
                "description": "The upload",
                "content": {
                    "application/json": {"schema": {"$ref": "#/components/schemas/Upload"}}
                },
            }
        },
    }
}


_ORDER = {"$ref": "#/components/schemas/Order"}
_ID = [{"in": "path", "name": "id", "required": True, "schema": {"type": "string"}}]
_ORDER_PATHS = {
    "/orders/{id}": {
        "get": {
            "summary": "One order (ours)",
            "parameters": _ID,
            "responses": {
                "200": {
                    "description": "The order",
                    "content": {"application/json": {"schema": _ORDER}},
                }
            },
        }
    },
    "/orders/{id}/cancel": {
        "post": {
            "summary": "Cancel an order, releasing its reserved stock (ours)",
            "parameters": _ID,
            "requestBody": {
                "required": False,
                "content": {
                    "application/json": {
                        "schema": {"type": "object", "properties": {"reason": _TEXT}}
                    }
                },
            },
            "responses": {
                "200": {
                    "description": "The cancelled order",
                    "content": {"application/json": {"schema": _ORDER}},
                }
            },
        }
    },
}


_TOKEN_PATH = {
    "post": {
        "summary": "Exchange the API key sent as the credential for a short-lived token",
        "description": (
            "Send `Authorization: Bearer tk_…`. The token (`at_…`) may do what the key may,"
            " until `expires_at` (15 min by default, at most an hour); revoking the key does"
            " not end it sooner. `username` is recorded beside every change made with it."
        ),
        "requestBody": {
            "required": False,
            "content": {
                "application/json": {
                    "schema": {
                        "type": "object",
                        "properties": {
                            "username": {
                                "type": "string",
                                "pattern": "^[A-Za-z0-9._@+-]{1,64}$",
                            },
                            "expires_in": {"type": "integer", "minimum": 1, "maximum": 3600},
                        },
                    }
                }
            },
        },
        "responses": {
            "200": {
                "description": "The token",
                "content": {
                    "application/json": {
                        "schema": {
                            "type": "object",
                            "required": ["token", "token_type", "expires_at", "expires_in"],
                            "properties": {
                                "token": _TEXT,
                                "token_type": {"type": "string", "enum": ["Bearer"]},
                                "expires_at": _TIME,
                                "expires_in": {"type": "integer"},
                                "actor": _TEXT,
                            },
                        }
                    }
                },
            }
        },
    }
}


_UPLOAD_URL_PATH = {
    "post": {
        "summary": "Where to PUT a large CSV straight into S3, for POST /orders/bulk (ours)",
        "requestBody": {
            "required": False,
            "content": {
                "application/json": {
                    "schema": {
                        "type": "object",
                        "properties": {"filename": _TEXT, "tenant_id": _TEXT},
                    }
                }
            },
        },
        "responses": {
            "201": {
                "description": "A presigned PUT, valid until expires_at",
                "content": {
                    "application/json": {
                        "schema": {
                            "type": "object",
                            "properties": {
                                "url": _TEXT,
                                "method": {"type": "string", "enum": ["PUT"]},
                                "headers": {"type": "object", "additionalProperties": _TEXT},
                                "bucket": _TEXT,
                                "key": _TEXT,
                                "expires_at": _TIME,
                            },
                        }
                    }
                },
            }
        },
    }
}


def _path_params(*names: str) -> list[dict[str, Any]]:
    return [
        {"in": "path", "name": n, "required": True, "schema": {"type": "string"}} for n in names
    ]


def _operation(
    summary: str,
    params: list[dict[str, Any]],
    status: str,
    response: dict[str, Any],
    request: dict[str, Any] | None = None,
) -> dict[str, Any]:
    operation: dict[str, Any] = {
        "summary": summary,
        "parameters": params,
        "responses": {
            status: {
                "description": summary,
                "content": {"application/json": {"schema": response}},
            }
        },
    }
    if request is not None:
        operation["requestBody"] = {
            "required": False,
            "content": {"application/json": {"schema": request}},
        }
    return operation


_DELIVERY = {"$ref": "#/components/schemas/WebhookDelivery"}
_API_KEY = {"$ref": "#/components/schemas/ApiKey"}
_SCOPES = {"type": "array", "items": {"type": "string", "enum": ["read", "write"]}}
_RATE = {
    "type": "object",
    "nullable": True,
    "properties": {"per_second": {"type": "number"}, "burst": {"type": "integer"}},
}
_OUR_SCHEMAS: dict[str, Any] = {
    "WebhookDelivery": {
        "allOf": [
            {"$ref": "#/components/schemas/WebhookLog"},
            {
                "type": "object",
                "properties": {
                    "state": {
                        "type": "string",
                        "enum": ["pending", "succeeded", "retrying", "failed"],
                    },
                    "updated_at": _TIME,
                },
            },
        ]
    },
    "ApiKey": {
        "type": "object",
        "properties": {
            "id": _TEXT,
            "tenant_id": _TEXT,
            "name": _TEXT,
            "scopes": _SCOPES,
            "rate_limit": _RATE,
            "created_at": _TIME,
            "last_used_at": {**_TIME, "nullable": True},
            "revoked_at": {**_TIME, "nullable": True},
        },
    },
}
_QUERY = {"in": "query", "schema": {"type": "string"}}
_LEDGER_ROW = {
    "type": "object",
    "properties": {
        "id": _TEXT,
        "hub_id": _TEXT,
        "sku_id": _TEXT,
        "type": {
            "type": "string",
            "enum": ["set", "adjust", "reserve", "release", "commit", "expire"],
        },
        "delta_on_hand": {"type": "integer"},
        "delta_reserved": {"type": "integer"},
        "quantity_on_hand_after": {"type": "integer"},
        "quantity_reserved_after": {"type": "integer"},
        "reason": _TEXT,
        "reference": _TEXT,
        "actor": _TEXT,
        "created_at": _TIME,
    },
}
_OUR_PATHS: dict[str, Any] = {
    "/inventory/transactions": {
        "get": _operation(
            "The stock ledger, newest first (the original's README)",
            [{**_QUERY, "name": name} for name in ("tenant_id", "hub_id", "sku_id", "reference")]
            + [{"in": "query", "name": name, "schema": _TIME} for name in ("from", "to")]
            + [
                {
                    "in": "query",
                    "name": "limit",
                    "schema": {"type": "integer", "minimum": 1, "maximum": 1000},
                }
            ],
            "200",
            {"type": "array", "items": _LEDGER_ROW},
        ),
        "post": {
            "summary": "Refused: the ledger is written by stock movements only",
            "description": (
                "The original wrote a ledger row without moving stock. Here every row is"
                " written with its movement: use PUT /inventory (with reason and reference)."
            ),
            "deprecated": True,
            "responses": {
                "405": {
                    "description": "Always: names PUT /inventory as the alternative",
                    "content": {
                        "application/json": {"schema": {"$ref": "#/components/schemas/Error"}}
                    },
                }
            },
        },
    },
    "/webhooks/{id}/deliveries": {
        "get": _operation(
            "A webhook's deliveries, newest first (ours)",
            [
                *_path_params("id"),
                {
                    "in": "query",
                    "name": "state",
                    "schema": {
                        "type": "string",
                        "enum": ["pending", "succeeded", "retrying", "failed"],
                    },
                },
                {**_QUERY, "name": "event"},
                {
                    "in": "query",
                    "name": "limit",
                    "schema": {"type": "integer", "minimum": 1, "maximum": 1000},
                },
            ],
            "200",
            {"type": "array", "items": _DELIVERY},
        )
    },
    "/webhooks/{id}/deliveries/{delivery_id}/retry": {
        "post": _operation(
            "Send a delivery again, now (ours)",
            _path_params("id", "delivery_id"),
            "200",
            _DELIVERY,
        )
    },
    "/webhooks/{id}/rotate-secret": {
        "post": _operation(
            "A new signing secret; the old one keeps signing for the grace period (ours)",
            _path_params("id"),
            "200",
            {
                "allOf": [
                    {"$ref": "#/components/schemas/Webhook"},
                    {"type": "object", "properties": {"signing_secret": _TEXT}},
                ]
            },
            {"type": "object", "properties": {"grace_period_s": {"type": "integer"}}},
        )
    },
    "/tenants/{tenant_id}/api-keys": {
        "post": _operation(
            "Create an API key; its secret is in this answer only (ours, admin)",
            _path_params("tenant_id"),
            "201",
            {"allOf": [_API_KEY, {"type": "object", "properties": {"secret": _TEXT}}]},
            {
                "type": "object",
                "required": ["name", "scopes"],
                "properties": {"name": _TEXT, "scopes": _SCOPES, "rate_limit": _RATE},
            },
        ),
        "get": _operation(
            "A tenant's API keys, revoked ones too (ours)",
            _path_params("tenant_id"),
            "200",
            {"type": "array", "items": _API_KEY},
        ),
    },
    "/tenants/{tenant_id}/api-keys/{id}/revoke": {
        "post": _operation(
            "Revoke an API key for good (ours, admin)",
            _path_params("tenant_id", "id"),
            "200",
            _API_KEY,
        )
    },
}


@cache
def edge_document() -> dict[str, Any]:
    document: dict[str, Any] = copy.deepcopy(yaml.safe_load(ORIGINAL.read_text()))
    document["info"]["title"] = "OMS & IMS: the original REST API, served by the Falcon edge"
    document["servers"] = [{"url": "http://127.0.0.1:8000", "description": "Falcon edge"}]
    for path, method in NOT_SERVED:
        document["paths"][path].pop(method, None)
        if not document["paths"][path]:
            del document["paths"][path]
    document["paths"]["/orders/uploads/{id}"] = _UPLOAD_PATH
    document["paths"].update(_ORDER_PATHS)
    document["paths"]["/auth/token"] = _TOKEN_PATH
    document["paths"]["/orders/upload-url"] = _UPLOAD_URL_PATH
    document["paths"].update(copy.deepcopy(_OUR_PATHS))
    schemas = document["components"]["schemas"]
    for name, extra in EXTRA_PROPERTIES.items():
        schemas[name].setdefault("properties", {}).update(extra)
    # One SKU and a quantity, or lines: neither pair is required on its own any more.
    schemas["CreateOrderRequest"]["required"] = ["seller_id", "hub_id"]
    for name in ("SellerRequest", "CategoryRequest", "HubRequest", "SKURequest"):
        schemas[name]["required"] = [f for f in schemas[name]["required"] if f != "tenant_id"]
    schemas.update(EXTRA_SCHEMAS)
    schemas.update(copy.deepcopy(_OUR_SCHEMAS))
    upload = document["paths"]["/orders/upload"]["post"]["responses"]["202"]
    upload["content"]["application/json"]["schema"]["properties"]["upload"] = {
        "$ref": "#/components/schemas/Upload"
    }
    # The original documents no body for the bulk answer; ours is the upload's, as above.
    document["paths"]["/orders/bulk"]["post"]["responses"]["202"]["content"] = copy.deepcopy(
        upload["content"]
    )
    document["components"]["securitySchemes"] = {
        "bearer": {
            "type": "http",
            "scheme": "bearer",
            "description": (
                "A tenant API key (tk_…), a token from POST /auth/token (at_…),"
                " or the admin token (adm_…)"
            ),
        }
    }
    document["security"] = [{"bearer": []}]
    for operations in document["paths"].values():
        for operation in operations.values():
            for status, text in _ERRORS.items():
                operation["responses"].setdefault(
                    status,
                    {
                        "description": text,
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Error"}}
                        },
                    },
                )
    return document


class OpenApiResource:
    async def on_get(self, req: Any, resp: Any) -> None:
        resp.media = edge_document()
