# Schema after 0003: the person's sort key is unique (lists page from it), people are read in
# that order from a covering index, and the organisation tree is read in its display order.
# A scope's people are read from an index of posts. The plain index on the person's search
# key goes: a substring search cannot use it (0005 adds the name index that can).

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('organizations', '0004_fill_sort_and_tree_keys'),
    ]

    operations = [
        migrations.AlterField(
            model_name='person',
            name='sort_key',
            field=models.CharField(editable=False, max_length=500, unique=True),
        ),
        migrations.AlterField(
            model_name='person',
            name='search_key',
            field=models.CharField(editable=False, max_length=200),
        ),
        migrations.AlterField(
            model_name='organization',
            name='tree_key',
            field=models.CharField(db_index=True, default='', editable=False, max_length=2000),
        ),
        migrations.AddIndex(
            model_name='person',
            index=models.Index(fields=['sort_key', 'search_key', 'category', 'id'], name='person_order_cover'),
        ),
        migrations.AddIndex(
            model_name='person',
            index=models.Index(fields=['category', 'sort_key'], name='person_category_order'),
        ),
        migrations.RemoveIndex(
            model_name='employment',
            name='employment_org_end',
        ),
        migrations.AddIndex(
            model_name='employment',
            index=models.Index(fields=['organization', 'end_date', 'start_date', 'person'], name='employment_org_current'),
        ),
    ]
