"""Audit event types: one named, stable value per kind of change (never integer codes)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEventType(models.TextChoices):
    # Security
    USER_LOGIN = "user.login", _("Đăng nhập")
    USER_LOGIN_FAILED = "user.login_failed", _("Đăng nhập thất bại")
    USER_LOCKED_OUT = "user.locked_out", _("Tài khoản bị tạm khoá đăng nhập")
    USER_LOGOUT = "user.logout", _("Đăng xuất")
    ACCESS_DENIED = "security.access_denied", _("Truy cập bị từ chối")
    # Accounts
    USER_CREATED = "user.created", _("Tạo tài khoản")
    USER_UPDATED = "user.updated", _("Sửa tài khoản")
    USER_PASSWORD_CHANGED = "user.password_changed", _("Đổi mật khẩu")
    API_TOKEN_CREATED = "user.api_token_created", _("Cấp mã truy cập API")
    # Accounts through services, tokens and lockouts (decisions 0020–0024)
    USER_DEACTIVATED = "user.deactivated", _("Khoá tài khoản")
    USER_REACTIVATED = "user.reactivated", _("Mở lại tài khoản")
    USER_PASSWORD_SET = "user.password_set", _("Đặt lại mật khẩu")
    USER_PASSWORD_CHANGE_FAILED = (
        "user.password_change_failed",
        _("Nhập sai mật khẩu hiện tại khi đổi mật khẩu"),
    )
    USER_PASSWORD_CHANGE_LOCKED = (
        "user.password_change_locked",
        _("Tạm khoá đổi mật khẩu do nhập sai nhiều lần"),
    )
    USER_UNLOCKED = "user.unlocked", _("Mở khoá đăng nhập")
    USER_CHANGED_OUTSIDE_SERVICES = (
        "user.changed_outside_services",
        _("Thay đổi tài khoản ngoài chức năng quản lý tài khoản"),
    )
    USER_PERMISSIONS_CHANGED = "user.permissions_changed", _("Thay đổi nhóm, quyền của tài khoản")
    API_TOKEN_REVOKED = "user.api_token_revoked", _("Thu hồi mã truy cập API")
    LOGIN_RECORDS_DELETED = "security.login_records_deleted", _("Xoá bản ghi đăng nhập")
    # Registry
    ZONE_CREATED = "zone.created", _("Thêm khu công nghiệp")
    ZONE_UPDATED = "zone.updated", _("Sửa khu công nghiệp")
    ORGANIZATION_CREATED = "organization.created", _("Thêm tổ chức")
    ORGANIZATION_UPDATED = "organization.updated", _("Sửa tổ chức")
    ENTERPRISE_UPDATED = "enterprise.updated", _("Sửa thông tin doanh nghiệp")
    PERSON_CREATED = "person.created", _("Thêm cá nhân")
    PERSON_UPDATED = "person.updated", _("Sửa cá nhân")
    EMPLOYMENT_ADDED = "employment.added", _("Thêm quá trình công tác")
    EMPLOYMENT_UPDATED = "employment.updated", _("Sửa quá trình công tác")
    GROUP_CREATED = "group.created", _("Thêm khối/cụm thi đua")
    GROUP_UPDATED = "group.updated", _("Sửa khối/cụm thi đua")
    GROUP_MEMBERS_SET = "group.members_set", _("Cập nhật thành viên khối/cụm")
    GROUP_LEADERSHIP_SET = "group.leadership_set", _("Bầu khối trưởng/khối phó")
    RULE_PARAMETER_SET = "rule_parameter.set", _("Đặt tham số quy tắc khen thưởng")
    RULE_PARAMETER_CLEARED = "rule_parameter.cleared", _("Bỏ tham số quy tắc khen thưởng")
    CALENDAR_DAY_SET = "calendar.day_set", _("Cập nhật lịch nghỉ/làm bù")
    CALENDAR_DAY_REMOVED = "calendar.day_removed", _("Xoá ngày nghỉ/làm bù")
    IMPORT_COMPLETED = "import.completed", _("Nhập dữ liệu thành công")
    IMPORT_REJECTED = "import.rejected", _("Nhập dữ liệu bị từ chối")
    IMPORT_CHECKED = "import.checked", _("Chạy thử nhập dữ liệu")
    DEMO_DATA_LOADED = "system.demo_loaded", _("Nạp dữ liệu mẫu")
    # Background jobs (their progress ticks are not audited, only start and end)
    JOB_STARTED = "job.started", _("Bắt đầu công việc nền")
    JOB_FINISHED = "job.finished", _("Hoàn thành công việc nền")
    JOB_FAILED = "job.failed", _("Công việc nền thất bại")
