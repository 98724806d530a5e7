# Schema for the registry at city scale (ADR 0045-0047): a person's Vietnamese sort key, the
# organisation tree's display order and the per-category count of people. The keys start
# empty; 0003 fills them and 0004 makes the person's key unique and indexes both.

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('organizations', '0002_duplicate_review'),
    ]

    operations = [
        migrations.AddField(
            model_name='person',
            name='sort_key',
            field=models.CharField(default='', editable=False, max_length=500),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name='organization',
            name='tree_key',
            field=models.CharField(default='', editable=False, max_length=2000),
        ),
        migrations.CreateModel(
            name='PersonCount',
            fields=[
                ('category', models.CharField(max_length=32, primary_key=True, serialize=False)),
                ('count', models.BigIntegerField(default=0)),
            ],
            options={
                'verbose_name': 'số cá nhân theo đối tượng',
                'verbose_name_plural': 'số cá nhân theo đối tượng',
            },
        ),
        migrations.AlterModelOptions(
            name='person',
            options={'ordering': ['sort_key'], 'verbose_name': 'cá nhân', 'verbose_name_plural': 'cá nhân'},
        ),
        migrations.AlterModelOptions(
            name='organization',
            options={'ordering': ['tree_key'], 'verbose_name': 'tổ chức', 'verbose_name_plural': 'tổ chức'},
        ),
    ]
