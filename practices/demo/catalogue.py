"""Everything the demo holds, in loading order (an original practice before its transpositions)."""

from practices.demo.labs import LABS
from practices.demo.practices_27e_region import LEZOUX_LIBRARY, MANCHESTER_WEALTH
from practices.demo.practices_dunkerque_lille import DUNKERQUE_RENOVATION, LILLE_TEAM
from practices.demo.practices_mulhouse import MULHOUSE_LAB, MULHOUSE_LIBRARY
from practices.demo.practices_network import ECLAIREURS_WORKSHOPS, MINDLAB_USERS, REBONDS_REDIRECTION
from practices.demo.practices_paris_occitanie import OCCITANIE_WORKSPACES, PARIS_ECO_GESTURES, PARIS_TREE_PITS
from practices.demo.practices_social import CCAS_COLLABORATIVE, DEPARTEMENTS_CONTROL
from practices.demo.practices_unpublished import DRAFT_CIVIC_HALLS, RESTRICTED_STAFF_RETURN
from practices.demo.programmes import PROGRAMMES

PRACTICES = [
    MULHOUSE_LAB,
    MULHOUSE_LIBRARY,
    DUNKERQUE_RENOVATION,
    LILLE_TEAM,
    PARIS_TREE_PITS,
    PARIS_ECO_GESTURES,
    OCCITANIE_WORKSPACES,
    LEZOUX_LIBRARY,
    MANCHESTER_WEALTH,
    REBONDS_REDIRECTION,
    ECLAIREURS_WORKSHOPS,
    MINDLAB_USERS,
    DEPARTEMENTS_CONTROL,
    CCAS_COLLABORATIVE,
    DRAFT_CIVIC_HALLS,
    RESTRICTED_STAFF_RETURN,
]

PUBLIC_PRACTICES = [spec for spec in PRACTICES if spec.get("live", True) and not spec.get("restricted")]
DRAFT_PRACTICE_KEY = DRAFT_CIVIC_HALLS["key"]
RESTRICTED_PRACTICE_KEY = RESTRICTED_STAFF_RETURN["key"]

# The programme pages live under the lab that runs them.
PROGRAMME_PARENT_LAB = "la-27e-region"

__all__ = [
    "DRAFT_PRACTICE_KEY",
    "LABS",
    "PRACTICES",
    "PROGRAMMES",
    "PROGRAMME_PARENT_LAB",
    "PUBLIC_PRACTICES",
    "RESTRICTED_PRACTICE_KEY",
]
