"""The refusal a limit gives: one sentence naming the file."""

from __future__ import annotations

import pytest

from loaders.load import load_bytes
from loaders.records import UnreadableFileError


def refusal(data: bytes, name: str) -> str:
    with pytest.raises(UnreadableFileError) as refused:
        load_bytes(data, name)
    return str(refused.value)
