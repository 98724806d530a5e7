from tdkt.accounts.constants import LoginRecords

from ._axes import AxesLogResetCommand


class Command(AxesLogResetCommand):
    help = "Reset access log records older than given days (audited)."
    kind = LoginRecords.ACCESS_LOGS
