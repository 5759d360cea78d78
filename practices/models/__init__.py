from practices.models.lineage import Transposition
from practices.models.pages import PracticeIndexPage, PracticePage
from practices.models.taxonomy import Instrument, PolicyArea, TerritoryType

__all__ = ["Instrument", "PolicyArea", "PracticeIndexPage", "PracticePage", "TerritoryType", "Transposition"]
