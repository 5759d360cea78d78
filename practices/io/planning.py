"""Validate every record of an import and decide what each one does, without writing anything.

A record creates a practice, adds a translation to one, or updates the page of its
``external_id`` in its ``language``. Problems are collected for every record, so that
the report lists them all at once.
"""

import uuid
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import Locale

from practices.io.cells import read_cell
from practices.io.columns import COLUMNS, COLUMNS_BY_NAME, INFORMATIONAL_COLUMNS
from practices.io.lookups import CellError, Lookups
from practices.io.reading import Problem, Record
from practices.models import PracticeIndexPage, PracticePage

# Tree and identity fields Wagtail fills in when the page is saved.
UNCHECKED_FIELDS = [
    "path",
    "depth",
    "numchild",
    "url_path",
    "content_type",
    "translation_key",
    "locale",
    "draft_title",
    "live_revision",
    "latest_revision",
]
SCALAR_COLUMNS = [column for column in COLUMNS if column.model_field != "-" and not column.shared]
SHARED_COLUMNS = [column for column in COLUMNS if column.shared]


@dataclass
class Plan:
    record: Record
    action: str  # "create", "translate" or "update"
    external_id: str
    locale: Locale
    page: object  # the PracticePage as it will be saved (unsaved for create/translate)
    values: dict
    parent: object = None  # create: the lab or practice index
    source: object = None  # translate: the original page, or the Plan creating it
    shared: dict = field(default_factory=dict)  # relations to set: {field: [objects]}

    @property
    def title(self):
        return self.page.title


class Planner:
    def __init__(self, unit: str, default_lab: str | None = None):
        self.unit = unit
        self.lookups = Lookups()
        self.locales = {locale.language_code: locale for locale in Locale.objects.all()}
        self.default_language = settings.LANGUAGE_CODE
        self.problems: list[Problem] = []
        self.plans: list[Plan] = []
        self.new_groups: dict[str, Plan] = {}
        self.seen: set[tuple[str, str]] = set()
        self.reserved_slugs: set[tuple[int, str]] = set()
        self.indexes = {index.locale_id: index for index in PracticeIndexPage.objects.order_by("-pk")}
        self.default_lab = None
        if default_lab:
            try:
                self.default_lab = self.lookups.labs.find(default_lab)
            except CellError as error:
                self.problems.append(Problem(0, "", "--parent: " + str(error), unit))

    def problem(self, record, column, message):
        self.problems.append(Problem(record.number, column, str(message), self.unit))

    # -- one record ---------------------------------------------------------------------------------

    def plan(self, record: Record) -> Plan | None:
        values, failed = {}, False
        for name, raw in record.cells.items():
            if name in INFORMATIONAL_COLUMNS or name not in COLUMNS_BY_NAME:
                continue
            try:
                values[name] = read_cell(COLUMNS_BY_NAME[name], raw, self.lookups)
            except CellError as error:
                self.problem(record, name, error)
                failed = True
        external_id = values.get("external_id")
        language = values.get("language") or self.default_language
        if not external_id:
            if "external_id" in values:
                self.problem(record, "external_id", _("required: a stable identifier for this practice."))
            return None
        locale = self.locales.get(language)
        if locale is None:
            self.problem(record, "language", _("no locale “%(code)s” in this site.") % {"code": language})
            return None
        if (external_id, language) in self.seen:
            self.problem(
                record,
                "external_id",
                _("“%(id)s” in %(language)s appears twice in the file.") % {"id": external_id, "language": language},
            )
            return None
        self.seen.add((external_id, language))
        plan = self.target(record, external_id, locale, values)
        if plan is None or failed:
            return None
        self.apply(plan)
        self.validate(plan)
        self.plans.append(plan)
        return plan

    def existing_group(self, record, external_id):
        pages = list(PracticePage.objects.filter(external_id=external_id).select_related("locale"))
        if not pages and external_id.startswith("praxis:"):
            try:
                key = uuid.UUID(external_id.removeprefix("praxis:"))
            except ValueError:
                key = None
            if key:
                pages = list(PracticePage.objects.filter(translation_key=key).select_related("locale"))
        if len({page.translation_key for page in pages}) > 1:
            self.problem(record, "external_id", _("several practices share this identifier: fix them in the admin."))
            return None
        return pages

    def target(self, record, external_id, locale, values) -> Plan | None:
        pages = self.existing_group(record, external_id)
        if pages is None:
            return None
        if pages:
            in_locale = next((page for page in pages if page.locale_id == locale.pk), None)
            original = min(pages, key=lambda page: page.pk)
            if in_locale is not None:
                page = in_locale.get_latest_revision_as_object()
                return Plan(record, "update", external_id, locale, page, values, source=original)
            return self.translation_plan(record, external_id, locale, values, original)
        if external_id in self.new_groups:
            return self.translation_plan(record, external_id, locale, values, self.new_groups[external_id])
        parent = self.parent_for(record, locale, values.get("lab"))
        if parent is None:
            return None
        page = PracticePage(locale=locale, live=False)
        page._cached_parent_obj = parent
        plan = Plan(record, "create", external_id, locale, page, values, parent=parent)
        self.new_groups[external_id] = plan
        return plan

    def translation_plan(self, record, external_id, locale, values, source) -> Plan:
        source_page = source.page if isinstance(source, Plan) else source
        page = PracticePage(locale=locale, live=False)
        for column in SCALAR_COLUMNS + [COLUMNS_BY_NAME["title"]]:
            setattr(page, column.model_field, getattr(source_page, column.model_field))
        page.slug = source_page.slug
        source_parent = source.parent if isinstance(source, Plan) else source_page.get_parent()
        page._cached_parent_obj = source_parent.get_translation_or_none(locale) if source_parent else None
        return Plan(record, "translate", external_id, locale, page, values, source=source)

    def parent_for(self, record, locale, lab_group):
        group = lab_group or self.default_lab
        if group is None:
            index = self.indexes.get(locale.pk)
            if index is None:
                self.problem(record, "lab", _("no lab given and no practice index in this language to file it under."))
            return index
        lab = group.in_locale(locale.pk)
        if lab is None:
            self.problem(
                record,
                "lab",
                _("the lab “%(lab)s” has no page in this language: import the practice in the lab's language first.")
                % {"lab": group.original.title},
            )
        return lab

    # -- values and validation ----------------------------------------------------------------------

    def apply(self, plan: Plan):
        page, values = plan.page, plan.values
        page.external_id = plan.external_id
        for column in SCALAR_COLUMNS:
            if column.name in values and column.name != "slug":
                setattr(page, column.model_field, self.shared_target(values[column.name], plan.locale))
        if values.get("slug"):
            page.slug = values["slug"]
        elif plan.action == "create":
            page.slug = self.free_slug(plan.parent, slugify(page.title) or "pratique")
        if plan.action == "translate":
            # Every translation shares the original's classification (praxis.signals keeps it so).
            source_page = plan.source.page if isinstance(plan.source, Plan) else plan.source
            plan.shared = {
                column.model_field: list(getattr(source_page, column.model_field).all()) for column in SHARED_COLUMNS
            }
        elif self.is_original(plan):
            plan.shared = {
                column.model_field: [self.shared_target(item, plan.locale) for item in values[column.name]]
                for column in SHARED_COLUMNS
                if column.name in values
            }
        for field_name, objects in plan.shared.items():
            getattr(page, field_name).set(objects)

    def is_original(self, plan: Plan) -> bool:
        return plan.action == "create" or plan.source is None or plan.source.pk == plan.page.pk

    @staticmethod
    def shared_target(item, locale):
        # Labs and programmes are pages: point at the one in the practice's language when it exists.
        return item.preferred(locale.pk) if hasattr(item, "preferred") else item

    def free_slug(self, parent, base: str) -> str:
        from wagtail.models import Page

        candidate, suffix = base, 1
        while (parent.pk, candidate) in self.reserved_slugs or not Page._slug_is_available(candidate, parent):
            suffix += 1
            candidate = f"{base}-{suffix}"
        return candidate

    def validate(self, plan: Plan):
        page = plan.page
        parent = page._cached_parent_obj if plan.action != "update" else page.get_parent()
        if parent is not None and plan.action != "update":
            key = (parent.pk, page.slug)
            if key in self.reserved_slugs:
                self.problem(plan.record, "slug", _("another row of the file already uses this slug here."))
            self.reserved_slugs.add(key)
        try:
            page.full_clean(exclude=UNCHECKED_FIELDS)
        except ValidationError as error:
            for field_name, messages in error.message_dict.items():
                column = field_name if field_name in COLUMNS_BY_NAME else ""
                for message in messages:
                    self.problem(plan.record, column, message)
