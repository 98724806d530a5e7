"""Page-number pagination shared by every list endpoint."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework.pagination import PageNumberPagination


class PagePagination(PageNumberPagination):
    """``?page=N&page_size=M`` (at most 200); the body is ``{count, next, previous, results}``."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200
    # Lazy, so the schema is rendered in the request's language; the stubs expect a str.
    page_query_description = _("Số trang (bắt đầu từ 1).")  # type: ignore[assignment]
    page_size_query_description = _("Số mục mỗi trang (mặc định 50, tối đa 200).")  # type: ignore[assignment]
