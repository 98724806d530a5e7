"""Applications, scoring, the chair's closing and the recognition decision, through services."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from tdkt.audit.models import AuditEvent
from tdkt.commendations.models import Initiative
from tdkt.core.errors import (
    ApplicationError,
    ConflictError,
    PermissionDeniedError,
    StaleVersionError,
)
from tdkt.initiatives.constants import ApplicationState, CouncilState
from tdkt.initiatives.models import InitiativeApplication, Review
from tdkt.initiatives.services import (
    AuthorInput,
    CriterionInput,
    application_create,
    application_register,
    application_return,
    application_submit,
    application_update,
    council_close,
    council_decide,
    council_update,
    criteria_set,
    review_save,
)

from .conftest import closed, content, filed, in_review

pytestmark = pytest.mark.django_db


def _events(obj, kind):
    return AuditEvent.objects.filter(object_id=str(obj.uuid), event_type=kind)


def _score(cast, application, user, each):
    points = {c.pk: each for c in cast.council.criteria.all()}
    return review_save(actor=user, application=application, points=points, comment="Tốt")


# --- filing ---------------------------------------------------------------------------------


def test_an_author_files_a_draft_and_it_is_audited(cast):
    """The author's own draft is kept with its authors and one audit event."""
    application = filed(cast)
    assert application.state == ApplicationState.DRAFT
    assert application.organization == cast.registry.investment
    assert [a.person for a in application.authors.all()] == [cast.registry.anh]
    assert _events(application, "initiative_application.created").count() == 1


def test_an_author_must_be_among_the_authors(cast):
    """A user filing for themselves cannot name only someone else."""
    with pytest.raises(ApplicationError, match="một trong các tác giả"):
        application_create(
            actor=cast.anh_user,
            data=content(authors=[AuthorInput(cast.registry.duc, Decimal(100))]),
        )


def test_a_unit_head_files_for_their_staff_but_not_for_another_unit(cast):
    """The head of Phòng Quản lý Đầu tư files for Ánh; Đức works elsewhere and is refused."""
    head = cast.registry.investment_head
    application = application_create(
        actor=head, data=content(authors=[AuthorInput(cast.registry.anh, Decimal(100))])
    )
    assert application.filed_by == head
    with pytest.raises(ApplicationError, match="không thuộc đơn vị"):
        application_create(
            actor=head, data=content(authors=[AuthorInput(cast.registry.duc, Decimal(100))])
        )
    assert InitiativeApplication.objects.count() == 1


@pytest.mark.parametrize("who", ["viewer", "council", "enterprise_rep"])
def test_users_without_a_person_or_a_unit_head_role_cannot_file(cast, who):
    """An account not linked to a person files nothing, and nothing is written."""
    with pytest.raises(PermissionDeniedError):
        application_create(
            actor=getattr(cast.registry, who),
            data=content(authors=[AuthorInput(cast.registry.anh, Decimal(100))]),
        )
    assert not InitiativeApplication.objects.exists()


def test_co_authors_shares_must_add_up_to_one_hundred(cast):
    """60 % + 30 % is refused; 60 % + 40 % is kept, in the order given."""
    head = cast.registry.investment_head
    worker = cast.registry.anh
    from tdkt.organizations.services import employment_add

    employment_add(
        actor=cast.registry.officer,
        person=cast.registry.duc,
        organization=cast.registry.investment,
        start_date=date(2019, 1, 1),
    )
    with pytest.raises(ApplicationError, match="100%"):
        application_create(
            actor=head,
            data=content(
                authors=[AuthorInput(worker, Decimal(60)), AuthorInput(cast.registry.duc, 30)]
            ),
        )
    application = application_create(
        actor=head,
        data=content(
            authors=[AuthorInput(worker, Decimal(60)), AuthorInput(cast.registry.duc, 40)]
        ),
    )
    assert [(a.person, a.share) for a in application.authors.all()] == [
        (worker, Decimal(60)),
        (cast.registry.duc, Decimal(40)),
    ]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("title", "  ", "bắt buộc"),
        ("applied_since", date(2099, 1, 1), "tương lai"),
        ("benefit_vnd", -1, "không được âm"),
        ("kind", "magic", "loại giải pháp"),
        ("year", 1990, "Năm phải"),
    ],
)
def test_bad_input_is_refused_with_a_vietnamese_message(cast, field, value, message):
    with pytest.raises(ApplicationError, match=message):
        filed(cast, **{field: value})
    assert not InitiativeApplication.objects.exists()


def test_a_stale_edit_is_refused_and_changes_nothing(cast):
    """Two edits drawn from the same version: the second is refused (412)."""
    application = filed(cast)
    seen = application.version
    authors = [AuthorInput(cast.registry.anh, Decimal(100))]
    application_update(
        actor=cast.anh_user,
        application=application,
        data=content(title="Tên mới", authors=authors),
        version=seen,
    )
    with pytest.raises(StaleVersionError):
        application_update(
            actor=cast.anh_user,
            application=application,
            data=content(title="Tên khác", authors=authors),
            version=seen,
        )
    application.refresh_from_db()
    assert application.title == "Tên mới"
    assert _events(application, "initiative_application.updated").count() == 1


def test_only_the_filer_edits_and_only_a_draft(cast):
    application = filed(cast)
    authors = [AuthorInput(cast.registry.anh, Decimal(100))]
    with pytest.raises(PermissionDeniedError):
        application_update(
            actor=cast.registry.officer, application=application, data=content(), version=None
        )
    application_submit(actor=cast.anh_user, application=application)
    with pytest.raises(ConflictError):
        application_update(
            actor=cast.anh_user,
            application=application,
            data=content(authors=authors),
            version=None,
        )


def test_the_officer_returns_a_submitted_application_with_a_reason(cast):
    application = application_submit(actor=cast.anh_user, application=filed(cast))
    with pytest.raises(PermissionDeniedError):
        application_return(actor=cast.anh_user, application=application, note="x")
    back = application_return(
        actor=cast.registry.officer, application=application, note="Thiếu số liệu hiệu quả."
    )
    assert back.state == ApplicationState.DRAFT
    assert back.return_note == "Thiếu số liệu hiệu quả."
    assert _events(application, "initiative_application.transitioned").count() == 2


def test_registering_needs_a_session_of_the_same_year(cast):
    application = application_submit(
        actor=cast.anh_user, application=filed(cast, year=2020, applied_since=date(2020, 1, 2))
    )
    with pytest.raises(ApplicationError, match="năm 2020"):
        application_register(
            actor=cast.registry.officer, application=application, council=cast.council
        )


# --- scoring --------------------------------------------------------------------------------


def test_members_score_and_an_author_member_is_excluded(cast):
    """Đức scores Ánh's application; on an application Đức wrote, Đức is refused."""
    application = in_review(cast)
    review = _score(cast, application, cast.duc_user, Decimal(25))
    assert review.total == Decimal(75)
    assert _events(application, "initiative_application.reviewed").count() == 1
    from tdkt.organizations.services import employment_add

    employment_add(
        actor=cast.registry.officer,
        person=cast.registry.duc,
        organization=cast.registry.investment,
        start_date=date(2019, 1, 1),
    )
    own = application_submit(
        actor=cast.registry.investment_head,
        application=application_create(
            actor=cast.registry.investment_head,
            data=content(title="Sáng kiến của Đức", authors=[AuthorInput(cast.registry.duc, 100)]),
        ),
    )
    own = application_register(actor=cast.registry.officer, application=own, council=cast.council)
    with pytest.raises(PermissionDeniedError, match="tác giả"):
        _score(cast, own, cast.duc_user, Decimal(25))


def test_a_score_above_the_criterion_maximum_is_refused(cast):
    application = in_review(cast)
    with pytest.raises(ApplicationError, match="vượt quá"):
        _score(cast, application, cast.registry.council, Decimal(35))
    assert not Review.objects.exists()


def test_outsiders_do_not_score(cast):
    application = in_review(cast)
    with pytest.raises(PermissionDeniedError):
        _score(cast, application, cast.registry.officer, Decimal(10))


def test_criteria_and_pass_mark_are_data_the_officer_changes_before_scoring(cast):
    """The officer replaces the scale and the pass mark; once a member scored, the scale stays."""
    council = criteria_set(
        actor=cast.registry.officer,
        council=cast.council,
        criteria=[CriterionInput("Tính mới", Decimal(50)), CriterionInput("Hiệu quả", 50)],
        version=cast.council.version,
    )
    council = council_update(
        actor=cast.registry.officer,
        council=council,
        name=council.name,
        members=[cast.registry.leader, cast.duc_user],
        chair=cast.registry.council,
        meeting_date=None,
        pass_mark="60",
        version=council.version,
    )
    assert council.pass_mark == Decimal(60)
    assert [c.name for c in council.criteria.all()] == ["Tính mới", "Hiệu quả"]
    application = in_review(cast)
    _score(cast, application, cast.duc_user, Decimal(40))
    with pytest.raises(ConflictError):
        criteria_set(
            actor=cast.registry.officer,
            council=council,
            criteria=[CriterionInput("Khác", Decimal(100))],
            version=council.version,
        )
    with pytest.raises(StaleVersionError):
        council_update(
            actor=cast.registry.officer,
            council=council,
            name="Tên",
            members=[cast.registry.leader, cast.duc_user],
            chair=cast.registry.council,
            meeting_date=None,
            pass_mark="60",
            version=council.version - 1,
        )


# --- closing and deciding -------------------------------------------------------------------


def _two_applications(cast):
    good = in_review(cast)
    weak = in_review(cast, title="Sắp xếp lại tủ hồ sơ")
    for user in (cast.duc_user, cast.registry.leader):
        _score(cast, good, user, Decimal(25))  # 75 ≥ 70
        review_save(
            actor=user,
            application=weak,
            points={c.pk: Decimal(10) for c in cast.council.criteria.all()},
            comment="Chưa có tính mới trong đơn vị.",
        )
    return good, weak


def test_only_the_chair_closes_and_every_application_needs_scores(cast):
    application = in_review(cast)
    with pytest.raises(PermissionDeniedError):
        council_close(actor=cast.registry.officer, council=cast.council)
    with pytest.raises(ConflictError, match="Chưa có thành viên"):
        council_close(actor=cast.registry.council, council=cast.council)
    _score(cast, application, cast.duc_user, Decimal(25))
    council = council_close(actor=cast.registry.council, council=cast.council)
    assert council.state == CouncilState.CLOSED


def test_closing_passes_by_the_average_and_keeps_the_reasons(cast):
    good, weak = _two_applications(cast)
    council_close(actor=cast.registry.council, council=cast.council)
    good.refresh_from_db()
    weak.refresh_from_db()
    assert (good.state, good.average) == (ApplicationState.PASSED, Decimal(75))
    assert (weak.state, weak.average) == (ApplicationState.NOT_RECOGNISED, Decimal(30))
    assert _events(cast.council, "initiative_council.closed").count() == 1


def test_the_decision_records_the_initiatives_in_the_archive(cast):
    """Each author of a passed application gets a cơ sở initiative of the Board; the rejected
    application gets none; a second decision is refused."""
    good, _weak = _two_applications(cast)
    council = closed(cast)
    with pytest.raises(PermissionDeniedError):
        council_decide(
            actor=cast.registry.council,
            council=council,
            decision_number="12/QĐ-BQL",
            decision_date=date(2019, 11, 20),
            signer="Trưởng ban",
        )
    council = council_decide(
        actor=cast.registry.officer,
        council=council,
        decision_number="12 / QĐ-BQL",
        decision_date=date(2019, 11, 20),
        signer="Trưởng ban Nguyễn Văn Bình",
        version=council.version,
    )
    assert council.state == CouncilState.DECIDED
    row = Initiative.objects.get()
    assert (row.person, row.title, row.year, row.scope) == (
        cast.registry.anh,
        good.title,
        2019,
        "grassroots",
    )
    assert (row.decision_number, row.recognized_on) == ("12/QĐ-BQL", date(2019, 11, 20))
    good.refresh_from_db()
    assert good.state == ApplicationState.RECOGNISED
    assert good.authors.get().initiative == row
    assert AuditEvent.objects.filter(event_type="initiative.recorded").count() == 1
    with pytest.raises(ConflictError):
        council_decide(
            actor=cast.registry.officer,
            council=council,
            decision_number="13/QĐ-BQL",
            decision_date=date(2019, 11, 21),
            signer="Trưởng ban",
        )


def test_a_decision_with_a_bad_number_writes_nothing(cast):
    _two_applications(cast)
    council = closed(cast)
    with pytest.raises(ApplicationError, match="số/ký hiệu"):
        council_decide(
            actor=cast.registry.officer,
            council=council,
            decision_number="mười hai",
            decision_date=date(2019, 11, 20),
            signer="Trưởng ban",
        )
    assert not Initiative.objects.exists()
    council.refresh_from_db()
    assert council.state == CouncilState.CLOSED


def test_an_empty_session_is_not_closed(cast):
    with pytest.raises(ConflictError, match="Chưa có đơn"):
        council_close(actor=cast.registry.council, council=cast.council)


def test_the_people_concerned_hear_of_each_step(cast):
    """Members hear of a registered application (its author among them does not); the filer
    hears of a return, and of the council's result."""
    from tdkt.notifications.models import Notification

    application = application_submit(actor=cast.anh_user, application=filed(cast))
    application_return(actor=cast.registry.officer, application=application, note="Bổ sung.")
    assert Notification.objects.filter(recipient=cast.anh_user, kind="initiative.returned").exists()
    registered = in_review(cast, title="Sáng kiến khác")
    told = set(
        Notification.objects.filter(kind="initiative.to_score").values_list(
            "recipient__username", flat=True
        )
    )
    assert told == {"council", "leader", "duc"}
    _score(cast, registered, cast.duc_user, Decimal(25))
    council_close(actor=cast.registry.council, council=cast.council)
    note = Notification.objects.get(recipient=cast.anh_user, kind="initiative.reviewed")
    assert "Hội đồng đề nghị công nhận" in note.title
