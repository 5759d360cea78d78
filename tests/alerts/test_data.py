"""A member's saved searches, follows and selections in their data export, gone on erasure."""

import json

import pytest
from django.core.serializers.json import DjangoJSONEncoder

from alerts import data
from alerts.models import Follow, SavedSearch, Selection, SelectionItem

pytestmark = pytest.mark.django_db


def test_export_then_erase(member, saved_search, publish):
    practice = publish(title="Bus des services publics")
    saved_search(member, "q=bus", name="Bus")
    Follow.objects.create(member=member, translation_key=practice.translation_key)
    selection = Selection.objects.create(member=member, name="Comité")
    SelectionItem.objects.create(selection=selection, page=practice)

    exported = data.export(member)

    json.dumps(exported, cls=DjangoJSONEncoder)  # ready for the JSON download
    assert exported["saved_searches"][0]["query"] == "q=bus"
    assert exported["follows"][0]["practice"] == "Bus des services publics"
    assert exported["selections"] == [{"name": "Comité", "practices": ["Bus des services publics"]}]

    data.erase(member)
    assert not SavedSearch.objects.exists() and not Follow.objects.exists() and not Selection.objects.exists()
