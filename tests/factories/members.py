import factory

from factories.users import UserFactory
from members.models import Member


class MemberFactory(factory.django.DjangoModelFactory):
    """An approved member (a public servant) with a verified-looking account."""

    user = factory.SubFactory(UserFactory)
    status = Member.Status.APPROVED
    name = factory.Sequence(lambda n: f"Agent {n}")
    organisation = "Conseil départemental du Val-d'Oise"
    role = "Chargée de mission"
    language = "fr"

    class Meta:
        model = Member
