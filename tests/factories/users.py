import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group


class GroupFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Groupe {n}")

    class Meta:
        model = Group
        django_get_or_create = ("name",)


class UserFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    password = factory.PostGenerationMethodCall("set_password", "password")

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    @factory.post_generation
    def groups(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.groups.set(extracted)
        if create:
            obj.save()
