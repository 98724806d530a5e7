"""Account test fixtures: signed-in clients come from the web fixtures."""

from tests.web.conftest import client_for  # noqa: F401  (a fixture, used by name)
