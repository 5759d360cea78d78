"""Admin forms shared by page types."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from praxis.services.translations import is_original, original_of


class SharedRelationsPageForm(WagtailAdminPageForm):
    """On a translation, the relations shared by every language are shown read-only,
    with the original's values: they are edited on the original page."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        page = self.instance
        if page.pk is None or is_original(page):
            return
        original = original_of(page)
        for field_name in getattr(type(page), "shared_relations", ()):
            field = self.fields.get(field_name)
            if field is None:
                continue
            field.disabled = True
            field.initial = list(getattr(original, field_name).values_list("pk", flat=True))
            self.initial[field_name] = field.initial
            field.help_text = _("Shared by every language: edit it on the original (%(locale)s).") % {
                "locale": original.locale.get_display_name()
            }
