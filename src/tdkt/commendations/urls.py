from django.urls import path

from . import views

app_name = "commendations"

urlpatterns = [
    path("", views.rule_list, name="rule-list"),
    path("parameters/", views.rule_parameters, name="rule-parameters"),
    path("evaluate/", views.rule_evaluate, name="rule-evaluate"),
    path("<str:code>/", views.rule_explain, name="rule-explain"),
]
