"""Searches without results: counted in memory on the request path (no write), written in
batches, shown to editors in the admin (last 90 days, with counts)."""

from datetime import timedelta

from django.contrib.auth.models import Group
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from factories import UserFactory
from factories.search_data import build_catalogue

from search.models import ZeroResultSearch
from search.services import zero_results


class ZeroResultLogTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.c = build_catalogue()

    def setUp(self):
        zero_results.flush()  # nothing pending from other tests
        ZeroResultSearch.objects.all().delete()

    def test_the_request_does_not_write(self):
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get("/fr/search/", {"q": "Téléphérique urbain"})
        self.assertEqual(response.context["search"].total, 0)
        writes = [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE"))]
        self.assertEqual(writes, [])
        self.assertEqual(zero_results.pending(), 1)

    def test_flush_aggregates_normalised_queries_per_language_and_day(self):
        for query in ("Téléphérique urbain", "téléphérique   URBAIN", "téléphériques urbains!"):
            self.client.get("/fr/search/", {"q": query})
        self.client.get("/en/search/", {"q": "cable car"})
        self.client.get("/fr/search/", {"q": "santé"})  # has results: not logged
        self.client.get("/fr/search/", {"policy_area": "rh-management"})  # no words: not logged
        self.assertEqual(zero_results.flush(), 4)
        rows = {(row.query, row.language): row.count for row in ZeroResultSearch.objects.all()}
        self.assertEqual(
            rows, {("telepherique urbain", "fr"): 2, ("telepheriques urbains", "fr"): 1, ("cable car", "en"): 1}
        )
        self.client.get("/fr/search/", {"q": "Téléphérique urbain"})
        zero_results.flush()
        self.assertEqual(ZeroResultSearch.objects.get(query="telepherique urbain").count, 3)  # upserted, same row

    def test_a_failed_flush_keeps_the_counts(self):
        zero_results.record("bateau", "fr")
        original = zero_results.transaction.atomic

        def broken(*args, **kwargs):
            raise zero_results.DatabaseError("database is locked")

        zero_results.transaction.atomic = broken
        try:
            self.assertEqual(zero_results.flush(), 0)
        finally:
            zero_results.transaction.atomic = original
        self.assertEqual(zero_results.pending(), 1)
        self.assertEqual(zero_results.flush(), 1)

    def test_report_covers_the_last_90_days(self):
        today = timezone.localdate()
        ZeroResultSearch.objects.create(query="tramway", language="fr", day=today, count=3)
        ZeroResultSearch.objects.create(query="tramway", language="fr", day=today - timedelta(days=10), count=2)
        ZeroResultSearch.objects.create(query="ancien", language="fr", day=today - timedelta(days=120), count=9)
        rows = list(zero_results.report())
        self.assertEqual(rows, [{"query": "tramway", "language": "fr", "total": 5, "last_seen": today}])


class ZeroResultReportViewTests(TestCase):
    def test_editors_see_the_report(self):
        today = timezone.localdate()
        ZeroResultSearch.objects.create(query="covoiturage scolaire", language="fr", day=today, count=4)
        editor = UserFactory()
        editor.groups.add(Group.objects.get(name="Editors"))  # Wagtail's default editors group
        self.client.force_login(editor)
        response = self.client.get("/admin/reports/searches-without-results/")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "covoiturage scolaire")
        self.assertRegex(response.content.decode(), r"<td[^>]*>\s*4\s*</td>")
        export = self.client.get("/admin/reports/searches-without-results/?export=csv")
        self.assertEqual(export.status_code, 200)
        self.assertIn("covoiturage scolaire", b"".join(export.streaming_content).decode())

    def test_people_without_editing_rights_do_not(self):
        self.client.force_login(UserFactory())
        response = self.client.get("/admin/reports/searches-without-results/")
        self.assertIn(response.status_code, (302, 403))
        self.client.logout()
        self.assertEqual(self.client.get("/admin/reports/searches-without-results/").status_code, 302)
