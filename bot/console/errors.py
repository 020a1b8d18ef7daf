"""Domain errors turned into HTTP answers, in one place: a status, a Chinese message, a code.

API routes (``/api/...``) answer JSON ``{"error": code, "message": 中文, "field": ...}``;
pages answer the error page. Unexpected errors are logged with their traceback and
answered 500 without details.
"""
from __future__ import annotations

import logging

from sanic import Sanic
from sanic.exceptions import SanicException
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.console.rasa_client import RasaUnavailable
from bot.console.render import as_json, render
from bot.db import StoreUnavailable
from bot.handoff.errors import HandoffClosed, HandoffNotFound, NotHolder, NotWaiting
from bot.reports.export_pdf import ReportFontMissing
from bot.staff.errors import InvalidAccount, UnknownUser, UserExists, WeakPassword
from bot.supervisors import SupervisorExists, UnknownSupervisor
from bot.tickets import errors as ticket_errors
from bot.validation import ValidationError

logger = logging.getLogger(__name__)


#: (exception, HTTP status, code, Chinese message; None = the exception's own words).
TABLE: tuple[tuple[type[BaseException], int, str, str | None], ...] = (
    (ticket_errors.OfficeOnly, 403, "office_only", "改派退回的工单、复核差评申诉由营商办办理"),
    (ticket_errors.TicketNotFound, 404, "not_found", "未找到该工单"),
    (HandoffNotFound, 404, "not_found", "未找到该转人工请求"),
    (UnknownUser, 404, "not_found", "未找到该用户"),
    (UnknownSupervisor, 404, "not_found", "名册中没有该监督员"),
    (SupervisorExists, 409, "supervisor_exists", "该手机号已在名册中(在任)"),
    (NotWaiting, 409, "taken", "该对话已被其他坐席接入或已交还助手"),
    (NotHolder, 409, "not_holder", "该对话不在您名下"),
    (HandoffClosed, 409, "closed", "该对话已交还助手"),
    (ticket_errors.TicketClosed, 409, "ticket_closed", "工单已办结,不能再操作"),
    (ticket_errors.NotPausable, 409, "not_pausable", "该工单的时限规则不允许暂停计时"),
    (ticket_errors.AlreadyPaused, 409, "already_paused", "该工单已在暂停计时中"),
    (ticket_errors.NotPaused, 409, "not_paused", "该工单未暂停计时"),
    (ticket_errors.SameDepartment, 409, "same_department", "工单已在该部门"),
    (ticket_errors.ClockPaused, 409, "clock_paused", "计时暂停中,请先恢复计时"),
    (ticket_errors.Returned, 409, "returned", "工单已退回营商办,待改派后才能办理"),
    (ticket_errors.AlreadyReturned, 409, "already_returned", "工单已退回,等待营商办改派"),
    (ticket_errors.Joined, 409, "joined", "该工单已并入其他工单办理,请在主工单上操作"),
    (ticket_errors.CannotJoin, 409, "cannot_join", "这两张工单不能并单:主工单须未办结、未并入其他工单,且不是同一张"),
    (ticket_errors.NoBadRating, 409, "no_bad_rating", "该工单没有可申诉的差评"),
    (ticket_errors.AppealPending, 409, "appeal_pending", "该差评的申诉已提交,等待营商办复核"),
    (ticket_errors.NoAppeal, 409, "no_appeal", "没有待复核的申诉"),
    (ticket_errors.IllegalTransition, 409, "illegal", "工单当前状态不允许此操作"),
    (ticket_errors.ConcurrentUpdate, 409, "concurrent", "工单刚被他人修改,请刷新后重试"),
    (ticket_errors.FilingKeyReused, 409, "filing_key_reused",
     "这张登记表已为上一位来电人提交过工单,内容又被改动:请点「新来电」后重新登记,上一张工单不受影响"),
    (ticket_errors.ReasonRequired, 400, "reason_required", "请填写原因或答复内容"),
    (ticket_errors.UnknownDepartment, 400, "unknown_department", "没有这个部门,请从列表中选择"),
    (ticket_errors.InvalidDraft, 400, "invalid", "工单信息不完整或有误"),
    (UserExists, 409, "user_exists", "用户名已存在"),
    (WeakPassword, 400, "weak_password", None),
    (InvalidAccount, 400, "invalid_account", None),
    (ValidationError, 400, "invalid", None),
    (StoreUnavailable, 503, "database",
     "数据库暂不可用或未就绪,请稍后再试;如持续出现请联系管理员运行 python -m bot db upgrade"),
    (RasaUnavailable, 502, "rasa", "暂时连接不上智能助手服务,请稍后再试"),
    (ReportFontMissing, 503, "font",
     "服务器缺少中文字体,无法生成PDF:请管理员安装 fonts-wqy-microhei 或设置 YS_REPORT_FONT"),
)

#: Chinese words for the fields a validation error can name.
FIELD_LABELS = {
    "description": "诉求描述", "contact_name": "联系人", "phone": "手机号", "company_name": "企业名称",
    "credit_code": "统一社会信用代码", "department": "部门", "answer": "答复内容", "reason": "原因",
    "username": "用户名", "role": "角色", "display_name": "显示名", "name": "姓名", "organisation": "单位",
    "bid_project": "项目/标段", "tenderer": "招标人",
}
#: Chinese words for the kinds of bot.validation errors.
KIND_TEXT = {
    "empty": "不能为空", "too_short": "太短", "too_long": "太长", "landline": "请填写11位手机号",
    "malformed": "格式不对", "length": "位数不对", "charset": "含有无效字符", "checksum": "校验位不对",
}


def describe(exc: BaseException) -> tuple[int, str, str, str | None]:
    """(status, code, Chinese message, field) for a known error; 500 otherwise."""
    for kind, status, code, message in TABLE:
        if isinstance(exc, kind):
            field = getattr(exc, "field", None)
            if message is None and isinstance(exc, ValidationError):
                label = FIELD_LABELS.get(field or "", field or "输入")
                message = f"{label}{KIND_TEXT.get(exc.kind, '有误')}"
            elif message is None and isinstance(exc, InvalidAccount):
                message = f"{FIELD_LABELS.get(field or '', field)}不符合要求:{exc}"
            return status, code, message or str(exc), field
    return 500, "internal", "系统出错了,请稍后再试", None


def error_response(request: Request, status: int, code: str, message: str, field: str | None = None
                   ) -> HTTPResponse:
    """The JSON or HTML answer of an error."""
    if request.path.startswith("/api/"):
        return as_json({"error": code, "message": message, **({"field": field} if field else {})}, status)
    return render(request, "error.html", status=status, message=message, status_code=status)


def install(app: Sanic) -> None:
    """Registers the handlers on ``app``."""

    @app.exception(Exception)  # type: ignore[no-untyped-call,untyped-decorator]  # Sanic 21.12: untyped
    async def handle(request: Request, exc: Exception) -> HTTPResponse:
        if isinstance(exc, SanicException):
            status = getattr(exc, "status_code", 500) or 500
            text = {404: "页面不存在", 405: "不支持的请求方法"}.get(status, "请求无法处理")
            return error_response(request, status, "http", text)
        status, code, message, field = describe(exc)
        if status >= 500:
            log = logger.error if status == 500 else logger.warning
            log("%s %s failed: %s", request.method, request.path, exc, exc_info=status == 500)
        return error_response(request, status, code, message, field)
