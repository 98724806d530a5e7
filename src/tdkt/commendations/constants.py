"""Closed vocabularies of the commendation workflow (glossary identifiers, Vietnamese labels).

Award codes are not here: they belong to the rule engine (``tdkt.rules.codes``) and are stored
as plain strings, validated by the services, so that a new code needs no migration.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RecipientKind(models.TextChoices):
    INDIVIDUAL = "individual", _("Cá nhân")
    COLLECTIVE = "collective", _("Tập thể")


class IssuerLevel(models.TextChoices):
    """Whose Bằng khen or Giấy khen an award is, when the code alone does not say it."""

    DEPARTMENT = "department", _("Trưởng ban Ban Quản lý")
    PROVINCE = "province", _("Thành phố")
    MINISTRY = "ministry", _("Bộ, ngành trung ương")
    NATIONAL = "national", _("Nhà nước, Chính phủ")


class AwardStatus(models.TextChoices):
    """``draft``: a line of an unsigned decision; only ``granted`` awards count as history."""

    DRAFT = "draft", _("Dự thảo")
    GRANTED = "granted", _("Đã khen thưởng")
    REVOKED = "revoked", _("Đã thu hồi")


class AwardOrigin(models.TextChoices):
    DECIDED = "decided", _("Quyết định trên hệ thống")
    IMPORTED = "imported", _("Nhập từ hồ sơ lưu trữ")


class Rating(models.TextChoices):
    """Yearly task-completion ratings, the rule engine's vocabulary (``rules.codes.RATINGS``)."""

    EXCELLENT = "excellent", _("Hoàn thành xuất sắc nhiệm vụ")
    GOOD = "good", _("Hoàn thành tốt nhiệm vụ")
    COMPLETE = "complete", _("Hoàn thành nhiệm vụ")
    INCOMPLETE = "incomplete", _("Không hoàn thành nhiệm vụ")


class InitiativeScope(models.TextChoices):
    """Scope of effect of a recognised initiative (``rules.codes.SCOPES``)."""

    GRASSROOTS = "grassroots", _("Cấp cơ sở")
    PROVINCIAL = "provincial", _("Cấp tỉnh, thành phố")
    NATIONAL = "national", _("Toàn quốc")


class DisciplineLevel(models.TextChoices):
    """Disciplinary measures, lightest first (``rules.codes.DISCIPLINE_LEVELS``)."""

    REPRIMAND = "reprimand", _("Khiển trách")
    WARNING = "warning", _("Cảnh cáo")
    DEMOTION = "demotion", _("Hạ bậc lương, giáng chức, cách chức")
    DISMISSAL = "dismissal", _("Buộc thôi việc")


class RoundKind(models.TextChoices):
    YEAR_END = "year_end", _("Tổng kết năm")
    THEMATIC = "thematic", _("Chuyên đề, theo phong trào")
    AD_HOC = "ad_hoc", _("Đột xuất")


class RoundState(models.TextChoices):
    OPEN = "open", _("Đang nhận đề nghị")
    CLOSED = "closed", _("Đã đóng")


class ProposalState(models.TextChoices):
    """States of a proposal; the allowed moves are data in ``commendations.workflow``."""

    DRAFT = "draft", _("Đang soạn")
    SUBMITTED = "submitted", _("Đã gửi")
    UNDER_APPRAISAL = "under_appraisal", _("Đang thẩm định")
    RETURNED = "returned", _("Trả lại để bổ sung")
    RECALLED = "recalled", _("Đơn vị đã rút lại")
    AT_COUNCIL = "at_council", _("Trình Hội đồng")
    VOTED = "voted", _("Hội đồng đã bỏ phiếu")
    PUBLISHED = "published", _("Đang công khai")
    DECIDED = "decided", _("Đã có quyết định")


class AppraisalVerdict(models.TextChoices):
    PENDING = "pending", _("Chưa thẩm định")
    ELIGIBLE = "eligible", _("Đủ điều kiện")
    INELIGIBLE = "ineligible", _("Không đủ điều kiện")


class AppraisalReason(models.TextChoices):
    """Coded reasons for "không đủ điều kiện" (the note says the rest in words)."""

    CONDITION_NOT_MET = "condition_not_met", _("Chưa đạt tiêu chuẩn")
    DOSSIER_INCOMPLETE = "dossier_incomplete", _("Hồ sơ chưa đầy đủ")
    ALREADY_GRANTED = "already_granted", _("Đã được khen cùng thành tích")
    DUPLICATE = "duplicate", _("Đề nghị trùng")
    OVER_CAP = "over_cap", _("Vượt tỷ lệ, số lượng cho phép")
    NOT_REGISTERED = "not_registered", _("Chưa đăng ký thi đua")
    OTHER = "other", _("Lý do khác")


class AttachmentKind(models.TextChoices):
    PROPOSAL_LETTER = "proposal_letter", _("Tờ trình")
    ACHIEVEMENT_REPORT = "achievement_report", _("Báo cáo thành tích")
    REVIEW_MINUTES = "review_minutes", _("Biên bản bình xét")
    OTHER = "other", _("Tài liệu khác")


class CouncilRole(models.TextChoices):
    CHAIR = "chair", _("Chủ tịch Hội đồng")
    VICE_CHAIR = "vice_chair", _("Phó Chủ tịch Hội đồng")
    MEMBER = "member", _("Ủy viên")
    SECRETARY = "secretary", _("Thư ký")


class SessionState(models.TextChoices):
    PLANNED = "planned", _("Chưa họp")
    VOTING = "voting", _("Đang bỏ phiếu")
    CLOSED = "closed", _("Đã kết thúc bỏ phiếu")


class TallySource(models.TextChoices):
    ELECTRONIC = "electronic", _("Bỏ phiếu điện tử")
    PAPER = "paper", _("Phiếu giấy (thư ký nhập kết quả)")


class PublicationState(models.TextChoices):
    OPEN = "open", _("Đang công khai")
    CLOSED = "closed", _("Đã hết thời hạn công khai")


class CommentKind(models.TextChoices):
    COMMENT = "comment", _("Góp ý")
    OBJECTION = "objection", _("Phản ánh, kiến nghị")


class DecisionState(models.TextChoices):
    """A decision is drafted, then signed; "revoked" is derived from its lines (contract)."""

    DRAFT = "draft", _("Dự thảo")
    SIGNED = "signed", _("Đã ký")


class SignerTitle(models.TextChoices):
    HEAD = "head", _("Trưởng ban")
    DEPUTY_ON_BEHALF = "deputy_on_behalf", _("KT. Trưởng ban – Phó Trưởng ban")


class FundEntryKind(models.TextChoices):
    """Movements of the reward fund; commitments are derived from signed decisions."""

    RECEIPT = "receipt", _("Thu vào quỹ")
    PAYMENT = "payment", _("Chi thưởng")
    RECEIVABLE = "receivable", _("Phải thu hồi (khen thưởng bị thu hồi)")
    RECOVERY = "recovery", _("Đã thu hồi tiền thưởng")
