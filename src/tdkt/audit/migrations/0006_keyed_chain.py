import tdkt.audit.fields
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('audit', '0005_background_job_events'),
    ]

    operations = [
        migrations.AddField(
            model_name='auditevent',
            name='key_id',
            field=models.CharField(blank=True, default='', max_length=16, verbose_name='mã khoá'),
        ),
        migrations.AlterField(
            model_name='auditevent',
            name='changes',
            field=tdkt.audit.fields.CanonicalJSONField(blank=True, default=dict, verbose_name='thay đổi'),
        ),
        migrations.AlterField(
            model_name='auditevent',
            name='hash',
            field=models.CharField(max_length=64),
        ),
        migrations.AlterField(
            model_name='auditevent',
            name='occurred_at',
            field=models.DateTimeField(verbose_name='thời điểm (UTC)'),
        ),
        migrations.AlterField(
            model_name='auditevent',
            name='event_type',
            field=models.CharField(db_index=True, max_length=64, verbose_name='loại sự kiện'),
        ),
        migrations.CreateModel(
            name='AnonymousEventWindow',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('event_type', models.CharField(max_length=64, verbose_name='loại sự kiện')),
                ('source', models.CharField(max_length=64, verbose_name='nguồn')),
                ('window_start', models.DateTimeField(verbose_name='đầu khoảng thời gian')),
                ('window_end', models.DateTimeField(db_index=True, verbose_name='cuối khoảng thời gian')),
                ('count', models.PositiveIntegerField(default=1, verbose_name='số lần')),
                ('first_at', models.DateTimeField(verbose_name='lần đầu')),
                ('last_at', models.DateTimeField(verbose_name='lần cuối')),
            ],
            options={
                'verbose_name': 'sự kiện ẩn danh đang đếm',
                'constraints': [models.UniqueConstraint(fields=('event_type', 'source', 'window_start'), name='audit_anonymous_window')],
            },
        ),
    ]
