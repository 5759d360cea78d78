"""Read one cell into a model value (import) and write a model value into a cell (export)."""

import datetime
import re
from decimal import Decimal, InvalidOperation
from html import escape as html_escape

from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.html import escape
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.admin.rich_text.converters.db_html import DbHTMLConverter

from practices.io.lookups import CellError, Lookups, enabled_languages, find_country
from practices.io.text import join_multi, split_multi, split_pair
from practices.models import PracticePage
from practices.models.practice import SECTION_FEATURES
from territories.lookup import UnknownCode, by_code

HTML_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>")
INTEGER = re.compile(r"^\d+(\.0+)?$")
GROUPED_INTEGER = re.compile(r"^\d{1,3}([ ,.'\u00a0\u202f]\d{3})+$")


def is_empty(raw) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip()) or (isinstance(raw, list | dict) and not raw)


def model_field(name):
    return PracticePage._meta.get_field(name)


def clean_rich_text(raw) -> str:
    """HTML kept to the fields' features (scripts, styles and unknown tags go); plain text becomes paragraphs."""

    text = str(raw).strip()
    if not HTML_TAG.search(text):
        return "".join(f"<p>{html_escape(line.strip(), quote=False)}</p>" for line in text.splitlines() if line.strip())
    cleaned, _removals = DbHTMLConverter(features=SECTION_FEATURES).clean(text)
    # Unchanged by the cleaner: keep the text as written, so exports round-trip byte for byte.
    return text if BeautifulSoup(text, "html.parser").decode(formatter=escape) == cleaned else cleaned


def read_integer(raw) -> int:
    if isinstance(raw, bool):
        raise CellError(_("expected a whole number."))
    if isinstance(raw, int):
        return raw
    if isinstance(raw, float) and raw.is_integer():
        return int(raw)
    text = str(raw).strip()
    if INTEGER.match(text):
        return int(text.split(".")[0])
    if GROUPED_INTEGER.match(text):
        return int(re.sub(r"\D", "", text))
    raise CellError(_("“%(value)s” is not a whole number.") % {"value": raw})


def read_decimal(raw) -> Decimal:
    try:
        value = Decimal(str(raw).strip().replace(",", "."))
    except InvalidOperation:
        raise CellError(
            _("“%(value)s” is not a number (use a dot or a comma for decimals).") % {"value": raw}
        ) from None
    if not value.is_finite():
        raise CellError(_("“%(value)s” is not a number.") % {"value": raw})
    return value.quantize(Decimal("0.000001"))


def read_date(raw) -> datetime.date:
    text = str(raw).strip()
    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise CellError(_("“%(value)s” is not a date (write it as 2024-05-31 or 31/05/2024).") % {"value": raw})


def read_pairs(raw, first, second, block_name):
    field_name = {"figure": "key_figures", "partner": "partners"}[block_name]
    block = PracticePage._meta.get_field(field_name).stream_block.child_blocks[block_name]
    items = raw if isinstance(raw, list) else split_multi(raw)
    values = []
    for item in items:
        head, tail = split_pair(item, first, second)
        value = block.to_python({first: head, second: tail})
        try:
            block.clean(value)
        except ValidationError as error:
            raise CellError(
                _("“%(item)s”: %(problem)s (write items as “%(first)s: %(second)s”).")
                % {"item": item, "problem": "; ".join(error.messages), "first": first, "second": second}
            ) from None
        values.append((block_name, value))
    return values


def read_cell(column, raw, lookups: Lookups):
    """The model value of a cell, or a CellError. An empty cell clears the field."""
    kind = column.kind
    if is_empty(raw):
        if kind in ("terms", "labs", "figures", "partners"):
            return []
        if kind in ("integer", "decimal", "date", "lab", "programme", "identifier", "language", "territory"):
            return None
        if kind in ("choice", "country"):
            field = model_field(column.model_field)
            return "" if field.blank else field.get_default()
        return ""
    if kind in ("terms", "labs"):
        if isinstance(raw, dict):
            raise CellError(_("expected a list of names."))
        lookup = lookups.terms.get(column.name) if kind == "terms" else lookups.labs
        found = []
        for item in split_multi(raw):
            value = lookup.find(item)
            if value not in found:
                found.append(value)
        return found
    if isinstance(raw, dict | list) and kind not in ("figures", "partners", "lines"):
        raise CellError(_("expected a single value, not a list."))
    text = str(raw).strip()
    if kind == "identifier":
        if len(text) > 100:
            raise CellError(_("at most 100 characters."))
        return text
    if kind == "language":
        if text.lower() not in enabled_languages():
            raise CellError(
                _("“%(value)s” is not an enabled language (%(codes)s).")
                % {"value": raw, "codes": ", ".join(enabled_languages())}
            )
        return text.lower()
    if kind == "slug":
        if slugify(text) != text:
            raise CellError(
                _("“%(value)s” is not a valid slug (lower-case letters, digits and hyphens).") % {"value": raw}
            )
        return text
    if kind == "richtext":
        return clean_rich_text(raw)
    if kind == "integer":
        return read_integer(raw)
    if kind == "decimal":
        return read_decimal(raw)
    if kind == "date":
        return read_date(raw)
    if kind == "choice":
        return lookups.choice(column).find(text)
    if kind == "country":
        return find_country(text)
    if kind == "territory":
        try:
            return by_code(text)
        except UnknownCode as error:
            raise CellError(str(error)) from None
    if kind == "lab":
        return lookups.labs.find(text)
    if kind == "programme":
        return lookups.programmes.find(text)
    if kind == "figures":
        return read_pairs(raw, "value", "label", "figure")
    if kind == "partners":
        return read_pairs(raw, "name", "role", "partner")
    if kind == "lines":
        return "\n".join(str(item) for item in raw) if isinstance(raw, list) else str(raw).strip()
    if kind == "email":
        try:
            validate_email(text)
        except ValidationError:
            raise CellError(_("“%(value)s” is not an email address.") % {"value": raw}) from None
        return text
    return text


# --- export ------------------------------------------------------------------------------------------


def page_ref(page) -> str:
    return getattr(page, "external_id", "") or page.slug


def json_value(column, page, context):
    """The JSON value of ``column`` for ``page``; ``context`` holds prefetched relations."""
    kind = column.kind
    if kind == "identifier":
        return page.external_id or f"praxis:{page.translation_key}"
    if kind == "language":
        return page.locale.language_code
    if kind == "lab":
        lab = context["parent_labs"].get(page.pk)
        return page_ref(lab) if lab else None
    if kind == "terms":
        return [term.slug for term in getattr(page, column.name).all()]
    if kind == "labs":
        return [page_ref(lab) for lab in getattr(page, column.name).all() if lab.pk in context["public_lab_ids"]]
    if kind == "programme":
        programme = context["programmes"].get(page.programme_id)
        return programme.slug if programme else None
    if kind == "figures":
        return [{"value": block.value["value"], "label": block.value["label"]} for block in page.key_figures]
    if kind == "partners":
        return [{"name": block.value["name"], "role": block.value["role"]} for block in page.partners]
    value = getattr(page, column.model_field)
    if kind == "territory":
        return f"{value.level}:{value.code}" if value else None
    if kind == "country":
        return value.code if value else ""
    if kind == "decimal":
        return float(value) if value is not None else None
    if kind == "date":
        return value.isoformat() if value else None
    return value


def csv_value(column, value) -> str:
    """A JSON value of ``column`` as CSV text."""
    if value is None:
        return ""
    if column.kind == "figures":
        return join_multi([f"{item['value']}: {item['label']}" for item in value])
    if column.kind == "partners":
        return join_multi([f"{item['name']}: {item['role']}" if item["role"] else item["name"] for item in value])
    if isinstance(value, list):
        return join_multi(value)
    if column.kind == "decimal":
        return format(Decimal(str(value)).normalize(), "f")
    return str(value)
