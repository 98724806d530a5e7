"""What the benchmarks share: Django set up for a throw-away database, and interleaved timing.

Every figure of ``make bench`` is printed beside a baseline measured in the same run; the
runs are interleaved (``best_of``) so that a machine busy with other work slows both alike.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable


def setup_django() -> None:
    """Set Django up with the test settings, on ``TDKT_BENCH_DATABASE_URL`` when it is set."""
    url = os.environ.get("TDKT_BENCH_DATABASE_URL")
    if url:
        os.environ["TDKT_DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tdkt.settings.test")
    import django

    django.setup()


def in_test_database(run: Callable[[], int]) -> int:
    """Set Django up, create a throw-away test database, ``run`` in it, then drop it."""
    setup_django()
    from django.db import connection
    from django.test.utils import setup_test_environment

    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        return run()
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def best_of(repeat: int, *runs: Callable[[], object]) -> list[float]:
    """Best time of each run, the runs interleaved so a busy machine slows all alike."""
    best = [float("inf")] * len(runs)
    for _ in range(repeat):
        for index, run in enumerate(runs):
            started = time.perf_counter()
            run()
            best[index] = min(best[index], time.perf_counter() - started)
    return best
