"""Submissions of practices by members, at any stage of the guided form."""

import factory

from contributions.models import Submission
from factories.members import MemberFactory

COMPLETE = {
    "title": "Bibliothèques ouvertes le dimanche",
    "summary": "Trois bibliothèques ouvrent le dimanche avec des agents volontaires.",
    "problem": "Les familles qui travaillent ne pouvaient pas venir.",
    "actions": "Enquête auprès des usagers.\nOuverture test pendant six mois.",
    "results": "La fréquentation a doublé.",
    "key_figures": "8 000 — cartes créées",
    "territory": "Mulhouse",
    "country": "FR",
    "prerequisites": "Accord des agents",
}


class SubmissionFactory(factory.django.DjangoModelFactory):
    """A draft with every required section written (``data={}`` for an empty one)."""

    member = factory.SubFactory(MemberFactory)
    language = factory.LazyAttribute(lambda o: o.member.language if o.member else "fr")
    data = factory.LazyFunction(lambda: dict(COMPLETE))

    class Meta:
        model = Submission
