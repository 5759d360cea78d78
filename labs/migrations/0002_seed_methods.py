"""Seed the methods vocabulary (French names, English labels)."""

from django.db import migrations

METHODS = [
    ("design-de-services", "Design de services", "Service design"),
    ("ethnographie", "Ethnographie", "Ethnography"),
    ("enquete-participative", "Enquête participative", "Participatory inquiry"),
    ("prototypage", "Prototypage", "Prototyping"),
    ("living-lab", "Living lab", "Living lab"),
    ("sciences-comportementales", "Sciences comportementales", "Behavioural insights"),
    ("co-construction", "Co-construction", "Co-design"),
    ("immersion", "Immersion sur le terrain", "Field immersion"),
    ("evaluation", "Évaluation", "Evaluation"),
    ("design-fiction", "Design fiction", "Design fiction"),
]


def seed(apps, schema_editor):
    Method = apps.get_model("labs", "Method")
    for order, (slug, name, english) in enumerate(METHODS):
        Method.objects.get_or_create(
            slug=slug,
            defaults={"name": name, "sort_order": order * 10, "translations": {"en": {"name": english, "description": ""}}},
        )


class Migration(migrations.Migration):
    dependencies = [("labs", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
