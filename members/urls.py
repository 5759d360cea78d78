from django.urls import path

from members import relay_views, views

app_name = "members"

urlpatterns = [
    path("account/", views.account, name="account"),
    path("account/data.json", views.download_data, name="download_data"),
    path("account/delete/", views.delete_account, name="delete_account"),
    path("account/deleted/", views.account_deleted, name="account_deleted"),
    path("privacy/", views.privacy, name="privacy"),
    path("write/<int:page_id>/", relay_views.write_to_team, name="relay_write"),
    path("answer/<str:token>/", relay_views.answer, name="relay_answer"),
]
