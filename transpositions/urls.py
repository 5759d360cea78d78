from django.urls import path

from transpositions import notes_views, outcome_views

app_name = "transpositions"

urlpatterns = [
    path("<uuid:plan_id>/note/<str:fmt>/", notes_views.note, name="note"),
    path("<uuid:plan_id>/note/<str:fmt>/status/", notes_views.note_status, name="note_status"),
    path("<uuid:plan_id>/note/<str:fmt>/retry/", notes_views.note_retry, name="note_retry"),
    path("<uuid:plan_id>/outcome/", outcome_views.share, name="share"),
]
