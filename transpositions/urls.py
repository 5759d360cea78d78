from django.urls import path

from transpositions import collaborator_views, views

app_name = "transpositions"

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
    path("invitation/<str:secret>/", collaborator_views.accept, name="accept"),
]
