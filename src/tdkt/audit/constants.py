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
    DEMO_DATA_LOADED = "system.demo_loaded", _("Nạp dữ liệu mẫu")
    # Commendation workflow
    ROUND_CREATED = "round.created", _("Mở đợt xét khen thưởng")
    ROUND_UPDATED = "round.updated", _("Sửa đợt xét khen thưởng")
    PROPOSAL_CREATED = "proposal.created", _("Lập đề nghị khen thưởng")
    PROPOSAL_UPDATED = "proposal.updated", _("Sửa đề nghị khen thưởng")
    PROPOSAL_TRANSITIONED = "proposal.transitioned", _("Chuyển bước đề nghị khen thưởng")
    # Archive, rounds and proposals (issue #9 §1–§2)
    AWARD_RECORDED = "award.recorded", _("Ghi nhận khen thưởng vào hồ sơ lưu trữ")
    RATING_RECORDED = "rating.recorded", _("Ghi nhận xếp loại hằng năm")
    RATING_UPDATED = "rating.updated", _("Sửa xếp loại hằng năm")
    INITIATIVE_RECORDED = "initiative.recorded", _("Ghi nhận sáng kiến")
    DISCIPLINE_RECORDED = "discipline.recorded", _("Ghi nhận kỷ luật")
    ROUND_CLOSED = "round.closed", _("Đóng đợt xét khen thưởng")
    ROUND_REOPENED = "round.reopened", _("Mở lại đợt xét khen thưởng")
    PROPOSAL_LINES_ADDED = "proposal.lines_added", _("Thêm người vào đề nghị khen thưởng")
    PROPOSAL_LINE_UPDATED = "proposal.line_updated", _("Sửa dòng đề nghị khen thưởng")
    PROPOSAL_LINE_REMOVED = "proposal.line_removed", _("Bỏ dòng khỏi đề nghị khen thưởng")
    PROPOSAL_LINE_APPRAISED = "proposal.line_appraised", _("Thẩm định dòng đề nghị")
    ATTACHMENT_ADDED = "proposal.attachment_added", _("Thêm tài liệu hồ sơ")
    ATTACHMENT_REMOVED = "proposal.attachment_removed", _("Xoá tài liệu hồ sơ")
