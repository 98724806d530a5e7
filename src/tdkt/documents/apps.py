from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules


class DocumentsConfig(AppConfig):
    name = "tdkt.documents"
    label = "documents"
    verbose_name = "Văn bản, nhập và xuất dữ liệu"

    def ready(self) -> None:
        """Load every app's ``imports`` module so its importers register themselves."""
        autodiscover_modules("imports")
