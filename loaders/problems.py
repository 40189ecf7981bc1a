"""Vietnamese wording of every problem, and a collector that caps how many are kept.

All user-facing sentences of the loaders live here so the wording can be reviewed
in one place. Messages name the row and the column as the user sees them, and
quote at most ``MAX_QUOTED_CHARS`` of anything taken from the file: the collector
and ``unreadable_message`` cut every placeholder, so no message can grow with the file.
"""

from __future__ import annotations

from loaders.limits import MAX_CELL_CHARS, MAX_QUOTED_CHARS
from loaders.records import Problem, ProblemCode, ProblemLevel
from loaders.text import BIDI_CONTROLS

DEFAULT_LIMIT = 500

# Problems found inside a readable file. Placeholders: {where} (row and column),
# {value} (the cell text, shortened) and any extra keyword passed to ``add``.
TEMPLATES: dict[ProblemCode, str] = {
    ProblemCode.MISSING_COLUMN: "{where}: bảng không có cột “{column_label}”.",
    ProblemCode.MISSING_VALUE: "{where}: chưa có {field_label}.",
    ProblemCode.INVALID_DATE: "{where}: “{value}” không phải ngày hợp lệ (dd/mm/yyyy).",
    ProblemCode.UNPARSED_DEADLINE: "{where}: chưa hiểu được thời hạn “{value}”{reason}.",
    ProblemCode.INVALID_TARGET: "{where}: chưa hiểu được chỉ tiêu “{value}”{reason}.",
    ProblemCode.INVALID_NUMBER: "{where}: “{value}” không phải một con số.",
    ProblemCode.UNKNOWN_AGENCY: "{where}: chưa có “{value}” trong danh mục cơ quan, đơn vị.",
    ProblemCode.UNKNOWN_STATUS: "{where}: chưa hiểu được tình trạng “{value}”.",
    ProblemCode.DUPLICATE_NUMBER: "{where}: số thứ tự “{value}” bị trùng trong {scope}.",
    ProblemCode.ORPHAN_CONTINUATION: (
        "{where}: dòng “{value}” không thuộc nhiệm vụ nào (không có số thứ tự) nên đã bỏ qua."
    ),
    ProblemCode.HIDDEN_CHARACTERS: "{where}: có {characters}, đã được bỏ.",
    ProblemCode.NESTED_TABLE: (
        "{where}: ô chứa một bảng lồng; nội dung được đọc thành các dòng chữ, mỗi dòng "
        "của bảng lồng một dòng, các ô cách nhau bằng dấu “{separator}”."
    ),
    ProblemCode.TOO_LONG: "{where}: “{value}” dài {length} ký tự, vượt mức tối đa {limit} ký tự.",
    ProblemCode.COLUMNS_LEFT_OUT: (
        "{where}: có dữ liệu ngoài {limit} cột đầu tiên (từ cột {first} trở đi), "
        "phần này không được đọc."
    ),
    ProblemCode.TOO_MANY_PROBLEMS: (
        "Có quá nhiều vấn đề; chỉ liệt kê {limit} vấn đề đầu tiên, các vấn đề sau đã bị bỏ qua."
    ),
}

# Why a whole file is refused: one sentence each, naming the file.
UNREADABLE: dict[str, str] = {
    "missing": "Không tìm thấy tệp “{name}”.",
    "empty": "Tệp “{name}” rỗng (0 byte), không có dữ liệu để đọc.",
    "extension": (
        "Tệp “{name}” không phải bảng tính Excel (.xlsx) hay văn bản Word (.docx) "
        "nên không đọc được."
    ),
    "legacy_xls": (
        "Tệp “{name}” là bảng tính Excel đời cũ (.xls); hãy mở bằng Excel và lưu lại dạng .xlsx."
    ),
    "legacy_doc": (
        "Tệp “{name}” là văn bản Word đời cũ (.doc); hãy mở bằng Word và lưu lại dạng .docx."
    ),
    "macro": (
        "Tệp “{name}” là bảng tính có macro (.xlsm), không được nhận vì lý do an toàn; "
        "hãy lưu lại dạng .xlsx."
    ),
    "encrypted": "Tệp “{name}” đang được đặt mật khẩu; hãy gỡ mật khẩu rồi tải lên lại.",
    "not_zip": "Tệp “{name}” không đúng định dạng {kind} (có thể bị đổi đuôi hoặc bị hỏng).",
    "corrupt": "Tệp “{name}” bị hỏng hoặc không đầy đủ nên không đọc được.",
    "no_table": (
        "Không tìm thấy bảng nhiệm vụ hay bảng chỉ tiêu nào trong tệp “{name}” "
        "(cần một dòng tiêu đề có cột số thứ tự và cột tên nhiệm vụ hoặc tên chỉ tiêu)."
    ),
    "formula": (
        "{cell} (trang “{sheet}”){others} của tệp “{name}” là công thức chưa có giá trị "
        "đã tính; hãy mở tệp bằng Excel, lưu lại rồi tải lên."
    ),
    "too_big": "Tệp “{name}” nặng {size} MB, vượt mức tối đa {limit} MB cho một tệp tải lên.",
    "too_inflated": (
        "Tệp “{name}” khi giải nén chiếm {size} MB, vượt mức tối đa {limit} MB nên không đọc được."
    ),
    "compression": "Tệp “{name}” được nén bất thường nên không thể đọc an toàn.",
    "too_many_rows": (
        "Trang tính “{sheet}” của tệp “{name}” có hơn {limit} dòng, vượt mức tối đa; "
        "hãy tách thành nhiều tệp."
    ),
    "too_many_table_rows": (
        "Các bảng của tệp “{name}” có hơn {limit} dòng, vượt mức tối đa; hãy tách thành nhiều tệp."
    ),
    "unexpected": "Có lỗi không lường trước khi đọc tệp “{name}”: {detail}.",
    # The worker process that reads a file (loaders.isolation) was stopped.
    "too_slow": (
        "Đọc tệp “{name}” cần hơn {seconds} giây nên đã dừng; tệp quá lớn hoặc có cấu trúc "
        "bất thường, chưa có dữ liệu nào thay đổi."
    ),
    "too_much_memory": (
        "Đọc tệp “{name}” cần hơn {megabytes} MB bộ nhớ nên đã dừng; tệp quá lớn hoặc có cấu "
        "trúc bất thường, chưa có dữ liệu nào thay đổi."
    ),
    "crashed": (
        "Tiến trình đọc tệp “{name}” dừng đột ngột nên không đọc được tệp; tệp có thể bị hỏng, "
        "chưa có dữ liệu nào thay đổi."
    ),
}


def unreadable_message(reason: str, name: str, **extra: str) -> str:
    """The one-sentence Vietnamese reason why ``name`` cannot be read."""
    quoted = {key: cut(text, MAX_QUOTED_CHARS) for key, text in extra.items()}
    return UNREADABLE[reason].format(name=cut(name, MAX_QUOTED_CHARS), **quoted)


def formula_message(name: str, sheet: str, cell: str, others: int) -> str:
    """Why a workbook whose formulas were saved without their values is refused."""
    return unreadable_message(
        "formula",
        name,
        cell=f"Ô {cell}" if cell else "Một ô",
        sheet=sheet,
        others=f" và {others} ô khác" if others else "",
    )


def hidden_characters_phrase(characters: tuple[str, ...]) -> str:
    """``ký tự điều khiển hướng chữ (U+202E) và ký tự ẩn (U+200B)``: what was removed."""
    bidi = [c for c in characters if c in BIDI_CONTROLS]
    zero_width = [c for c in characters if c not in BIDI_CONTROLS]
    kinds = [
        f"{label} ({', '.join(f'U+{ord(c):04X}' for c in found)})"
        for label, found in (("ký tự điều khiển hướng chữ", bidi), ("ký tự ẩn", zero_width))
        if found
    ]
    return " và ".join(kinds)


def where(row: int | None, column: str = "", sheet: str = "") -> str:
    """A location as a person looks for it: Trang tính “X”, dòng 12, cột “Ghi chú”."""
    parts = [sheet if sheet.startswith("Bảng ") else f"Trang tính “{sheet}”"] if sheet else []
    if row is not None:
        parts.append(f"dòng {row}")
    if column:
        parts.append(f"cột “{column}”")
    text = ", ".join(parts) or "Tệp"
    return text[0].upper() + text[1:]


def cut(text: str, limit: int) -> str:
    """At most ``limit`` characters, "…" marking a cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def shorten(value: str) -> str:
    """Keep messages readable: one line, at most ``MAX_QUOTED_CHARS`` characters."""
    return cut(" ".join(cut(value, 2 * MAX_QUOTED_CHARS).split()), MAX_QUOTED_CHARS)


class ProblemCollector:
    """Collects problems for one file; after ``limit`` it keeps one final note only."""

    def __init__(self, file_name: str, limit: int = DEFAULT_LIMIT) -> None:
        self.file_name = file_name
        self.limit = limit
        self.problems: list[Problem] = []
        self._overflowed = False

    def add(
        self,
        code: ProblemCode,
        *,
        sheet: str = "",
        row: int | None = None,
        column: str = "",
        value: str = "",
        level: ProblemLevel = ProblemLevel.WARNING,
        details: dict[str, str] | None = None,
    ) -> None:
        """Record a problem; ``details`` fill the template's other placeholders."""
        if len(self.problems) >= self.limit:
            self._note_overflow()
            return
        sheet, column = cut(sheet, MAX_QUOTED_CHARS), cut(column, MAX_QUOTED_CHARS)
        quoted = {key: cut(text, MAX_QUOTED_CHARS) for key, text in (details or {}).items()}
        message = TEMPLATES[code].format(
            where=where(row, column, sheet), value=shorten(value), **quoted
        )
        kept = cut(value, MAX_CELL_CHARS)  # a value is at most one cell's worth
        problem = Problem(level, code, message, self.file_name, sheet, row, column, kept)
        self.problems.append(problem)

    def _note_overflow(self) -> None:
        if self._overflowed:
            return
        self._overflowed = True
        message = TEMPLATES[ProblemCode.TOO_MANY_PROBLEMS].format(limit=self.limit)
        self.problems.append(
            Problem(ProblemLevel.WARNING, ProblemCode.TOO_MANY_PROBLEMS, message, self.file_name)
        )
