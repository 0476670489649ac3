import datetime

from google.api import annotations_pb2 as _annotations_pb2
from google.protobuf import duration_pb2 as _duration_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from iam.v1 import access_pb2 as _access_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class InventoryTransactionType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    INVENTORY_TRANSACTION_TYPE_UNSPECIFIED: _ClassVar[InventoryTransactionType]
    INVENTORY_TRANSACTION_TYPE_SET: _ClassVar[InventoryTransactionType]
    INVENTORY_TRANSACTION_TYPE_ADJUST: _ClassVar[InventoryTransactionType]
    INVENTORY_TRANSACTION_TYPE_RESERVE: _ClassVar[InventoryTransactionType]
    INVENTORY_TRANSACTION_TYPE_RELEASE: _ClassVar[InventoryTransactionType]
    INVENTORY_TRANSACTION_TYPE_COMMIT: _ClassVar[InventoryTransactionType]
    INVENTORY_TRANSACTION_TYPE_EXPIRE: _ClassVar[InventoryTransactionType]

class ReservationStatus(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    RESERVATION_STATUS_UNSPECIFIED: _ClassVar[ReservationStatus]
    RESERVATION_STATUS_RESERVED: _ClassVar[ReservationStatus]
    RESERVATION_STATUS_RELEASED: _ClassVar[ReservationStatus]
    RESERVATION_STATUS_COMMITTED: _ClassVar[ReservationStatus]
    RESERVATION_STATUS_EXPIRED: _ClassVar[ReservationStatus]

class ReserveOutcome(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    RESERVE_OUTCOME_UNSPECIFIED: _ClassVar[ReserveOutcome]
    RESERVE_OUTCOME_RESERVED: _ClassVar[ReserveOutcome]
    RESERVE_OUTCOME_INSUFFICIENT_STOCK: _ClassVar[ReserveOutcome]
INVENTORY_TRANSACTION_TYPE_UNSPECIFIED: InventoryTransactionType
INVENTORY_TRANSACTION_TYPE_SET: InventoryTransactionType
INVENTORY_TRANSACTION_TYPE_ADJUST: InventoryTransactionType
INVENTORY_TRANSACTION_TYPE_RESERVE: InventoryTransactionType
INVENTORY_TRANSACTION_TYPE_RELEASE: InventoryTransactionType
INVENTORY_TRANSACTION_TYPE_COMMIT: InventoryTransactionType
INVENTORY_TRANSACTION_TYPE_EXPIRE: InventoryTransactionType
RESERVATION_STATUS_UNSPECIFIED: ReservationStatus
RESERVATION_STATUS_RESERVED: ReservationStatus
RESERVATION_STATUS_RELEASED: ReservationStatus
RESERVATION_STATUS_COMMITTED: ReservationStatus
RESERVATION_STATUS_EXPIRED: ReservationStatus
RESERVE_OUTCOME_UNSPECIFIED: ReserveOutcome
RESERVE_OUTCOME_RESERVED: ReserveOutcome
RESERVE_OUTCOME_INSUFFICIENT_STOCK: ReserveOutcome

class InventoryLevel(_message.Message):
    __slots__ = ("tenant_id", "hub_id", "sku_id", "quantity_on_hand", "quantity_reserved", "quantity_available", "update_time")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    HUB_ID_FIELD_NUMBER: _ClassVar[int]
    SKU_ID_FIELD_NUMBER: _ClassVar[int]
    QUANTITY_ON_HAND_FIELD_NUMBER: _ClassVar[int]
    QUANTITY_RESERVED_FIELD_NUMBER: _ClassVar[int]
    QUANTITY_AVAILABLE_FIELD_NUMBER: _ClassVar[int]
    UPDATE_TIME_FIELD_NUMBER: _ClassVar[int]
    tenant_id: str
    hub_id: str
    sku_id: str
    quantity_on_hand: int
    quantity_reserved: int
    quantity_available: int
    update_time: _timestamp_pb2.Timestamp
    def __init__(self, tenant_id: _Optional[str] = ..., hub_id: _Optional[str] = ..., sku_id: _Optional[str] = ..., quantity_on_hand: _Optional[int] = ..., quantity_reserved: _Optional[int] = ..., quantity_available: _Optional[int] = ..., update_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class InventoryTransaction(_message.Message):
    __slots__ = ("id", "tenant_id", "hub_id", "sku_id", "type", "delta_on_hand", "delta_reserved", "quantity_on_hand_after", "quantity_reserved_after", "reason", "reference", "create_time", "actor")
    ID_FIELD_NUMBER: _ClassVar[int]
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    HUB_ID_FIELD_NUMBER: _ClassVar[int]
    SKU_ID_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    DELTA_ON_HAND_FIELD_NUMBER: _ClassVar[int]
    DELTA_RESERVED_FIELD_NUMBER: _ClassVar[int]
    QUANTITY_ON_HAND_AFTER_FIELD_NUMBER: _ClassVar[int]
    QUANTITY_RESERVED_AFTER_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    REFERENCE_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    id: str
    tenant_id: str
    hub_id: str
    sku_id: str
    type: InventoryTransactionType
    delta_on_hand: int
    delta_reserved: int
    quantity_on_hand_after: int
    quantity_reserved_after: int
    reason: str
    reference: str
    create_time: _timestamp_pb2.Timestamp
    actor: str
    def __init__(self, id: _Optional[str] = ..., tenant_id: _Optional[str] = ..., hub_id: _Optional[str] = ..., sku_id: _Optional[str] = ..., type: _Optional[_Union[InventoryTransactionType, str]] = ..., delta_on_hand: _Optional[int] = ..., delta_reserved: _Optional[int] = ..., quantity_on_hand_after: _Optional[int] = ..., quantity_reserved_after: _Optional[int] = ..., reason: _Optional[str] = ..., reference: _Optional[str] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., actor: _Optional[str] = ...) -> None: ...

class UpsertInventoryRequest(_message.Message):
    __slots__ = ("tenant_id", "hub_id", "sku_id", "set_quantity_on_hand", "delta_quantity_on_hand", "reason", "reference")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    HUB_ID_FIELD_NUMBER: _ClassVar[int]
    SKU_ID_FIELD_NUMBER: _ClassVar[int]
    SET_QUANTITY_ON_HAND_FIELD_NUMBER: _ClassVar[int]
    DELTA_QUANTITY_ON_HAND_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    REFERENCE_FIELD_NUMBER: _ClassVar[int]
    tenant_id: str
    hub_id: str
    sku_id: str
    set_quantity_on_hand: int
    delta_quantity_on_hand: int
    reason: str
    reference: str
    def __init__(self, tenant_id: _Optional[str] = ..., hub_id: _Optional[str] = ..., sku_id: _Optional[str] = ..., set_quantity_on_hand: _Optional[int] = ..., delta_quantity_on_hand: _Optional[int] = ..., reason: _Optional[str] = ..., reference: _Optional[str] = ...) -> None: ...

class UpsertInventoryResponse(_message.Message):
    __slots__ = ("level", "transaction")
    LEVEL_FIELD_NUMBER: _ClassVar[int]
    TRANSACTION_FIELD_NUMBER: _ClassVar[int]
    level: InventoryLevel
    transaction: InventoryTransaction
    def __init__(self, level: _Optional[_Union[InventoryLevel, _Mapping]] = ..., transaction: _Optional[_Union[InventoryTransaction, _Mapping]] = ...) -> None: ...

class GetInventoryRequest(_message.Message):
    __slots__ = ("tenant_id", "hub_id", "sku_ids")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    HUB_ID_FIELD_NUMBER: _ClassVar[int]
    SKU_IDS_FIELD_NUMBER: _ClassVar[int]
    tenant_id: str
    hub_id: str
    sku_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, tenant_id: _Optional[str] = ..., hub_id: _Optional[str] = ..., sku_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class GetInventoryResponse(_message.Message):
    __slots__ = ("levels",)
    LEVELS_FIELD_NUMBER: _ClassVar[int]
    levels: _containers.RepeatedCompositeFieldContainer[InventoryLevel]
    def __init__(self, levels: _Optional[_Iterable[_Union[InventoryLevel, _Mapping]]] = ...) -> None: ...

class ListInventoryTransactionsRequest(_message.Message):
    __slots__ = ("tenant_id", "hub_id", "sku_id", "reference", "start_time", "end_time", "page_size", "page_token")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    HUB_ID_FIELD_NUMBER: _ClassVar[int]
    SKU_ID_FIELD_NUMBER: _ClassVar[int]
    REFERENCE_FIELD_NUMBER: _ClassVar[int]
    START_TIME_FIELD_NUMBER: _ClassVar[int]
    END_TIME_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    tenant_id: str
    hub_id: str
    sku_id: str
    reference: str
    start_time: _timestamp_pb2.Timestamp
    end_time: _timestamp_pb2.Timestamp
    page_size: int
    page_token: str
    def __init__(self, tenant_id: _Optional[str] = ..., hub_id: _Optional[str] = ..., sku_id: _Optional[str] = ..., reference: _Optional[str] = ..., start_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., end_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListInventoryTransactionsResponse(_message.Message):
    __slots__ = ("transactions", "next_page_token")
    TRANSACTIONS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    transactions: _containers.RepeatedCompositeFieldContainer[InventoryTransaction]
    next_page_token: str
    def __init__(self, transactions: _Optional[_Iterable[_Union[InventoryTransaction, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class ReservationLine(_message.Message):
    __slots__ = ("hub_id", "sku_id", "quantity")
    HUB_ID_FIELD_NUMBER: _ClassVar[int]
    SKU_ID_FIELD_NUMBER: _ClassVar[int]
    QUANTITY_FIELD_NUMBER: _ClassVar[int]
    hub_id: str
    sku_id: str
    quantity: int
    def __init__(self, hub_id: _Optional[str] = ..., sku_id: _Optional[str] = ..., quantity: _Optional[int] = ...) -> None: ...

class Reservation(_message.Message):
    __slots__ = ("tenant_id", "reference", "status", "lines", "expire_time", "create_time", "update_time")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    REFERENCE_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    LINES_FIELD_NUMBER: _ClassVar[int]
    EXPIRE_TIME_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    UPDATE_TIME_FIELD_NUMBER: _ClassVar[int]
    tenant_id: str
    reference: str
    status: ReservationStatus
    lines: _containers.RepeatedCompositeFieldContainer[ReservationLine]
    expire_time: _timestamp_pb2.Timestamp
    create_time: _timestamp_pb2.Timestamp
    update_time: _timestamp_pb2.Timestamp
    def __init__(self, tenant_id: _Optional[str] = ..., reference: _Optional[str] = ..., status: _Optional[_Union[ReservationStatus, str]] = ..., lines: _Optional[_Iterable[_Union[ReservationLine, _Mapping]]] = ..., expire_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., update_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class StockShortage(_message.Message):
    __slots__ = ("hub_id", "sku_id", "requested", "available")
    HUB_ID_FIELD_NUMBER: _ClassVar[int]
    SKU_ID_FIELD_NUMBER: _ClassVar[int]
    REQUESTED_FIELD_NUMBER: _ClassVar[int]
    AVAILABLE_FIELD_NUMBER: _ClassVar[int]
    hub_id: str
    sku_id: str
    requested: int
    available: int
    def __init__(self, hub_id: _Optional[str] = ..., sku_id: _Optional[str] = ..., requested: _Optional[int] = ..., available: _Optional[int] = ...) -> None: ...

class ReserveInventoryRequest(_message.Message):
    __slots__ = ("tenant_id", "reference", "lines", "ttl")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    REFERENCE_FIELD_NUMBER: _ClassVar[int]
    LINES_FIELD_NUMBER: _ClassVar[int]
    TTL_FIELD_NUMBER: _ClassVar[int]
    tenant_id: str
    reference: str
    lines: _containers.RepeatedCompositeFieldContainer[ReservationLine]
    ttl: _duration_pb2.Duration
    def __init__(self, tenant_id: _Optional[str] = ..., reference: _Optional[str] = ..., lines: _Optional[_Iterable[_Union[ReservationLine, _Mapping]]] = ..., ttl: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ...) -> None: ...

class ReserveInventoryResponse(_message.Message):
    __slots__ = ("outcome", "reservation", "shortages")
    OUTCOME_FIELD_NUMBER: _ClassVar[int]
    RESERVATION_FIELD_NUMBER: _ClassVar[int]
    SHORTAGES_FIELD_NUMBER: _ClassVar[int]
    outcome: ReserveOutcome
    reservation: Reservation
    shortages: _containers.RepeatedCompositeFieldContainer[StockShortage]
    def __init__(self, outcome: _Optional[_Union[ReserveOutcome, str]] = ..., reservation: _Optional[_Union[Reservation, _Mapping]] = ..., shortages: _Optional[_Iterable[_Union[StockShortage, _Mapping]]] = ...) -> None: ...

class ReleaseReservationRequest(_message.Message):
    __slots__ = ("tenant_id", "reference")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    REFERENCE_FIELD_NUMBER: _ClassVar[int]
    tenant_id: str
    reference: str
    def __init__(self, tenant_id: _Optional[str] = ..., reference: _Optional[str] = ...) -> None: ...

class ReleaseReservationResponse(_message.Message):
    __slots__ = ("reservation",)
    RESERVATION_FIELD_NUMBER: _ClassVar[int]
    reservation: Reservation
    def __init__(self, reservation: _Optional[_Union[Reservation, _Mapping]] = ...) -> None: ...

class CommitReservationRequest(_message.Message):
    __slots__ = ("tenant_id", "reference")
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    REFERENCE_FIELD_NUMBER: _ClassVar[int]
    tenant_id: str
    reference: str
    def __init__(self, tenant_id: _Optional[str] = ..., reference: _Optional[str] = ...) -> None: ...

class CommitReservationResponse(_message.Message):
    __slots__ = ("reservation",)
    RESERVATION_FIELD_NUMBER: _ClassVar[int]
    reservation: Reservation
    def __init__(self, reservation: _Optional[_Union[Reservation, _Mapping]] = ...) -> None: ...
