"""The knowledge base's index page."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from praxis.services.language import language_choice
from praxis.visibility import active_locale


class PracticeIndexPage(Page):
    """The knowledge base: every practice, whichever lab published it."""

    intro = models.TextField(
        _("introduction"), blank=True, max_length=800, help_text=_("A few sentences above the list of practices.")
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["praxis.HomePage"]
    cache_lists = ("practices",)  # what it shows: praxis.http_cache
    subpage_types = ["practices.PracticePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("practice index")
        verbose_name_plural = _("practice indexes")

    def get_context(self, request, *args, **kwargs):
        """The practices themselves are listed in the template by the search engine, which
        sits above practices (``{% practice_index_listing %}``, search.templatetags)."""
        context = super().get_context(request, *args, **kwargs)
        context["active_locale"] = active_locale(self)
        context["language_choice"] = language_choice(request)
        return context
