"""ASGI entry point; production sets DJANGO_SETTINGS_MODULE=tdkt.settings.prod."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tdkt.settings.prod")
application = get_asgi_application()
