"""Register the indicator and dossier importers with ``tdkt import`` and the upload page.

``tdkt.documents`` loads this module at start-up (``DocumentsConfig.ready``).
"""

from tdkt.documents.importing import register

from .importing.indicators import IndicatorImporter
from .importing.procedures import ProcedureImporter

INDICATOR_IMPORTER = register("indicators", IndicatorImporter())
PROCEDURE_IMPORTER = register("procedures", ProcedureImporter())
