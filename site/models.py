"""Site-wide pages: the home page and standard pages."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from praxis.blocks import BaseStreamBlock


class HomePage(Page):
    """The root of each language's site. Its sections (entry points, latest and most
    transposed practices, the network of labs) are composed in its template by the apps
    that own them (``{% home_practice_sections %}``, ``{% home_lab_network %}``)."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        max_length=600,
        help_text=_("One or two sentences under the site title that say what Praxis offers."),
    )
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1
    cache_lists = ("practices", "labs")  # what it shows: praxis.http_cache

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")


class StandardPage(Page):
    """A page of prose: about, accessibility statement, legal notice."""

    intro = models.TextField(
        _("introduction"), blank=True, max_length=600, help_text=_("A short lead paragraph shown under the title.")
    )
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["praxis.HomePage", "praxis.StandardPage"]
    subpage_types = ["praxis.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")


class ContentVersion(models.Model):
    """One number that changes whenever published content changes (a page published,
    unpublished, moved or deleted, a view restriction, a site or a locale changed).

    Cached fragments of pages are keyed on it (``praxis.services.fragments``). It lives in
    the database, not in the cache, so every process sees a change at once even when each
    has its own in-memory cache, and it changes in the same transaction as the content.
    """

    value = models.PositiveBigIntegerField(default=0)

    class Meta:
        verbose_name = _("content version")
        verbose_name_plural = _("content versions")

    def __str__(self):
        return str(self.value)
