"""tdkt's URLs plus ``/bench/bare/``: the baseline every figure is printed beside."""

from django.http import HttpRequest, JsonResponse
from django.urls import path
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from tdkt.urls import handler400, handler403, handler404, handler500
from tdkt.urls import urlpatterns as tdkt_urlpatterns

__all__ = ["handler400", "handler403", "handler404", "handler500", "urlpatterns"]


def bare(request: HttpRequest) -> JsonResponse:
    """Answer who is asking, as JSON, through the same middleware: the least any signed-in
    view does (its session and user are read; for an anonymous request no table is touched).
    Called with the page's own credentials, it is a trivial logged-in view (decision 0055)."""
    return JsonResponse({"user": request.user.pk})


class BareApi(APIView):
    """The API's trivial view: the default authentication (the token) and permission, no
    table of tdkt touched; the baseline of the API's figures."""

    def get(self, request: Request) -> Response:
        """Answer who is asking."""
        return Response({"user": request.user.pk})


urlpatterns = [
    path("bench/bare/", bare),
    path("bench/bare-api/", BareApi.as_view()),
    *tdkt_urlpatterns,
]
