"""Hostile input on every public entry point, read by ``praxis.params``: a 400 with a message
(JSON where the endpoint speaks JSON, a short HTML page otherwise) or a clean answer, never a
500 — on SQLite and PostgreSQL (PostgreSQL refuses NUL bytes: none may reach it).

Each row: entry point, raw query string, expected status. The search page, its suggestions,
feeds and exports read leniently (a bad value is dropped and explained, free text cleaned),
the API, open data, lab directory and language switch strictly."""

from urllib.parse import quote

import pytest
from factories import LabPageFactory, PracticePageFactory

from taxonomy.models import PolicyArea

NUL, CONTROL, PRIVATE_USE = "\x00", "\x01", "\ue000"
HUGE = "x" * 10_000


def q(**params) -> str:
    return "&".join(f"{name}={quote(value, safe='')}" for name, value in params.items())


# The lab directory's URL is known once the fixture built it.
ENTRY_POINTS = {
    "search": ("/fr/search/", "html"),
    "suggest": ("/fr/search/suggest/", "json"),
    "rss": ("/fr/search/feed/rss/", "html"),
    "atom": ("/fr/search/feed/atom/", "html"),
    "export-csv": ("/fr/search/export/csv/", "html"),
    "export-json": ("/fr/search/export/json/", "html"),
    "api-pages": ("/api/v2/pages/", "json"),
    "api-images": ("/api/v2/images/", "json"),
    "api-documents": ("/api/v2/documents/", "json"),
    "api-find": ("/api/v2/pages/find/", "json"),
    "opendata-practices-json": ("/opendata/practices.json", "json"),
    "opendata-practices-csv": ("/opendata/practices.csv", "json"),
    "opendata-labs-json": ("/opendata/labs.json", "json"),
    "directory": (None, "html"),
    "markers": (None, "json"),  # the directory map's markers: the directory's own parameters
    "language": ("/en/language/", "html"),
}
LENIENT = ("search", "suggest", "rss", "atom", "export-csv", "export-json")
OK = {"language": 302, "api-find": 404}  # what a clean answer is, when not a 200


def rows():
    """(entry point, query string, expected status): the table the lead's note summarises."""
    table = []
    hostile_values = {"NUL": NUL, "control": CONTROL, "private-use": PRIVATE_USE}
    text_parameter = {
        **dict.fromkeys(LENIENT, "q"),
        "api-pages": "search",
        "api-images": "search",
        "api-documents": "search",
        "api-find": "html_path",
        "opendata-practices-json": "locale",
        "opendata-practices-csv": "locale",
        "opendata-labs-json": "locale",
        "directory": "country",
        "markers": "country",
        "language": "next",
    }
    for entry, parameter in text_parameter.items():
        strict = entry not in LENIENT
        for value in hostile_values.values():
            table.append((entry, q(**{parameter: value}), 400 if strict else OK.get(entry, 200)))
            table.append((entry, q(**{parameter: "a" + value + "b"}), 400 if strict else OK.get(entry, 200)))
        table.append((entry, f"{parameter}=%FF%FE", 400 if strict else OK.get(entry, 200)))  # invalid UTF-8
        table.append((entry, q(**{parameter: HUGE}), 400))  # the query string is over 8,000 bytes
        table.append((entry, q(**{parameter: "x" * 3_000}), 400 if strict else OK.get(entry, 200)))
        repeated = f"{parameter}=fr&{parameter}=en"
        table.append((entry, repeated, 400 if strict else OK.get(entry, 200)))
    for entry in LENIENT:
        for query in (
            q(policy_area=NUL),
            q(policy_area="does-not-exist"),
            q(policy_area="x" * 5000),
            q(country="ZZ"),
            q(lab="-1"),
            q(lab=str(10**30)),
            q(page="-1"),
            q(page=str(10**30)),
            q(page=NUL),
            q(sort=PRIVATE_USE),
            q(year_from="99999"),
            "%FF=1",
        ):
            table.append((entry, query, 200))
    for entry in ("api-pages", "api-images", "api-documents"):
        for query in (
            q(limit="-1"),
            q(limit=str(10**30)),
            q(limit="21"),
            q(offset="-1"),
            q(offset=str(10**30)),
            q(offset="١٢"),  # Arabic-Indic digits
            q(order=NUL),
            q(fields=NUL),
            q(fields="x" * 2_000),
            q(search="santé", search_operator="or", order=CONTROL),
            q(search=NUL, search_operator="or"),
            q(search="(((" + PRIVATE_USE, search_operator="or"),
            q(search="santé", search_operator="xor"),
            q(search="santé", search_operator=NUL),
            "search=a&search=b",
            "%00=1",
            "title=a%00b",
            "id=" + str(10**30),
        ):
            table.append((entry, query, 400))
        for query in (
            q(search="' OR 1=1--", search_operator="or"),
            q(search="((( *:* -", search_operator="or"),
            q(search="santé 🙂", search_operator="and"),
            q(limit="0"),
            q(offset="999999"),
        ):
            table.append((entry, query, 200))
    for query in (
        q(locale="xx"),
        q(locale=NUL),
        "locale=fr&locale=en",
        q(type="nothing.Nowhere"),
        q(type=NUL),
        q(policy_area=NUL),
        q(policy_area="does-not-exist"),
        q(policy_area="logement," + "x" * 1_000),
        q(policy_area=",".join(f"t{n}" for n in range(30))),
        "policy_area=logement&policy_area=logement",
        q(territory_type=PRIVATE_USE),
        q(method="%FF"),
        q(child_of=str(10**30)),
        q(descendant_of="-5"),
        q(translation_of=NUL),
        q(site=NUL),
        q(start_year=str(10**30)),
        q(latitude=NUL),
    ):
        table.append(("api-pages", query, 400))
    for query in (q(locale="fr"), q(policy_area="logement", search="x", search_operator="or"), q(child_of="root")):
        table.append(("api-pages", query, 200))
    for entry in ("opendata-practices-json", "opendata-practices-csv", "opendata-labs-json"):
        table.append((entry, q(locale="xx"), 400))
        table.append((entry, q(locale="en"), 200))
        table.append((entry, q(other=NUL), 400))  # strict: even a parameter it does not read
        table.append((entry, q(other="x"), 200))
    table.append(("directory", q(country="ZZ", status="exploded"), 200))  # the form explains it
    table.append(("directory", q(level="x" * 101), 400))
    table.append(("markers", q(country="ZZ", status="exploded"), 200))  # ignored, like the page's form
    table.append(("markers", q(level="x" * 101), 400))
    table.append(("language", q(next="https://evil.example/"), 302))
    return table


@pytest.fixture
def site(home):
    area = PolicyArea.objects.get(slug="logement")  # a seed term
    lab = LabPageFactory(slug="lab-robuste", country="FR")
    PracticePageFactory(parent=lab, title="Santé logement", policy_areas=[area])
    ENTRY_POINTS["directory"] = (lab.get_parent().url, "html")
    ENTRY_POINTS["markers"] = (f"{lab.get_parent().url}markers/", "json")
    return lab


@pytest.mark.parametrize("entry", ENTRY_POINTS)
def test_hostile_parameters(client, site, subtests, entry):
    """One test per entry point (the site is built once), one subtest per row of the table."""
    path, speaks = ENTRY_POINTS[entry]
    for row_entry, query, expected in rows():
        if row_entry != entry:
            continue
        with subtests.test(query=query[:60]):
            response = client.get(f"{path}?{query}")
            assert response.status_code == expected, (entry, query[:80], response.content[:300])
            if expected == 400:
                assert_refusal(response, speaks)


def assert_refusal(response, speaks):
    body = response.content.decode()
    assert HUGE not in body and len(body) < 2_000  # never echoed back at length
    if speaks == "json":
        assert response["Content-Type"].startswith("application/json")
        assert response.json()["message"]
    else:
        assert response["Content-Type"].startswith("text/html")
        assert "<p>" in body and "<a href=" in body  # a message, and a way back


def test_a_refused_search_address_links_back_to_the_search(client, site):
    response = client.get("/fr/search/?" + q(q=HUGE))
    assert response.status_code == 400
    assert 'href="/fr/search/"' in response.content.decode()


def test_the_api_names_the_refused_parameter(client, site):
    answer = client.get("/api/v2/pages/?" + q(locale=NUL)).json()
    assert answer["parameter"] == "locale"
    assert "U+0000" in answer["message"]
    answer = client.get("/api/v2/pages/?" + q(policy_area="logement,inconnu")).json()
    assert answer["parameter"] == "policy_area" and "inconnu" in answer["message"]
    answer = client.get("/api/v2/pages/?locale=fr&locale=en", HTTP_ACCEPT_LANGUAGE="en").json()
    assert "more than once" in answer["message"]
    answer = client.get("/api/v2/pages/?locale=fr&locale=en", HTTP_ACCEPT_LANGUAGE="fr").json()
    assert "plus d'une fois" in answer["message"]  # in the reader's language


def test_lenient_search_cleans_what_it_reads(client, site):
    response = client.get("/fr/search/?" + q(q="santé" + NUL + "logement" + PRIVATE_USE))
    assert response.status_code == 200
    assert response.context["params"].q == "santé logement"
    assert response.context["search"].total == 1
    suggestions = client.get("/fr/search/suggest/?" + q(q="San" + NUL)).json()
    assert suggestions["query"] == "San"
