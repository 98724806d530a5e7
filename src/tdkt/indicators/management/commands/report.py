"""``tdkt report indicators|procedures …``: the Board's statistics for scripts and people.

* ``tdkt report indicators --year 2019 [--format json|xlsx] [--output FILE]``
* ``tdkt report procedures --from 2019-01-01 --to 2019-11-30 [--as-of 2019-11-30]
  [--format json|xlsx|docx] [--output FILE]``
* ``tdkt report statistics --form 0601 --year 2019 [--to-year 2020] --output FILE``: a
  statistics form of Circular 02/2023/TT-BNV, handed to ``tdkt.reports.cli``

JSON goes to standard output unless ``--output`` is given; XLSX and DOCX need ``--output``.
With ``--as USERNAME`` the report reads as that (active) user, so it shows exactly what they
may see; without it the command reads as the system, which sees everything (commands run on the
server, decision 0021). Exit status: 0 written, 2 usage error (bad date or year,
unknown user, missing --output, a user who may not read the report).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from tdkt.accounts.models import User
from tdkt.accounts.selectors import user_get_by_username
from tdkt.core.errors import ApplicationError, NotFoundError
from tdkt.indicators.reports.indicators import indicator_report
from tdkt.indicators.reports.procedures import procedure_report
from tdkt.indicators.reports.writers import (
    indicator_report_xlsx,
    procedure_report_docx,
    procedure_report_xlsx,
)
from tdkt.reports.cli import add_statistics_parser, statistics_file

USAGE = 2


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    parts = text.split("/")
    try:
        if len(parts) == 3:
            return date(int(parts[2]), int(parts[1]), int(parts[0]))
    except ValueError:
        pass
    raise CommandError(
        _("Ngày “%(value)s” không hợp lệ; dùng yyyy-mm-dd, ví dụ 2019-11-30.") % {"value": text},
        returncode=USAGE,
    )


class Command(BaseCommand):
    help = "Báo cáo chỉ tiêu và hồ sơ thủ tục hành chính (JSON, Excel, Word)."

    def add_arguments(self, parser: CommandParser) -> None:
        kinds = parser.add_subparsers(dest="kind", required=True)
        indicators = kinds.add_parser("indicators", help="key indicators of one year")
        indicators.add_argument("--year", type=int, required=True)
        indicators.add_argument("--format", choices=["json", "xlsx"], default="json")
        procedures = kinds.add_parser("procedures", help="administrative-procedure dossiers")
        procedures.add_argument("--from", dest="date_from", required=True)
        procedures.add_argument("--to", dest="date_to", required=True)
        procedures.add_argument("--as-of", dest="as_of", default=None)
        procedures.add_argument("--format", choices=["json", "xlsx", "docx"], default="json")
        statistics = add_statistics_parser(kinds)
        for sub in (indicators, procedures, statistics):
            sub.add_argument("--output", default=None, help="file to write")
            sub.add_argument("--as", dest="username", default=None, help="read as this user")

    def handle(self, *args: Any, **options: Any) -> None:
        actor = self._actor(options["username"])
        fmt = options["format"]
        output = options["output"]
        if fmt != "json" and not output:
            raise CommandError(
                _("Định dạng %(fmt)s cần --output TỆP.") % {"fmt": fmt}, returncode=USAGE
            )
        content: bytes | None
        document: Any = None
        try:
            if options["kind"] == "statistics":
                content = statistics_file(actor=actor, options=options)
            elif options["kind"] == "indicators":
                year = options["year"]
                if not 1900 <= year <= 2100:
                    raise CommandError(_("Năm phải trong khoảng 1900–2100."), returncode=USAGE)
                document = indicator_report(actor=actor, year=year)
                content = indicator_report_xlsx(document) if fmt == "xlsx" else None
            else:
                date_from = _date(options["date_from"])
                date_to = _date(options["date_to"])
                as_of = _date(options["as_of"]) if options["as_of"] else date_to
                if date_from > date_to:
                    raise CommandError(_("--from phải trước hoặc bằng --to."), returncode=USAGE)
                document = procedure_report(
                    actor=actor, date_from=date_from, date_to=date_to, as_of=as_of
                )
                content = None
                if fmt == "xlsx":
                    content = procedure_report_xlsx(document, date_from, date_to, as_of)
                elif fmt == "docx":
                    content = procedure_report_docx(document, date_from, date_to, as_of)
        except ApplicationError as exc:
            raise CommandError(exc.message, returncode=USAGE) from exc
        if content is None:
            text = json.dumps(document, ensure_ascii=False, indent=2)
            if output:
                Path(output).write_text(text + "\n", encoding="utf-8")
            else:
                self.stdout.write(text)
            return
        Path(output).write_bytes(content)
        self.stdout.write(_("Đã ghi %(path)s.") % {"path": output})

    @staticmethod
    def _actor(username: str | None) -> User | None:
        if not username:
            return None
        try:
            user = user_get_by_username(actor=None, username=username)
        except NotFoundError:
            user = None
        if user is None or not user.is_active:
            raise CommandError(
                _("Không có tài khoản đang hoạt động “%(u)s”.") % {"u": username},
                returncode=USAGE,
            )
        return user
