"""The reader's territory: an autocomplete (JSON) and a small form to choose or forget it."""

from django.http import HttpResponseRedirect, JsonResponse
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from praxis.params import unsafe_character
from territories.lookup import InputTooLong, by_key, exact, find
from territories.models import Level, Territory
from territories.reader import get_reader_territory, set_reader_territory
from territories.text import MAX_INPUT


def as_json(territory: Territory) -> dict:
    return {
        "key": f"{territory.level}:{territory.code}",
        "code": territory.code,
        "level": territory.level,
        "name": territory.name,
        "label": label(territory),
        "population": territory.population,
        "historical": territory.historical,
    }


def label(territory: Territory) -> str:
    """ "Saint-Étienne — commune, Loire (42218)"; a former commune says where it went."""
    where = f", {territory.departement.name}" if territory.departement_id and territory.departement else ""
    text = f"{territory.name} — {territory.kind}{where} ({territory.code})"
    if territory.historical:
        if territory.merged_into_id and territory.merged_into:
            return _("%(label)s, merged into %(commune)s") % {"label": text, "commune": territory.merged_into.name}
        return _("%(label)s, no longer exists") % {"label": text}
    return text


@require_GET
def autocomplete(request):
    level = request.GET.get("level", "")
    if level and level not in Level.values:
        return JsonResponse({"error": _("Unknown level “%(level)s”.") % {"level": level[:20]}}, status=400)
    try:
        found = find(request.GET.get("q", ""), level=level)
    except InputTooLong:
        message = _("Type at most %(count)s characters of a name or code.") % {"count": MAX_INPUT}
        return JsonResponse({"error": message}, status=400)
    return JsonResponse({"results": [as_json(territory) for territory in found]})


@require_GET
def mine(request):
    """The reader's own territory, with its centre when known (the lab map places it): JSON,
    never stored by a shared cache, since it is about this reader (their session or profile)."""
    territory = get_reader_territory(request)
    found = None
    if territory is not None:
        found = as_json(territory) | {"kind": territory.kind, "lat": territory.latitude, "lng": territory.longitude}
    response = JsonResponse({"territory": found})
    patch_cache_control(response, private=True, no_store=True)
    return response


def _next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return ""


@csrf_exempt  # it only sets the reader's own display preference; no CSRF cookie on publicly cached pages
@require_http_methods(["GET", "POST"])
def choose(request):
    """Without JavaScript too: the typed name or code is resolved here; several matches are
    listed to pick from, none is said plainly."""
    context = {"next": _next_url(request), "current": get_reader_territory(request), "choices": [], "error": ""}
    status = 200
    if request.method == "POST":
        if "forget" in request.POST:
            set_reader_territory(request, None)
            return HttpResponseRedirect(context["next"] or request.path)
        chosen, context["choices"], context["error"], context["typed"] = resolve(request.POST)
        if chosen is not None:
            set_reader_territory(request, chosen)
            return HttpResponseRedirect(context["next"] or request.path)
        status = 400 if context["error"] else 200
    return TemplateResponse(request, "territories/choose.html", context, status=status)


def resolve(data) -> tuple[Territory | None, list, str, str]:
    """(the territory chosen, the choices to pick from, an error, the text typed)."""
    typed = (data.get("q") or "").strip()
    key = data.get("territory", "")
    reason = unsafe_character(typed) or unsafe_character(key)
    if reason:  # PostgreSQL refuses NUL bytes: such text never reaches a query
        return None, [], _("This text %(reason)s") % {"reason": reason}, ""
    if key:
        territory = by_key(key)
        if territory is None:
            return None, [], _("This territory is not in the reference: choose it again from the list."), typed
        return _current(territory), [], "", typed
    if not typed:
        return None, [], _("Type the name or code of your commune, intercommunality, département or région."), typed
    if len(typed) > MAX_INPUT:
        return None, [], _("Type at most %(count)s characters of a name or code.") % {"count": MAX_INPUT}, ""
    matches = exact(typed)
    if len(matches) == 1:
        return _current(matches[0]), [], "", typed
    choices = matches or find(typed)
    if not choices:
        return (
            None,
            [],
            _("No French territory matches “%(text)s”. Check the spelling or type its code.") % {"text": typed},
            typed,
        )
    return None, [(f"{t.level}:{t.code}", label(t)) for t in choices], "", typed


def _current(territory: Territory) -> Territory:
    """A merged commune is replaced by the commune it joined."""
    return territory.merged_into if territory.historical and territory.merged_into_id else territory
