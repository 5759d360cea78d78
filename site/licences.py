"""The licences published content is under: SPDX-style codes, labels and the licence texts' URLs.

Practices choose theirs (a field, and one per document); the labs' directory is under one of them.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Licence(models.TextChoices):
    CC_BY = "CC-BY-4.0", "CC BY 4.0"
    CC_BY_SA = "CC-BY-SA-4.0", "CC BY-SA 4.0"
    CC0 = "CC0-1.0", "CC0 1.0"
    ETALAB = "etalab-2.0", _("Licence Ouverte / Etalab 2.0")
    ALL_RIGHTS = "all-rights-reserved", _("All rights reserved")


LICENCE_URLS = {
    Licence.CC_BY: "https://creativecommons.org/licenses/by/4.0/",
    Licence.CC_BY_SA: "https://creativecommons.org/licenses/by-sa/4.0/",
    Licence.CC0: "https://creativecommons.org/publicdomain/zero/1.0/",
    Licence.ETALAB: "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
}


def licence_url(code: str) -> str:
    """The text of the licence ``code``; empty for "all rights reserved" or an unknown code."""
    return LICENCE_URLS.get(code, "")
