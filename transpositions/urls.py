from django.urls import path

from transpositions import outcome_views

app_name = "transpositions"

urlpatterns = [
    path("<uuid:plan_id>/outcome/", outcome_views.share, name="share"),
]
