from django.urls import path

from freshness import views

app_name = "freshness"

urlpatterns = [
    path("<int:page_id>/answer/<str:token>/", views.answer, name="answer"),
]
