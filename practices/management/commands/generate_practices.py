"""Generate many realistic practices (and labs) quickly, for benchmarks and load tests.

    manage.py generate_practices 10000 --labs 200

Tops up: practices and labs made by an earlier run (``external_id`` starting with
``gen-``) are counted, so ``generate_practices 1000`` then ``generate_practices 10000``
leaves 10,000. Pages are inserted in bulk (tree paths computed here; ``COPY`` on
PostgreSQL), published, with their classification, and indexed in every configured search
backend from the pages in memory; PostgreSQL's statistics are renewed at the end. Progress
is printed as practices are written, inserted and indexed (100,000 practices: about
3.5 minutes on PostgreSQL with two cores). A share of the
practices (``--translated``) also gets an English translation, so language fallback is
exercised. Deterministic for a given ``--seed``. The words are in
``practices/generation/words.json``; the work is done by ``practices.generation``.
"""

from django.core.management.base import BaseCommand, CommandError

from practices.generation.generator import Generator, NoVocabulary


class Command(BaseCommand):
    help = "Generate N realistic practices across labs (for benchmarks); tops up earlier runs."

    def add_arguments(self, parser):
        parser.add_argument("count", type=int, help="How many practices there should be in the end.")
        parser.add_argument("--labs", type=int, default=200, help="How many labs to spread them over.")
        parser.add_argument("--translated", type=float, default=0.2, help="Share translated into English.")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--no-index", action="store_true", help="Do not index (run with --reindex later).")
        parser.add_argument("--reindex", action="store_true", help="Index every generated practice, not only new ones.")

    def handle(self, *args, count, labs, translated, seed, no_index, reindex, verbosity, **options):
        if count < 0 or labs < 1 or not 0 <= translated <= 1:
            raise CommandError("count must be ≥ 0, --labs ≥ 1 and --translated between 0 and 1.")
        generator = Generator(seed, write=self.stdout.write if verbosity >= 1 else None)
        try:
            created = generator.run(count, labs, translated, index=not no_index, reindex=reindex)
        except NoVocabulary as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"{len(created)} practice pages created; {count} generated practices in all.")
