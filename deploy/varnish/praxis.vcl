# Varnish in front of Praxis (Debian's varnish 7.x): anonymous pages from the cache,
# everything personal passed to the app. See README, "Running on several machines".
#
#   varnishd -a :80 -f /etc/varnish/praxis.vcl -s malloc,1G
#
# The app says what may be kept (Cache-Control: public, s-maxage) and what each copy shows
# (X-Praxis-Tags: ,site,page-12,practices,). When content changes, the app
# (praxis.services.frontend_cache, FRONTEND_CACHE_URLS) sends
#   PURGE <url>                      drop one URL (Wagtail's frontend cache)
#   BAN / with X-Praxis-Ban: a|b     drop every copy tagged a or b (search pages whatever
#                                    their query string, the listings that show a page)
# from the app servers only (acl purgers).
vcl 4.1;

# The app (gunicorn, deploy/gunicorn.conf.py). Several app servers: a director
# (import directors; round_robin) over one backend each.
backend default {
    .host = "127.0.0.1";
    .port = "8000";
    .connect_timeout = 5s;
    .first_byte_timeout = 60s;
}

# Who may PURGE and BAN: the app servers and their workers.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed."));
        }
        return (purge);
    }
    if (req.method == "BAN") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed."));
        }
        if (req.http.X-Praxis-Ban !~ "^[a-z0-9-]+(\|[a-z0-9-]+)*$") {
            return (synth(400, "X-Praxis-Ban: tags separated by |"));
        }
        # Only obj.* in the expression: the ban lurker removes matching copies in the background.
        ban("obj.http.X-Praxis-Tags ~ ,(" + req.http.X-Praxis-Ban + "),");
        return (synth(200, "Banned."));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # The admin, previews, documents (their collections may be private): never from the cache.
    if (req.url ~ "^/(admin|django-admin|documents)(/|$)") {
        return (pass);
    }
    # Signed in (editors, members): the session cookie. Never cached, cookies kept.
    if (req.http.Cookie ~ "(^|;\s*)sessionid=" || req.http.Authorization) {
        return (pass);
    }
    # The bare root reads the remembered language (django_language) to redirect.
    if (req.url ~ "^/(\?.*)?$") {
        return (pass);
    }
    # Anonymous: no other cookie changes what the app sends (language is in the URL).
    unset req.http.Cookie;
    return (hash);
}

sub vcl_backend_response {
    # Kept only what the app marks public; never a private, no-cache or cookie-setting response.
    if (beresp.http.Set-Cookie
        || beresp.http.Cache-Control !~ "public"
        || beresp.http.Cache-Control ~ "(private|no-cache|no-store)") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # A short grace: while a renewed copy is fetched, readers get the previous one.
    set beresp.grace = 30s;
    return (deliver);
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    unset resp.http.X-Praxis-Tags;  # for the cache only
    # Browsers keep their own copy no longer than max-age; s-maxage is for this cache.
    return (deliver);
}
