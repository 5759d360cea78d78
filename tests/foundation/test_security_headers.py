"""Content-Security-Policy on public pages, none in the admin, Permissions-Policy everywhere
(praxis.security_headers). Chromium runs the pages under it in tests/browser."""

from praxis.security_headers import content_security_policy, origin_of


def test_a_public_page_forbids_inline_scripts_and_styles(client, home):
    response = client.get(home.url)
    policy = dict(directive.split(" ", 1) for directive in response.headers["Content-Security-Policy"].split("; "))
    assert policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self'"
    assert policy["object-src"] == "'none'" and policy["frame-ancestors"] == "'none'"
    assert "unsafe" not in response.headers["Content-Security-Policy"]
    assert "camera=()" in response.headers["Permissions-Policy"]


def test_the_admin_keeps_working_without_the_public_policy(client, home, superuser):
    client.force_login(superuser)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert "Content-Security-Policy" not in response.headers  # Wagtail's editor is not written for one
    assert "geolocation=()" in response.headers["Permissions-Policy"]


def test_map_tiles_and_media_hosts_are_allowed_images(settings):
    settings.PRAXIS_MAP_TILE_URL = "https://{s}.tile.example.org/{z}/{x}/{y}.png"
    settings.MEDIA_URL = "https://media.example.org/praxis/"
    settings.PRAXIS_CSP_REPORT_URI = "/csp-reports/"
    policy = content_security_policy()
    assert "img-src 'self' data: https://*.tile.example.org https://media.example.org;" in policy
    assert policy.endswith("report-uri /csp-reports/")
    assert origin_of("/media/") is None
