"""ims.v1.CategoryService: validate → repository → response."""

from __future__ import annotations

from typing import Any

import grpc
from ims.v1 import category_pb2, category_pb2_grpc

from common.grpc.errors import not_found
from ims_grpc.domain.catalog_writes import category_update, new_category
from ims_grpc.domain.listing import finish_page, list_query
from ims_grpc.domain.refs import entity_ref
from ims_grpc.repositories.categories import CategoryRepository

Context = grpc.aio.ServicerContext[Any, Any]


def _id(category: category_pb2.Category) -> str:
    return category.id


class CategoryServicer(category_pb2_grpc.CategoryServiceServicer):
    def __init__(self, categories: CategoryRepository) -> None:
        self._categories = categories

    async def CreateCategory(  # noqa: N802
        self, request: category_pb2.CreateCategoryRequest, context: Context
    ) -> category_pb2.CreateCategoryResponse:
        created = await self._categories.create(new_category(request.category))
        return category_pb2.CreateCategoryResponse(category=created)

    async def GetCategory(  # noqa: N802
        self, request: category_pb2.GetCategoryRequest, context: Context
    ) -> category_pb2.GetCategoryResponse:
        ref = entity_ref(request.tenant_id, request.id)
        category = await self._categories.get(ref)
        if category is None:
            raise not_found("category", ref.id)
        return category_pb2.GetCategoryResponse(category=category)

    async def ListCategories(  # noqa: N802
        self, request: category_pb2.ListCategoriesRequest, context: Context
    ) -> category_pb2.ListCategoriesResponse:
        query = list_query(
            page_size_requested=request.page_size,
            page_token=request.page_token,
            ids=request.ids,
            codes=request.codes,
            tenant_id=request.tenant_id,
        )
        categories, token = finish_page(await self._categories.list_page(query), query, _id)
        return category_pb2.ListCategoriesResponse(categories=categories, next_page_token=token)

    async def UpdateCategory(  # noqa: N802
        self, request: category_pb2.UpdateCategoryRequest, context: Context
    ) -> category_pb2.UpdateCategoryResponse:
        ref, patch = category_update(request)
        updated = await self._categories.update(ref, patch)
        if updated is None:
            raise not_found("category", ref.id)
        return category_pb2.UpdateCategoryResponse(category=updated)

    async def DeleteCategory(  # noqa: N802
        self, request: category_pb2.DeleteCategoryRequest, context: Context
    ) -> category_pb2.DeleteCategoryResponse:
        ref = entity_ref(request.tenant_id, request.id)
        if not await self._categories.delete(ref):
            raise not_found("category", ref.id)
        return category_pb2.DeleteCategoryResponse()
