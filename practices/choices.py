"""Fixed vocabularies of a practice and its transposition sheet (code values never change)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class LifecycleStage(models.TextChoices):
    IDEA = "idea", _("Idea")
    EXPERIMENTATION = "experimentation", _("Experimentation")
    EVALUATED = "evaluated", _("Evaluated")
    SCALED = "scaled", _("Scaled up")
    INSTITUTIONALISED = "institutionalised", _("Institutionalised")
    STOPPED = "stopped", _("Stopped")


class EvidenceLevel(models.TextChoices):
    SELF_DECLARED = "self_declared", _("Self-declared")
    INTERNAL = "internal", _("Internally evaluated")
    EXTERNAL = "external", _("Externally evaluated")


class LegalCompetence(models.TextChoices):
    COMMUNE = "commune", _("Commune")
    INTERCOMMUNALITY = "intercommunality", _("Intercommunality")
    DEPARTEMENT = "departement", _("Département")
    REGION = "region", _("Region")
    STATE = "state", _("State")


class BudgetRange(models.TextChoices):
    UNDER_10K = "lt10k", _("Under €10,000")
    FROM_10K = "10k-50k", _("€10,000 to €50,000")
    FROM_50K = "50k-200k", _("€50,000 to €200,000")
    FROM_200K = "200k-1m", _("€200,000 to €1 million")
    OVER_1M = "gt1m", _("Over €1 million")


class StaffTime(models.TextChoices):
    UNDER_HALF = "lt0.5", _("Less than half a full-time post")
    HALF_TO_ONE = "0.5-1", _("Half to one full-time post")
    ONE_TO_THREE = "1-3", _("One to three full-time posts")
    OVER_THREE = "gt3", _("More than three full-time posts")


class Duration(models.TextChoices):
    UNDER_6M = "lt6m", _("Less than 6 months")
    FROM_6M = "6-12m", _("6 to 12 months")
    FROM_1Y = "1-2y", _("1 to 2 years")
    OVER_2Y = "gt2y", _("More than 2 years")


class TranspositionOutcome(models.TextChoices):
    ONGOING = "ongoing", _("Ongoing")
    SUCCESS = "success", _("Succeeded")
    PARTIAL = "partial", _("Partly succeeded")
    FAILURE = "failure", _("Failed")
    ABANDONED = "abandoned", _("Abandoned")


class DocumentType(models.TextChoices):
    COUNCIL_DECISION = "council_decision", _("Council decision")
    CALL_TEXT = "call_for_projects", _("Call for projects text")
    SPECIFICATION = "specification", _("Specification")
    AGREEMENT = "agreement", _("Agreement")
    EVALUATION = "evaluation", _("Evaluation report")
    PRESENTATION = "presentation", _("Presentation")
    TOOL = "tool", _("Tool or template")
    OTHER = "other", _("Other document")
