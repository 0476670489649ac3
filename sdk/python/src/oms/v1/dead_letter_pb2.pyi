import datetime

from google.api import annotations_pb2 as _annotations_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from iam.v1 import access_pb2 as _access_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class DeadLetterSource(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    DEAD_LETTER_SOURCE_UNSPECIFIED: _ClassVar[DeadLetterSource]
    DEAD_LETTER_SOURCE_UPLOAD_QUEUE: _ClassVar[DeadLetterSource]
    DEAD_LETTER_SOURCE_EVENT_TOPIC: _ClassVar[DeadLetterSource]
DEAD_LETTER_SOURCE_UNSPECIFIED: DeadLetterSource
DEAD_LETTER_SOURCE_UPLOAD_QUEUE: DeadLetterSource
DEAD_LETTER_SOURCE_EVENT_TOPIC: DeadLetterSource

class DeadLetter(_message.Message):
    __slots__ = ("id", "source", "origin", "consumer", "error", "attempts", "tenant_id", "key", "payload", "dead_letter_time", "redrive_time")
    ID_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    ORIGIN_FIELD_NUMBER: _ClassVar[int]
    CONSUMER_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    ATTEMPTS_FIELD_NUMBER: _ClassVar[int]
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    KEY_FIELD_NUMBER: _ClassVar[int]
    PAYLOAD_FIELD_NUMBER: _ClassVar[int]
    DEAD_LETTER_TIME_FIELD_NUMBER: _ClassVar[int]
    REDRIVE_TIME_FIELD_NUMBER: _ClassVar[int]
    id: str
    source: DeadLetterSource
    origin: str
    consumer: str
    error: str
    attempts: int
    tenant_id: str
    key: str
    payload: str
    dead_letter_time: _timestamp_pb2.Timestamp
    redrive_time: _timestamp_pb2.Timestamp
    def __init__(self, id: _Optional[str] = ..., source: _Optional[_Union[DeadLetterSource, str]] = ..., origin: _Optional[str] = ..., consumer: _Optional[str] = ..., error: _Optional[str] = ..., attempts: _Optional[int] = ..., tenant_id: _Optional[str] = ..., key: _Optional[str] = ..., payload: _Optional[str] = ..., dead_letter_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., redrive_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ListDeadLettersRequest(_message.Message):
    __slots__ = ("source", "page_size", "page_token")
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    source: DeadLetterSource
    page_size: int
    page_token: str
    def __init__(self, source: _Optional[_Union[DeadLetterSource, str]] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListDeadLettersResponse(_message.Message):
    __slots__ = ("dead_letters", "next_page_token", "queue_depth")
    DEAD_LETTERS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    QUEUE_DEPTH_FIELD_NUMBER: _ClassVar[int]
    dead_letters: _containers.RepeatedCompositeFieldContainer[DeadLetter]
    next_page_token: str
    queue_depth: int
    def __init__(self, dead_letters: _Optional[_Iterable[_Union[DeadLetter, _Mapping]]] = ..., next_page_token: _Optional[str] = ..., queue_depth: _Optional[int] = ...) -> None: ...

class RedriveDeadLetterRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class RedriveDeadLetterResponse(_message.Message):
    __slots__ = ("dead_letter",)
    DEAD_LETTER_FIELD_NUMBER: _ClassVar[int]
    dead_letter: DeadLetter
    def __init__(self, dead_letter: _Optional[_Union[DeadLetter, _Mapping]] = ...) -> None: ...
