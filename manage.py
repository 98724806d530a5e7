#!/usr/bin/env python
"""Django's manage.py for tdkt; the same as the ``tdkt`` console command."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "src"))

from tdkt.cli import main  # noqa: E402

if __name__ == "__main__":
    main()
