# Schema for accounts through services (ADR 0020-0024): public ids, a search key, the session
# generation, the password-change attempt limit, and hashed API tokens. The uuid starts
# nullable; 0003 fills it and 0004 makes it unique.

import django.db.models.deletion
import uuid
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0001_initial'),
    ]

    operations = [
        migrations.AlterModelManagers(
            name='user',
            managers=[],
        ),
        migrations.AddField(
            model_name='user',
            name='uuid',
            field=models.UUIDField(editable=False, null=True, verbose_name='mã công khai'),
        ),
        migrations.AddField(
            model_name='user',
            name='search_key',
            field=models.CharField(blank=True, db_index=True, editable=False, max_length=500),
        ),
        migrations.AddField(
            model_name='user',
            name='session_generation',
            field=models.PositiveIntegerField(default=0, editable=False),
        ),
        migrations.AddField(
            model_name='user',
            name='password_change_failures',
            field=models.PositiveSmallIntegerField(default=0, editable=False, verbose_name='số lần nhập sai mật khẩu hiện tại'),
        ),
        migrations.AddField(
            model_name='user',
            name='password_change_locked_until',
            field=models.DateTimeField(blank=True, editable=False, null=True, verbose_name='khoá đổi mật khẩu đến'),
        ),
        migrations.CreateModel(
            name='ApiToken',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('uuid', models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                ('name', models.CharField(max_length=100, verbose_name='tên')),
                ('prefix', models.CharField(help_text='Vài ký tự đầu của mã, để nhận ra mã.', max_length=16, verbose_name='đầu mã')),
                ('key_hash', models.CharField(max_length=64, unique=True)),
                ('created_at', models.DateTimeField(verbose_name='tạo lúc')),
                ('expires_at', models.DateTimeField(db_index=True, verbose_name='hết hạn lúc')),
                ('last_used_at', models.DateTimeField(blank=True, null=True, verbose_name='dùng lần cuối')),
                ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='api_tokens', to=settings.AUTH_USER_MODEL, verbose_name='tài khoản')),
            ],
            options={
                'verbose_name': 'mã truy cập API',
                'verbose_name_plural': 'mã truy cập API',
                'constraints': [models.UniqueConstraint(fields=('user', 'name'), name='api_token_name_per_user')],
            },
        ),
    ]
