import uuid

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0003_fill_user_uuid_and_flags'),
    ]

    operations = [
        migrations.AlterField(
            model_name='user',
            name='uuid',
            field=models.UUIDField(default=uuid.uuid4, editable=False, unique=True, verbose_name='mã công khai'),
        ),
        migrations.AddConstraint(
            model_name='user',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('is_staff', True), ('is_superuser', True), ('role', 'admin')), models.Q(models.Q(('role', 'admin'), _negated=True), ('is_staff', False), ('is_superuser', False)), _connector='OR'), name='user_staff_flags_follow_role', violation_error_message='Chỉ quản trị hệ thống có quyền vào trang quản trị.'),
        ),
    ]
