"""Read the text back out of a PDF with pypdf, an independent reader: one string per text run.

pypdf joins the runs of one line that touch ("Trang 1/" and the page count become
"Trang 1/11") and puts a space before a run further along the line (a table
cell); runs are given trimmed.
"""

from __future__ import annotations

import io
from typing import Any

from pypdf import PdfReader


def pdf_text(data: bytes) -> list[str]:
    """Every text run of the document, page by page in content-stream order (blank runs dropped)."""
    runs: list[str] = []

    def collect(text: str, *_: Any) -> None:
        if text.strip():
            runs.append(text.strip())

    for page in PdfReader(io.BytesIO(data)).pages:
        page.extract_text(visitor_text=collect)
    return runs


def pdf_page_count(data: bytes) -> int:
    return len(PdfReader(io.BytesIO(data)).pages)
