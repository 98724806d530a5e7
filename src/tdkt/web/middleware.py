"""Request-wide behaviour of the web UI: the language chosen, sessions that slide cheaply.

Vietnamese first: choose the UI language from the user's explicit choice only.

Django's LocaleMiddleware also follows the browser's Accept-Language, so an office PC with
an English Windows would get the English UI although the Board works in Vietnamese. This
variant uses the language cookie set by the language switch (``/i18n/setlang/``) and
otherwise ``LANGUAGE_CODE`` (vi). It replaces ``django.middleware.locale.LocaleMiddleware``
in ``MIDDLEWARE``. API clients are programs, not office PCs: under ``/api/`` the standard
negotiation applies, so a client may ask for English messages with ``Accept-Language: en``.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
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


#: Session key holding when the session was last written (seconds since the epoch).
SESSION_REFRESHED_KEY = "_tdkt_refreshed_at"


class SlidingSessionMiddleware:
    """Slide the inactivity timeout without writing the session on every request (issue #8).

    ``SESSION_SAVE_EVERY_REQUEST`` made three of the five statements of a trivial signed-in page
    a session write. Here a session that was read is written again (which pushes its expiry
    ``SESSION_COOKIE_AGE`` ahead) only once ``TDKT_SESSION_REFRESH_FRACTION`` of that age has
    passed since its last write, or when the view changed it anyway. A user therefore stays signed
    in while active, and is signed out after between (1 − fraction) × age and age of inactivity:
    7 h 12 min to 8 h with the defaults. Requests that never read the session (static files,
    token-authenticated API calls) leave it alone.

    It must sit below ``SessionMiddleware`` in ``MIDDLEWARE`` so that its response step runs
    first and ``SessionMiddleware`` saves what it marked.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        session = getattr(request, "session", None)
        if session is None or not session.accessed or session.is_empty():
            return response
        now = int(time.time())
        if session.modified:
            session[SESSION_REFRESHED_KEY] = now
            return response
        refreshed = session.get(SESSION_REFRESHED_KEY)
        threshold = settings.SESSION_COOKIE_AGE * settings.TDKT_SESSION_REFRESH_FRACTION
        if not isinstance(refreshed, int) or now - refreshed >= threshold:
            session[SESSION_REFRESHED_KEY] = now
        return response


class PrivateDownloadsMiddleware:
    """Keep every downloaded file out of shared and browser caches.

    Exports, letters, minutes and templates carry names and results of people; a response
    sent as an attachment gets ``Cache-Control: private, no-store`` unless its view already
    chose a policy, so no download depends on each view remembering it (docs/security-review.md).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        disposition = response.headers.get("Content-Disposition", "")
        if disposition.startswith("attachment") and "Cache-Control" not in response.headers:
            response.headers["Cache-Control"] = "private, no-store"
        return response
