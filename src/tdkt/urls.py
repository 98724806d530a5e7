"""Top-level URLs: the web UI, the REST API with its schema and docs, and the admin.

The error handlers answer in Vietnamese pages, or in the API's JSON error shape under /api/.
"""

from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

# The admin speaks to the Board's administrator, in Vietnamese like every other page.
admin.site.site_header = _("Quản trị hệ thống thi đua – khen thưởng")
admin.site.site_title = _("Quản trị TĐKT")
admin.site.index_title = _("Dữ liệu hệ thống")

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/", include("tdkt.api.urls")),
    path("imports/", include("tdkt.documents.urls")),
    path("indicators/", include("tdkt.indicators.urls")),
    path("", include("tdkt.commendations.urls")),
    path("", include("tdkt.movements.urls")),
    path("", include("tdkt.reports.urls")),
    path("", include("tdkt.petitions.urls")),
    path("", include("tdkt.notifications.urls")),
    path("", include("tdkt.emulation_groups.urls")),
    path("", include("tdkt.contests.urls")),
    path("", include("tdkt.initiatives.urls")),
    path("", include("tdkt.surveys.urls")),
    path("", include("tdkt.accounts.urls")),
    path("", include("tdkt.organizations.urls")),
    path("", include("tdkt.web.urls")),
]

handler400 = "tdkt.web.views.errors.bad_request"
handler403 = "tdkt.web.views.errors.permission_denied"
handler404 = "tdkt.web.views.errors.page_not_found"
handler500 = "tdkt.web.views.errors.server_error"
