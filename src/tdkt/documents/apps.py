from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "tdkt.documents"
    label = "documents"
    verbose_name = "Văn bản, nhập và xuất dữ liệu"
