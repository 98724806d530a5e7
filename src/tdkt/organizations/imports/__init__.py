"""Spreadsheet importers of the registry: organisations and people (``tdkt import <name>``).

Both are idempotent: a row that matches an existing record updates it, and only with the
cells that are filled in, so importing the same file twice changes nothing the second time.
Lookups go through the actor-scoped selectors, and every write through the services.
"""

from . import organizations, people

__all__ = ["organizations", "people"]
