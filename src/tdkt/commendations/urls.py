"""URLs of the commendation app (namespace ``commendations``), mounted at the site root.

The rules pages live under ``rules/``; the workflow's screens add their own prefixes below.
"""

from django.urls import path

from .views import rules

app_name = "commendations"

urlpatterns = [
    path("rules/", rules.rule_list, name="rule-list"),
    path("rules/parameters/", rules.rule_parameters, name="rule-parameters"),
    path("rules/evaluate/", rules.rule_evaluate, name="rule-evaluate"),
    path("rules/<str:code>/", rules.rule_explain, name="rule-explain"),
]
