# Data for 0002: every person's sort key and every organisation's tree key, computed by the
# functions the services use (tdkt.organizations.keys); if those ever change, a new data
# migration recomputes the keys. Organisations are keyed parents first (by path depth).

from django.db import migrations


def fill(apps, schema_editor):
    from tdkt.organizations.keys import person_sort_key, tree_key

    Person = apps.get_model("organizations", "Person")
    Organization = apps.get_model("organizations", "Organization")
    batch = []
    for person in Person.objects.only("pk", "uuid", "full_name").iterator(chunk_size=2000):
        person.sort_key = person_sort_key(person.full_name, person.uuid)
        batch.append(person)
        if len(batch) == 2000:
            Person.objects.bulk_update(batch, ["sort_key"])
            batch = []
    Person.objects.bulk_update(batch, ["sort_key"])
    keys = {}
    orgs = sorted(Organization.objects.all(), key=lambda org: org.path.count("/"))
    for org in orgs:
        org.tree_key = tree_key(
            keys.get(org.parent_id, ""), name=org.name, kind=org.kind, pk=org.pk
        )
        keys[org.pk] = org.tree_key
    Organization.objects.bulk_update(orgs, ["tree_key"], batch_size=500)


class Migration(migrations.Migration):

    dependencies = [
        ('organizations', '0003_person_sort_key_organization_tree_key'),
    ]

    operations = [
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
