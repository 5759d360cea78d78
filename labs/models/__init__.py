from labs.models.index import LabIndexPage
from labs.models.lab import LabPage
from labs.models.programme import ProgrammePage

__all__ = ["LabIndexPage", "LabPage", "ProgrammePage"]
