"""``tdkt prune_import_files [--days N]``: delete the uploads kept by finished imports.

An import keeps its uploaded file so that its owner can run it again (as another kind, or for
real after a dry run); the file holds personal data, so production runs this daily (like
``prune_db_task_results``). Jobs, results and error reports stay.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _

from tdkt.documents.jobs import import_files_prune


class Command(BaseCommand):
    help = "Xoá tệp đã tải lên của các lần nhập dữ liệu đã kết thúc quá số ngày cho trước."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--days", type=int, default=14, help="keep files this many days")

    def handle(self, *args: Any, **options: Any) -> None:
        deleted = import_files_prune(older_than=timedelta(days=max(0, options["days"])))
        self.stdout.write(_("Đã xoá %(n)s tệp nhập dữ liệu cũ.") % {"n": deleted})
