"""What each recognised column becomes in a record: its field, its length limit, its name.

loaders.headers recognises the columns; loaders.assemble fills the records with
these tables. The names are the Vietnamese words problem messages use for a field.
"""

from __future__ import annotations

from loaders.headers import Column
from loaders.limits import MAX_NAME_CHARS, MAX_PLAN_CODE_CHARS

# Columns whose clean text is a TaskRecord field as it stands.
TASK_FIELDS = {
    Column.NAME: "name",
    Column.EXPECTED_OUTPUT: "expected_output",
    Column.BASIS: "basis",
    Column.NOTES: "notes",
    Column.LEADER: "leader",
    Column.EVALUATION: "evaluation",
    Column.DESCRIPTION: "description",
    Column.ADJUSTMENT: "adjustment",
    Column.REFERENCE_NUMBER: "reference_number",
    Column.STATUS: "status",
    Column.EVIDENCE: "evidence",
    Column.PLAN_CODE: "plan_code",
}
# The most characters a field may hold; any other text field: MAX_TEXT_CHARS.
FIELD_LIMITS = {
    Column.NAME: MAX_NAME_CHARS,
    Column.KPI_NAME: MAX_NAME_CHARS,
    Column.PLAN_CODE: MAX_PLAN_CODE_CHARS,
}
FIELD_LABELS = {
    Column.NAME: "tên nhiệm vụ",
    Column.KPI_NAME: "tên chỉ tiêu",
    Column.LEAD: "cơ quan chủ trì",
    Column.DEADLINE: "thời hạn hoàn thành",
}
