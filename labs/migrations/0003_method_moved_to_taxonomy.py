"""Methods now live in the taxonomy app (same table): only Django's state changes."""

import modelcluster.fields
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('labs', '0002_seed_methods'),
        ('practices', '0003_vocabularies_moved_to_taxonomy'),
        ('taxonomy', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
        migrations.AlterField(
            model_name='labpage',
            name='methods',
            field=modelcluster.fields.ParentalManyToManyField(blank=True, help_text='The ways of working the lab uses most.', related_name='labs', to='taxonomy.method', verbose_name='methods'),
        ),
        migrations.DeleteModel(
            name='Method',
        ),
            ],
        ),
    ]
