from django.urls import path

from territories import views

app_name = "territories"
urlpatterns = [
    path("", views.choose, name="choose"),
    path("autocomplete/", views.autocomplete, name="autocomplete"),
    path("mine/", views.mine, name="mine"),
]
