import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class InventoryChanged(_message.Message):
    __slots__ = ("event_id", "occur_time", "tenant_id", "hub_id", "sku_id", "quantity_on_hand", "quantity_available", "reference", "trace_id")
    EVENT_ID_FIELD_NUMBER: _ClassVar[int]
    OCCUR_TIME_FIELD_NUMBER: _ClassVar[int]
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    HUB_ID_FIELD_NUMBER: _ClassVar[int]
    SKU_ID_FIELD_NUMBER: _ClassVar[int]
    QUANTITY_ON_HAND_FIELD_NUMBER: _ClassVar[int]
    QUANTITY_AVAILABLE_FIELD_NUMBER: _ClassVar[int]
    REFERENCE_FIELD_NUMBER: _ClassVar[int]
    TRACE_ID_FIELD_NUMBER: _ClassVar[int]
    event_id: str
    occur_time: _timestamp_pb2.Timestamp
    tenant_id: str
    hub_id: str
    sku_id: str
    quantity_on_hand: int
    quantity_available: int
    reference: str
    trace_id: str
    def __init__(self, event_id: _Optional[str] = ..., occur_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., tenant_id: _Optional[str] = ..., hub_id: _Optional[str] = ..., sku_id: _Optional[str] = ..., quantity_on_hand: _Optional[int] = ..., quantity_available: _Optional[int] = ..., reference: _Optional[str] = ..., trace_id: _Optional[str] = ...) -> None: ...
