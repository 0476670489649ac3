"""The original API's seller and category endpoints: POST (201) and GET by id.

As the original documents them: `tenant_id` in the body of a create (or, with a tenant API
key, left out), none on a read (the key's tenant; the admin names one with `?tenant_id=`).
A seller's `metadata` (any JSON object) and a category's `description` are kept as sent; our
own fields (`code`, a seller's `email`, a category's `parent_id`) are accepted too. A missing
`code` is derived from the name (`edge_rest.codes`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

import falcon
import falcon.asgi
from ims.v1 import category_pb2, category_pb2_grpc, seller_pb2, seller_pb2_grpc

from edge_rest.bodies import json_object, object_field, refuse_unknown, text_field
from edge_rest.calls import respond, unprefixed
from edge_rest.codes import derived_code
from edge_rest.shapes import category_json, seller_json

Sellers = Callable[[], seller_pb2_grpc.SellerServiceStub]
Categories = Callable[[], category_pb2_grpc.CategoryServiceStub]


class SellersResource:
    _accepted: ClassVar = frozenset({"tenant_id", "name", "metadata", "code", "email"})

    def __init__(self, sellers: Sellers, timeout_s: float) -> None:
        self._sellers = sellers
        self._timeout_s = timeout_s

    async def on_post(self, req: falcon.asgi.Request, resp: falcon.asgi.Response) -> None:
        body = await json_object(req)
        refuse_unknown(body, self._accepted)
        name = text_field(body, "name")
        seller = seller_pb2.Seller(
            tenant_id=text_field(body, "tenant_id"),
            name=name,
            code=text_field(body, "code") or derived_code(name, "seller"),
            email=text_field(body, "email"),
            metadata=object_field(body, "metadata"),
        )
        await respond(
            req,
            resp,
            self._sellers().CreateSeller,
            seller_pb2.CreateSellerRequest(seller=seller),
            lambda reply: seller_json(reply.seller),
            timeout_s=self._timeout_s,
            field_name=unprefixed("seller."),
            status=falcon.HTTP_201,
        )


class SellerResource:
    def __init__(self, sellers: Sellers, timeout_s: float) -> None:
        self._sellers = sellers
        self._timeout_s = timeout_s

    async def on_get(self, req: falcon.asgi.Request, resp: falcon.asgi.Response, id: str) -> None:
        request = seller_pb2.GetSellerRequest(tenant_id=_tenant_query(req), id=id)
        await respond(
            req,
            resp,
            self._sellers().GetSeller,
            request,
            lambda reply: seller_json(reply.seller),
            timeout_s=self._timeout_s,
            field_name=unprefixed(""),
        )


class CategoriesResource:
    _accepted: ClassVar = frozenset({"tenant_id", "name", "description", "code", "parent_id"})

    def __init__(self, categories: Categories, timeout_s: float) -> None:
        self._categories = categories
        self._timeout_s = timeout_s

    async def on_post(self, req: falcon.asgi.Request, resp: falcon.asgi.Response) -> None:
        body = await json_object(req)
        refuse_unknown(body, self._accepted)
        name = text_field(body, "name")
        category = category_pb2.Category(
            tenant_id=text_field(body, "tenant_id"),
            name=name,
            code=text_field(body, "code") or derived_code(name, "category"),
            description=text_field(body, "description"),
        )
        parent = text_field(body, "parent_id")
        if parent:
            category.parent_id = parent
        await respond(
            req,
            resp,
            self._categories().CreateCategory,
            category_pb2.CreateCategoryRequest(category=category),
            lambda reply: category_json(reply.category),
            timeout_s=self._timeout_s,
            field_name=unprefixed("category."),
            status=falcon.HTTP_201,
        )


class CategoryResource:
    def __init__(self, categories: Categories, timeout_s: float) -> None:
        self._categories = categories
        self._timeout_s = timeout_s

    async def on_get(self, req: falcon.asgi.Request, resp: falcon.asgi.Response, id: str) -> None:
        request = category_pb2.GetCategoryRequest(tenant_id=_tenant_query(req), id=id)
        await respond(
            req,
            resp,
            self._categories().GetCategory,
            request,
            lambda reply: category_json(reply.category),
            timeout_s=self._timeout_s,
            field_name=unprefixed(""),
        )


def _tenant_query(req: falcon.asgi.Request) -> str:
    """`?tenant_id=`: how the admin names the tenant of a read (a tenant key needs none)."""
    value: str = req.get_param("tenant_id") or ""
    return value
