# Data for 0002: give every account a public id and a search key, and make the admin-site
# flags follow the role before 0004 adds the constraint. A superuser created before roles
# (``createsuperuser`` left the role "viewer") becomes an administrator, which it already
# was in effect; anyone else loses an ``is_staff`` flag that granted no permission.

import re
import unicodedata
import uuid

from django.db import migrations

_SPACES = re.compile(r"\s+")


def _fold(value):
    # A copy of tdkt.core.text.fold as it stood when this migration was written.
    decomposed = unicodedata.normalize("NFD", value.translate(str.maketrans({"đ": "d", "Đ": "d"})))
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return _SPACES.sub(" ", stripped.casefold()).strip()


def fill(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    for user in User.objects.all().iterator():
        user.uuid = uuid.uuid4()
        user.search_key = _fold(
            " ".join([user.username, user.first_name, user.last_name, user.email])
        )
        if user.is_superuser:
            user.role = "admin"
        admin = user.role == "admin"
        user.is_staff = user.is_superuser = admin
        user.save(update_fields=["uuid", "search_key", "role", "is_staff", "is_superuser"])


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0002_user_security_fields'),
    ]

    operations = [
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
