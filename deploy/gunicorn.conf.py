"""gunicorn settings for Praxis: `gunicorn -c deploy/gunicorn.conf.py praxis.wsgi`.

Every value can be overridden by the environment (``GUNICORN_*`` below) or on the command
line. Synchronous workers: a page is CPU-bound (templates, ORM), so one worker per core
(plus one) keeps every core busy; slow clients are absorbed by Varnish in front.
"""

import gc
import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() + 1))
worker_class = "sync"
# A worker is recycled after this many requests (bounded memory whatever leaks), at a
# jittered count so that they do not all restart together.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 2000))
max_requests_jitter = max_requests // 10
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 60))  # the PDF dossier is the slowest request
graceful_timeout = 30
keepalive = 5  # Varnish keeps connections open to the app
# The app is loaded once, before forking: workers share its memory and a broken deployment
# fails at start instead of at the first request.
preload_app = True
# Varnish (or the TLS proxy) on the same machine sets X-Forwarded-*; list their addresses here.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None  # empty: no access log
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
proc_name = "praxis"


def pre_fork(server, worker):
    """Before each worker is forked from the loaded app: its objects (about 230,000: modules,
    templates, settings) are frozen, out of the collector's reach. A worker's full garbage
    collection then reads only what its requests made: measured about 120 ms before, under
    1 ms after, a pause that one search request in nine paid (``search_fresh_bench``). The
    frozen objects also stay shared with the master (a collection no longer writes to their
    pages)."""
    gc.freeze()
