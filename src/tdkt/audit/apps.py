from django.apps import AppConfig
from django.core.signals import setting_changed


class AuditConfig(AppConfig):
    name = "tdkt.audit"
    label = "audit"
    verbose_name = "Nhật ký kiểm toán"

    def ready(self) -> None:
        from . import keys, signals  # noqa: F401  (connects login/logout/lockout receivers)

        setting_changed.connect(keys.reset, dispatch_uid="tdkt.audit.keys.reset")
