"""Fail when a migration has an automatic name (``0002_auto_…``): name them with --name."""

import sys
from pathlib import Path

bad = sorted(str(p) for p in Path("src").glob("tdkt/*/migrations/*_auto_*.py"))
if bad:
    print("Migrations need descriptive names (makemigrations --name ...):", *bad, sep="\n  ")
    sys.exit(1)
