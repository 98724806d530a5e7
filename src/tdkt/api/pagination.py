"""Page-number pagination shared by every list endpoint."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework.pagination import PageNumberPagination


class PagePagination(PageNumberPagination):
    """``?page=N&page_size=M`` (at most 200); the body is ``{count, next, previous, results}``."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200
    page_query_description = _("Số trang (bắt đầu từ 1).")
    page_size_query_description = _("Số mục mỗi trang (mặc định 50, tối đa 200).")
