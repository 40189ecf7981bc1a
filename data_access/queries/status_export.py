"""Task statuses for other systems: ``python -m data_access statuses --as-of DD/MM/YYYY``.

One record per task with the same numbers the pages show (the same query and
status engine): plan code, section, number, name, lead agencies, due date,
status code and Vietnamese label, completion day, days overdue. Text output is
tab-separated with a header row, dates dd/mm/yyyy; ``--json`` gives ISO dates.
"""

from __future__ import annotations

import argparse
import json
from datetime import date, datetime
from typing import Any

import pandas as pd
from sqlalchemy import Engine
from sqlmodel import Session

from data_access.db import session_scope
from data_access.kinds import AgencyRole
from data_access.queries.status import compute_statuses
from data_access.queries.tasks import task_agency_frame, task_frame
from labels import DATE_FORMAT_PY, LEAD_AGENCY_HEADING, format_date, status_label

FIELDS = {  # record key -> column header of the text output
    "plan_code": "Kế hoạch",
    "section": "Mục",
    "number": "STT",
    "name": "Tên nhiệm vụ",
    "lead_agencies": LEAD_AGENCY_HEADING,
    "due_date": "Hạn",
    "due_date_indicative": "Hạn dự kiến",
    "status": "Mã trạng thái",
    "status_label": "Trạng thái",
    "completed_on": "Ngày hoàn thành",
    "days_overdue": "Số ngày quá hạn",
}


def day_argument(text: str) -> date:
    """A dd/mm/yyyy date on the command line; argparse shows the sentence when it is not one."""
    try:
        return datetime.strptime(text.strip(), DATE_FORMAT_PY).date()
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"“{text}” không phải một ngày dạng dd/mm/yyyy (ví dụ 23/11/2026)."
        ) from None


def add_statuses_command(commands: Any) -> None:
    """The ``statuses`` sub-command on ``commands`` (argparse's sub-parsers)."""
    command = commands.add_parser("statuses", help="trạng thái từng nhiệm vụ tại một ngày")
    command.add_argument("--as-of", type=day_argument, required=True, help="tính đến ngày")
    command.add_argument(
        "--known-by",
        type=day_argument,
        default=None,
        help="chỉ tính dữ liệu đã nạp đến hết ngày này (mặc định: mọi dữ liệu hiện có)",
    )
    command.add_argument("--json", action="store_true", help="in một mảng JSON")


def status_records(
    *, session: Session, as_of: date, known_by: date | None = None
) -> list[dict[str, Any]]:
    """One record per task (plan order) as of ``as_of``; only data imported by ``known_by``.

    ``known_by`` None: everything known now (what the pages show by default).
    """
    tasks = task_frame(session=session, as_of=as_of, known_by=known_by)
    statuses = compute_statuses(tasks, as_of)
    links = task_agency_frame(session=session, role=AgencyRole.LEAD).sort_values(
        ["task_id", "position"]
    )
    leads = links.groupby("task_id")["agency"].agg(list).to_dict()
    records = []
    for row in statuses.itertuples(index=False):
        records.append(
            {
                "plan_code": row.plan_code,
                "section": row.section_code or "",
                "number": row.number,
                "name": row.name,
                "lead_agencies": leads.get(row.task_id, []),
                "due_date": _day(row.due_date),
                "due_date_indicative": bool(row.deadline_indicative),
                "status": str(row.status),
                "status_label": status_label(str(row.status)),
                "completed_on": _day(row.completed_on),
                "days_overdue": int(row.days_overdue),
            }
        )
    return records


def print_statuses(engine: Engine, args: argparse.Namespace) -> int:
    with session_scope(engine) as session:
        records = status_records(session=session, as_of=args.as_of, known_by=args.known_by)
    if args.json:
        print(json.dumps(records, ensure_ascii=False, default=date.isoformat, indent=1))
        return 0
    print("\t".join(FIELDS.values()))
    for record in records:
        print("\t".join(_text(key, record[key]) for key in FIELDS))
    return 0


def _day(value: object) -> date | None:
    return None if pd.isna(value) else pd.Timestamp(value).date()


def _text(key: str, value: object) -> str:
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, list):
        return "; ".join(value)
    if isinstance(value, bool):
        return "có" if value else ""
    text = "" if value is None else str(value)
    return " ".join(text.split()) if key == "name" else text  # one line per task
