"""Check an article attached to an entry: PDF or Word (.docx) only, and bounded in size.

The bytes are checked by the dossier helper (``commendations.uploads``: type from the bytes,
extension agreeing, no macros, no encryption); this module narrows the accepted types to the
two an article comes in and the size to the contest's own limit (decision 0805).
"""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import gettext as _

from tdkt.commendations.uploads import DOCX, MB, CheckedFile, check_upload
from tdkt.contests.constants import ENTRY_FILE_MAX_BYTES
from tdkt.core.errors import ApplicationError

ACCEPTED = {"application/pdf", DOCX}


def max_bytes() -> int:
    """Return the size limit of an article (``TDKT_CONTEST_FILE_MAX_BYTES``, default 10 MB)."""
    return int(getattr(settings, "TDKT_CONTEST_FILE_MAX_BYTES", ENTRY_FILE_MAX_BYTES))


def _refuse(message: str) -> ApplicationError:
    return ApplicationError(message, fields={"file": [message]})


def check_article(name: str, data: bytes) -> CheckedFile:
    """Return the checked file, or raise ``ApplicationError`` saying what is wrong with it."""
    limit = max_bytes()
    if len(data) > limit:
        raise _refuse(
            _("Tệp quá lớn (%(size)s MB); giới hạn là %(limit)s MB.")
            % {"size": round(len(data) / MB, 1), "limit": round(limit / MB, 1)}
        )
    try:
        checked = check_upload(name, data)
    except ApplicationError as exc:
        raise _refuse(exc.message) from None
    if checked.content_type not in ACCEPTED:
        raise _refuse(_("Bài viết phải là tệp PDF hoặc Word (.docx)."))
    return checked
