"""Members' forms: a search to save (its query string checked like the search page reads
it), a saved search's name and alert, a selection's name."""

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from alerts.models import QUERY_MAX_CHARS, SavedSearch, Selection
from alerts.services.matching import canonical
from praxis.form_fields import collapsed
from praxis.params import LINE_CONTROLS, unsafe_character
from search.services.facets import TAXONOMIES, Vocabulary, selection
from search.services.params import MULTI_VALUED

PARAMETERS = {"q", *MULTI_VALUED, "year_from", "year_to", "verified", "sort", "page"}  # search.services.params


class SavedSearchForm(forms.ModelForm):
    class Meta:
        model = SavedSearch
        fields = ["name", "alert"]
        widgets = {"alert": forms.RadioSelect}

    def clean_name(self):
        name = collapsed(self.cleaned_data["name"])
        if not name:
            raise forms.ValidationError(_("Give this search a name."))
        return name


class SaveSearchForm(SavedSearchForm):
    """A search to save: its query string is read as the search page reads it, and refused
    when the page would have ignored part of it (unknown filter, value or term)."""

    query = forms.CharField(required=False, max_length=QUERY_MAX_CHARS, widget=forms.HiddenInput)

    class Meta(SavedSearchForm.Meta):
        fields = ["name", "alert", "query"]

    def clean_query(self):
        raw = self.cleaned_data.get("query", "")
        parsed = QueryDict(raw)
        values = [value for _name, values in parsed.lists() for value in values]
        if any(unsafe_character(value) or LINE_CONTROLS.search(value) for value in [raw, *values]):
            raise forms.ValidationError(_("This search contains characters that cannot be saved."))
        unknown = sorted(set(parsed) - PARAMETERS)
        if unknown:
            raise forms.ValidationError(
                _("Unknown search filter: %(names)s.") % {"names": ", ".join(name[:30] for name in unknown[:5])}
            )
        params, query = canonical(raw)
        notices = list(params.ignored)
        names = [name for name in TAXONOMIES if params.selected(name)]
        if names or params.selected("lab"):
            notices += selection(params, Vocabulary.load(names)).notices
        if notices:
            raise forms.ValidationError([*notices, _("Correct the search, then save it again.")])
        if len(query) > QUERY_MAX_CHARS:
            raise forms.ValidationError(_("This search is too long to be saved."))
        return query


class SelectionForm(forms.ModelForm):
    class Meta:
        model = Selection
        fields = ["name"]

    def clean_name(self):
        name = collapsed(self.cleaned_data["name"])
        if not name:
            raise forms.ValidationError(_("Give this selection a name."))
        return name
