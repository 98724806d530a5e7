"""API exceptions raised before a view runs (by the parsers); ``errors.py`` renders them.

Kept apart from ``errors.py`` because DRF imports the parsers while it builds ``APIView``, and
``errors.py`` imports ``rest_framework.views``.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy
from rest_framework import exceptions, status


class RequestTooLargeError(exceptions.APIException):
    """The request body is larger than the API accepts."""

    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_code = "payload_too_large"
    default_detail = gettext_lazy("Nội dung yêu cầu quá lớn.")


class JsonTooDeepError(exceptions.ParseError):
    """The JSON body nests arrays and objects deeper than the API accepts."""

    def __init__(self, max_depth: int) -> None:
        super().__init__()
        self.max_depth = max_depth
