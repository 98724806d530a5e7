"""On PostgreSQL, refuse every UPDATE and DELETE of audit events (ADR 0026).

A statement-level trigger, so even a statement matching no row is refused. SQLite gets
nothing: it is the development database. TRUNCATE is not refused (test flushes use it; it
needs the table owner, who could drop the trigger anyway); checkpoints catch what the
owner can do. A later migration that must UPDATE this table disables the trigger around
its statement, in the same transaction.
"""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit events are append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_event_append_only
    BEFORE UPDATE OR DELETE ON audit_auditevent
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();
"""
DROP = """
DROP TRIGGER IF EXISTS audit_event_append_only ON audit_auditevent;
DROP FUNCTION IF EXISTS audit_event_append_only();
"""


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE, params=None)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP, params=None)


class Migration(migrations.Migration):
    dependencies = [("audit", "0007_seal_legacy_chain")]

    operations = [migrations.RunPython(create, drop)]
