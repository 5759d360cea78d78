"""Language rules that Django's LocaleMiddleware does not enforce on its own."""

import re

from django.http import Http404
from django.utils import translation

from praxis.services.language import is_enabled, preferred_language, remember_own_language

# A first path segment shaped like a language code: "xx", "de", "pt-br"...
LANGUAGE_PREFIX = re.compile(r"^/([a-zA-Z]{2}(?:[-_][a-zA-Z0-9]{2,8})?)(?:/|$)")


class LanguageMiddleware:
    """Placed just before LocaleMiddleware.

    - ``/xx/...`` where ``xx`` is not an enabled language is a 404 (LocaleMiddleware
      would redirect it to ``/fr/xx/...``), shown in the reader's preferred language.
    - Remembers the "only content in my language" choice made in the query string.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        match = LANGUAGE_PREFIX.match(request.path_info)
        if match and not is_enabled(match.group(1)):
            translation.activate(preferred_language(request))
            request.LANGUAGE_CODE = translation.get_language()
            raise Http404("Unknown language prefix")
        response = self.get_response(request)
        return remember_own_language(request, response)
