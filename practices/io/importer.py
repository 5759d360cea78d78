"""Import practices from a CSV or JSON file: all rows or none.

Every record is read and validated first (practices.io.planning) and every problem is
reported, with its row and column. Only a file without problems is written, in one
transaction; a dry run stops before writing.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.utils.translation import gettext as _
from wagtail.models import Page

from practices.io.planning import Plan, Planner
from practices.io.reading import FileProblem, Problem, read_records
from practices.models import PracticePage


@dataclass
class Outcome:
    row: int
    action: str  # "create", "translate" or "update"
    external_id: str
    language: str
    title: str
    page_id: int | None = None


@dataclass
class ImportReport:
    unit: str = "row"
    dry_run: bool = False
    publish: bool = False
    problems: list[Problem] = field(default_factory=list)
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def count(self, action: str) -> int:
        return sum(1 for outcome in self.outcomes if outcome.action == action)

    def summary(self) -> str:
        numbers = {
            "created": self.count("create"),
            "translated": self.count("translate"),
            "updated": self.count("update"),
        }
        if not self.ok:
            return _("%(count)d problem(s): nothing was imported.") % {"count": len(self.problems)}
        if self.dry_run:
            return (
                _(
                    "Dry run: %(created)d practice(s) would be created, %(translated)d translation(s) added, %(updated)d updated. Nothing was written."
                )
                % numbers
            )
        state = _("published") if self.publish else _("saved as drafts")
        return _(
            "%(created)d practice(s) created, %(translated)d translation(s) added, %(updated)d updated (%(state)s)."
        ) % {**numbers, "state": state}


class Rollback(Exception):
    pass


def import_practices(
    data: bytes,
    *,
    fmt: str | None = None,
    filename: str = "",
    encoding: str | None = None,
    dry_run: bool = False,
    publish: bool = False,
    default_lab: str | None = None,
) -> ImportReport:
    """Read ``data`` (the bytes of a CSV or JSON file) and import it, or report why not."""
    report = ImportReport(dry_run=dry_run, publish=publish)
    try:
        records, problems, report.unit = read_records(data, fmt=fmt, filename=filename, encoding=encoding)
    except FileProblem as problem:
        report.problems.append(Problem(0, "", problem.message))
        return report
    report.problems.extend(problems)
    if any(problem.row == 0 for problem in problems):
        return report  # the columns are wrong: reading the rows would only repeat it
    if not records:
        report.problems.append(Problem(0, "", _("The file holds no practice.")))
        return report

    planner = Planner(report.unit, default_lab=default_lab)
    for record in records:
        planner.plan(record)
    report.problems.extend(planner.problems)
    report.problems.sort(key=lambda problem: problem.row)
    report.outcomes = [outcome_of(plan) for plan in planner.plans]
    if not report.ok or dry_run:
        return report

    try:
        with transaction.atomic():
            for plan in planner.plans:
                if not write(plan, publish, report):
                    raise Rollback  # later rows may depend on this one: stop here
    except Rollback:
        for outcome in report.outcomes:
            outcome.page_id = None
    return report


def outcome_of(plan: Plan) -> Outcome:
    return Outcome(
        plan.record.number, plan.action, plan.external_id, plan.locale.language_code, plan.title, plan.page.pk
    )


def write(plan: Plan, publish: bool, report: ImportReport) -> bool:
    """Save one planned page and a revision of it (published with ``publish``); False on failure."""
    try:
        with transaction.atomic():
            page = save_page(plan)
            revision = page.save_revision(log_action=True)
            if publish:
                revision.publish()
    except (ValidationError, DatabaseError, ValueError) as error:
        messages = error.messages if isinstance(error, ValidationError) else [str(error)]
        for message in messages:
            report.problems.append(Problem(plan.record.number, "", message, report.unit))
        return False
    for outcome in report.outcomes:
        if outcome.row == plan.record.number:
            outcome.page_id = page.pk
    return True


def save_page(plan: Plan):
    page = plan.page
    if plan.action == "create":
        parent = Page.objects.get(pk=plan.parent.pk)
        parent.add_child(instance=page)
        return page
    if plan.action == "translate":
        source = plan.source.page if isinstance(plan.source, Plan) else plan.source
        source = PracticePage.objects.get(pk=source.pk)
        translation = source.copy_for_translation(plan.locale, copy_parents=True, alias=False)
        kept = TREE_AND_ID if plan.values.get("slug") else TREE_AND_ID | {"slug"}
        for field_name in [f.attname for f in PracticePage._meta.concrete_fields if f.attname not in kept]:
            setattr(translation, field_name, getattr(page, field_name))
        for field_name, objects in plan.shared.items():
            getattr(translation, field_name).set(objects)
        translation.save()
        plan.page = translation
        return translation
    return page


# Fields the translation keeps from its copy (its place in the tree and its identity).
TREE_AND_ID = {
    "id",
    "page_ptr_id",
    "path",
    "depth",
    "numchild",
    "url_path",
    "translation_key",
    "locale_id",
    "content_type_id",
    "live",
    "has_unpublished_changes",
    "first_published_at",
    "last_published_at",
    "live_revision_id",
    "latest_revision_id",
    "latest_revision_created_at",
    "go_live_at",
    "expire_at",
    "expired",
    "locked",
    "locked_at",
    "locked_by_id",
    "owner_id",
    "alias_of_id",
    "draft_title",
}
