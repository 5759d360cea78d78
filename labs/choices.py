"""Fixed vocabularies for labs and programmes (code values never change)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class InstitutionType(models.TextChoices):
    MINISTRY = "ministry", _("Ministry or inter-ministerial body")
    REGION = "region", _("Region")
    DEPARTEMENT = "departement", _("Département")
    INTERCOMMUNALITY = "intercommunality", _("Metropolis or intercommunality")
    CITY = "city", _("City")
    HOSPITAL = "hospital", _("Hospital")
    ASSOCIATION = "association", _("Association")
    OTHER = "other", _("Other")


class GovernmentLevel(models.TextChoices):
    EUROPEAN = "european", _("European")
    NATIONAL = "national", _("National")
    REGIONAL = "regional", _("Regional")
    DEPARTMENTAL = "departmental", _("Departmental")
    INTERMUNICIPAL = "intermunicipal", _("Intermunicipal")
    MUNICIPAL = "municipal", _("Municipal")
    NETWORK = "network", _("Network across levels")


class LabStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    DORMANT = "dormant", _("Dormant")
    CLOSED = "closed", _("Closed")
