"""schema.org JSON-LD for practice and lab pages (``{% practice_structured_data page %}``).

Public facts only: never the contact email, and related labs or programmes only when
they are live and public.
"""

import json

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.models import Locale

from labs.models import ProgrammePage
from praxis.licences import licence_url
from praxis.services.translations import localized_pages

register = template.Library()

# Escape what could close the script element or start markup inside it.
JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}
GOVERNMENT_INSTITUTIONS = {"ministry", "region", "departement", "intercommunality", "city", "hospital"}


def script(data: dict) -> str:
    text = json.dumps(data, ensure_ascii=False, indent=None).translate(JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308 (escaped above)


def absolute(request, url: str | None) -> str | None:
    if not url:
        return None
    return request.build_absolute_uri(url) if request is not None else url


def compact(data: dict) -> dict:
    """Drop empty values: schema.org readers prefer a missing property to an empty one."""
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def geo(page) -> dict | None:
    if page.latitude is None or page.longitude is None:
        return None
    return {"@type": "GeoCoordinates", "latitude": float(page.latitude), "longitude": float(page.longitude)}


def organisation(lab, request) -> dict:
    return compact({"@type": "Organization", "name": lab.title, "url": lab.get_full_url(request)})


def defined_terms(terms, set_name: str, language: str) -> list[dict]:
    return [
        {"@type": "DefinedTerm", "name": term.label(language), "termCode": term.slug, "inDefinedTermSet": set_name}
        for term in terms
    ]


def practice_data(page, request=None, shown=None) -> dict:
    """``shown``: the practice page's template context, when it has the labs, terms and
    programme (``practices.services.sheet.practice_context``): reused, not queried again
    (and safe in previews, whose relations are in memory)."""
    shown = shown if shown is not None and "policy_areas" in shown else None
    language = page.locale.language_code
    # The active language's Locale, only looked up when the context does not have the links.
    locale = None if shown is not None else Locale.get_active() if request is not None else page.locale
    if shown is not None:
        labs = shown["labs"]
    else:
        labs = localized_pages(page.labs.live().public().select_related("locale"), locale)
    years = f"{page.start_year}/{page.end_year or '..'}" if page.start_year else None

    def terms(field):
        return shown[field] if shown is not None else getattr(page, field).all()

    keywords = [term.label(language) for field in ("policy_areas", "instruments", "methods") for term in terms(field)]
    place = compact(
        {
            "@type": "Place",
            "name": page.territory_name,
            "address": {"@type": "PostalAddress", "addressCountry": page.country.code} if page.country else None,
            "geo": geo(page),
        }
    )
    data = {
        "@context": "https://schema.org",
        "@type": "Article",
        "@id": page.get_full_url(request),
        "url": page.get_full_url(request),
        "name": page.title,
        "headline": page.title[:110],
        "abstract": page.summary,
        "description": page.search_description or page.summary,
        "inLanguage": language,
        "datePublished": page.first_published_at.isoformat() if page.first_published_at else None,
        "dateModified": page.last_published_at.isoformat() if page.last_published_at else None,
        "license": licence_url(page.licence),
        "keywords": ", ".join(keywords),
        "about": defined_terms(terms("policy_areas"), "policy areas", language),
        "spatialCoverage": place,
        "temporalCoverage": years,
        "author": [organisation(lab, request) for lab in labs],
        "publisher": {"@type": "Organization", "name": "Praxis", "url": absolute(request, "/")},
    }
    if shown is not None:
        programmes = [shown["programme"]] if shown.get("programme") else []
    elif page.programme_id:
        programmes = localized_pages(ProgrammePage.objects.live().public().filter(pk=page.programme_id), locale)
    else:
        programmes = []
    if programmes:
        data["isPartOf"] = compact(
            {"@type": "CreativeWork", "name": programmes[0].title, "url": programmes[0].get_full_url(request)}
        )
    return compact(data)


def lab_data(page, request=None, methods=None) -> dict:
    """``methods``: the lab's methods when the page already read them (its context's ``methods``)."""
    language = page.locale.language_code
    address = compact(
        {
            "@type": "PostalAddress",
            "addressLocality": page.city,
            "addressRegion": page.region,
            "addressCountry": page.country.code if page.country else None,
        }
    )
    data = {
        "@context": "https://schema.org",
        "@type": "GovernmentOrganization" if page.institution_type in GOVERNMENT_INSTITUTIONS else "Organization",
        "@id": page.get_full_url(request),
        "url": page.get_full_url(request),
        "name": page.title,
        "alternateName": page.acronym,
        "description": page.summary,
        "sameAs": [page.website] if page.website else None,
        "logo": absolute(request, page.logo.file.url) if page.logo_id and page.logo else None,
        "parentOrganization": {"@type": "Organization", "name": page.host_institution}
        if page.host_institution
        else None,
        "address": address if len(address) > 1 else None,
        "geo": geo(page),
        "foundingDate": str(page.founded_year) if page.founded_year else None,
        "dissolutionDate": str(page.closed_year) if page.closed_year else None,
        "numberOfEmployees": {"@type": "QuantitativeValue", "value": page.team_size} if page.team_size else None,
        "knowsAbout": [method.label(language) for method in (page.methods.all() if methods is None else methods)],
    }
    return compact(data)


@register.simple_tag(takes_context=True)
def practice_structured_data(context, page):
    return script(practice_data(page, context.get("request"), shown=context))


@register.simple_tag(takes_context=True)
def lab_structured_data(context, page):
    return script(lab_data(page, context.get("request"), methods=context.get("methods")))
