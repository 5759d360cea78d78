"""Create or update the editorial groups, their permissions and the review workflow."""

from django.core.management.base import BaseCommand

from praxis.services.editorial import ensure_editorial_setup


class Command(BaseCommand):
    help = (
        "Create or update the network editorial team, one group of editors per lab (every locale), "
        "their page, image and document permissions, and the “Lab review” workflow. Safe to run again."
    )

    def handle(self, *args, **options):
        setup = ensure_editorial_setup()
        self.stdout.write(f"{setup.team.name}: {setup.team.user_set.count()} member(s).")
        for group in setup.editor_groups:
            self.stdout.write(f"{group.name}: {group.user_set.count()} member(s).")
        self.stdout.write(
            self.style.SUCCESS(
                f"Editorial setup ready: {len(setup.editor_groups)} lab group(s), workflow “{setup.workflow.name}”."
            )
        )
