"""A member's saved searches, follows and selections in their data export, and gone with
their account (registered into ``members.data`` by ``AlertsConfig.ready``)."""

from alerts.models import Follow, SavedSearch, Selection, Sent
from practices.models import PracticePage


def export(member) -> dict:
    titles = dict(
        PracticePage.objects.filter(translation_key__in=member.follows.values("translation_key"))
        .order_by("-pk")
        .values_list("translation_key", "title")
    )
    return {
        "saved_searches": [
            {"name": s.name, "language": s.language, "query": s.query, "alert": s.alert, "created_at": s.created_at}
            for s in member.saved_searches.all()
        ],
        "follows": [
            {"practice": titles.get(f.translation_key, ""), "translation_key": str(f.translation_key)}
            for f in member.follows.all()
        ],
        "selections": [
            {"name": s.name, "practices": [item.page.title for item in s.items.select_related("page")]}
            for s in member.selections.all()
        ],
        "emails_sent": member.alerts_sent.count(),
    }


def erase(member) -> None:
    for model in (SavedSearch, Follow, Selection, Sent):
        model.objects.filter(member=member).delete()
