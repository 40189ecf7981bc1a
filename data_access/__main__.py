"""Command line for scheduled imports: the upload pipeline without the UI.

    python -m data_access import PATH [--dry-run] [--plan CODE] [--kind KIND] [--by NAME]
                                      [--reported-on DD/MM/YYYY] [--issued-on DD/MM/YYYY]
                                      [--issued-by NAME]
    python -m data_access history [--limit N]
    python -m data_access undo
    python -m data_access backup PATH
    python -m data_access restore PATH
    python -m data_access statuses --as-of DD/MM/YYYY [--known-by DD/MM/YYYY] [--json]
    python -m data_access upgrade
    python -m data_access users add USERNAME --role ROLE [--agency NAME] [--name "Họ tên"]
    python -m data_access users list | disable USERNAME | reset-password USERNAME

The database comes from DATABASE_URL; every command first brings its schema up to date
(data_access.schema); ``upgrade`` does only that, and says from which revision to which.
Exit status 0 on success; 1 when the file is refused or has errors, or the database
cannot be written (nothing is written; one sentence on stderr, never a traceback; after
it, when there is one, a log line with the technical cause for IT staff); 2 for a wrong
command line. Output piped into a reader that stops early (``… | head``) is dropped; the
work is still done (loaders.console).
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

import pandas as pd
from sqlalchemy import Engine

from data_access.accounts import SHELL_ADMIN
from data_access.backup import BACKUP_COMMANDS, add_backup_commands, run_backup_command
from data_access.clock import local_time_text
from data_access.db import get_engine, session_scope
from data_access.db_errors import UNREACHABLE, database_errors
from data_access.imports.change_set import CHANGE_LABELS, ChangeKind, RowChange
from data_access.imports.history import import_history, import_summary, undo_latest_import
from data_access.imports.kind import KIND_LABELS
from data_access.imports.matching import MatchMethod
from data_access.imports.new_plan import MISSING_ISSUE_DATE
from data_access.imports.read import PreparedUpload, undated_reports
from data_access.imports.worker import prepare_isolated
from data_access.imports.write import StalePreviewError, commit
from data_access.kinds import ImportKind
from data_access.queries.status_export import add_statuses_command, day_argument, print_statuses
from data_access.schema import current_revision, upgrade_schema
from data_access.settings import get_settings
from data_access.users_cli import USERS_COMMAND, add_users_command, run_users_command
from errors import UserFacingError, log_cause
from labels import format_date, format_decimal
from loaders.console import reader_may_leave
from loaders.records import ProblemLevel

OK, FAILED = 0, 1
UNEXPECTED = "Đã dừng vì một lỗi không lường trước ({detail}); chưa có gì thay đổi."
LEVEL_LABELS = {ProblemLevel.ERROR: "LỖI", ProblemLevel.WARNING: "Cảnh báo"}
DESCRIPTION = (
    "Nạp tệp kế hoạch, tiến độ, kết quả chỉ tiêu; xem lịch sử; hoàn tác; trạng thái nhiệm vụ; "
    "nâng cấu trúc cơ sở dữ liệu; quản lý tài khoản."
)
UPGRADED = "Đã nâng cấu trúc cơ sở dữ liệu từ phiên bản {before} lên {after}."
UP_TO_DATE = "Cấu trúc cơ sở dữ liệu đã ở phiên bản mới nhất ({revision}); không có gì thay đổi."
NO_REVISION = "chưa đánh số"  # a new database, or one made before the migrations
KIND_CHOICES = [str(ImportKind.PLAN), str(ImportKind.PROGRESS), str(ImportKind.KPI_ACTUALS)]
# Another writer changed the data between reading the file and writing it: nobody reviews
# the command line's preview, so it reads the file again, a few times at most.
PREPARE_ATTEMPTS = 3
PREPARING_AGAIN = "Dữ liệu vừa được một lần nạp khác thay đổi; đang đọc lại tệp để so sánh lại."
_log = logging.getLogger("data_access")


def main(argv: Sequence[str] | None = None) -> int:
    url = get_settings().database_url
    try:
        args = _parser().parse_args(argv)
        with database_errors(url, otherwise=UNREACHABLE):
            engine = get_engine(url)
            if args.command == "upgrade":
                return _upgrade(engine)
            upgrade_schema(engine)
            return _run(engine, args)
    except UserFacingError as error:
        print(error, file=sys.stderr)
        log_cause(_log, error)
        return FAILED
    except Exception as error:  # the contract: one sentence, never a traceback
        print(UNEXPECTED.format(detail=f"{type(error).__name__}: {error}"), file=sys.stderr)
        return FAILED


def _run(engine: Engine, args: argparse.Namespace) -> int:
    if args.command == "import":
        return _import(engine, args)
    if args.command == "history":
        return _history(engine, args.limit)
    if args.command == "statuses":
        return print_statuses(engine, args)
    if args.command in BACKUP_COMMANDS:
        return run_backup_command(engine, args)
    if args.command == USERS_COMMAND:
        return run_users_command(engine, args)
    return _undo(engine)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m data_access", description=DESCRIPTION)
    commands = parser.add_subparsers(dest="command", required=True)
    load = commands.add_parser("import", help="kiểm tra và nạp một tệp .xlsx/.docx")
    load.add_argument("path", type=Path)
    load.add_argument("--dry-run", action="store_true", help="chỉ kiểm tra, không ghi gì")
    load.add_argument("--plan", default=None, help="mã kế hoạch của tệp")
    load.add_argument("--kind", choices=KIND_CHOICES, default=None, help="loại tệp")
    load.add_argument("--by", default="", help="người nạp")
    load.add_argument(
        "--reported-on",
        type=day_argument,
        default=None,
        help="ngày báo cáo (dd/mm/yyyy) cho các dòng tiến độ không ghi ngày; mặc định hôm nay",
    )
    load.add_argument(
        "--issued-on",
        type=day_argument,
        default=None,
        help="ngày ban hành (dd/mm/yyyy) của kế hoạch mới khi văn bản không ghi rõ",
    )
    load.add_argument(
        "--issued-by",
        default="",
        help="cơ quan ban hành kế hoạch mới, như văn bản ghi; bỏ trống nếu văn bản không ghi",
    )
    load.add_argument(
        "--accept-suggestions",
        action="store_true",
        help="nhận cả các cặp khớp theo tên có điểm dưới ngưỡng tự động",
    )
    history = commands.add_parser("history", help="lịch sử các lần nạp")
    history.add_argument("--limit", type=int, default=20)
    commands.add_parser("undo", help="hoàn tác lần nạp gần nhất")
    commands.add_parser("upgrade", help="nâng cấu trúc cơ sở dữ liệu lên phiên bản mới nhất")
    add_statuses_command(commands)
    add_backup_commands(commands)
    add_users_command(commands)
    return parser


def _upgrade(engine: Engine) -> int:
    before = current_revision(engine)
    upgrade_schema(engine)
    after = current_revision(engine)
    if before == after:
        print(UP_TO_DATE.format(revision=after))
    else:
        print(UPGRADED.format(before=before or NO_REVISION, after=after))
    return OK


def _import(engine: Engine, args: argparse.Namespace) -> int:
    path: Path = args.path
    try:
        data = path.read_bytes()
    except OSError:
        print(f"Không tìm thấy tệp “{path}”.", file=sys.stderr)
        return FAILED
    for attempt in range(1, PREPARE_ATTEMPTS + 1):
        upload = _prepare(engine, args, data, path.name)
        _print_report(upload)
        if upload.errors:
            print(f"Có {len(upload.errors)} lỗi cần sửa; chưa ghi dữ liệu nào.")
            return FAILED
        if upload.needs_issue_date:
            print(MISSING_ISSUE_DATE.format(file=upload.file_name), file=sys.stderr)
            return FAILED
        if args.dry_run:
            print("Chạy thử: chưa ghi dữ liệu nào.")
            return OK
        suggested = [r.index for r in upload.changes.rows if r.needs_confirmation]
        try:
            with session_scope(engine, write=True) as session:  # the write, in this process
                batch = commit(
                    session=session,
                    actor=SHELL_ADMIN,
                    upload=upload,
                    confirmed=suggested if args.accept_suggestions else (),
                    imported_by=args.by,
                    issued_by=args.issued_by,
                )
                summary = import_summary(session=session, batch=batch)
            break
        except StalePreviewError:
            if attempt == PREPARE_ATTEMPTS:
                raise
            print(PREPARING_AGAIN, file=sys.stderr)
    print(summary)
    return OK


def _prepare(engine: Engine, args: argparse.Namespace, data: bytes, name: str) -> PreparedUpload:
    """The file read and compared with the database in a worker process, within the limits."""
    return prepare_isolated(
        url=engine.url.render_as_string(hide_password=False),
        data=data,
        file_name=name,
        kind=ImportKind(args.kind) if args.kind else None,
        plan_code=args.plan,
        reported_on=args.reported_on,
        issued_on=args.issued_on,
    )


def _print_report(upload: PreparedUpload) -> None:
    plan = f", kế hoạch {upload.plan_code}" if upload.plan_code else ""
    print(f"Tệp: {upload.file_name}")
    print(f"Loại: {KIND_LABELS[upload.kind]}{plan}. {upload.guess.reason}")
    for earlier in upload.earlier:
        when = local_time_text(earlier.imported_at)
        print(f"Lưu ý: tệp này đã được nạp lúc {when} (lần nạp số {earlier.id}).")
    _print_dates(upload)
    errors = len(upload.errors)
    print(f"Kiểm tra: {errors} lỗi, {len(upload.problems) - errors} cảnh báo.")
    for problem in upload.problems:
        print(f"  [{LEVEL_LABELS[problem.level]}] {problem.message}")
    counts = upload.changes.counts()
    print("Thay đổi: " + "; ".join(f"{CHANGE_LABELS[k]}: {n}" for k, n in counts.items()) + ".")
    for row in upload.changes.rows:
        if row.kind in (ChangeKind.NEW, ChangeKind.CHANGED, ChangeKind.UNMATCHED):
            print(f"  {_describe(row.kind, row)}")


def _print_dates(upload: PreparedUpload) -> None:
    """The report day of undated progress rows, or a new plan's issue date and where it is from."""
    if upload.kind is not ImportKind.PLAN:
        undated = undated_reports(upload.result)
        if undated:
            print(
                f"Ngày báo cáo cho {undated} dòng không ghi ngày: {format_date(upload.report_day)}."
            )
        return
    if not upload.changes.new_plan:
        return
    stated = upload.result.issue_date
    if upload.issued_on is not None:
        print(f"Ngày ban hành: {format_date(upload.issued_on)}.")
    elif stated is not None:
        print(f"Văn bản chỉ ghi tháng ban hành (“{stated.line}”); dùng --issued-on DD/MM/YYYY.")


def _describe(kind: ChangeKind, row: RowChange) -> str:
    what = "Chỉ tiêu" if row.is_kpi else "Nhiệm vụ"
    section = f" mục {row.section}" if row.section else ""
    where = f" (dòng {row.row})" if row.row is not None else ""
    text = f"{CHANGE_LABELS[kind]}: {what} số {row.number}{section} {row.plan_code}{where}".rstrip()
    if row.match is not None and row.match.method is MatchMethod.NAME:
        text += f" — khớp theo tên, điểm {format_decimal(row.match.score)}"
        if row.needs_confirmation:
            text += " (cần xác nhận)"
    changes = "; ".join(f"{f.label}: {f.before} → {f.after}" for f in row.fields)
    return f"{text}. {changes}" if changes else text


def _history(engine: Engine, limit: int) -> int:
    with session_scope(engine) as session:
        history = import_history(session=session).head(limit)
    if history.empty:
        print("Chưa có lần nạp nào.")
    for line in history.itertuples():
        undone = (
            f", đã hoàn tác lúc {local_time_text(line.undone_at)}"
            if pd.notna(line.undone_at)
            else ""
        )
        print(
            f"{line.batch_id}. {local_time_text(line.imported_at)} {line.file_name} ({line.kind}) "
            f"nhiệm vụ {line.task_count}, báo cáo {line.progress_count}, "
            f"chỉ tiêu {line.kpi_count}; "
            f"người nạp: {line.imported_by or '—'}; mã băm {line.content_hash[:12]}{undone}"
        )
    return OK


def _undo(engine: Engine) -> int:
    with session_scope(engine, write=True) as session:
        batch = undo_latest_import(session=session, actor=SHELL_ADMIN)
    print(f"Đã hoàn tác lần nạp số {batch.id} ({batch.file_name}).")
    return OK


if __name__ == "__main__":
    logging.basicConfig(format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    with reader_may_leave():
        status = main()
    sys.exit(status)
