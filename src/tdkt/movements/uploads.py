"""Check a plan document before it is stored: its size, and its type from its bytes.

A plan (kế hoạch) is a signed PDF or its Word draft. The name a browser sends is not
evidence: the file is accepted only when its first bytes (and, for Word, the parts inside the
zip) say it is a PDF or a .docx and its extension agrees; macro-enabled, encrypted and legacy
.doc files are refused with a Vietnamese message (decision 0608).
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.conf import settings
from django.utils.translation import gettext as _

from tdkt.core.errors import ApplicationError

MB = 1024 * 1024
PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
TYPES: dict[str, tuple[str, str]] = {"pdf": (PDF, ".pdf"), "docx": (DOCX, ".docx")}
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass(frozen=True)
class CheckedFile:
    """A file that passed the checks: its safe name, detected content type and size."""

    name: str
    content_type: str
    size: int


def max_bytes() -> int:
    """Return the size limit of a plan file (``TDKT_PLAN_FILE_MAX_BYTES``, default 20 MB)."""
    return int(getattr(settings, "TDKT_PLAN_FILE_MAX_BYTES", 20 * MB))


def safe_name(name: str) -> str:
    """Return the last path part of a client's file name, without control characters."""
    base = PurePosixPath((name or "").replace("\\", "/")).name
    cleaned = "".join(ch for ch in base if ch.isprintable() and ch not in '<>:"|?*')
    return cleaned.strip()[:200] or "ke-hoach"


def _is_docx(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError):
        return False
    names = {info.filename for info in infos}
    encrypted = any(info.flag_bits & 0x1 for info in infos)
    macros = any(n.lower().endswith("vbaproject.bin") for n in names)
    return (
        not encrypted
        and not macros
        and "[Content_Types].xml" in names
        and "word/document.xml" in names
    )


def detect(data: bytes) -> str | None:
    """Return "pdf" or "docx" when ``data`` is one, else None."""
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04") and _is_docx(data):
        return "docx"
    return None


def _refuse(message: str) -> ApplicationError:
    return ApplicationError(message, fields={"plan_file": [message]})


def check_plan_file(name: str, data: bytes) -> CheckedFile:
    """Return the checked file, or raise ``ApplicationError`` saying what is wrong with it."""
    limit = max_bytes()
    if not data:
        raise _refuse(_("Tệp rỗng."))
    if len(data) > limit:
        raise _refuse(
            _("Tệp quá lớn (%(size)s MB); giới hạn là %(limit)s MB.")
            % {"size": round(len(data) / MB, 1), "limit": round(limit / MB, 1)}
        )
    kind = detect(data)
    if kind is None:
        raise _refuse(
            _("Tệp Word cũ (.doc) hoặc có mật khẩu: hãy lưu lại dạng .docx hoặc PDF.")
            if data.startswith(OLE2)
            else _("Kế hoạch phải là tệp PDF hoặc Word (.docx).")
        )
    clean = safe_name(name)
    content_type, extension = TYPES[kind]
    if PurePosixPath(clean.lower()).suffix != extension:
        raise _refuse(
            _("Đuôi tệp không khớp với nội dung (nội dung là %(kind)s).") % {"kind": extension}
        )
    return CheckedFile(clean, content_type, len(data))
