"""``manage.py create_demo_admin``: the demo's superuser, created once and then kept."""

from io import StringIO

from django.core.management import call_command


def test_create_demo_admin_creates_the_superuser_once(db, django_user_model, monkeypatch):
    monkeypatch.setenv("PRAXIS_ADMIN_USERNAME", "demo-admin")
    monkeypatch.setenv("PRAXIS_ADMIN_PASSWORD", "demo-password")
    first, second = StringIO(), StringIO()

    call_command("create_demo_admin", stdout=first)
    call_command("create_demo_admin", stdout=second)

    admin = django_user_model.objects.get(username="demo-admin")
    assert admin.is_superuser and admin.is_staff and admin.check_password("demo-password")
    assert "Admin account created: demo-admin" in first.getvalue()
    assert "Admin account kept: demo-admin" in second.getvalue()
