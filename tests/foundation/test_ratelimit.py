"""The rate limiter of anonymous heavy endpoints: counted per client and window in the cache."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.test import RequestFactory

from praxis import ratelimit


@pytest.fixture
def limits(settings):
    settings.PRAXIS_RATE_LIMITS = {"dossier": 2}
    settings.PRAXIS_RATE_LIMIT_WINDOW = 600
    return settings


def request_from(address, **meta):
    request = RequestFactory().get("/", REMOTE_ADDR=address, **meta)
    request.user = AnonymousUser()
    return request


def test_each_client_gets_its_own_count_and_a_new_window_resets_it(limits, monkeypatch):
    clock = [1_000_000.0]
    monkeypatch.setattr(ratelimit.time, "time", lambda: clock[0])

    outcomes = [ratelimit.rate_limited(request_from("10.0.0.1"), "dossier") for _ in range(3)]

    assert outcomes[:2] == [None, None]
    assert outcomes[2].status_code == 429
    assert outcomes[2]["Retry-After"] == "201"  # 1,000,000 is 400 s into its 600 s window
    assert ratelimit.rate_limited(request_from("10.0.0.2"), "dossier") is None
    assert ratelimit.rate_limited(request_from("10.0.0.1"), "export") is None  # no limit set for exports
    clock[0] += 600
    assert ratelimit.rate_limited(request_from("10.0.0.1"), "dossier") is None


def test_behind_a_proxy_the_configured_header_names_the_client(limits):
    limits.PRAXIS_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    for _ in range(2):
        assert (
            ratelimit.rate_limited(request_from("127.0.0.1", HTTP_X_FORWARDED_FOR="spoofed, 203.0.113.5"), "dossier")
            is None
        )
    assert (
        ratelimit.rate_limited(request_from("127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.5"), "dossier").status_code
        == 429
    )
    assert ratelimit.rate_limited(request_from("127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.6"), "dossier") is None


def test_no_address_is_kept_in_the_cache(limits):
    ratelimit.rate_limited(request_from("192.0.2.44"), "dossier")
    assert not [key for key in cache._cache if "192.0.2.44" in key]
