"""benchmarks/RESULTS.md: one marked section per benchmark, rewritten without touching the rest."""

from __future__ import annotations

from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"


def write_section(text: str, *, start: str, end: str, results: Path = RESULTS) -> None:
    """Put ``text`` between the ``start`` and ``end`` markers, appending the section if new."""
    current = results.read_text(encoding="utf-8") if results.exists() else "# Benchmark results\n"
    block = f"{start}\n{text}\n{end}"
    if start in current and end in current:
        before, rest = current.split(start, 1)
        updated = before + block + rest.split(end, 1)[1]
    else:
        updated = current.rstrip("\n") + "\n\n" + block + "\n"
    results.write_text(updated, encoding="utf-8")
