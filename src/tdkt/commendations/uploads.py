"""Check a dossier file before it is stored: its size, and its type from its bytes.

The name a browser sends is not evidence: a file is accepted only when its first bytes (and,
for Word and Excel files, the parts inside the zip) say it is a PDF, a .docx, an .xlsx, a
JPEG or a PNG, and its extension agrees. Macro-enabled Office files, encrypted or legacy
(.doc/.xls) files and everything else are refused with a Vietnamese message.
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
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# Detected type → (content type, accepted extensions).
TYPES: dict[str, tuple[str, tuple[str, ...]]] = {
    "pdf": ("application/pdf", (".pdf",)),
    "docx": (DOCX, (".docx",)),
    "xlsx": (XLSX, (".xlsx",)),
    "jpeg": ("image/jpeg", (".jpg", ".jpeg")),
    "png": ("image/png", (".png",)),
}
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass(frozen=True)
class CheckedFile:
    """A file that passed the checks: its safe name, detected content type and size."""

    name: str
    content_type: str
    size: int


def max_bytes() -> int:
    """Return the size limit of one dossier file (``TDKT_ATTACHMENT_MAX_BYTES``)."""
    return int(getattr(settings, "TDKT_ATTACHMENT_MAX_BYTES", 20 * MB))


#: The longest file name kept (the column holds 255).
NAME_MAX_CHARS = 200


def safe_name(name: str) -> str:
    """Return the last path part of a client's file name, without control characters."""
    base = PurePosixPath((name or "").replace("\\", "/")).name
    cleaned = "".join(ch for ch in base if ch.isprintable() and ch not in '<>:"|?*').strip()
    if len(cleaned) > NAME_MAX_CHARS:
        # Shorten the stem, keep the extension (a short one) so the file still opens.
        stem, dot, extension = cleaned.rpartition(".")
        if dot and stem and 0 < len(extension) <= 10:
            cleaned = stem[: NAME_MAX_CHARS - len(extension) - 1].rstrip() + "." + extension
        else:
            cleaned = cleaned[:NAME_MAX_CHARS]
    return cleaned or "tai-lieu"


def _office_kind(head: bytes, data: bytes) -> str | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = {info.filename for info in archive.infolist()}
            if any(info.flag_bits & 0x1 for info in archive.infolist()):
                return None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError):
        return None
    if "[Content_Types].xml" not in names or any(
        n.lower().endswith("vbaproject.bin") for n in names
    ):
        return None
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    return None


def detect(data: bytes) -> str | None:
    """Return the detected kind of ``data`` (a key of ``TYPES``) or None."""
    head = data[:16]
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"PK\x03\x04"):
        return _office_kind(head, data)
    return None


def check_upload(name: str, data: bytes) -> CheckedFile:
    """Return the checked file, or raise ``ApplicationError`` saying what is wrong with it."""
    limit = max_bytes()
    if not data:
        raise ApplicationError(_("Tệp rỗng."), fields={"file": [_("Tệp rỗng.")]})
    if len(data) > limit:
        message = _("Tệp quá lớn (%(size)s MB); giới hạn là %(limit)s MB.") % {
            "size": round(len(data) / MB, 1),
            "limit": round(limit / MB, 1),
        }
        raise ApplicationError(message, fields={"file": [message]})
    kind = detect(data)
    if kind is None:
        message = (
            _("Tệp Word/Excel cũ (.doc, .xls) hoặc có mật khẩu: hãy lưu lại dạng .docx, .xlsx.")
            if data.startswith(OLE2)
            else _("Chỉ nhận tệp PDF, Word (.docx), Excel (.xlsx) hoặc ảnh JPEG, PNG.")
        )
        raise ApplicationError(message, fields={"file": [message]})
    clean = safe_name(name)
    content_type, extensions = TYPES[kind]
    if PurePosixPath(clean.lower()).suffix not in extensions:
        message = _("Đuôi tệp không khớp với nội dung (nội dung là %(kind)s).") % {
            "kind": extensions[0]
        }
        raise ApplicationError(message, fields={"file": [message]})
    return CheckedFile(clean, content_type, len(data))
