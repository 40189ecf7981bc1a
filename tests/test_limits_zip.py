"""The zip limits of loaders/limits.py, at their boundaries and against real bombs: refused
from the zip directory, nothing inflated; the real plans' layout passes.

Expected numbers are worked out from the limits and the generators in tests/zip_bombs.py,
written the Vietnamese way ("." between thousands, "," before decimals)."""

from __future__ import annotations

import io
import math
import tomllib
import tracemalloc
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from loaders import limits
from loaders.load import load_bytes
from tests.limit_checks import refusal
from tests.zip_bombs import GOOD_XLSX, docx_bomb, forged_size_bomb, rows_bomb, shared_strings_bomb

ROOT = Path(__file__).resolve().parent.parent
MB = limits.MEGABYTE


# Bombs at the real limits: refused from the zip directory, nothing inflated ---------


def refusal_and_peak(data: bytes, name: str) -> tuple[str, int]:
    """The refusal, and the most memory Python allocated while coming to it."""
    tracemalloc.start()
    try:
        return refusal(data, name), tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_shared_strings_bomb_is_refused_for_its_inflated_size_without_inflating_it() -> None:
    message, peak = refusal_and_peak(shared_strings_bomb(), "chuoi.xlsx")
    # 600 MB of "A" plus the seed's 47,964 bytes and the tags: 600.05 MB, shown rounded up.
    assert message == (
        "Tệp “chuoi.xlsx” khi giải nén chiếm 600,1 MB, vượt mức tối đa 400 MB nên không đọc được."
    )
    assert peak < 4 * MB  # the directory alone was read


@pytest.mark.parametrize(("make", "name"), [(rows_bomb, "dong.xlsx"), (docx_bomb, "van_ban.docx")])
def test_a_table_bomb_is_refused_for_its_inflated_size_without_inflating_it(
    make: Callable[[], bytes], name: str
) -> None:
    message, peak = refusal_and_peak(make(), name)  # 600 MB of rows in about 2 MB
    assert message.startswith(f"Tệp “{name}” khi giải nén chiếm ")
    assert message.endswith(" MB, vượt mức tối đa 400 MB nên không đọc được.")
    stated = float(message.split("chiếm ")[1].split(" MB")[0].replace(".", "").replace(",", "."))
    assert stated >= 600
    assert peak < 4 * MB


def test_a_member_lying_about_its_size_is_refused_without_inflating_it() -> None:
    # 200 MB declared as 1,000 bytes: every declared check passes; zipfile would ask zlib
    # for up to 1 GiB at once before cutting to the declared size.
    message, peak = refusal_and_peak(forged_size_bomb(), "gia_mao.xlsx")
    assert message == "Tệp “gia_mao.xlsx” được nén bất thường nên không thể đọc an toàn."
    assert peak < 4 * MB


def test_a_small_bomb_is_refused_for_its_ratio() -> None:
    message = refusal(shared_strings_bomb(2 * MB), "nho.xlsx")  # 2 MB at about 1,000 to 1
    assert message == "Tệp “nho.xlsx” được nén bất thường nên không thể đọc an toàn."


def test_a_member_compressed_other_than_deflate_is_refused() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(GOOD_XLSX)) as source, zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            target.writestr(name, source.read(name), compress_type=zipfile.ZIP_BZIP2)
    message = refusal(out.getvalue(), "bzip2.xlsx")
    assert message == "Tệp “bzip2.xlsx” được nén bất thường nên không thể đọc an toàn."


# Zip limits at their boundaries -------------------------------------------------------


def test_file_size_at_the_real_limit() -> None:
    at_limit = b"PK" + bytes(limits.MAX_FILE_BYTES - 2)  # not a zip: refused for that
    assert "bị hỏng" in refusal(at_limit, "du.xlsx")
    # 10 MB and one byte: stated rounded up to one decimal, never as the limit itself.
    assert refusal(at_limit + b"\0", "to.xlsx") == (
        "Tệp “to.xlsx” nặng 10,1 MB, vượt mức tối đa 10 MB cho một tệp tải lên."
    )


def test_streamlit_upload_limit_is_above_the_file_limit() -> None:
    """Files past the app's limit reach it (and get its Vietnamese sentence) up to at
    least four times that size, instead of Streamlit's English refusal."""
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["maxUploadSize"] * MB >= 4 * limits.MAX_FILE_BYTES


def _declared(data: bytes) -> list[zipfile.ZipInfo]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.infolist()


def test_inflated_size_at_its_boundary(monkeypatch: pytest.MonkeyPatch) -> None:
    inflated = sum(member.file_size for member in _declared(GOOD_XLSX))
    monkeypatch.setattr("loaders.package.MAX_INFLATED_BYTES", inflated)
    assert load_bytes(GOOD_XLSX, "vua.xlsx").tasks
    monkeypatch.setattr("loaders.package.MAX_INFLATED_BYTES", inflated - 1)
    assert "khi giải nén chiếm 0,1 MB" in refusal(GOOD_XLSX, "qua.xlsx")


def test_compression_ratio_at_its_boundary(monkeypatch: pytest.MonkeyPatch) -> None:
    data = shared_strings_bomb(2 * MB)
    (member,) = [m for m in _declared(data) if m.filename == "xl/sharedStrings.xml"]
    ratio = math.ceil(member.file_size / member.compress_size)  # the lowest limit it meets
    monkeypatch.setattr("loaders.package.MAX_COMPRESSION_RATIO", ratio)
    assert load_bytes(data, "vua.xlsx").tasks
    monkeypatch.setattr("loaders.package.MAX_COMPRESSION_RATIO", ratio - 1)
    assert "nén bất thường" in refusal(data, "qua.xlsx")


def test_ratio_is_checked_from_its_size_on(monkeypatch: pytest.MonkeyPatch) -> None:
    data = shared_strings_bomb(2 * MB)
    (member,) = [m for m in _declared(data) if m.filename == "xl/sharedStrings.xml"]
    monkeypatch.setattr("loaders.package.RATIO_CHECKED_FROM", member.file_size + 1)
    assert load_bytes(data, "nho_hon.xlsx").tasks
    monkeypatch.setattr("loaders.package.RATIO_CHECKED_FROM", member.file_size)
    assert "nén bất thường" in refusal(data, "tu_day.xlsx")


# The real plans fit ----------------------------------------------------------------


def test_a_big_real_layout_workbook_passes_the_zip_checks(tmp_path: Path) -> None:
    from benchmarks.make_big_workbook import write_workbook

    path = tmp_path / "big.xlsx"
    write_workbook(path, 10_000)
    data = path.read_bytes()
    members = _declared(data)
    assert len(data) <= limits.MAX_FILE_BYTES
    assert sum(m.file_size for m in members) <= limits.MAX_INFLATED_BYTES
    assert max(m.file_size / m.compress_size for m in members if m.compress_size) <= (
        limits.MAX_COMPRESSION_RATIO
    )
    assert len(load_bytes(data, "big.xlsx").tasks) == 10_000
