import factory

from factories.base import PublishedPageFactory, m2m_setter
from factories.labs import LabPageFactory
from practices.models import PracticeIndexPage, PracticePage, Transposition
from taxonomy.models import Instrument, PolicyArea, TerritoryType


class TaxonomyFactory(factory.django.DjangoModelFactory):
    translations = factory.LazyAttribute(lambda o: {"en": {"name": f"EN {o.name}", "description": ""}})


class PolicyAreaFactory(TaxonomyFactory):
    name = factory.Sequence(lambda n: f"Politique {n}")
    slug = factory.Sequence(lambda n: f"politique-{n}")

    class Meta:
        model = PolicyArea


class TerritoryTypeFactory(TaxonomyFactory):
    name = factory.Sequence(lambda n: f"Territoire {n}")
    slug = factory.Sequence(lambda n: f"territoire-{n}")

    class Meta:
        model = TerritoryType


class InstrumentFactory(TaxonomyFactory):
    name = factory.Sequence(lambda n: f"Instrument {n}")
    slug = factory.Sequence(lambda n: f"instrument-{n}")

    class Meta:
        model = Instrument


class PracticeIndexPageFactory(PublishedPageFactory):
    title = "Pratiques"
    slug = "pratiques"

    class Meta:
        model = PracticeIndexPage

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        parent = parent or cls.default_parent()
        existing = PracticeIndexPage.objects.child_of(parent).first()
        if existing is not None:
            return existing
        return super()._create(model_class, *args, parent=parent, **kwargs)


class PracticePageFactory(PublishedPageFactory):
    """A practice under a lab (a new one unless ``parent`` is given)."""

    title = factory.Sequence(lambda n: f"Pratique {n}")
    slug = factory.Sequence(lambda n: f"pratique-{n}")
    summary = "Une pratique inspirante, décrite pour être transposée."
    problem = "<p>Le problème de départ.</p>"
    actions = "<p>Ce qui a été fait.</p>"
    results = "<p>Les résultats.</p>"
    territory_name = "Mulhouse"
    country = "FR"
    start_year = 2018
    lifecycle_stage = "experimentation"
    policy_areas = m2m_setter("policy_areas")
    territory_types = m2m_setter("territory_types")
    instruments = m2m_setter("instruments")
    methods = m2m_setter("methods")
    labs = m2m_setter("labs")

    class Meta:
        model = PracticePage

    @classmethod
    def default_parent(cls):
        return LabPageFactory()


class TranspositionFactory(factory.django.DjangoModelFactory):
    """Links ``practice`` to its original ``source`` (saved directly, no revision)."""

    practice = factory.SubFactory(PracticePageFactory)
    source = factory.SubFactory(PracticePageFactory)
    what_changed = "Adapté à un territoire rural."
    outcome = "success"

    class Meta:
        model = Transposition
