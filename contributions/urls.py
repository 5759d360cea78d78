from django.urls import path

from contributions import documents, views

app_name = "contributions"

urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.start, name="start"),
    path("<int:pk>/step/<slug:slug>/", views.step, name="step"),
    path("<int:pk>/autosave/<slug:slug>/", views.autosave, name="autosave"),
    path("<int:pk>/documents/", documents.upload, name="upload"),
    path("<int:pk>/documents/<int:file_id>/remove/", documents.remove, name="remove"),
    path("<int:pk>/preview/", views.preview, name="preview"),
    path("<int:pk>/coauthors/", views.invite, name="invite"),
]
