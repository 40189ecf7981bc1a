"""What each role may do (issue 14's table), enforced by the data layer's write functions.

Every write function takes the acting account and calls ``require`` before it writes:
hiding a button is not the protection. An agency reporter acts only for its own agency;
a disabled account does nothing. Opening the public page (``VIEW_PUBLIC``) is no role's
right: the configuration grants it to everyone or no one (``ui.session.may``).
"""

from __future__ import annotations

from enum import StrEnum

from data_access.kinds import ImportKind, Role
from data_access.models import Account
from errors import UserFacingError


class Action(StrEnum):
    IMPORT_PLAN = "import_plan"
    IMPORT_PROGRESS = "import_progress"
    IMPORT_KPI = "import_kpi"
    UNDO_IMPORT = "undo_import"
    APPROVE_SUBMISSION = "approve_submission"
    SUBMIT_PROGRESS = "submit_progress"
    READ_EVIDENCE = "read_evidence"  # an agency's evidence files: the agency's and the Sở's
    MANAGE_ACCOUNTS = "manage_accounts"
    MANAGE_ALIASES = "manage_aliases"
    VIEW = "view"
    VIEW_PUBLIC = "view_public"


# The action an upload of each kind needs (the bundled samples are plans and progress).
IMPORT_ACTIONS = {
    ImportKind.PLAN: Action.IMPORT_PLAN,
    ImportKind.PROGRESS: Action.IMPORT_PROGRESS,
    ImportKind.KPI_ACTUALS: Action.IMPORT_KPI,
    ImportKind.SAMPLE: Action.IMPORT_PLAN,
    ImportKind.SUBMISSION: Action.APPROVE_SUBMISSION,  # an agency's report, once approved
}
# What the refusal names: "Tài khoản … không có quyền <label>".
ACTION_LABELS = {
    Action.IMPORT_PLAN: "nạp kế hoạch",
    Action.IMPORT_PROGRESS: "nạp tiến độ",
    Action.IMPORT_KPI: "nạp kết quả chỉ tiêu",
    Action.UNDO_IMPORT: "hoàn tác lần nạp",
    Action.APPROVE_SUBMISSION: "duyệt báo cáo của đơn vị",
    Action.SUBMIT_PROGRESS: "gửi báo cáo tiến độ",
    Action.READ_EVIDENCE: "xem tệp minh chứng",
    Action.MANAGE_ACCOUNTS: "quản lý tài khoản",
    Action.MANAGE_ALIASES: "quản lý tên gọi của cơ quan",
    Action.VIEW: "xem số liệu",
    Action.VIEW_PUBLIC: "xem trang công khai",
}
ROLE_LABELS = {
    Role.VIEWER: "người xem",
    Role.AGENCY_REPORTER: "cán bộ đầu mối",
    Role.EDITOR: "biên tập của Sở",
    Role.ADMIN: "quản trị",
}
_EDITOR_ACTIONS = frozenset(
    {
        Action.IMPORT_PLAN,
        Action.IMPORT_PROGRESS,
        Action.IMPORT_KPI,
        Action.APPROVE_SUBMISSION,
        Action.UNDO_IMPORT,
        Action.READ_EVIDENCE,
        Action.VIEW,
    }
)
ALLOWED: dict[Role, frozenset[Action]] = {
    Role.VIEWER: frozenset({Action.VIEW}),
    Role.AGENCY_REPORTER: frozenset({Action.SUBMIT_PROGRESS, Action.READ_EVIDENCE, Action.VIEW}),
    Role.EDITOR: _EDITOR_ACTIONS,
    Role.ADMIN: _EDITOR_ACTIONS | {Action.MANAGE_ACCOUNTS, Action.MANAGE_ALIASES},
}

NOT_ALLOWED = "Tài khoản {who} không có quyền {action}; chưa có gì thay đổi."
NOT_SIGNED_IN = "Cần đăng nhập để {action}; chưa có gì thay đổi."
OTHER_AGENCY = (
    "Tài khoản {who} chỉ {action} cho cơ quan của mình, không cho cơ quan khác; "
    "chưa có gì thay đổi."
)
DISABLED = "Tài khoản {who} đã bị vô hiệu hoá nên không có quyền {action}; chưa có gì thay đổi."


class NotAllowedError(UserFacingError):
    """The acting account may not do this; nothing was done."""


def account_label(actor: Account) -> str:
    """How a refusal names the account: "dm-skhcn (cán bộ đầu mối)"."""
    return f"{actor.username} ({ROLE_LABELS[actor.role]})"


def allows(actor: Account, action: Action) -> bool:
    """Whether ``actor``'s role allows ``action`` at all (for some agency, for a reporter)."""
    return not actor.is_disabled and action in ALLOWED[actor.role]


def require(actor: Account | None, action: Action, agency_id: int | None = None) -> Account:
    """Refuse, with one sentence, what ``actor`` may not do (for ``agency_id``'s tasks);
    the account that may, otherwise."""
    label = ACTION_LABELS[action]
    if actor is None:
        raise NotAllowedError(NOT_SIGNED_IN.format(action=label))
    who = account_label(actor)
    if actor.is_disabled:
        raise NotAllowedError(DISABLED.format(who=who, action=label))
    if action not in ALLOWED[actor.role]:
        raise NotAllowedError(NOT_ALLOWED.format(who=who, action=label))
    own_agency = agency_id is not None and agency_id == actor.agency_id
    if actor.role == Role.AGENCY_REPORTER and action != Action.VIEW and not own_agency:
        raise NotAllowedError(OTHER_AGENCY.format(who=who, action=label))
    return actor
