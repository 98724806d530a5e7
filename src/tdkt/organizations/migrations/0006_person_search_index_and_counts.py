# The database keeps the name index and the people-per-category counts in step with the person
# table (ADR 0045): on SQLite an FTS5 table and triggers, on PostgreSQL a pg_trgm index and
# triggers; each database skips the other's operations. The statements live in
# tdkt.organizations.derived, which also recreates them after a later migration rebuilds the
# table (SQLite drops a table's triggers with it).

from django.db import migrations

from tdkt.core.dbsql import VendorSQL
from tdkt.organizations.derived import POSTGRESQL, POSTGRESQL_DROP, SQLITE, SQLITE_DROP


class Migration(migrations.Migration):

    dependencies = [
        ('organizations', '0005_person_sort_key_unique_and_indexes'),
    ]

    operations = [
        VendorSQL("sqlite", [*SQLITE.create, *SQLITE.rebuild], reverse_sql=SQLITE_DROP),
        VendorSQL(
            "postgresql", [*POSTGRESQL.create, *POSTGRESQL.rebuild], reverse_sql=POSTGRESQL_DROP
        ),
    ]
