"""Event types live in code: a new one needs no migration, and labels come from the enum."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tdkt.audit.constants import AuditEventType
from tdkt.audit.models import AuditEvent
from tdkt.audit.services import record

ROOT = Path(__file__).resolve().parents[2]

# Runs in a fresh interpreter: the enum gains a member before Django loads the models, then
# Django is asked whether the models now differ from the migrations.
ADD_MEMBER_THEN_CHECK = """
import importlib.util, sys
import django
from django.core.management import call_command

spec = importlib.util.find_spec("tdkt.audit.constants")
source = open(spec.origin, encoding="utf-8").read()
header = "class AuditEventType(models.TextChoices):\\n"
assert header in source
source = source.replace(header, header + '    BRAND_NEW = "brand.new", "Loại mới"\\n', 1)
module = importlib.util.module_from_spec(spec)
exec(compile(source, spec.origin, "exec"), module.__dict__)
sys.modules["tdkt.audit.constants"] = module
django.setup()
from tdkt.audit.constants import AuditEventType
assert AuditEventType("brand.new").label == "Loại mới"
call_command("makemigrations", "--check", "--dry-run", verbosity=1)
print("no migration needed")
"""


def test_a_new_event_type_needs_no_migration():
    """Adding a member to AuditEventType leaves `makemigrations --check` clean."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tdkt.settings.test"}
    done = subprocess.run(  # noqa: S603
        [sys.executable, "-c", ADD_MEMBER_THEN_CHECK],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "no migration needed" in done.stdout


@pytest.mark.django_db
def test_event_label_comes_from_the_enum(registry):
    """An event shows its Vietnamese label; a type no longer in the enum shows its value."""
    event = record(event_type=AuditEventType.PERSON_UPDATED, actor=registry.officer)
    assert AuditEvent.objects.get(pk=event.pk).get_event_type_display() == "Sửa cá nhân"
    assert AuditEvent(event_type="retired.kind").get_event_type_display() == "retired.kind"


@pytest.mark.django_db
def test_an_unknown_event_type_is_refused_before_anything_is_written(registry):
    """A mistyped event type is a programming error, and the chain stays as it was."""
    before = AuditEvent.objects.count()
    with pytest.raises(ValueError):
        record(event_type="person.udpated", actor=registry.officer)  # type: ignore[arg-type]
    assert AuditEvent.objects.count() == before
