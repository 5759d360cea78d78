"""A member's saved searches: save one from the search page, list, rename, choose the
alert, delete."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from alerts.forms import SavedSearchForm, SaveSearchForm
from alerts.models import SavedSearch
from members.access import member_required


@member_required
@require_GET
def saved_searches(request):
    searches = request.member.saved_searches.all()
    forms = [(search, SavedSearchForm(instance=search, prefix=f"s{search.pk}")) for search in searches]
    return TemplateResponse(request, "alerts/saved_searches.html", {"forms": forms})


@member_required
@require_POST
def save_search(request):
    form = SaveSearchForm(request.POST)
    if not form.is_valid():
        return TemplateResponse(request, "alerts/save_search.html", {"form": form}, status=400)
    search = form.save(commit=False)
    search.member, search.language = request.member, request.LANGUAGE_CODE
    search.save()
    messages.success(request, _("Your search “%(name)s” is saved.") % {"name": search.name})
    return redirect("alerts:saved_searches")


@member_required
@require_POST
def update_search(request, pk):
    search = get_object_or_404(SavedSearch, pk=pk, member=request.member)
    form = SavedSearchForm(request.POST, instance=search, prefix=f"s{search.pk}")
    if not form.is_valid():
        searches = request.member.saved_searches.all()
        forms = [(s, form if s.pk == search.pk else SavedSearchForm(instance=s, prefix=f"s{s.pk}")) for s in searches]
        return TemplateResponse(request, "alerts/saved_searches.html", {"forms": forms}, status=400)
    form.save()
    messages.success(request, _("Your search “%(name)s” is updated.") % {"name": search.name})
    return redirect("alerts:saved_searches")


@member_required
@require_POST
def delete_search(request, pk):
    search = get_object_or_404(SavedSearch, pk=pk, member=request.member)
    search.delete()
    messages.success(request, _("Your search “%(name)s” is deleted.") % {"name": search.name})
    return redirect("alerts:saved_searches")
