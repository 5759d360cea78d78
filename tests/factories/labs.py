import factory

from factories.base import PublishedPageFactory, m2m_setter
from labs.models import LabIndexPage, LabPage, ProgrammePage
from taxonomy.models import Method


class MethodFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Méthode {n}")
    slug = factory.Sequence(lambda n: f"methode-{n}")
    translations = factory.LazyAttribute(lambda o: {"en": {"name": f"Method {o.slug}", "description": ""}})

    class Meta:
        model = Method


class LabIndexPageFactory(PublishedPageFactory):
    title = "Laboratoires"
    slug = "laboratoires"
    intro = "Les laboratoires du réseau."

    class Meta:
        model = LabIndexPage

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        parent = parent or cls.default_parent()
        existing = LabIndexPage.objects.child_of(parent).first()
        if existing is not None:
            return existing
        return super()._create(model_class, *args, parent=parent, **kwargs)


class LabPageFactory(PublishedPageFactory):
    title = factory.Sequence(lambda n: f"Laboratoire {n}")
    slug = factory.Sequence(lambda n: f"laboratoire-{n}")
    summary = "Un laboratoire d'innovation publique."
    host_institution = "Département du Val-d'Oise"
    institution_type = "departement"
    government_level = "departmental"
    country = "FR"
    city = "Cergy"
    methods = m2m_setter("methods")

    class Meta:
        model = LabPage

    @classmethod
    def default_parent(cls):
        return LabIndexPageFactory()


class ProgrammePageFactory(PublishedPageFactory):
    title = factory.Sequence(lambda n: f"Programme {n}")
    slug = factory.Sequence(lambda n: f"programme-{n}")
    summary = "Un programme multi-territoires."
    start_year = 2017
    labs = m2m_setter("labs")

    class Meta:
        model = ProgrammePage

    @classmethod
    def default_parent(cls):
        return LabIndexPageFactory()
