"""Create or update a French demo page, publishing a revision only when something changed.

Running the loader again finds each page by a stable key (external id or slug under its
parent) and leaves it untouched when its content already matches: no new revision.
"""

import json
from dataclasses import dataclass, field

from django.core.serializers.json import DjangoJSONEncoder
from wagtail.fields import StreamField
from wagtail.models import Locale, Page


@dataclass
class Upserted:
    page: Page
    created: bool
    changed: bool


@dataclass
class PageSpec:
    """What a French page must hold. ``lookup`` finds it again on the next run."""

    model: type
    parent: Page
    lookup: dict
    values: dict
    relations: dict = field(default_factory=dict)
    children: dict = field(default_factory=dict)
    live: bool = True


def french() -> Locale:
    return Locale.objects.get(language_code="fr")


def find_page(spec: PageSpec):
    pages = spec.model.objects.filter(locale=french(), **spec.lookup)
    if "external_id" not in spec.lookup:
        pages = pages.child_of(spec.parent)
    return pages.order_by("pk").first()


def comparable(model_field, value):
    """A value of ``model_field`` in a form that compares equal when the content is equal."""
    if isinstance(model_field, StreamField):
        return json.loads(json.dumps(model_field.get_prep_value(value), cls=DjangoJSONEncoder))
    if value is None or isinstance(value, str | int | bool):
        return value
    if hasattr(value, "code"):  # django-countries' Country
        return value.code
    return model_field.to_python(value)


def assign(instance, values: dict) -> bool:
    """Set ``values`` on ``instance``; True if any of them differs from what it held."""
    changed = False
    for name, value in values.items():
        model_field = instance._meta.get_field(name)
        before = comparable(model_field, model_field.value_from_object(instance))
        setattr(instance, name, value)
        after = comparable(model_field, model_field.value_from_object(instance))
        changed = changed or before != after
    return changed


def assign_relations(page, relations: dict) -> bool:
    changed = False
    for name, objects in relations.items():
        manager = getattr(page, name)
        wanted = {obj.pk for obj in objects}
        if set(manager.values_list("pk", flat=True)) != wanted:
            manager.set(objects)
            changed = True
    return changed


def assign_children(page, children: dict) -> bool:
    """Child objects (e.g. transpositions) identified by their stable ``translation_key``."""
    changed = False
    for relation_name, rows in children.items():
        manager = getattr(page, relation_name)
        existing = {str(child.translation_key): child for child in manager.all()}
        kept = []
        for row in rows:
            row = dict(row)
            key = row.pop("translation_key")
            child = existing.get(key)
            if child is None:
                child = manager.model(translation_key=key, locale=page.locale, **row)
                changed = True
            else:
                changed = assign(child, row) or changed
            kept.append(child)
        if set(existing) - {str(child.translation_key) for child in kept}:
            changed = True
        if changed:
            setattr(page, relation_name, kept)
    return changed


def upsert_page(spec: PageSpec) -> Upserted:
    page = find_page(spec)
    created = page is None
    if created:
        page = spec.model(locale=spec.parent.locale, live=False, **spec.lookup)
        assign(page, spec.values)
        spec.parent.add_child(instance=page)
        changed = True
    else:
        page = page.specific
        changed = assign(page, spec.values)
    changed = assign_relations(page, spec.relations) or changed
    changed = assign_children(page, spec.children) or changed
    if changed or (spec.live and not page.live):
        if not spec.live:
            page.save()  # a draft has no live version to protect: keep the row current
        revision = page.save_revision()
        if spec.live:
            revision.publish()
            # Publishing saved another instance: reload, child relations included.
            page = type(page).objects.get(pk=page.pk)
    return Upserted(page=page, created=created, changed=changed)
