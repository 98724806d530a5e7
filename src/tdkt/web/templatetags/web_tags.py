"""Template helpers: the viewer's scope (to show write buttons) and query-string paging."""

from __future__ import annotations

from typing import Any

from django import template
from django.http import QueryDict

from tdkt.accounts.scopes import Scope, is_board_writer, scope_for
from tdkt.web.navigation import MenuLink, main_menu

register = template.Library()


@register.simple_tag
def scope_of(user: Any) -> Scope:
    """Return the user's scope; templates use it only to hide buttons, services decide."""
    return scope_for(user)


@register.simple_tag(takes_context=True)
def menu_links(context: template.Context) -> list[MenuLink]:
    """Return the main menu's links for the signed-in user, the current page's marked."""
    request = context["request"]
    return main_menu(request.user, request.resolver_match)


@register.simple_tag
def board_writer(user: Any) -> bool:
    """Return True when the user may change board-wide reference data."""
    return is_board_writer(user)


@register.simple_tag(takes_context=True)
def query_with(context: template.Context, **changes: Any) -> str:
    """Return the current query string with ``changes`` applied (for pagination links); an
    empty value removes its parameter."""
    query: QueryDict = context["request"].GET.copy()
    for key, value in changes.items():
        if value in (None, ""):
            query.pop(key, None)
        else:
            query[key] = value
    return query.urlencode()


@register.filter
def indent(depth: int) -> str:
    """Return an inline padding style for a tree row of ``depth``."""
    return f"padding-left: {int(depth) * 1.25}rem"
