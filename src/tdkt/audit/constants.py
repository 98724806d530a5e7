"""Audit event types: one named, stable value per kind of change (never integer codes).

The enum lives only in code: ``AuditEvent.event_type`` is a plain column without ``choices``,
so adding a member needs no migration (ADR 0028). Labels for display come from here.
"""

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
    PERSON_DUPLICATE_REPORTED = (
        "person.duplicate_reported",
        _("Chuyển cán bộ xem xét trùng số CCCD"),
    )
    PERSON_DUPLICATE_RESOLVED = "person.duplicate_resolved", _("Xử lý trùng số CCCD")
    EMPLOYMENT_ADDED = "employment.added", _("Thêm quá trình công tác")
    EMPLOYMENT_UPDATED = "employment.updated", _("Sửa quá trình công tác")
    GROUP_CREATED = "group.created", _("Thêm khối/cụm thi đua")
    GROUP_UPDATED = "group.updated", _("Sửa khối/cụm thi đua")
    GROUP_MEMBERS_SET = "group.members_set", _("Cập nhật thành viên khối/cụm")
    GROUP_LEADERSHIP_SET = "group.leadership_set", _("Bầu khối trưởng/khối phó")
    # Pledges, scoring and elections of blocks/clusters (tdkt.emulation_groups)
    PLEDGE_CREATED = "pledge.created", _("Lập giao ước thi đua")
    PLEDGE_UPDATED = "pledge.updated", _("Sửa giao ước thi đua")
    PLEDGE_CRITERION_ADDED = "pledge.criterion_added", _("Thêm tiêu chí giao ước")
    PLEDGE_CRITERION_REMOVED = "pledge.criterion_removed", _("Bỏ tiêu chí giao ước")
    PLEDGE_TIE_BREAK_ADDED = "pledge.tie_break_added", _("Thêm quy tắc xếp hạng khi bằng điểm")
    PLEDGE_TIE_BREAK_REMOVED = "pledge.tie_break_removed", _("Bỏ quy tắc xếp hạng khi bằng điểm")
    PLEDGE_OPENED = "pledge.opened", _("Mở ký giao ước và chấm điểm")
    PLEDGE_SIGNED = "pledge.signed", _("Ký giao ước thi đua")
    PLEDGE_SELF_ASSESSED = "pledge.self_assessed", _("Tự chấm điểm")
    PLEDGE_EVIDENCE_ADDED = "pledge.evidence_added", _("Thêm minh chứng")
    PLEDGE_REVIEWED = "pledge.reviewed", _("Khối trưởng thẩm định điểm")
    PLEDGE_PUBLISHED = "pledge.published", _("Công bố kết quả xếp hạng")
    PLEDGE_PROPOSED = "pledge.proposed", _("Đề nghị khen thưởng theo kết quả xếp hạng")
    ELECTION_OPENED = "election.opened", _("Mở bầu khối trưởng, khối phó")
    ELECTION_VOTED = "election.voted", _("Bỏ phiếu bầu khối trưởng, khối phó")
    ELECTION_CLOSED = "election.closed", _("Kết thúc bầu khối trưởng, khối phó")
    ELECTION_CANCELLED = "election.cancelled", _("Huỷ cuộc bầu khối trưởng, khối phó")
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
    # Audit trail itself
    AUDIT_CHAIN_SEALED = "system.audit_chain_sealed", _("Niêm phong nhật ký cũ bằng khoá bí mật")

    # Commendation workflow
    ROUND_CREATED = "round.created", _("Mở đợt xét khen thưởng")
    ROUND_UPDATED = "round.updated", _("Sửa đợt xét khen thưởng")
    PROPOSAL_CREATED = "proposal.created", _("Lập đề nghị khen thưởng")
    PROPOSAL_UPDATED = "proposal.updated", _("Sửa đề nghị khen thưởng")
    PROPOSAL_TRANSITIONED = "proposal.transitioned", _("Chuyển bước đề nghị khen thưởng")
    # Publication, decisions, certificates, fund and revocation (issue #9 §4)
    PUBLICATION_OPENED = "publication.opened", _("Công khai danh sách khen thưởng")
    PUBLICATION_CLOSED = "publication.closed", _("Kết thúc công khai danh sách khen thưởng")
    PUBLICATION_COMMENT_RECORDED = (
        "publication.comment_recorded",
        _("Ghi nhận ý kiến về danh sách công khai"),
    )
    PUBLICATION_COMMENT_RESOLVED = (
        "publication.comment_resolved",
        _("Xử lý ý kiến về danh sách công khai"),
    )
    PROPOSAL_LINE_WITHDRAWN = "proposal_line.withdrawn", _("Rút khỏi danh sách khen thưởng")
    DECISION_DRAFTED = "decision.drafted", _("Lập dự thảo quyết định khen thưởng")
    DECISION_UPDATED = "decision.updated", _("Sửa dự thảo quyết định khen thưởng")
    DECISION_DISCARDED = "decision.discarded", _("Huỷ dự thảo quyết định khen thưởng")
    DECISION_SIGNED = "decision.signed", _("Ký quyết định khen thưởng")
    DOCUMENT_SERIES_ALIGNED = "document_series.aligned", _("Cập nhật số văn bản đã dùng")
    AWARD_REVOKED = "award.revoked", _("Thu hồi khen thưởng")
    FUND_YEAR_SET = "fund.year_set", _("Cập nhật số dư đầu năm của quỹ")
    FUND_ENTRY_ADDED = "fund.entry_added", _("Ghi thu, chi quỹ thi đua, khen thưởng")

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

    # Council and secret ballot (a vote's event names the member and the session, never a choice)
    COUNCIL_CREATED = "council.created", _("Thành lập Hội đồng thi đua – khen thưởng")
    COUNCIL_UPDATED = "council.updated", _("Sửa thông tin Hội đồng")
    COUNCIL_MEMBER_ADDED = "council.member_added", _("Thêm thành viên Hội đồng")
    COUNCIL_MEMBER_UPDATED = "council.member_updated", _("Sửa thành viên Hội đồng")
    COUNCIL_MEMBER_REMOVED = "council.member_removed", _("Bỏ thành viên khỏi Hội đồng")
    SESSION_CREATED = "council_session.created", _("Lập phiên họp Hội đồng")
    SESSION_UPDATED = "council_session.updated", _("Sửa phiên họp Hội đồng")
    SESSION_ITEMS_SET = "council_session.items_set", _("Cập nhật danh sách đưa ra biểu quyết")
    SESSION_ATTENDANCE_RECORDED = "council_session.attendance", _("Điểm danh thành viên")
    SESSION_CONFLICT_DECLARED = "council_session.conflict", _("Khai báo không tham gia biểu quyết")
    SESSION_VOTING_OPENED = "council_session.voting_opened", _("Bắt đầu bỏ phiếu")
    BALLOT_CAST = "council_session.ballot_cast", _("Bỏ phiếu")
    SESSION_PAPER_TALLY_RECORDED = "council_session.paper_tally", _("Nhập kết quả kiểm phiếu giấy")
    SESSION_VOTING_CLOSED = "council_session.voting_closed", _("Kết thúc bỏ phiếu")
    SESSION_PROCEEDINGS_UPDATED = "council_session.proceedings", _("Ghi diễn biến cuộc họp")
    # Notifications (docs/decisions/0602)
    NOTIFICATIONS_SENT = "notification.sent", _("Gửi thông báo")
    NOTIFICATIONS_READ = "notification.read", _("Đánh dấu đã đọc thông báo")
    # Movements and registration (issue #10 §1–2, docs/movements.md)
    MOVEMENT_CREATED = "movement.created", _("Thêm phong trào thi đua")
    MOVEMENT_UPDATED = "movement.updated", _("Sửa phong trào thi đua")
    MOVEMENT_TRANSITIONED = "movement.transitioned", _("Chuyển bước phong trào thi đua")
    MOVEMENT_PARTICIPANTS_SET = (
        "movement.participants_set",
        _("Cập nhật đơn vị tham gia phong trào"),
    )
    MOVEMENT_PLAN_FILE_SET = "movement.plan_file_set", _("Tải lên kế hoạch phát động")
    MOVEMENT_CRITERION_ADDED = "movement.criterion_added", _("Thêm tiêu chí thi đua")
    MOVEMENT_CRITERION_UPDATED = "movement.criterion_updated", _("Sửa tiêu chí thi đua")
    MOVEMENT_CRITERION_REMOVED = "movement.criterion_removed", _("Bỏ tiêu chí thi đua")
    MOVEMENT_DEADLINE_ADDED = "movement.deadline_added", _("Thêm mốc thời hạn của phong trào")
    MOVEMENT_DEADLINE_REMOVED = "movement.deadline_removed", _("Bỏ mốc thời hạn của phong trào")
    MOVEMENT_ACKNOWLEDGED = "movement.acknowledged", _("Đơn vị xác nhận đã nhận phát động")
    MOVEMENT_SCORES_SET = "movement.scores_set", _("Chấm điểm tiêu chí thi đua")
    MOVEMENT_SCORES_COMPUTED = "movement.scores_computed", _("Tính điểm tiêu chí từ số liệu")
    MOVEMENT_ROUND_OPENED = "movement.round_opened", _("Mở đợt xét khen thưởng chuyên đề")
    REMINDERS_SENT = "movement.reminders_sent", _("Gửi nhắc hạn")
    REGISTRATION_CAMPAIGN_OPENED = (
        "registration.campaign_opened",
        _("Mở đăng ký thi đua năm"),
    )
    REGISTRATION_CAMPAIGN_UPDATED = (
        "registration.campaign_updated",
        _("Sửa đợt đăng ký thi đua năm"),
    )
    REGISTRATION_SHEET_STARTED = "registration.sheet_started", _("Lập bản đăng ký thi đua")
    REGISTRATION_LINE_ADDED = "registration.line_added", _("Thêm dòng đăng ký thi đua")
    REGISTRATION_LINE_REMOVED = "registration.line_removed", _("Bỏ dòng đăng ký thi đua")
    REGISTRATION_SHEET_TRANSITIONED = (
        "registration.sheet_transitioned",
        _("Chuyển bước bản đăng ký thi đua"),
    )
    # The "Người tốt, việc tốt" writing contest (docs/contests.md)
    CONTEST_CREATED = "contest.created", _("Thêm cuộc thi viết")
    CONTEST_UPDATED = "contest.updated", _("Sửa cuộc thi viết")
    CONTEST_JURY_SET = "contest.jury_set", _("Cập nhật ban giám khảo cuộc thi")
    CONTEST_TRANSITIONED = "contest.transitioned", _("Chuyển bước cuộc thi viết")
    CONTEST_ENTRY_SUBMITTED = "contest.entry_submitted", _("Gửi bài dự thi")
    CONTEST_ENTRY_UPDATED = "contest.entry_updated", _("Sửa bài dự thi")
    CONTEST_ENTRY_WITHDRAWN = "contest.entry_withdrawn", _("Rút bài dự thi")
    CONTEST_SCORE_SET = "contest.score_set", _("Giám khảo chấm bài dự thi")
    CONTEST_CONFLICT_DECLARED = (
        "contest.conflict_declared",
        _("Giám khảo xin không chấm bài (xung đột lợi ích)"),
    )
    CONTEST_PRIZE_SET = "contest.prize_set", _("Trao giải bài dự thi")
    # Initiatives and their council (docs/initiatives.md)
    INITIATIVE_APPLICATION_CREATED = (
        "initiative_application.created",
        _("Lập đơn yêu cầu công nhận sáng kiến"),
    )
    INITIATIVE_APPLICATION_UPDATED = (
        "initiative_application.updated",
        _("Sửa đơn yêu cầu công nhận sáng kiến"),
    )
    INITIATIVE_APPLICATION_TRANSITIONED = (
        "initiative_application.transitioned",
        _("Chuyển bước đơn yêu cầu công nhận sáng kiến"),
    )
    INITIATIVE_REVIEW_SAVED = "initiative_application.reviewed", _("Chấm điểm sáng kiến")
    INITIATIVE_COUNCIL_CREATED = "initiative_council.created", _("Lập phiên xét sáng kiến")
    INITIATIVE_COUNCIL_UPDATED = "initiative_council.updated", _("Sửa phiên xét sáng kiến")
    INITIATIVE_COUNCIL_CLOSED = "initiative_council.closed", _("Kết thúc phiên xét sáng kiến")
    INITIATIVE_COUNCIL_DECIDED = (
        "initiative_council.decided",
        _("Ghi quyết định công nhận sáng kiến"),
    )
    # Reports (issue #10 §5, docs/reports.md)
    REPORT_NARRATIVE_SAVED = "report.narrative_saved", _("Sửa nội dung báo cáo năm")
    # Petitions: complaints, denunciations, feedback (docs/petitions.md)
    PETITION_RECEIVED = "petition.received", _("Tiếp nhận đơn thư")
    PETITION_UPDATED = "petition.updated", _("Sửa thông tin đơn thư")
    PETITION_ACCEPTED = "petition.accepted", _("Thụ lý đơn thư")
    PETITION_NOT_ACCEPTED = "petition.not_accepted", _("Không thụ lý đơn thư")
    PETITION_FORWARDED = "petition.forwarded", _("Chuyển đơn thư đến cơ quan có thẩm quyền")
    PETITION_EXTENDED = "petition.extended", _("Gia hạn giải quyết tố cáo")
    PETITION_RESOLVED = "petition.resolved", _("Ghi kết quả giải quyết đơn thư")
    PETITION_WITHDRAWN = "petition.withdrawn", _("Người gửi rút đơn thư")
    PETITION_DEADLINE_SET = "petition.deadline_set", _("Đổi tham số thời hạn giải quyết đơn thư")
    # Satisfaction surveys of enterprises (docs/surveys.md); answers are "survey_response."
    SURVEY_CREATED = "survey.created", _("Lập khảo sát mức độ hài lòng")
    SURVEY_COPIED = "survey.copied", _("Sao chép khảo sát từ năm trước")
    SURVEY_UPDATED = "survey.updated", _("Sửa thông tin khảo sát")
    SURVEY_SECTION_ADDED = "survey.section_added", _("Thêm nhóm câu hỏi khảo sát")
    SURVEY_SECTION_REMOVED = "survey.section_removed", _("Bỏ nhóm câu hỏi khảo sát")
    SURVEY_QUESTION_ADDED = "survey.question_added", _("Thêm câu hỏi khảo sát")
    SURVEY_QUESTION_UPDATED = "survey.question_updated", _("Sửa câu hỏi khảo sát")
    SURVEY_QUESTION_REMOVED = "survey.question_removed", _("Bỏ câu hỏi khảo sát")
    SURVEY_QUESTION_MOVED = "survey.question_moved", _("Đổi thứ tự câu hỏi khảo sát")
    SURVEY_OPENED = "survey.opened", _("Mở khảo sát cho doanh nghiệp trả lời")
    SURVEY_CLOSE_DATE_CHANGED = "survey.close_date_changed", _("Đổi ngày kết thúc khảo sát")
    SURVEY_CLOSED = "survey.closed", _("Đóng khảo sát")
    SURVEY_REOPENED = "survey.reopened", _("Mở lại khảo sát đã đóng")
    SURVEY_RESPONSE_SUBMITTED = "survey_response.submitted", _("Doanh nghiệp gửi phiếu khảo sát")
    SURVEY_RESPONSE_CHANGED = "survey_response.changed", _("Doanh nghiệp sửa phiếu khảo sát")


def event_type_label(value: str) -> str:
    """Return the display label of an event type; a value no longer in the enum shows as is."""
    try:
        return str(AuditEventType(value).label)
    except ValueError:
        return value
