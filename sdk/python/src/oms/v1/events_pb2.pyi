import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from oms.v1 import order_pb2 as _order_pb2
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class OrderCreated(_message.Message):
    __slots__ = ("event_id", "occur_time", "tenant_id", "order", "trace_id")
    EVENT_ID_FIELD_NUMBER: _ClassVar[int]
    OCCUR_TIME_FIELD_NUMBER: _ClassVar[int]
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_FIELD_NUMBER: _ClassVar[int]
    TRACE_ID_FIELD_NUMBER: _ClassVar[int]
    event_id: str
    occur_time: _timestamp_pb2.Timestamp
    tenant_id: str
    order: _order_pb2.Order
    trace_id: str
    def __init__(self, event_id: _Optional[str] = ..., occur_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., tenant_id: _Optional[str] = ..., order: _Optional[_Union[_order_pb2.Order, _Mapping]] = ..., trace_id: _Optional[str] = ...) -> None: ...

class OrderUpdated(_message.Message):
    __slots__ = ("event_id", "occur_time", "tenant_id", "order", "previous_status", "trace_id")
    EVENT_ID_FIELD_NUMBER: _ClassVar[int]
    OCCUR_TIME_FIELD_NUMBER: _ClassVar[int]
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_FIELD_NUMBER: _ClassVar[int]
    PREVIOUS_STATUS_FIELD_NUMBER: _ClassVar[int]
    TRACE_ID_FIELD_NUMBER: _ClassVar[int]
    event_id: str
    occur_time: _timestamp_pb2.Timestamp
    tenant_id: str
    order: _order_pb2.Order
    previous_status: _order_pb2.OrderStatus
    trace_id: str
    def __init__(self, event_id: _Optional[str] = ..., occur_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., tenant_id: _Optional[str] = ..., order: _Optional[_Union[_order_pb2.Order, _Mapping]] = ..., previous_status: _Optional[_Union[_order_pb2.OrderStatus, str]] = ..., trace_id: _Optional[str] = ...) -> None: ...
