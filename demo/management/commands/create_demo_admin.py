"""Create (or keep) the demo administrator and print how to sign in."""

import os

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Create the demo superuser. Credentials come from PRAXIS_ADMIN_USERNAME and "
        "PRAXIS_ADMIN_PASSWORD, or default to admin / praxis-demo. Never use in production."
    )

    def handle(self, *args, **options):
        username = os.environ.get("PRAXIS_ADMIN_USERNAME", "admin")
        password = os.environ.get("PRAXIS_ADMIN_PASSWORD", "praxis-demo")
        user_model = get_user_model()
        user, created = user_model.objects.get_or_create(
            username=username, defaults={"email": f"{username}@example.org", "is_staff": True, "is_superuser": True}
        )
        if created:
            user.set_password(password)
            user.save()
            self.stdout.write(self.style.SUCCESS(f"Admin account created: {username} / {password}"))
        else:
            self.stdout.write(f"Admin account kept: {username} (password unchanged; default praxis-demo)")
