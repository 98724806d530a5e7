"""tdkt's URLs plus ``/bench/bare/``: the baseline every figure is printed beside."""

from django.http import HttpRequest, JsonResponse
from django.urls import path

from tdkt.urls import handler400, handler403, handler404, handler500
from tdkt.urls import urlpatterns as tdkt_urlpatterns

__all__ = ["handler400", "handler403", "handler404", "handler500", "urlpatterns"]


def bare(request: HttpRequest) -> JsonResponse:
    """Answer a constant JSON body through the same middleware, touching no table."""
    return JsonResponse({"ok": True})


urlpatterns = [path("bench/bare/", bare), *tdkt_urlpatterns]
