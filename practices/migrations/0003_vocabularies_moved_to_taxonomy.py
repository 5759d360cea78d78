"""The vocabularies now live in the taxonomy app (same tables): only Django's state changes.
The last-verified help text is shared with labs (praxis.shared_fields.Verified)."""

import modelcluster.fields
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('practices', '0002_seed_vocabularies'),
        ('taxonomy', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
        migrations.RemoveField(
            model_name='policyarea',
            name='parent',
        ),
        migrations.RemoveField(
            model_name='territorytype',
            name='parent',
        ),
        migrations.AlterField(
            model_name='practicepage',
            name='instruments',
            field=modelcluster.fields.ParentalManyToManyField(blank=True, help_text='The public action instrument or procurement route used.', related_name='practices', to='taxonomy.instrument', verbose_name='instruments'),
        ),
        migrations.AlterField(
            model_name='practicepage',
            name='methods',
            field=modelcluster.fields.ParentalManyToManyField(blank=True, related_name='practices', to='taxonomy.method', verbose_name='methods'),
        ),
        migrations.AlterField(
            model_name='practicepage',
            name='policy_areas',
            field=modelcluster.fields.ParentalManyToManyField(blank=True, related_name='practices', to='taxonomy.policyarea', verbose_name='policy areas'),
        ),
        migrations.AlterField(
            model_name='practicepage',
            name='territory_types',
            field=modelcluster.fields.ParentalManyToManyField(blank=True, related_name='practices', to='taxonomy.territorytype', verbose_name='territory types'),
        ),
        migrations.DeleteModel(
            name='Instrument',
        ),
        migrations.DeleteModel(
            name='PolicyArea',
        ),
        migrations.DeleteModel(
            name='TerritoryType',
        ),
            ],
        ),
        migrations.AlterField(
            model_name='practicepage',
            name='last_verified',
            field=models.DateField(blank=True, help_text='When someone last checked this page against reality.', null=True, verbose_name='last verified'),
        ),
    ]
