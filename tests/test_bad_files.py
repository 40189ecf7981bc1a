"""Files that cannot be read are refused with one Vietnamese sentence naming them."""

import contextlib
import io
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from docx import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from loaders.load import load_bytes, load_file
from loaders.records import LoadResult, UnreadableFileError
from sample_data.manifest import PLANS_DIR

GOOD_XLSX = (PLANS_DIR / "000_phu_luc_II_nhiem_vu_2026.xlsx").read_bytes()


def compound_file(*streams: str) -> bytes:
    """An OLE compound file whose directory lists ``streams``, as Office writes for a
    password-protected workbook (EncryptionInfo, EncryptedPackage) or a legacy .xls."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16)
    header += struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + bytes(10)
    header += struct.pack("<IIIIIII", 1, 1, 0, 0x1000, 0xFFFFFFFE, 0, 0xFFFFFFFE)
    header += struct.pack("<I", 0) + struct.pack("<I", 2) + b"\xff" * (512 - len(header) - 8)
    directory = b""
    for name in ("Root Entry", *streams):
        encoded = (name + "\0").encode("utf-16-le")
        directory += encoded.ljust(64, b"\0") + struct.pack("<H", len(encoded)) + bytes(62)
    return header + directory.ljust(512, b"\0") + struct.pack("<II", 0xFFFFFFFD, 0xFFFFFFFE)


def zip_with(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def replace_member(data: bytes, name: str, content: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = {n: archive.read(n) for n in archive.namelist()}
    return zip_with(members | {name: content})


def broken_sheet() -> bytes:
    return replace_member(GOOD_XLSX, "xl/worksheets/sheet1.xml", b"<worksheet><sheetData><row")


def password_protected() -> bytes:
    return compound_file("EncryptionInfo", "EncryptedPackage")


def xlsx_without_table() -> bytes:
    workbook = Workbook()
    workbook.active.append(["Báo cáo tình hình, không có bảng nhiệm vụ"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def docx_without_table() -> bytes:
    document = Document()
    document.add_paragraph("Kính gửi: các sở, ban, ngành")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


CASES: list[tuple[str, str, Callable[[], bytes], str]] = [
    # (case, file name, bytes, a phrase the message must contain)
    ("empty", "rong.xlsx", lambda: b"", "rỗng"),
    ("wrong extension", "ghi_chu.txt", lambda: "STT\tTên".encode(), "không phải bảng tính"),
    ("pdf", "ke_hoach.pdf", lambda: b"%PDF-1.7\n", "không phải bảng tính"),
    ("not a zip", "hong.xlsx", lambda: b"STT,Ten nhiem vu\n1,Xay dung\n", "không đúng định dạng"),
    ("truncated zip", "cat_do.xlsx", lambda: GOOD_XLSX[: len(GOOD_XLSX) // 2], "bị hỏng"),
    ("broken sheet xml", "xml_hong.xlsx", broken_sheet, "bị hỏng"),
    ("password", "mat_khau.xlsx", password_protected, "mật khẩu"),
    ("legacy xls", "cu.xls", lambda: compound_file("Workbook"), "(.xls)"),
    ("legacy xls renamed", "cu_doi_ten.xlsx", lambda: compound_file("Workbook"), "(.xls)"),
    ("legacy doc", "cu.doc", lambda: compound_file("WordDocument"), "(.doc)"),
    ("macro extension", "macro.xlsm", lambda: GOOD_XLSX, "macro"),
    (
        "macro inside xlsx",
        "an_macro.xlsx",
        lambda: replace_member(GOOD_XLSX, "xl/vbaProject.bin", b"\0" * 16),
        "macro",
    ),
    ("xlsx named docx", "nham.docx", lambda: GOOD_XLSX, "Word (.docx)"),
    ("no table in workbook", "khong_bang.xlsx", xlsx_without_table, "Không tìm thấy bảng"),
    ("no table in document", "cong_van.docx", docx_without_table, "Không tìm thấy bảng"),
]  # fmt: skip


@pytest.mark.parametrize(("case", "name", "content", "phrase"), CASES, ids=[c[0] for c in CASES])
def test_unreadable_file_is_refused_with_one_sentence(
    tmp_path: Path, case: str, name: str, content: Callable[[], bytes], phrase: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content())
    with pytest.raises(UnreadableFileError) as refused:
        load_file(path)
    message = str(refused.value)
    assert f"“{name}”" in message
    assert phrase in message
    assert message.endswith(".") and "\n" not in message and "Traceback" not in message


def test_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFileError, match="Không tìm thấy tệp “khong_co.xlsx”"):
        load_file(tmp_path / "khong_co.xlsx")


# Never anything but a result or UnreadableFileError ------------------------------


@given(data=st.binary(max_size=2_000), name=st.sampled_from(["a.xlsx", "a.docx", "a.xls", "a"]))
def test_random_bytes_never_raise_anything_else(data: bytes, name: str) -> None:
    try:
        assert isinstance(load_bytes(data, name), LoadResult)
    except UnreadableFileError as refused:
        assert "“" + name + "”" in str(refused)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(position=st.integers(0, len(GOOD_XLSX) - 1), byte=st.integers(0, 255))
def test_a_damaged_workbook_never_raises_anything_else(position: int, byte: int) -> None:
    damaged = GOOD_XLSX[:position] + bytes([byte]) + GOOD_XLSX[position + 1 :]
    with contextlib.suppress(UnreadableFileError):
        load_bytes(damaged, "hong.xlsx")
