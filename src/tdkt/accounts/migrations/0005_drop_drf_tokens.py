# DRF's authtoken keys never expired and outlived password changes (issue #7); tdkt's own
# ApiToken replaces them (ADR 0023). Old keys are not carried over: they were stored in clear
# and had no lifetime, so API clients sign in again (POST /api/v1/auth/token/). The app is
# gone from INSTALLED_APPS; this drops its table and its migration records, leaving the
# database as if it had never been installed. `manage.py remove_stale_contenttypes` clears
# its content types.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0004_user_uuid_unique_and_flag_constraint'),
    ]

    operations = [
        migrations.RunSQL(
            [
                "DROP TABLE IF EXISTS authtoken_token",
                "DELETE FROM django_migrations WHERE app = 'authtoken'",
            ],
            reverse_sql=migrations.RunSQL.noop,
        ),
    ]
