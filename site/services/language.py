"""The reader's languages: the one they prefer, the translations of what they are reading,
and whether they want to see only content written in their language.

- Preference: Django's language cookie (``settings.LANGUAGE_COOKIE_NAME``). The language
  switcher goes through ``switch_language`` which sets it, so ``/`` (Django's
  LocaleMiddleware) sends the reader back to the language they chose, else to the best
  match of their Accept-Language among the enabled languages, else to French.
- "Only content in my language": a query parameter (``?own_language=1`` or ``0``) that
  the middleware remembers in a cookie; listings and search call ``only_own_language``.
"""

from dataclasses import dataclass

from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from wagtail.models import Page

OWN_LANGUAGE_PARAMETER = "own_language"
OWN_LANGUAGE_COOKIE = "praxis_own_language"
_YES, _NO = "1", "0"


# Languages and the reader's preference


def enabled_languages() -> list[str]:
    """The codes of the configured languages, default (French) first."""
    return [code for code, _name in settings.LANGUAGES]


def is_enabled(code: str) -> bool:
    return code in enabled_languages()


def preferred_language(request) -> str:
    """The language the reader chose last (cookie), else their browser's, else French."""
    return translation.get_language_from_request(request, check_path=False)


def remember_language(response, code: str):
    """Store ``code`` as the reader's preference on ``response``."""
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response


def safe_destination(request, code: str, next_url: str | None) -> str:
    """Where the switcher may send the reader: a local URL in language ``code``.

    Anything else (another host, a URL of another language, nothing) gives the home
    page of ``code``, so the switch can never be used as an open redirect.
    """
    prefix = f"/{code}/"
    if (
        next_url
        and url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}, require_https=False)
        and next_url.startswith(prefix)
    ):
        return next_url
    return prefix


# "Only content in my language"


def own_language_choice(request) -> bool | None:
    """The choice expressed in this request's query string, if any (invalid values are ignored)."""
    value = request.GET.get(OWN_LANGUAGE_PARAMETER)
    if value in (_YES, _NO):
        return value == _YES
    return None


def only_own_language(request) -> bool:
    """True when the reader asked to see only content written in the active language."""
    if request is None:
        return False
    choice = own_language_choice(request)
    if choice is not None:
        return choice
    return request.COOKIES.get(OWN_LANGUAGE_COOKIE) == _YES


def remember_own_language(request, response):
    """Keep the reader's choice for their next listings (set by the middleware)."""
    choice = own_language_choice(request)
    if choice is not None:
        response.set_cookie(
            OWN_LANGUAGE_COOKIE,
            _YES if choice else _NO,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            samesite="Lax",
            httponly=True,
        )
    return response


def language_choice(request) -> dict:
    """What the "only content in my language" toggle shows: its state and both links."""
    active = only_own_language(request)
    code = translation.get_language()
    info = translation.get_language_info(code)

    def link(value: str) -> str:
        query = request.GET.copy()
        query.pop("page", None)  # the number of pages changes
        query[OWN_LANGUAGE_PARAMETER] = value
        return f"{request.path}?{query.urlencode()}"

    return {
        "active": active,
        "language_code": code,
        "language_name": info["name_translated"],
        "only_url": link(_YES),
        "all_url": link(_NO),
    }


# Translations of what the reader is reading


@dataclass(frozen=True)
class Alternate:
    """One language version of the current page or view."""

    language_code: str
    name_local: str
    url: str  # as the switcher links to it (relative on the same site)
    full_url: str  # for hreflang, canonical and the sitemap
    is_current: bool


def _ordered(alternates: list[Alternate]) -> list[Alternate]:
    order = {code: position for position, code in enumerate(enabled_languages())}
    return sorted(alternates, key=lambda alternate: order[alternate.language_code])


def page_alternates(page: Page, request) -> list[Alternate]:
    """The page and its live, public translations in the enabled languages (one query)."""
    codes = enabled_languages()
    translations = (
        Page.objects.live()
        .public()
        .filter(translation_key=page.translation_key, locale__language_code__in=codes)
        .exclude(pk=page.pk)
        .select_related("locale")
    )
    alternates = []
    for candidate in [page, *translations]:
        code = candidate.locale.language_code
        url = candidate.get_url(request)
        if url is None or code not in codes:  # outside any site, or a language no longer enabled
            continue
        full_url = candidate.get_full_url(request)
        name = translation.get_language_info(code)["name_local"]
        alternates.append(Alternate(code, name, url, full_url, candidate.pk == page.pk))
    return _ordered(alternates)


def view_alternates(request) -> list[Alternate]:
    """For a view that is not a Wagtail page (e.g. search): the same URL in each language."""
    match = getattr(request, "resolver_match", None)
    current = translation.get_language()
    if match is None or not request.path.startswith(f"/{current}/"):
        return []
    path = request.get_full_path()
    alternates = []
    for code in enabled_languages():
        url = path if code == current else translate_url(path, code)
        if code != current and url == path:
            continue  # the view has no version in that language
        name = translation.get_language_info(code)["name_local"]
        alternates.append(Alternate(code, name, url, request.build_absolute_uri(url), code == current))
    return alternates


def x_default(alternates: list[Alternate]) -> Alternate | None:
    """The version for readers of no listed language: the default language's, else the first."""
    for alternate in alternates:
        if alternate.language_code == settings.LANGUAGE_CODE:
            return alternate
    return alternates[0] if alternates else None
