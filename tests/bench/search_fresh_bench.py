"""Searches never made before, on an existing catalogue (issue #16: the search page at
100,000 practices on PostgreSQL).

    DATABASE_URL=postgres://…/praxis_100k uv run python tests/bench/search_fresh_bench.py
    DATABASE_URL=… uv run python tests/bench/search_fresh_bench.py projet projet+3f  # some cases

The database holds a generated catalogue (``manage.py generate_practices``) and is only
read. Each case is the whole search page through the Django client, in one of two modes:

- nothing kept (the default): the cache is a dummy one and the fragment cache is off, so
  every request does the database work of a first search (text match, ranking, counts)
  and also rebuilds the menus and every other fragment of the page;
- ``BENCH_WARMED=1``, as a reader finds the site after a publication: before each request
  the cache (in memory) is emptied, then the search page without parameters is asked for,
  as the worker does after every change (``praxis.services.warming``), and this process
  forgets what it keeps per content version, as an app server other than the worker's would
  not have it (``praxis.services.versioned``: it reads the tally of ``search.services.tally``
  from the shared cache). The search itself was never made: only what every reader shares is
  kept (the menus, the vocabularies, the readable ids, the tally).

Printed per case: median and p95 in ms over ``BENCH_RUNS`` requests (after one warm-up),
the SQL queries and the time they took. Run it with ``nice -n -15`` on a shared machine.
Common words are the slow cases: "projet" and "public" are in almost every generated
practice.
"""

import gc
import os
import statistics
import sys
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "praxis.settings.dev")
os.environ["DEBUG"] = "false"
WARMED = os.environ.get("BENCH_WARMED") == "1"
if not WARMED:
    os.environ["FRAGMENT_CACHE_SECONDS"] = "0"
os.environ.pop("ELASTICSEARCH_URL", None)
os.environ.pop("REDIS_URL", None)
RUNS = int(os.environ.get("BENCH_RUNS", "7"))
WARMING = "/fr/search/"  # what the worker asks for after a change
CASES = {
    "projet": "/fr/search/?q=projet",
    "public": "/fr/search/?q=public",
    "santé": "/fr/search/?q=sant%C3%A9",
    "projet+3f": "/fr/search/?q=projet&policy_area=sante-hopitaux&territory_type=rural&instrument=subvention",
    "public+1f": "/fr/search/?q=public&territory_type=rural",
    "projet p5": "/fr/search/?q=projet&page=5",
    "selective": "/fr/search/?q=m%C3%A9diath%C3%A8ques+rennes",
    "browse 1f": "/fr/search/?territory_type=rural",
    "browse 2f": "/fr/search/?policy_area=sante-hopitaux&instrument=subvention&sort=verified",
}


def main(names: list[str]) -> None:
    import django  # reason: the settings are chosen above, before Django starts

    django.setup()
    from django.conf import settings  # reason: after django.setup()
    from django.db import connection  # reason: after django.setup()
    from django.test import Client  # reason: after django.setup()
    from django.test.utils import CaptureQueriesContext  # reason: after django.setup()

    from praxis.services import versioned  # reason: after django.setup()

    settings.ALLOWED_HOSTS = ["*"]
    if WARMED:
        settings.CACHES["default"] = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "bench"}
    else:
        settings.CACHES["default"] = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    from django.core.cache import cache  # reason: after the cache setting above

    client = Client()
    assert client.get(WARMING).status_code == 200  # the app loaded, its templates compiled
    gc.freeze()  # as before gunicorn forks its workers (deploy/gunicorn.conf.py)
    mode = "after the worker's warming" if WARMED else "nothing kept"
    print(f"{connection.vendor} {connection.settings_dict['NAME']}, {RUNS} runs, {mode}")
    for name in names or CASES:
        url = CASES[name]
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        times = []
        for _ in range(RUNS):
            if WARMED:
                cache.clear()
                versioned.forget()  # a new content version, for the worker
                assert client.get(WARMING).status_code == 200
                versioned.forget()  # then for this app server
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                client.get(url)
                times.append((time.perf_counter() - started) * 1000)
        times.sort()
        p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
        sql = sum(float(query["time"]) for query in queries.captured_queries) * 1000
        print(
            f"{name:12} median {statistics.median(times):6.0f} ms  p95 {p95:6.0f} ms  "
            f"{len(queries.captured_queries)} queries, {sql:.0f} ms of SQL"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
