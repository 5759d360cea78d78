"""Factories for every model (factory_boy + wagtail-factories).

Pages need a parent: pass ``parent=...`` or let the factory build the site
skeleton (home page, lab directory, practice index) through ``ensure_site``.
"""

from factories.contributions import SubmissionFactory
from factories.labs import LabIndexPageFactory, LabPageFactory, MethodFactory, ProgrammePageFactory
from factories.members import MemberFactory
from factories.practices import (
    InstrumentFactory,
    PolicyAreaFactory,
    PracticeIndexPageFactory,
    PracticePageFactory,
    TerritoryTypeFactory,
    TranspositionFactory,
)
from factories.transpositions import PlanFactory
from factories.users import GroupFactory, UserFactory

__all__ = [
    "GroupFactory",
    "InstrumentFactory",
    "LabIndexPageFactory",
    "LabPageFactory",
    "MemberFactory",
    "MethodFactory",
    "PlanFactory",
    "PolicyAreaFactory",
    "PracticeIndexPageFactory",
    "PracticePageFactory",
    "ProgrammePageFactory",
    "SubmissionFactory",
    "TerritoryTypeFactory",
    "TranspositionFactory",
    "UserFactory",
]
