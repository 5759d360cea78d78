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


def m2m_setter(field_name):
    """A post_generation hook that sets a ParentalManyToManyField and republishes."""

    def hook(obj, create, extracted, **kwargs):
        if not create or extracted is None:
            return
        getattr(obj, field_name).set(extracted)
        revision = obj.save_revision()
        if obj.live:
            revision.publish()
            obj.refresh_from_db()

    hook.__name__ = field_name
    return factory.PostGeneration(hook)
