from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "tdkt.audit"
    label = "audit"
    verbose_name = "Nhật ký kiểm toán"

    def ready(self) -> None:
        from . import signals  # noqa: F401  (connects login/logout/lockout receivers)
