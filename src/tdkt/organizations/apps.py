from django.apps import AppConfig
from django.db.models.signals import post_migrate


class OrganizationsConfig(AppConfig):
    name = "tdkt.organizations"
    label = "organizations"
    verbose_name = "Tổ chức và cá nhân"

    def ready(self) -> None:
        from .derived import ensure_derived_after_migrate

        # Not a domain write: it recreates the search index and count triggers that a table
        # rebuild may have dropped (docs/decisions/0045).
        post_migrate.connect(ensure_derived_after_migrate, sender=self)
