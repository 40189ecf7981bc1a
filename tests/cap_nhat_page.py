"""The Cập nhật dữ liệu page under AppTest: opened, given a file as bytes, its buttons."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Button

from data_access.kinds import Role
from data_access.settings import get_settings
from tests.pages_db import REPO_ROOT, TIMEOUT
from tests.signed_in import EDITOR, sign_in_as
from ui.upload import UploadKey

PAGE = REPO_ROOT / "app_pages" / "6_Cap_nhat_du_lieu.py"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def open_page(username: str = EDITOR, role: Role = Role.EDITOR) -> AppTest:
    """The page, signed in (as a Sở editor: made in the settings' database if missing)."""
    at = AppTest.from_file(PAGE, default_timeout=TIMEOUT)
    return sign_in_as(at, get_settings().database_url, username, role).run()


def upload(at: AppTest, data: bytes, name: str = "tien_do.xlsx") -> AppTest:
    at.file_uploader(key=UploadKey.FILE).set_value((name, data, XLSX))
    return at.run()


def button(at: AppTest, key: str) -> Button:
    return next(button for button in at.button if button.key == key)
