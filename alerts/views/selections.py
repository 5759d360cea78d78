"""A member's selections: named lists of practices, each exported as the PDF dossier."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from alerts.forms import SelectionForm
from alerts.models import Selection, SelectionItem
from members.access import member_required
from practices.services.listing import public_practices
from praxis.params import Integer, read
from search import dossiers

MAX_IN_DOSSIER = 100


def readable_items(selection: Selection):
    """The selection's practices that are still live and public (drafts and private pages never shown)."""
    return public_practices().filter(pk__in=selection.items.values("page_id")).select_related("locale")


@member_required
@require_http_methods(["GET", "POST"])
def selections(request):
    form = SelectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        selection = form.save(commit=False)
        selection.member = request.member
        selection.save()
        return redirect("alerts:selection", pk=selection.pk)
    status = 400 if form.errors else 200
    context = {"selections": request.member.selections.all(), "form": form}
    return TemplateResponse(request, "alerts/selections.html", context, status=status)


@member_required
@require_http_methods(["GET", "POST"])
def selection_detail(request, pk):
    selection = get_object_or_404(Selection, pk=pk, member=request.member)
    form = SelectionForm(request.POST or None, instance=selection)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The selection is renamed."))
        return redirect("alerts:selection", pk=selection.pk)
    context = {"selection": selection, "practices": readable_items(selection), "form": form}
    return TemplateResponse(request, "alerts/selection.html", context, status=400 if form.errors else 200)


@member_required
@require_POST
def delete_selection(request, pk):
    selection = get_object_or_404(Selection, pk=pk, member=request.member)
    selection.delete()
    messages.success(request, _("The selection “%(name)s” is deleted.") % {"name": selection.name})
    return redirect("alerts:selections")


@member_required
@require_POST
def add_to_selection(request):
    """Add a practice to one of the member's selections, or to a new one named in the form."""
    practice = public_practices().filter(pk=_posted(request, "page")).first()
    if practice is None:
        raise Http404
    name = request.POST.get("new_selection", "").strip()
    if name:
        form = SelectionForm({"name": name})
        if not form.is_valid():
            return TemplateResponse(request, "alerts/selections.html", {"form": form}, status=400)
        selection = Selection.objects.create(member=request.member, name=form.cleaned_data["name"])
    else:
        selection = get_object_or_404(Selection, pk=_posted(request, "selection"), member=request.member)
    SelectionItem.objects.get_or_create(selection=selection, page=practice)
    return redirect(_next(request, practice.url))


@member_required
@require_POST
def remove_from_selection(request, pk):
    selection = get_object_or_404(Selection, pk=pk, member=request.member)
    selection.items.filter(page_id=_posted(request, "page")).delete()
    return redirect(_next(request, selection_url(selection)))


@member_required
@require_GET
def selection_pdf(request, pk):
    """The selection's live, public practices as a PDF dossier, built by the worker like a
    search's (``search.dossiers``: the reader follows its progress page, then gets the file)."""
    selection = get_object_or_404(Selection, pk=pk, member=request.member)
    ids = list(readable_items(selection).order_by("title").values_list("pk", flat=True)[:MAX_IN_DOSSIER])
    if not ids:
        raise Http404(_("This selection has no published practice to put in a dossier."))
    key = dossiers.key_for(request, "selection=" + ",".join(str(pk) for pk in ids))
    if dossiers.state(key) != dossiers.State.READY and not dossiers.queued(key):
        dossiers.enqueue(request, key, ids)
    return redirect("search:dossier", key=key)


def selection_url(selection) -> str:
    return reverse("alerts:selection", kwargs={"pk": selection.pk})


POSTED_IDS = (Integer("page", minimum=1), Integer("selection", minimum=1))


def _posted(request, name: str) -> int | None:
    """An id the form posts, read like any public parameter (``praxis.params``): a bad,
    hostile or out-of-range value is None, so the view answers 404."""
    return read(request.POST, POSTED_IDS, lenient=True).get(name)


def _next(request, default: str) -> str:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        return target
    return default
