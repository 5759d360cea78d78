"""The columns of a practice file: the same for import and export (CSV headers, JSON keys).

The README's "Importing and exporting practices" section documents them; keep both in step.
"""

from dataclasses import dataclass

from practices.choices import BudgetRange, Duration, EvidenceLevel, LegalCompetence, LifecycleStage, StaffTime
from praxis.licences import Licence


@dataclass(frozen=True)
class Column:
    name: str
    kind: str  # how a cell is read and written: see practices.io.cells
    field: str = ""  # the model field, when it differs from ``name`` (or none)
    choices: type | None = None
    shared: bool = False  # a relation every translation shares (set on the original)
    exported: bool = True  # contact_email is read on import but never exported

    @property
    def model_field(self) -> str:
        return self.field or self.name


RICH = "richtext"

COLUMNS = [
    Column("external_id", "identifier", field="-"),
    Column("language", "language", field="-"),
    Column("title", "text"),
    Column("slug", "slug"),
    Column("lab", "lab", field="-"),
    Column("summary", "text"),
    Column("problem", RICH),
    Column("actions", RICH),
    Column("results", RICH),
    Column("key_figures", "figures"),
    Column("challenges", RICH),
    Column("success_conditions", RICH),
    Column("lessons", RICH),
    Column("policy_areas", "terms", shared=True),
    Column("territory_types", "terms", shared=True),
    Column("instruments", "terms", shared=True),
    Column("methods", "terms", shared=True),
    Column("lifecycle_stage", "choice", choices=LifecycleStage),
    Column("start_year", "integer"),
    Column("end_year", "integer"),
    Column("evidence_level", "choice", choices=EvidenceLevel),
    Column("territory_code", "territory", field="reference_territory"),
    Column("territory_name", "text"),
    Column("country", "country"),
    Column("population", "integer"),
    Column("latitude", "decimal"),
    Column("longitude", "decimal"),
    Column("labs", "labs", shared=True),
    Column("programme", "programme"),
    Column("partners", "partners"),
    Column("legal_competence", "choice", choices=LegalCompetence),
    Column("budget_range", "choice", choices=BudgetRange),
    Column("staff_time", "choice", choices=StaffTime),
    Column("duration", "choice", choices=Duration),
    Column("prerequisites", "lines"),
    Column("core_elements", "lines"),
    Column("adaptable_elements", "lines"),
    Column("contact_name", "text"),
    Column("contact_role", "text"),
    Column("contact_email", "email", exported=False),
    Column("licence", "choice", choices=Licence),
    Column("last_verified", "date"),
]

COLUMNS_BY_NAME = {column.name: column for column in COLUMNS}
EXPORTED_COLUMNS = [column for column in COLUMNS if column.exported]

# Added by exports and the open-data dump for readers; ignored by the importer.
INFORMATIONAL_COLUMNS = ["url", "licence_url", "first_published_at", "last_published_at"]
