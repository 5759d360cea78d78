from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = _("Members")

    def ready(self):
        from members import signals, territory_store  # reason: they import models, ready once the registry is
        from territories.reader import ProfileStore, register_profile_store

        signals.connect()
        # "Territories like mine" reads and keeps a member's territory in their profile.
        register_profile_store(ProfileStore(read=territory_store.read, write=territory_store.write))
