"""URLs of the account pages (namespace ``accounts``; names are ``entity-action``).

``/login/``, ``/logout/`` and ``/account/password/`` keep the paths they had in ``tdkt.web``.
"""

from django.urls import path

from .views import account, auth, users

app_name = "accounts"

urlpatterns = [
    path("login/", auth.login_view, name="login"),
    path("logout/", auth.logout_view, name="logout"),
    path("account/", account.account_view, name="account"),
    path("account/password/", account.password_change_view, name="password-change"),
    path("account/tokens/", account.token_create_view, name="token-create"),
    path("account/tokens/<uuid:uuid>/revoke/", account.token_revoke_view, name="token-revoke"),
    path("accounts/", users.user_list_view, name="user-list"),
    path("accounts/new/", users.user_create_view, name="user-create"),
    path("accounts/<uuid:uuid>/", users.user_detail_view, name="user-detail"),
    path("accounts/<uuid:uuid>/edit/", users.user_update_view, name="user-update"),
    path("accounts/<uuid:uuid>/password/", users.user_password_view, name="user-password"),
    path("accounts/<uuid:uuid>/deactivate/", users.user_deactivate_view, name="user-deactivate"),
    path("accounts/<uuid:uuid>/reactivate/", users.user_reactivate_view, name="user-reactivate"),
    path("accounts/<uuid:uuid>/unlock/", users.user_unlock_view, name="user-unlock"),
]
