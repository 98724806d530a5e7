from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "tdkt.accounts"
    label = "accounts"
    verbose_name = "Tài khoản"

    def ready(self) -> None:
        from . import guard
        from .admin import lock_down_admin

        guard.connect()
        # The admin has imported every app's admin module by now (AdminConfig.ready runs
        # first), so the pages registered by auth and axes can be replaced here.
        lock_down_admin()
