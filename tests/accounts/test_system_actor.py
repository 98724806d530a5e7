"""``actor=None`` means one thing everywhere: the system (decision 0021).

The system may do what set-up, migrations, demo data and server commands need, in every
service, and the audit trail names it "system". No web page or API endpoint can act as it:
they always pass ``request.user``, which is a user or ``AnonymousUser``, never ``None``.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from django.contrib.auth.models import AnonymousUser

from tdkt.accounts.scopes import scope_for
from tdkt.accounts.services import user_create
from tdkt.audit.constants import AuditEventType
from tdkt.audit.models import AuditEvent
from tdkt.core.errors import PermissionDeniedError
from tdkt.organizations.selectors import organization_list
from tdkt.organizations.services import zone_create

SRC = Path(__file__).resolve().parents[2] / "src" / "tdkt"
REQUEST_MODULES = [
    *SRC.glob("*/views.py"),
    *SRC.glob("*/views/*.py"),
    *SRC.glob("web/**/*.py"),
    *SRC.glob("api/**/*.py"),
    *SRC.glob("*/forms.py"),
    *SRC.glob("*/urls.py"),
]


def test_the_system_may_read_and_write_everything_and_anonymous_nothing():
    """``None`` gets the full scope; an anonymous visitor gets none."""
    system, anonymous = scope_for(None), scope_for(AnonymousUser())
    assert (system.everything, system.can_write) == (True, True)
    assert (anonymous.everything, anonymous.path_prefixes, anonymous.can_write) == (
        False,
        (),
        False,
    )


@pytest.mark.django_db
def test_registry_and_account_services_accept_the_system_and_name_it(registry):
    """A zone and an account written by the system are audited as "system", with no user."""
    zone = zone_create(actor=None, name="KCN Nội Bài")
    user = user_create(actor=None, username="he.thong.tao", password=None, role="leader")
    for obj_id in (str(zone.uuid), str(user.uuid)):
        event = AuditEvent.objects.get(object_id=obj_id)
        assert (event.actor_id, event.actor_label) == (None, "system")
    assert not user.has_usable_password()  # it signs in only once a manager sets a password
    assert (
        organization_list(actor=None).count() == organization_list(actor=registry.officer).count()
    )


@pytest.mark.django_db
def test_anonymous_is_not_the_system(registry):
    """The object a web or API request carries when nobody is signed in is refused."""
    with pytest.raises(PermissionDeniedError):
        zone_create(actor=AnonymousUser(), name="KCN Nội Bài")
    with pytest.raises(PermissionDeniedError):
        user_create(actor=AnonymousUser(), username="x", password=None, role="leader")
    assert not AuditEvent.objects.filter(
        event_type=AuditEventType.ZONE_CREATED, object_repr="KCN Nội Bài"
    ).exists()


def _passes_none_as_actor(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        f"{path.relative_to(SRC)}:{node.lineno}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        for keyword in node.keywords
        if keyword.arg == "actor"
        and isinstance(keyword.value, ast.Constant)
        and keyword.value.value is None
    ]


def test_no_page_or_endpoint_acts_as_the_system():
    """Views, forms, URL modules and the API never pass ``actor=None``."""
    assert len(REQUEST_MODULES) > 30
    offenders = [
        line for path in sorted(set(REQUEST_MODULES)) for line in _passes_none_as_actor(path)
    ]
    assert offenders == []
