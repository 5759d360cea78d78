import factory
import wagtail_factories

from praxis.services.site_setup import ensure_site


class PublishedPageFactory(wagtail_factories.PageFactory):
    """A page created under ``parent`` (default: the French home page) and published
    through a revision, as an editor would. ``live=False`` makes a draft."""

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        live = kwargs.pop("live", True)
        parent = parent or cls.default_parent()
        kwargs.setdefault("locale", parent.locale)
        instance = model_class(*args, live=False, **kwargs)
        parent.add_child(instance=instance)
        revision = instance.save_revision()
        if live:
            revision.publish()
            instance.refresh_from_db()
        return instance

    @classmethod
    def default_parent(cls):
        return ensure_site()

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        """One revision (published if the page is live) for all the relations the hooks set."""
        if create and M2M_SET in (results or {}).values():
            revision = instance.save_revision()
            if instance.live:
                revision.publish()
                instance.refresh_from_db()


M2M_SET = "m2m set"  # what an m2m_setter hook returns when it set its field


def m2m_setter(field_name):
    """A post_generation hook that sets a ParentalManyToManyField (in memory: the page's
    next revision carries it; ``PublishedPageFactory`` saves one after all the hooks)."""

    def hook(obj, create, extracted, **kwargs):
        if not create or extracted is None:
            return None
        getattr(obj, field_name).set(extracted)
        return M2M_SET

    hook.__name__ = field_name
    return factory.PostGeneration(hook)
