"""The deploy/ files agree with the app's own settings (the server itself: tests/e2e/)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "deploy" / "nginx" / "nq57.conf"
# Streamlit accepts an upload's request body up to server.maxUploadSize plus 1 MB for the
# multipart framing around the file (its upload route says so).
MULTIPART_MARGIN_MB = 1


def test_nginx_passes_every_upload_streamlit_accepts() -> None:
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    (size,) = re.findall(r"^\s*client_max_body_size (\d+)m;", SITE.read_text(), re.MULTILINE)
    assert int(size) == config["server"]["maxUploadSize"] + MULTIPART_MARGIN_MB
