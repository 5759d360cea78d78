from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LabsConfig(AppConfig):
    name = "labs"
    verbose_name = _("Labs and programmes")

    def home_context(self, request):
        """The labs part of the home page."""
        from labs.home import labs_by_country

        return labs_by_country(request)
