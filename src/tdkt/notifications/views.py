"""The notification list: open one (marks it read and follows its link), mark all read."""

from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tdkt.notifications.selectors import (
    notification_get,
    notification_list,
    notification_unread_count,
)
from tdkt.notifications.services import notification_open, notifications_mark_all_read
from tdkt.web.decorators import web_view

PAGE_SIZE = 30


@web_view
def notification_list_view(request: HttpRequest) -> HttpResponse:
    """List the user's notifications, newest first, unread ones marked."""
    unread_only = request.GET.get("unread") == "1"
    page = Paginator(notification_list(actor=request.user, unread_only=unread_only), PAGE_SIZE)
    return render(
        request,
        "notifications/notification_list.html",
        {
            "page": page.get_page(request.GET.get("page")),
            "unread_only": unread_only,
            "unread": notification_unread_count(actor=request.user),
        },
    )


@require_POST
@web_view
def notification_open_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Mark the notification read and go to what it is about."""
    notification = notification_open(
        actor=request.user, notification=notification_get(actor=request.user, uuid=uuid)
    )
    link = notification.link
    if link and url_has_allowed_host_and_scheme(link, allowed_hosts={request.get_host()}):
        return redirect(link)
    return redirect("notifications:notification-list")


@require_POST
@web_view
def notifications_read_all_view(request: HttpRequest) -> HttpResponse:
    """Mark every notification of the user read."""
    count = notifications_mark_all_read(actor=request.user)
    if count:
        messages.success(request, _("Đã đánh dấu %(n)s thông báo là đã đọc.") % {"n": count})
    return redirect("notifications:notification-list")
