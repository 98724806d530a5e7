"""Load the demo data through the real services, idempotently.

Every row is written by the registry, account and commendation services (the indicators and
dossiers by their two imports), so the demo leaves
the same audit trail a user would. Before each write the loader looks the row up by its natural key
(tax code, CCCD, name under its parent, username) and skips what exists, so a second run
writes nothing and records no event. The look-ups read the ORM directly: they are system
reads, not reads a user can trigger, so no actor-scoped selector applies.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tdkt.accounts.models import User
from tdkt.accounts.policy import is_administrator
from tdkt.accounts.services import user_create
from tdkt.audit.constants import AuditEventType
from tdkt.audit.services import record
from tdkt.core.dbsql import refresh_statistics
from tdkt.core.errors import PermissionDeniedError
from tdkt.organizations.constants import OrganizationKind
from tdkt.organizations.models import (
    Employment,
    EmulationGroup,
    Enterprise,
    GroupLeadership,
    IndustrialZone,
    Organization,
    Person,
)
from tdkt.organizations.services import (
    employment_add,
    group_create,
    group_leadership_set,
    group_members_set,
    organization_create,
    person_create,
    zone_create,
)

from .accounts import DEMO_ACCOUNTS, DEMO_PASSWORD, DemoAccount
from .board import BOARD_NAME, BOARD_SHORT_NAME, UNITS, ZONES
from .commendations import load_commendations
from .contests import load_contests
from .council import load_councils
from .decisions2019 import load_2019_story
from .emulation_blocks import load_emulation_blocks
from .enterprises import ENTERPRISES
from .groups import EXTERNAL_BODIES, GROUPS, GroupSpec
from .indicators import load_indicators
from .initiatives import load_initiatives
from .movements2019 import load_movements
from .people import PersonSpec, demo_people
from .petitions import load_petitions
from .reports2019 import load_report_figures, load_report_texts
from .surveys import load_surveys


@dataclass
class DemoLoadReport:
    """What one run created, by kind of row; empty when everything already existed."""

    created: Counter[str] = field(default_factory=Counter)

    @property
    def loaded(self) -> bool:
        """Return True when this run wrote anything."""
        return any(self.created.values())


class _Loader:
    """Walks the demo specs in dependency order, creating only what is missing."""

    def __init__(self, writer: User | None, report: DemoLoadReport) -> None:
        self.writer = writer
        self.report = report
        self.orgs: dict[str, Organization] = {}
        self.zones: dict[str, IndustrialZone] = {}
        self.people: dict[str, Person] = {}

    def run(self) -> DemoLoadReport:
        self.load_zones()
        self.load_board()
        self.load_enterprises()
        self.load_external_bodies()
        self.load_people()
        for spec in GROUPS:
            self.load_group(spec)
        load_emulation_blocks(orgs=self.orgs, created=self.report.created)
        self.load_accounts()
        load_commendations(
            writer=self.writer,
            orgs=self.orgs,
            specs=demo_people(),
            people=self.people,
            created=self.report.created,
        )
        # Initiatives recognised by the Board's initiative council (demo logins as actors).
        load_initiatives(created=self.report.created)
        # The council seats demo logins; it holds a year's session once that year's round
        # has proposals at the council, so it runs after the rounds and proposals. The 2019
        # story then goes from the round to the signed decision, the council's vote included.
        load_councils(writer=self.writer, created=self.report.created)
        load_2019_story(orgs=self.orgs, people=self.people, created=self.report.created)
        load_movements(writer=self.writer, orgs=self.orgs, created=self.report.created)
        # The writing contests "Người tốt, việc tốt": entries by the units' demo logins, marks
        # by the council's, so after the accounts.
        load_contests(writer=self.writer, orgs=self.orgs, created=self.report.created)
        # Key indicators and dossiers, through their imports; enterprise capital needs the
        # enterprises above.
        load_indicators(writer=self.writer, created=self.report.created)
        # The annual report's investment figures and texts, after the indicators.
        load_report_figures(writer=self.writer, created=self.report.created)
        load_report_texts(writer=self.writer, created=self.report.created)
        load_petitions(writer=self.writer, orgs=self.orgs, created=self.report.created)
        # The enterprises' satisfaction surveys (last year's closed, this year's open).
        load_surveys(orgs=self.orgs, created=self.report.created)
        return self.report

    # Registry -----------------------------------------------------------------------------

    def load_zones(self) -> None:
        for spec in ZONES:
            zone = IndustrialZone.objects.filter(name=spec.name).first()
            if zone is None:
                zone = zone_create(
                    actor=self.writer,
                    name=spec.name,
                    district=spec.district,
                    area_ha=spec.area_ha,
                    status=spec.status,
                    kind=spec.kind,
                )
                self.report.created["zones"] += 1
            self.zones[spec.key] = zone

    def _org(
        self, *, name: str, kind: str, parent: Organization | None, **extra: Any
    ) -> Organization:
        org = Organization.objects.filter(name=name, kind=kind, parent=parent).first()
        if org is None:
            org = organization_create(
                actor=self.writer, name=name, kind=kind, parent=parent, **extra
            )
            self.report.created["organizations"] += 1
        return org

    def load_board(self) -> None:
        board = self._org(
            name=BOARD_NAME,
            kind=OrganizationKind.BOARD,
            parent=None,
            short_name=BOARD_SHORT_NAME,
        )
        self.orgs["board"] = board
        for unit in UNITS:
            self.orgs[f"unit:{unit.key}"] = self._org(
                name=unit.name, kind=unit.kind, parent=board, short_name=unit.short_name
            )

    def load_enterprises(self) -> None:
        board = self.orgs["board"]
        for spec in ENTERPRISES:
            profile = (
                Enterprise.objects.filter(tax_code=spec.tax_code)
                .select_related("organization")
                .first()
            )
            if profile is not None:
                self.orgs[f"ent:{spec.key}"] = profile.organization
                continue
            self.orgs[f"ent:{spec.key}"] = organization_create(
                actor=self.writer,
                name=spec.name,
                kind=OrganizationKind.ENTERPRISE,
                parent=board,
                enterprise={
                    "tax_code": spec.tax_code,
                    "investment_type": spec.investment_type,
                    "investor_country": spec.investor_country,
                    "zone": self.zones[spec.zone_key],
                    "registered_capital": spec.registered_capital,
                    "capital_currency": spec.currency,
                },
            )
            self.report.created["enterprises"] += 1

    def load_external_bodies(self) -> None:
        for spec in EXTERNAL_BODIES:
            self.orgs[f"ext:{spec.key}"] = self._org(
                name=spec.name,
                kind=OrganizationKind.EXTERNAL_BODY,
                parent=None,
                short_name=spec.short_name,
            )

    # People -------------------------------------------------------------------------------

    def _find_person(self, spec: PersonSpec) -> Person | None:
        if spec.citizen_id:
            return Person.objects.filter(citizen_id=spec.citizen_id).first()
        return Person.objects.filter(
            full_name=spec.full_name,
            nationality=spec.nationality,
            date_of_birth=spec.date_of_birth,
        ).first()

    def load_people(self) -> None:
        for spec in demo_people():
            person = self._find_person(spec)
            first, *later = spec.posts
            if person is None:
                person = person_create(
                    actor=self.writer,
                    full_name=spec.full_name,
                    category=spec.category,
                    organization=self.orgs[first.org_key],
                    start_date=first.start_date,
                    position=first.position,
                    gender=spec.gender,
                    date_of_birth=spec.date_of_birth,
                    citizen_id=spec.citizen_id,
                    nationality=spec.nationality,
                )
                self.report.created["people"] += 1
            for post in later:
                org = self.orgs[post.org_key]
                if Employment.objects.filter(
                    person=person, organization=org, start_date=post.start_date
                ).exists():
                    continue
                employment_add(
                    actor=self.writer,
                    person=person,
                    organization=org,
                    start_date=post.start_date,
                    position=post.position,
                )
                self.report.created["transfers"] += 1
            self.people[spec.full_name] = person

    # Blocks and clusters ------------------------------------------------------------------

    def load_group(self, spec: GroupSpec) -> None:
        group = EmulationGroup.objects.filter(name=spec.name).first()
        if group is None:
            group = group_create(
                actor=self.writer,
                name=spec.name,
                kind=spec.kind,
                organizer=spec.organizer,
                description=spec.description,
            )
            self.report.created["groups"] += 1
        for year, keys in spec.members_through(timezone.localdate().year).items():
            wanted = {self.orgs[key] for key in keys}
            current = {m.organization for m in group.memberships.filter(year=year)}
            if not wanted <= current:
                # Add the missing demo members; keep members someone else added.
                group_members_set(
                    actor=self.writer, group=group, year=year, members=current | wanted
                )
                self.report.created["group_members"] += len(wanted - current)
        for year, (leader_key, deputy_key) in spec.leadership.items():
            if GroupLeadership.objects.filter(group=group, year=year).exists():
                continue  # never overwrite an election recorded by a user
            group_leadership_set(
                actor=self.writer,
                group=group,
                year=year,
                leader=self.orgs[leader_key],
                deputy=self.orgs[deputy_key] if deputy_key else None,
            )
            self.report.created["group_leaderships"] += 1

    # Accounts -----------------------------------------------------------------------------

    def load_accounts(self) -> None:
        for account in DEMO_ACCOUNTS:
            if User.objects.filter(username__iexact=account.username).exists():
                continue
            person = self.people.get(account.person_name or "")
            if person is not None and User.objects.filter(person=person).exists():
                person = None  # already linked to another login; keep the account unlinked
            _create_account(
                account,
                organization=self.orgs.get(account.org_key or ""),
                person=person,
            )
            self.report.created["users"] += 1


def _create_account(
    account: DemoAccount, *, organization: Organization | None, person: Person | None
) -> User:
    return user_create(
        actor=None,
        username=account.username,
        password=DEMO_PASSWORD,
        role=account.role,
        organization=organization,
        person=person,
        first_name=account.display_name,
    )


@transaction.atomic
def demo_data_load(*, actor: User | None = None) -> DemoLoadReport:
    """Load whatever demo data is missing, all or nothing, and audit it once.

    ``actor=None`` is the system (``manage.py seed_demo``), which then appears as the author
    of every demo row in the audit trail (decision 0021). An explicit actor must be an
    administrator. One ``system.demo_loaded`` event summarises a run that wrote something; a
    run that found everything in place records nothing.
    """
    if actor is not None and not is_administrator(actor):
        raise PermissionDeniedError(_("Chỉ quản trị hệ thống được nạp dữ liệu mẫu."))
    report = DemoLoadReport()
    _Loader(actor, report).run()
    if report.loaded:
        refresh_statistics(*apps.get_models())
        record(
            event_type=AuditEventType.DEMO_DATA_LOADED,
            actor=actor,
            changes={"created": [None, dict(sorted(report.created.items()))]},
        )
    return report
