from django.urls import path

from transpositions import collaborator_views, notes_views, outcome_views, views

app_name = "transpositions"

# Plan ids are read as text: a malformed one is a 404 from transpositions.access, like an
# unknown one, never a different answer.
urlpatterns = [
    path("", views.plan_list, name="list"),
    path("start/", views.start, name="start"),
    path("plan/<str:plan_id>/", views.plan_page, name="plan"),
    path("plan/<str:plan_id>/territory/", views.territory, name="territory"),
    path("plan/<str:plan_id>/competence/", views.competence, name="competence"),
    path("plan/<str:plan_id>/delete/", views.delete, name="delete"),
    path("plan/<str:plan_id>/invite/", collaborator_views.invite, name="invite"),
    path(
        "plan/<str:plan_id>/collaborator/<int:collaborator_id>/", collaborator_views.collaborator, name="collaborator"
    ),
    path("plan/<str:plan_id>/invitation/<int:invitation_id>/revoke/", collaborator_views.revoke, name="revoke"),
    path("plan/<str:plan_id>/leave/", collaborator_views.leave, name="leave"),
    path("plan/<str:plan_id>/note/<str:fmt>/", notes_views.note, name="note"),
    path("plan/<str:plan_id>/note/<str:fmt>/status/", notes_views.note_status, name="note_status"),
    path("plan/<str:plan_id>/note/<str:fmt>/retry/", notes_views.note_retry, name="note_retry"),
    path("plan/<str:plan_id>/outcome/", outcome_views.share, name="share"),
    path("invitation/<str:secret>/", collaborator_views.accept, name="accept"),
]
