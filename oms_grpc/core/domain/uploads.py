"""Upload object keys and error-file names (pure).

Object keys follow the original system: `uploads/{timestamp}_{uuid}_{filename}`, with the
client's file name reduced to a safe basename. Files a client puts into the bucket itself
(with a presigned URL) go to `incoming/{tenant_id}/{uuid}/{filename}`: the tenant in the key
is what lets an import check that the object is that tenant's. Error files are addressed by
a name the server generates and validates strictly, so a download can never escape `errors/`.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime

UPLOAD_PREFIX = "uploads/"
INCOMING_PREFIX = "incoming/"
ERROR_PREFIX = "errors/"
MAX_FILENAME = 100
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_SLOT = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_ERROR_FILE = re.compile(
    r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}_errors\.csv$"
)


def sanitise_filename(name: str) -> str:
    """A safe basename: no directories, no dot-files, ASCII letters/digits/._- only."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    ascii_name = unicodedata.normalize("NFKD", base).encode("ascii", "ignore").decode()
    safe = _UNSAFE.sub("_", ascii_name).strip("._-")
    if not safe:
        safe = "upload.csv"
    if len(safe) > MAX_FILENAME:
        stem, dot, ext = safe.rpartition(".")
        if dot and 0 < len(ext) <= 10:
            safe = f"{stem[: MAX_FILENAME - len(ext) - 1]}.{ext}"
        else:
            safe = safe[:MAX_FILENAME]
    return safe


def upload_object_key(now: datetime, upload_id: str, filename: str) -> str:
    stamp = now.strftime("%Y%m%dT%H%M%S%fZ")
    return f"{UPLOAD_PREFIX}{stamp}_{upload_id}_{sanitise_filename(filename)}"


def incoming_object_key(tenant_id: str, slot_id: str, filename: str) -> str:
    return f"{INCOMING_PREFIX}{tenant_id}/{slot_id}/{sanitise_filename(filename)}"


def is_incoming_key_of(tenant_id: str, key: str) -> bool:
    """Whether `key` is a presigned-upload slot handed to `tenant_id` (and nothing else:
    no other prefix, no `..`, exactly slot and name below the tenant)."""
    prefix = f"{INCOMING_PREFIX}{tenant_id}/"
    if not key.startswith(prefix):
        return False
    slot, _, name = key[len(prefix) :].partition("/")
    # The slot is an id we made (`new_id()`): never `..` or `.`, which an object store that
    # resolves paths (SeaweedFS does) would read as a step up or a no-op.
    return (
        _SLOT.fullmatch(slot) is not None
        and bool(name)
        and "/" not in name
        and name == sanitise_filename(name)
    )


def error_file_name(upload_id: str) -> str:
    return f"{upload_id}_errors.csv"


def is_error_file_name(name: str) -> bool:
    return _ERROR_FILE.fullmatch(name) is not None


def error_object_key(name: str) -> str:
    if not is_error_file_name(name):
        raise ValueError(f"not an error file name: {name!r}")
    return f"{ERROR_PREFIX}{name}"


def upload_id_of_error_file(name: str) -> str:
    return error_object_key(name)[len(ERROR_PREFIX) :].removesuffix("_errors.csv")
