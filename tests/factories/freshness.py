"""Practices whose freshness is kept: stale practices, their reminders."""

import datetime

import factory
from django.utils import timezone

from factories.practices import PracticePageFactory
from freshness.models import Reminder


def days_ago(days: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=days)


class StalePracticeFactory(PracticePageFactory):
    """A live practice last verified 400 days ago (stale after 365)."""

    last_verified = factory.LazyFunction(lambda: days_ago(400))


class ReminderFactory(factory.django.DjangoModelFactory):
    page = factory.SubFactory(StalePracticeFactory)
    translation_key = factory.LazyAttribute(lambda o: o.page.translation_key)
    verified_on = factory.LazyAttribute(lambda o: o.page.specific.last_verified)
    sent_count = 1
    first_sent_at = factory.LazyFunction(timezone.now)
    last_sent_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = Reminder
