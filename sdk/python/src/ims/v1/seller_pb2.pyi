import datetime

from google.api import annotations_pb2 as _annotations_pb2
from google.protobuf import field_mask_pb2 as _field_mask_pb2
from google.protobuf import struct_pb2 as _struct_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from iam.v1 import access_pb2 as _access_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Seller(_message.Message):
    __slots__ = ("id", "tenant_id", "name", "code", "email", "create_time", "update_time", "metadata")
    ID_FIELD_NUMBER: _ClassVar[int]
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    CODE_FIELD_NUMBER: _ClassVar[int]
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    UPDATE_TIME_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    id: str
    tenant_id: str
    name: str
    code: str
    email: str
    create_time: _timestamp_pb2.Timestamp
    update_time: _timestamp_pb2.Timestamp
    metadata: _struct_pb2.Struct
    def __init__(self, id: _Optional[str] = ..., tenant_id: _Optional[str] = ..., name: _Optional[str] = ..., code: _Optional[str] = ..., email: _Optional[str] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., update_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., metadata: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...

class CreateSellerRequest(_message.Message):
    __slots__ = ("seller",)
    SELLER_FIELD_NUMBER: _ClassVar[int]
    seller: Seller
    def __init__(self, seller: _Optional[_Union[Seller, _Mapping]] = ...) -> None: ...

class CreateSellerResponse(_message.Message):
    __slots__ = ("seller",)
    SELLER_FIELD_NUMBER: _ClassVar[int]
    seller: Seller
    def __init__(self, seller: _Optional[_Union[Seller, _Mapping]] = ...) -> None: ...

class GetSellerRequest(_message.Message):
    __slots__ = ("tenant_id", "id")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    tenant_id: str
    id: str
    def __init__(self, tenant_id: _Optional[str] = ..., id: _Optional[str] = ...) -> None: ...

class GetSellerResponse(_message.Message):
    __slots__ = ("seller",)
    SELLER_FIELD_NUMBER: _ClassVar[int]
    seller: Seller
    def __init__(self, seller: _Optional[_Union[Seller, _Mapping]] = ...) -> None: ...

class ListSellersRequest(_message.Message):
    __slots__ = ("tenant_id", "page_size", "page_token", "ids", "codes")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    IDS_FIELD_NUMBER: _ClassVar[int]
    CODES_FIELD_NUMBER: _ClassVar[int]
    tenant_id: str
    page_size: int
    page_token: str
    ids: _containers.RepeatedScalarFieldContainer[str]
    codes: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, tenant_id: _Optional[str] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., ids: _Optional[_Iterable[str]] = ..., codes: _Optional[_Iterable[str]] = ...) -> None: ...

class ListSellersResponse(_message.Message):
    __slots__ = ("sellers", "next_page_token")
    SELLERS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    sellers: _containers.RepeatedCompositeFieldContainer[Seller]
    next_page_token: str
    def __init__(self, sellers: _Optional[_Iterable[_Union[Seller, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class UpdateSellerRequest(_message.Message):
    __slots__ = ("seller", "update_mask")
    SELLER_FIELD_NUMBER: _ClassVar[int]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    seller: Seller
    update_mask: _field_mask_pb2.FieldMask
    def __init__(self, seller: _Optional[_Union[Seller, _Mapping]] = ..., update_mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ...) -> None: ...

class UpdateSellerResponse(_message.Message):
    __slots__ = ("seller",)
    SELLER_FIELD_NUMBER: _ClassVar[int]
    seller: Seller
    def __init__(self, seller: _Optional[_Union[Seller, _Mapping]] = ...) -> None: ...

class DeleteSellerRequest(_message.Message):
    __slots__ = ("tenant_id", "id")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    tenant_id: str
    id: str
    def __init__(self, tenant_id: _Optional[str] = ..., id: _Optional[str] = ...) -> None: ...

class DeleteSellerResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...
