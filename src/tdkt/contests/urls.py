"""URLs of the writing contest (``/contests/``) and its exemplary models
(``/exemplary-models/``); namespace ``contests``."""

from django.urls import path

from .views import contests, entries

app_name = "contests"

urlpatterns = [
    path("contests/", contests.contest_list_view, name="contest-list"),
    path("contests/new/", contests.contest_create_view, name="contest-create"),
    path("contests/<uuid:uuid>/", contests.contest_detail, name="contest-detail"),
    path("contests/<uuid:uuid>/edit/", contests.contest_update_view, name="contest-update"),
    path("contests/<uuid:uuid>/jury/", contests.contest_jury_view, name="contest-jury"),
    path(
        "contests/<uuid:uuid>/transition/",
        contests.contest_transition_view,
        name="contest-transition",
    ),
    path("contests/<uuid:uuid>/results/", contests.contest_results_view, name="contest-results"),
    path("contests/<uuid:uuid>/prizes.xlsx", contests.prize_list_view, name="contest-prizes"),
    path("contests/<uuid:uuid>/entries/new/", entries.entry_create_view, name="entry-create"),
    path("contests/entries/<uuid:uuid>/", entries.entry_detail, name="entry-detail"),
    path("contests/entries/<uuid:uuid>/edit/", entries.entry_update_view, name="entry-update"),
    path(
        "contests/entries/<uuid:uuid>/withdraw/",
        entries.entry_withdraw_view,
        name="entry-withdraw",
    ),
    path("contests/entries/<uuid:uuid>/file/", entries.entry_file_view, name="entry-file"),
    path("contests/entries/<uuid:uuid>/score/", entries.score_view, name="entry-score"),
    path("contests/entries/<uuid:uuid>/conflict/", entries.conflict_view, name="entry-conflict"),
    path("contests/entries/<uuid:uuid>/prize/", entries.prize_view, name="entry-prize"),
    path("exemplary-models/", entries.exemplary_list_view, name="exemplary-list"),
]
