from django.urls import path

from discussions import views

app_name = "discussions"

urlpatterns = [
    path("ask/<int:page_id>/", views.ask, name="ask"),
    path("<int:post_id>/answer/", views.answer, name="answer"),
    path("<int:post_id>/report/", views.report, name="report"),
    path("unsubscribe/<str:token>/", views.team_unsubscribe, name="team_unsubscribe"),
]
