from django.urls import path

from alerts.views import follows, searches, selections, unsubscribe

app_name = "alerts"

urlpatterns = [
    path("searches/", searches.saved_searches, name="saved_searches"),
    path("searches/save/", searches.save_search, name="save_search"),
    path("searches/<int:pk>/", searches.update_search, name="update_search"),
    path("searches/<int:pk>/delete/", searches.delete_search, name="delete_search"),
    path("follow/<int:page_id>/", follows.follow, name="follow"),
    path("selections/", selections.selections, name="selections"),
    path("selections/add/", selections.add_to_selection, name="add_to_selection"),
    path("selections/<int:pk>/", selections.selection_detail, name="selection"),
    path("selections/<int:pk>/delete/", selections.delete_selection, name="delete_selection"),
    path("selections/<int:pk>/remove/", selections.remove_from_selection, name="remove_from_selection"),
    path("selections/<int:pk>/dossier.pdf", selections.selection_pdf, name="selection_pdf"),
    path("unsubscribe/<str:token>/", unsubscribe.unsubscribe, name="unsubscribe"),
]
