"""The Cập nhật dữ liệu page under AppTest: opened, given a file as bytes, its buttons."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Button

from tests.pages_db import REPO_ROOT, TIMEOUT
from ui.upload import UploadKey

PAGE = REPO_ROOT / "pages" / "6_Cap_nhat_du_lieu.py"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def open_page() -> AppTest:
    return AppTest.from_file(PAGE, default_timeout=TIMEOUT).run()


def upload(at: AppTest, data: bytes, name: str = "tien_do.xlsx") -> AppTest:
    at.file_uploader(key=UploadKey.FILE).set_value((name, data, XLSX))
    return at.run()


def button(at: AppTest, key: str) -> Button:
    return next(button for button in at.button if button.key == key)
