"""The vocabularies move here from practices (policy areas, territory types, instruments) and
labs (methods). Their tables keep their names: only Django's state moves, and the content
types are renamed so that permissions and references follow."""

import django.db.models.deletion
from django.db import migrations, models

MOVED = {"practices": ("policyarea", "territorytype", "instrument"), "labs": ("method",)}


def move_content_types(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for app_label, model_names in MOVED.items():
        ContentType.objects.filter(app_label=app_label, model__in=model_names).update(app_label="taxonomy")


def restore_content_types(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for app_label, model_names in MOVED.items():
        ContentType.objects.filter(app_label="taxonomy", model__in=model_names).update(app_label=app_label)


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("labs", "0002_seed_methods"),
        ("practices", "0002_seed_vocabularies"),
    ]

    operations = [
        migrations.RunPython(move_content_types, restore_content_types),
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
        migrations.CreateModel(
            name='Instrument',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(help_text='The term in French, as editors and readers will see it.', max_length=100, verbose_name='name')),
                ('slug', models.SlugField(help_text='Identifier used in search URLs and imports; the same in every language.', max_length=100, unique=True, verbose_name='slug')),
                ('description', models.TextField(blank=True, help_text='What the term covers, to help editors choose it.', verbose_name='description')),
                ('translations', models.JSONField(blank=True, default=dict, editable=False, verbose_name='labels in other languages')),
                ('sort_order', models.PositiveIntegerField(default=0, help_text='Terms are listed by this number, then by name.', verbose_name='order')),
                ('parent', models.ForeignKey(blank=True, help_text='Optional broader term this one belongs to.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='children', to='taxonomy.instrument', verbose_name='parent term')),
            ],
            options={
                'verbose_name': 'instrument',
                'verbose_name_plural': 'instruments',
                'db_table': 'practices_instrument',
                'ordering': ['sort_order', 'name'],
                'abstract': False,
            },
        ),
        migrations.CreateModel(
            name='Method',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(help_text='The term in French, as editors and readers will see it.', max_length=100, verbose_name='name')),
                ('slug', models.SlugField(help_text='Identifier used in search URLs and imports; the same in every language.', max_length=100, unique=True, verbose_name='slug')),
                ('description', models.TextField(blank=True, help_text='What the term covers, to help editors choose it.', verbose_name='description')),
                ('translations', models.JSONField(blank=True, default=dict, editable=False, verbose_name='labels in other languages')),
                ('sort_order', models.PositiveIntegerField(default=0, help_text='Terms are listed by this number, then by name.', verbose_name='order')),
                ('parent', models.ForeignKey(blank=True, help_text='Optional broader term this one belongs to.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='children', to='taxonomy.method', verbose_name='parent term')),
            ],
            options={
                'verbose_name': 'method',
                'verbose_name_plural': 'methods',
                'db_table': 'labs_method',
                'ordering': ['sort_order', 'name'],
                'abstract': False,
            },
        ),
        migrations.CreateModel(
            name='PolicyArea',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(help_text='The term in French, as editors and readers will see it.', max_length=100, verbose_name='name')),
                ('slug', models.SlugField(help_text='Identifier used in search URLs and imports; the same in every language.', max_length=100, unique=True, verbose_name='slug')),
                ('description', models.TextField(blank=True, help_text='What the term covers, to help editors choose it.', verbose_name='description')),
                ('translations', models.JSONField(blank=True, default=dict, editable=False, verbose_name='labels in other languages')),
                ('sort_order', models.PositiveIntegerField(default=0, help_text='Terms are listed by this number, then by name.', verbose_name='order')),
                ('parent', models.ForeignKey(blank=True, help_text='Optional broader term this one belongs to.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='children', to='taxonomy.policyarea', verbose_name='parent term')),
            ],
            options={
                'verbose_name': 'policy area',
                'verbose_name_plural': 'policy areas',
                'db_table': 'practices_policyarea',
                'ordering': ['sort_order', 'name'],
                'abstract': False,
            },
        ),
        migrations.CreateModel(
            name='TerritoryType',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(help_text='The term in French, as editors and readers will see it.', max_length=100, verbose_name='name')),
                ('slug', models.SlugField(help_text='Identifier used in search URLs and imports; the same in every language.', max_length=100, unique=True, verbose_name='slug')),
                ('description', models.TextField(blank=True, help_text='What the term covers, to help editors choose it.', verbose_name='description')),
                ('translations', models.JSONField(blank=True, default=dict, editable=False, verbose_name='labels in other languages')),
                ('sort_order', models.PositiveIntegerField(default=0, help_text='Terms are listed by this number, then by name.', verbose_name='order')),
                ('parent', models.ForeignKey(blank=True, help_text='Optional broader term this one belongs to.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='children', to='taxonomy.territorytype', verbose_name='parent term')),
            ],
            options={
                'verbose_name': 'territory type',
                'verbose_name_plural': 'territory types',
                'db_table': 'practices_territorytype',
                'ordering': ['sort_order', 'name'],
                'abstract': False,
            },
        ),
            ],
        ),
    ]
