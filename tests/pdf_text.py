"""Read the text back out of a PDF written by fpdf2, with the standard library only.

fpdf2 writes each text run as 2-byte glyph ids in a literal string (``(...)
Tj``) under a font selected by ``/F<n> <size> Tf``; each embedded font carries a
``/ToUnicode`` CMap from glyph id to character. This inflates the streams,
reads those CMaps and decodes every run. Enough for tests; a real reader
(pypdf) would be the thing to add if the project ever needs more.
"""

from __future__ import annotations

import re
import zlib

_OBJECT = re.compile(rb"(\d+) 0 obj(.*?)endobj", re.S)
_STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.S)
_FONT_REF = re.compile(rb"/(F\d+) (\d+) 0 R")
_TO_UNICODE = re.compile(rb"/ToUnicode (\d+) 0 R")
_BFCHAR = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")
_RUN = re.compile(rb"/(F\d+) [\d.]+ Tf|\(((?:\\.|[^\\)])*)\)\s*Tj", re.S)
_ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}


def pdf_text(data: bytes) -> list[str]:
    """Every text run of the document, in content-stream order."""
    objects = {int(n): body for n, body in _OBJECT.findall(data)}
    cmaps = _font_cmaps(objects)
    runs: list[str] = []
    for body in objects.values():
        content = _inflated(body)
        if content is None or b"Tj" not in content:
            continue
        font = b""
        for match in _RUN.finditer(content):
            if match.group(1):
                font = match.group(1)
                continue
            glyphs = _unescape(match.group(2))
            cmap = cmaps.get(font, {})
            ids = [int.from_bytes(glyphs[i : i + 2], "big") for i in range(0, len(glyphs), 2)]
            runs.append("".join(cmap.get(i, "\ufffd") for i in ids))
    return runs


def _font_cmaps(objects: dict[int, bytes]) -> dict[bytes, dict[int, str]]:
    """Font resource name (b"F1") -> glyph id -> character."""
    names: dict[bytes, int] = {}
    for body in objects.values():
        for name, number in _FONT_REF.findall(body):
            names[name] = int(number)
    cmaps: dict[bytes, dict[int, str]] = {}
    for name, number in names.items():
        found = _TO_UNICODE.search(objects.get(number, b""))
        stream = _inflated(objects.get(int(found.group(1)), b"")) if found else None
        if stream is not None:
            cmaps[name] = {
                int(glyph, 16): bytes.fromhex(text.decode()).decode("utf-16-be")
                for glyph, text in _BFCHAR.findall(stream)
            }
    return cmaps


def _inflated(body: bytes) -> bytes | None:
    found = _STREAM.search(body)
    if found is None:
        return None
    raw = found.group(1)
    try:
        return zlib.decompress(raw) if b"/FlateDecode" in body else raw
    except zlib.error:
        return None


def _unescape(literal: bytes) -> bytes:
    out = bytearray()
    i = 0
    while i < len(literal):
        byte = literal[i : i + 1]
        if byte != b"\\":
            out += byte
            i += 1
            continue
        nxt = literal[i + 1 : i + 2]
        octal = re.match(rb"[0-7]{1,3}", literal[i + 1 : i + 4])
        if octal:
            out.append(int(octal.group(0), 8) & 0xFF)
            i += 1 + len(octal.group(0))
        else:
            out += _ESCAPES.get(nxt, nxt)
            i += 2
    return bytes(out)
