"""Serializer fields for ``api_fields`` on page models (Wagtail API v2).

Related pages are shown only when live and public, in the page's language; taxonomy
terms carry their slug (the filter value) and their label in the page's language.
"""

from rest_framework.fields import Field

from praxis.services.translations import localized_pages


def page_summary(page, context) -> dict:
    from wagtail.api.v2.utils import get_object_detail_url

    summary = {
        "id": page.pk,
        "title": page.title,
        "slug": page.slug,
        "html_url": page.get_full_url(context.get("request")),
    }
    router, request = context.get("router"), context.get("request")
    if router is not None and request is not None:
        summary["detail_url"] = get_object_detail_url(router, request, type(page), page.pk)
    return summary


class PageAwareField(Field):
    """A read-only field computed from the whole page (so that it knows the page's language)."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return instance


class TermsField(PageAwareField):
    """A vocabulary relation as ``[{"slug": ..., "name": ...}]``."""

    def to_representation(self, page):
        language = page.locale.language_code
        return [{"slug": term.slug, "name": term.label(language)} for term in getattr(page, self.field_name).all()]


class PublicPagesField(PageAwareField):
    """A many-to-many relation to pages: the live, public ones, in the page's language."""

    def to_representation(self, page):
        related = getattr(page, self.field_name).live().public().select_related("locale")
        return [page_summary(other, self.context) for other in localized_pages(related, page.locale)]


class PublicPageField(PageAwareField):
    """A foreign key to a page: ``null`` unless that page is live and public."""

    def to_representation(self, page):
        target_id = getattr(page, f"{self.field_name}_id")
        if not target_id:
            return None
        model = page._meta.get_field(self.field_name).related_model
        found = localized_pages(model.objects.live().public().filter(pk=target_id), page.locale)
        return page_summary(found[0], self.context) if found else None


class CountryCodeField(Field):
    """A django-countries value as its ISO 3166-1 alpha-2 code."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value):
        return getattr(value, "code", None) or str(value or "")
