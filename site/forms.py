"""Admin forms shared by page types."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from praxis.services.translations import is_original, original_of


class SharedRelationsPageForm(WagtailAdminPageForm):
    """The page form of Praxis' page types.

    - On a translation, the relations shared by every language (``shared_relations``, and
      the foreign keys in ``shared_foreign_keys``) are
      shown read-only with the original's values: they are edited on the original page, and a
      forged POST cannot change them (Django ignores submitted values of disabled fields).
    - The page's own validation (``Page.clean``) sees the inline children being submitted
      (e.g. a practice's "transposed from" links), not the ones saved before.
    """

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
        for field_name in getattr(type(page), "shared_foreign_keys", ()):
            field = self.fields.get(field_name)
            if field is not None:
                field.disabled = True
                field.initial = self.initial[field_name] = getattr(original, f"{field_name}_id")
                field.help_text = _("Shared by every language: edit it on the original (%(locale)s).") % {
                    "locale": original.locale.get_display_name()
                }

    def _post_clean(self):
        for relation_name, formset in self.formsets.items():
            if not formset.is_valid():
                continue  # its own errors are shown; the model checks the saved children meanwhile
            deleted = formset.deleted_forms
            submitted = [
                form.instance
                for form in formset.forms
                if form not in deleted and (form.instance.pk is not None or form.has_changed())
            ]
            # In memory only: nothing reaches the database before the form is saved.
            getattr(self.instance, relation_name).set(submitted)
        super()._post_clean()
