from practices.models.index import PracticeIndexPage
from practices.models.lineage import Transposition
from practices.models.practice import PracticePage

__all__ = ["PracticeIndexPage", "PracticePage", "Transposition"]
