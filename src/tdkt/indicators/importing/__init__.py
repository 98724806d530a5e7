"""Imports of big files: indicators (with exchange rates) and procedure dossiers.

They plug into ``tdkt.documents.importing`` (registered by ``tdkt.indicators.imports``), but
read the file as a stream and write in bulk instead of row by row; ``bulk.BulkImporter``
explains the phases and ``docs/indicators.md`` the user-facing rules.
"""
