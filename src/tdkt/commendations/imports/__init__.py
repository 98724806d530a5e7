"""Spreadsheet importers of the commendation archive (``tdkt import awards|ratings|…``).

Loaded by ``DocumentsConfig.ready``; the proposal-line importer (``lines``) is not registered:
it imports into one proposal, from that proposal's page.
"""

from . import archive

__all__ = ["archive"]
