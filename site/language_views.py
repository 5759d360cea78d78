"""The language switcher's target: remember the reader's choice, then show the translation."""

from django.http import HttpResponseRedirect
from django.utils import translation
from django.views.decorators.http import require_GET

from praxis.params import Text, read
from praxis.services.language import remember_language, safe_destination

SWITCH_PARAMETERS = [Text("next", max_length=2_000)]


@require_GET
def switch_language(request):
    """``/<code>/language/?next=/<code>/...``: remember ``code``, then go to ``next``.

    The language is the URL's prefix (an unknown prefix is already a 404); a ``next`` that
    is not a local URL in that language leads to the language's home page instead.
    """
    code = translation.get_language()
    destination = read(request, SWITCH_PARAMETERS).get("next")
    response = HttpResponseRedirect(safe_destination(request, code, destination))
    response["Cache-Control"] = "no-store"
    return remember_language(response, code)
