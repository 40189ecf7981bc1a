"""The zip package inside an .xlsx/.docx, checked before any reader inflates a byte of it.

Its directory declares every member's size: the sum of them and each large member's
compression ratio are checked against ``loaders/limits.py``. Then every member is
inflated once, in small bounded steps and without keeping the output, to prove its
data holds no more than it declares. The declared sizes alone are not enough:
CPython 3.11's zipfile (``ZipExtFile._read1``) truncates what it *returns* to the
declared ``file_size``, but ``ZipFile.read`` asks zlib for up to 1 GiB per step
(``MAX_N``) before truncating, so an 800 KB member declaring 1 KB still costs
1.6 GB of memory (openpyxl and python-docx read small parts whole). A member
compressed with anything but deflate (bzip2, lzma: zipfile inflates them without
any bound) or encrypted is never written by Excel or Word and is refused too.
"""

from __future__ import annotations

import math
import struct
import zipfile
import zlib
from io import BytesIO

from loaders.limits import (
    MAX_COMPRESSION_RATIO,
    MAX_INFLATED_BYTES,
    MEGABYTE,
    RATIO_CHECKED_FROM,
)
from loaders.numbers import vietnamese_number
from loaders.problems import unreadable_message
from loaders.records import UnreadableFileError

READ_STEP = 64 * 1024  # compressed bytes fed to zlib at a time, and most it may give back
LOCAL_HEADER = struct.Struct("<4s22xHH")  # signature, then the name's and extra field's lengths
LOCAL_SIGNATURE = b"PK\x03\x04"
ENCRYPTED_FLAG = 0x1
READABLE_METHODS = frozenset({zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED})


def zip_members(data: bytes, name: str, label: str) -> set[str]:
    """The member names of a package that is safe to read; otherwise refuse the file."""
    if not data.startswith(b"PK"):
        raise UnreadableFileError(unreadable_message("not_zip", name, kind=label))
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise UnreadableFileError(unreadable_message("corrupt", name)) from exc
    _check_declared(members, name)
    for member in members:
        if member.compress_type == zipfile.ZIP_DEFLATED:
            _check_inflated(data, member, name)
    return {member.filename for member in members}


def megabytes(size: int) -> str:
    """A size as the messages state it, in MB rounded up to one decimal (``12,4``): a size
    past a limit never reads as the limit itself."""
    return vietnamese_number(math.ceil(size * 10 / MEGABYTE) / 10, 1)


def _check_declared(members: list[zipfile.ZipInfo], name: str) -> None:
    inflated = sum(member.file_size for member in members)
    if inflated > MAX_INFLATED_BYTES:
        raise UnreadableFileError(
            unreadable_message(
                "too_inflated",
                name,
                size=megabytes(inflated),
                limit=megabytes(MAX_INFLATED_BYTES),
            )
        )
    for member in members:
        if (
            member.compress_type not in READABLE_METHODS
            or member.flag_bits & ENCRYPTED_FLAG
            or (
                member.file_size >= RATIO_CHECKED_FROM
                and member.file_size > MAX_COMPRESSION_RATIO * member.compress_size
            )
        ):
            raise UnreadableFileError(unreadable_message("compression", name))


def _check_inflated(data: bytes, member: zipfile.ZipInfo, name: str) -> None:
    """Inflate the member step by step, counting: more than declared means a forged size."""
    try:
        signature, name_length, extra_length = LOCAL_HEADER.unpack_from(data, member.header_offset)
    except struct.error as exc:  # the directory points past the end of the file
        raise UnreadableFileError(unreadable_message("corrupt", name)) from exc
    if signature != LOCAL_SIGNATURE:
        raise UnreadableFileError(unreadable_message("corrupt", name))
    start = member.header_offset + LOCAL_HEADER.size + name_length + extra_length
    compressed = memoryview(data)[start : start + member.compress_size]
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)  # raw deflate, as zip stores it
    allowed = member.file_size
    try:
        for offset in range(0, len(compressed), READ_STEP):
            pending = bytes(compressed[offset : offset + READ_STEP])
            while pending and not inflater.eof:
                allowed -= len(inflater.decompress(pending, READ_STEP))
                if allowed < 0:
                    raise UnreadableFileError(unreadable_message("compression", name))
                pending = inflater.unconsumed_tail
    except zlib.error as exc:
        raise UnreadableFileError(unreadable_message("corrupt", name)) from exc
