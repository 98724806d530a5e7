"""Vietnamese first: choose the UI language from the user's explicit choice only.

Django's LocaleMiddleware also follows the browser's Accept-Language, so an office PC with
an English Windows would get the English UI although the Board works in Vietnamese. This
variant uses the language cookie set by the language switch (``/i18n/setlang/``) and
otherwise ``LANGUAGE_CODE`` (vi). It replaces ``django.middleware.locale.LocaleMiddleware``
in ``MIDDLEWARE``. API clients are programs, not office PCs: under ``/api/`` the standard
negotiation applies, so a client may ask for English messages with ``Accept-Language: en``.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


class VietnameseFirstLocaleMiddleware(LocaleMiddleware):
    """Activate the language chosen with the switch, else Vietnamese; ignore Accept-Language."""

    def process_request(self, request: HttpRequest) -> None:
        if request.path.startswith("/api/"):
            super().process_request(request)
            return
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        try:
            language = translation.get_supported_language_variant(chosen) if chosen else ""
        except LookupError:
            language = ""
        translation.activate(language or settings.LANGUAGE_CODE)
        request.LANGUAGE_CODE = translation.get_language()
