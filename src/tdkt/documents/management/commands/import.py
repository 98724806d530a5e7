# ruff: noqa: N999  (the command is "tdkt import"; Django loads it by name, never by import)
"""``tdkt import <name> FILE [--as USERNAME] [--dry-run] [--format json]``.

Exit status: 0 imported (or a valid dry run), 1 rejected (nothing changed), 2 usage error
(unknown importer, missing file, unknown user). Services check permissions against a real
user, so the import runs as ``--as USERNAME``, by default the first active administrator.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db.models import Q
from django.utils.translation import gettext as _

from tdkt.accounts.constants import Role
from tdkt.accounts.models import User
from tdkt.core.errors import ApplicationError
from tdkt.core.text import printable
from tdkt.documents.importing import ImportResult, get_importer
from tdkt.documents.services import import_run

USAGE = 2
REJECTED = 1


class Command(BaseCommand):
    help = "Nhập dữ liệu từ tệp Excel (.xlsx) hoặc CSV, tất cả hoặc không gì cả."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("name", help="importer: organizations, people, …")
        parser.add_argument("file", help="path of the .xlsx or .csv file")
        parser.add_argument(
            "--as",
            dest="username",
            default=None,
            help="run as this user (default: the first active administrator)",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="check and report, change nothing"
        )
        parser.add_argument("--format", choices=["text", "json"], default="text")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            importer = get_importer(options["name"])
        except ApplicationError as exc:
            raise CommandError(exc.message, returncode=USAGE) from exc
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(_("Không tìm thấy tệp %(path)s.") % {"path": path}, returncode=USAGE)
        actor = self._actor(options["username"])
        try:
            result = import_run(
                actor=actor,
                importer=importer,
                data=path.read_bytes(),
                filename=path.name,
                dry_run=options["dry_run"],
                progress=self._progress if self.stderr.isatty() else None,
            )
        except ApplicationError as exc:  # e.g. the user may not import at all
            raise CommandError(exc.message, returncode=USAGE) from exc
        if options["format"] == "json":
            # json.dumps leaves U+202E, C1 controls… raw: escape them too (valid JSON escapes).
            report = json.dumps(result.as_dict(), ensure_ascii=False, indent=2)
            self.stdout.write(printable(report, keep_layout=True))
        else:
            self.stdout.write(render_text(result))
        if not result.ok:
            raise CommandError(
                _("Nhập dữ liệu bị từ chối; không có gì thay đổi."), returncode=REJECTED
            )

    def _progress(self, done: int, total: int | None, message: str) -> None:
        """Show how far the import got on the terminal (one line, rewritten)."""
        count = f" {done}/{total}" if total else ""
        self.stderr.write(f"\r{message}{count}\033[K", ending="")
        if total and done >= total:
            self.stderr.write("")

    @staticmethod
    def _actor(username: str | None) -> User:
        if username:
            user = User.objects.filter(username=username, is_active=True).first()
            if user is None:
                raise CommandError(
                    _("Không có tài khoản đang hoạt động “%(u)s”.") % {"u": username},
                    returncode=USAGE,
                )
            return user
        admin = (
            User.objects.filter(Q(role=Role.ADMIN) | Q(is_superuser=True), is_active=True)
            .order_by("pk")
            .first()
        )
        if admin is None:
            raise CommandError(
                _("Chưa có tài khoản quản trị; hãy chỉ rõ --as TÊN_ĐĂNG_NHẬP."), returncode=USAGE
            )
        return admin


def render_text(result: ImportResult) -> str:
    """Return the Vietnamese plain-text report of an import; what comes from the file is
    escaped, so a cell cannot drive the terminal or forge a line of the report."""
    lines = [f"{result.importer}: {printable(result.filename)}"]
    if result.ok:
        heading = _("Chạy thử: tệp hợp lệ, không ghi gì.") if result.dry_run else _("Đã nhập xong.")
        lines.append(heading)
        lines.append(
            _("Số dòng: %(rows)s; thêm mới: %(c)s; cập nhật: %(u)s; không đổi: %(n)s.")
            % {"rows": result.rows, "c": result.created, "u": result.updated, "n": result.unchanged}
        )
    else:
        lines.append(
            _("Tệp bị từ chối, không có gì thay đổi: %(n)s lỗi.") % {"n": len(result.errors)}
        )
        for error in result.sorted_errors():
            where = _("Dòng %(row)s") % {"row": error.row} if error.row else _("Tệp")
            column = f", {error.column}" if error.column else ""
            value = f" “{printable(error.value)}”" if error.value else ""
            lines.append(f"  {where}{printable(column)}{value}: {printable(error.message)}")
    lines.extend(f"  ! {printable(warning)}" for warning in result.warnings)
    return "\n".join(lines)
