"""The note for elected officials: one neutral structure of a plan, read by both renderers.

:func:`build_note` turns a plan into a :class:`Note` (dataclasses: sections of paragraphs,
facts, lists and tables), in the active language; the PDF (``note_pdf``) and the editable
document (``note_docx``) only lay that structure out, so both say exactly the same thing.
No request is needed: the background task builds notes too.

What the note never holds: a contact email (plans carry none), the plan's private notes,
its collaborators or history. Text copied from the practice stays in the language it was
copied in; its blocks carry that language (``lang``) when it differs from the note's.
"""

from dataclasses import dataclass
from datetime import date

from django.utils import formats, timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from practices.choices import EvidenceLevel, LifecycleStage
from praxis.licences import Licence, licence_url
from territories import similarity
from territories.models import Territory
from transpositions.models import Plan
from transpositions.services import estimates

BRIEF_MAX = 900  # characters of the practice's summary and results kept in "in brief"


@dataclass(frozen=True)
class Text:
    block = "text"
    text: str
    lang: str = ""  # the text's language when it is not the note's (copied from the practice)
    lead: bool = False
    label: str = ""  # a few words in the note's language before the text ("Results")


@dataclass(frozen=True)
class Facts:
    """Label and value pairs (a definition list; a two-column table in the document)."""

    block = "facts"
    rows: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Item:
    text: str
    label: str = ""  # a decision, a state, a date
    detail: str = ""  # why, the local choice, a mitigation, who
    url: str = ""
    lang: str = ""  # of ``text``, when copied from the practice in another language


@dataclass(frozen=True)
class Items:
    block = "items"
    items: tuple[Item, ...]
    ordered: bool = False


@dataclass(frozen=True)
class Table:
    block = "table"
    caption: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]  # the first cell of each row heads it


@dataclass(frozen=True)
class Section:
    key: str  # a stable name (styles, tests)
    heading: str
    blocks: tuple = ()
    subsections: tuple["Section", ...] = ()


@dataclass(frozen=True)
class Note:
    title: str  # the plan's title
    kind: str  # "Note for elected officials", in the note's language
    language: str
    source_language: str
    generated_on: date
    sections: tuple[Section, ...]
    keywords: tuple[str, ...] = ()

    @property
    def document_title(self) -> str:
        return f"{self.title} — {self.kind}"


def label(choices, value: str) -> str:
    return str(dict(choices.choices).get(value, value)) if value else ""


def number(value, decimals: int | None = None) -> str:
    return formats.number_format(value, decimal_pos=decimals, use_l10n=True, force_grouping=True)


def inhabitants(population: int | None) -> str:
    if not population:
        return ""
    return _("%(population)s inhabitants") % {"population": number(population)}


def web_url(url: str) -> str:
    """``url`` when it is a web address (the only links a note makes), else empty."""
    return url if (url or "").lower().startswith(("https://", "http://")) else ""


def trimmed(text: str, limit: int = BRIEF_MAX) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


class Builder:
    def __init__(self, plan: Plan):
        self.plan = plan
        self.source = plan.source or {}
        self.language = get_language() or plan.language
        self.source_language = self.source.get("language", "") or plan.language
        self.lang = "" if self.source_language == self.language else self.source_language
        self.here = plan.territory_name or _("your territory")

    def note(self) -> Note:
        sections = (
            self.brief(),
            self.fit(),
            self.kept(),
            self.estimate(),
            self.prerequisites(),
            self.risks(),
            self.next_steps(),
            self.partners(),
            self.sources(),
        )
        return Note(
            title=self.plan.title,
            kind=_("Note for elected officials"),
            language=self.language,
            source_language=self.source_language,
            generated_on=timezone.localdate(),
            sections=sections,
            keywords=tuple(self.source.get("policy_areas", [])),
        )

    # The practice in brief
    def brief(self) -> Section:
        source = self.source
        blocks = []
        if source.get("summary"):
            blocks.append(Text(trimmed(source["summary"]), lang=self.lang, lead=True))
        where = ", ".join(filter(None, [source.get("territory_name", ""), inhabitants(source.get("population"))]))
        years = ""
        if source.get("start_year"):
            years = str(source["start_year"])
            if source.get("end_year"):
                years += f"–{source['end_year']}"
        rows = [
            (_("Practice"), source.get("title", "")),
            (_("Where"), where),
            (_("Developed by"), ", ".join(source.get("labs", []))),
            (_("Since"), years),
            (_("Stage"), label(LifecycleStage, source.get("lifecycle_stage", ""))),
            (_("Level of evidence"), label(EvidenceLevel, source.get("evidence_level", ""))),
            (_("Plan status"), self.plan.get_status_display()),
        ]
        blocks.append(Facts(tuple((name, value) for name, value in rows if value)))
        if source.get("results"):
            blocks.append(Text(trimmed(source["results"]), lang=self.lang, label=_("Results")))
        return Section("brief", _("The practice in brief"), tuple(blocks))

    # Why it fits
    def fit(self) -> Section:
        blocks = []
        reader = self.plan.territory
        other = Territory.objects.filter(pk=self.source.get("territory_id")).first() if self.source else None
        if reader is not None and other is not None:
            compared = similarity.comparison(reader, other)
            reasons = [Item(reason) for reason in compared["reasons"]]
            if not reasons and compared["ratio_words"]:
                reasons.append(Item(compared["ratio_words"]))
            blocks.append(
                Text(
                    _("%(source)s compared with %(here)s (closeness %(closeness)s %%):")
                    % {"source": other.name, "here": reader.name, "closeness": compared["closeness"]}
                )
            )
            if reasons:
                blocks.append(Items(tuple(reasons)))
        else:
            blocks.append(
                Text(_("The two territories cannot be compared: one of them is not in the territory reference."))
            )
        blocks.append(Facts(((_("Legal competence"), self.competence()),)))
        return Section("fit", _("Why it fits %(territory)s") % {"territory": self.here}, tuple(blocks))

    def competence(self) -> str:
        check = self.plan.competence or {}
        if not check:
            return _("Nothing to check: the practice does not need a particular competence.")
        if check.get("holds"):
            return _("%(territory)s holds the competence the practice needs.") % {
                "territory": check.get("territory") or self.here
            }
        holders = check.get("holders") or check.get("levels") or []
        if holders:
            return _("Your level of government does not hold this competence; it belongs to %(who)s.") % {
                "who": ", ".join(holders)
            }
        return check.get("message", "")

    # What will be kept and adapted
    def kept(self) -> Section:
        core = [
            Item(
                item.get("text", ""),
                label=label(Plan.Decision, item.get("decision", "")) or str(Plan.Decision.UNDECIDED.label),
                detail=item.get("why", ""),
                lang=self.lang,
            )
            for item in self.plan.core_elements
        ]
        adaptable = [
            Item(
                item.get("text", ""),
                label="" if item.get("choice") else _("Local choice to be made"),
                detail=_("Our choice: %(choice)s") % {"choice": item["choice"]} if item.get("choice") else "",
                lang=self.lang,
            )
            for item in self.plan.adaptable_elements
        ]
        subsections = (
            Section("core", _("Core elements"), (self.items_or_none(core),)),
            Section("adaptable", _("Adaptable elements and our choices"), (self.items_or_none(adaptable),)),
        )
        return Section("kept", _("What we keep and what we adapt"), subsections=subsections)

    # Cost and staff
    def estimate(self) -> Section:
        budget, staff = estimates.budget(self.plan), estimates.staff(self.plan)
        blocks = []
        rows = []
        if budget:
            rows.append((_("Budget"), budget.source_label, self.range_words(budget, money=True)))
        if staff:
            rows.append((_("Staff time"), staff.source_label, self.range_words(staff, money=False)))
        if rows:
            blocks.append(
                Table(
                    _("The source's range and the estimate here"),
                    (_("What"), _("Source practice"), _("Estimate for %(territory)s") % {"territory": self.here}),
                    tuple(rows),
                )
            )
        else:
            blocks.append(Text(_("The source practice gives no budget or staff time to rescale.")))
        facts = []
        if self.plan.cost_ratio is not None:
            facts.append((_("Size ratio"), number(self.plan.cost_ratio, 2)))
        if self.plan.price_change:
            facts.append((_("Price change since the source"), f"{number(self.plan.price_change, 1)} %"))
        if self.plan.estimate_assumption:
            facts.append((_("Assumption"), self.plan.estimate_assumption))
        if facts:
            blocks.append(Facts(tuple(facts)))
        blocks.append(
            Text(
                _(
                    "An order of magnitude, rounded outwards: never more precise than the source's own range. "
                    "Year of the source: %(year)s."
                )
                % {"year": self.source.get("start_year") or _("unknown")}
            )
        )
        return Section("estimate", _("Cost and staff estimate"), tuple(blocks))

    @staticmethod
    def range_words(estimate: estimates.Estimate, money: bool) -> str:
        low = number(estimate.low)
        high = number(estimate.high) if estimate.high is not None else ""
        if money:
            if not high:
                return _("over %(low)s euros") % {"low": low}
            if not estimate.low:
                return _("up to %(high)s euros") % {"high": high}
            return _("%(low)s to %(high)s euros") % {"low": low, "high": high}
        if not high:
            return _("over %(low)s full-time equivalents") % {"low": low}
        if not estimate.low:
            return _("up to %(high)s full-time equivalent") % {"high": high}
        return _("%(low)s to %(high)s full-time equivalents") % {"low": low, "high": high}

    def prerequisites(self) -> Section:
        items = [
            Item(
                item.get("text", ""),
                label=label(Plan.Readiness, item.get("state", "")),
                detail=" · ".join(filter(None, [item.get("who", ""), item.get("when", "")])),
                lang=self.lang,
            )
            for item in self.plan.prerequisites
        ]
        return Section("prerequisites", _("Prerequisites"), (self.items_or_none(items),))

    def risks(self) -> Section:
        items = [
            Item(
                item.get("text", ""),
                detail=_("Mitigation: %(text)s") % {"text": item["mitigation"]} if item.get("mitigation") else "",
            )
            for item in self.plan.risks
        ]
        return Section("risks", _("Risks"), (self.items_or_none(items),))

    def next_steps(self) -> Section:
        items = [
            Item(item.get("what", ""), label=item.get("when", ""), detail=item.get("who", ""))
            for item in self.plan.milestones
        ]
        return Section("next_steps", _("Next steps"), (self.items_or_none(items, ordered=True),))

    def partners(self) -> Section:
        items = [Item(item.get("name", ""), detail=item.get("role", "")) for item in self.plan.partners]
        return Section("partners", _("Local partners"), (self.items_or_none(items),))

    def sources(self) -> Section:
        source = self.source
        labs = ", ".join(source.get("labs", [])) or _("its authors")
        blocks = [
            Text(
                _("This note adapts the practice “%(practice)s” by %(labs)s, published on Praxis.")
                % {"practice": source.get("title", ""), "labs": labs}
            )
        ]
        copied = parse_datetime(source.get("taken_at", "") or "")
        rows = []
        if source.get("url"):
            rows.append((_("Source practice"), source["url"]))
        code = source.get("licence", "")
        if code:
            text = label(Licence, code)
            if licence_url(code):
                text = f"{text} ({licence_url(code)})"
            rows.append((_("Licence of the practice's text"), text))
            rows.append((_("Credit"), labs))
        if copied:
            rows.append((_("Copied on"), formats.date_format(copied.date(), "DATE_FORMAT")))
        blocks.append(Facts(tuple(rows)))
        if self.plan.practice_id is None:
            blocks.append(Text(_("The source practice is no longer published: this note relies on the copy kept.")))
        references = [
            Item(item.get("title") or item.get("url", ""), url=web_url(item.get("url", "")))
            for item in source.get("sources", [])
        ]
        if references:
            blocks.append(Text(_("The practice's sources:")))
            blocks.append(Items(tuple(references)))
        return Section("sources", _("Sources and licence"), tuple(blocks))

    @staticmethod
    def items_or_none(items: list[Item], ordered: bool = False):
        items = [item for item in items if item.text.strip()]
        if not items:
            return Text(_("Not filled in yet."))
        return Items(tuple(items), ordered=ordered)


def build_note(plan: Plan) -> Note:
    """The note of ``plan`` in the active language (wrap in ``translation.override``)."""
    return Builder(plan).note()
