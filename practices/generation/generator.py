"""Top up the generated labs and practices: written, inserted in bulk, classified, indexed.

Labs and practices made by an earlier run (``external_id`` starting with ``gen-``) are
counted, so generating 1,000 then 10,000 leaves 10,000. A share of the practices also
gets an English translation, so that language fallback is exercised.
"""

import random
from itertools import islice

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from modelsearch.backends import get_search_backends
from wagtail.models import Locale, Page

from labs.models import LabIndexPage, LabPage
from practices.generation.bulk import BATCH, analyze, bulk_pages, copy_values
from practices.generation.content import PREFIX, Writer
from practices.generation.words import load_words
from practices.models import PracticeIndexPage, PracticePage
from praxis.services.fragments import bump_content_version
from praxis.services.site_setup import ensure_site, ensure_translation
from taxonomy.models import Instrument, Method, PolicyArea, TerritoryType

RELATIONS = ["policy_areas", "territory_types", "instruments", "methods"]
INDEX_BATCH = 5000  # pages a call of the search backends (each call renews the title norms over the index)


class NoVocabulary(Exception):
    pass


class Progress:
    """Writes ``what: done/total`` each time another ``every`` are done, and when all are."""

    def __init__(self, write, what, total, every=BATCH):
        self.write, self.what, self.total, self.every = write, what, total, every
        self.done = 0
        self.next = every

    def advance(self, count):
        self.done += count
        if self.write and count and (self.done >= self.next or self.done == self.total):
            self.write(f"{self.what}: {self.done}/{self.total}")
            self.next = (self.done // self.every + 1) * self.every


class Generator:
    def __init__(self, seed, write=None):
        """``write``: where progress lines go (none when not given)."""
        self.rng = random.Random(seed)
        self.now = timezone.now()
        self.write = write
        self.words = load_words()

    def run(self, count, labs, translated, index=True, reindex=False) -> list:
        """Make ``count`` generated practices across ``labs`` labs in all; return the pages created.

        ``reindex``: index every generated practice, not only the new ones (after a run
        with ``index=False``)."""
        home = ensure_site()
        self.french = home.locale
        self.english = Locale.objects.filter(language_code="en").first() if "en" in dict(settings.LANGUAGES) else None
        terms = {
            "policy_areas": list(PolicyArea.objects.all()),
            "territory_types": list(TerritoryType.objects.all()),
            "instruments": list(Instrument.objects.all()),
            "methods": list(Method.objects.all()),
        }
        if not terms["policy_areas"]:
            raise NoVocabulary("No policy areas: run migrate first (the vocabularies are seeded there).")
        self.writer = Writer(self.rng, self.words, terms, self.now)
        lab_index = self.index_page(home, LabIndexPage, **self.words.indexes["labs"])
        self.index_page(home, PracticeIndexPage, **self.words.indexes["practices"])
        with transaction.atomic():
            lab_pages = self.top_up_labs(lab_index, labs)
            created = self.top_up_practices(lab_pages, count, translated)
            if created:
                bump_content_version()  # pages inserted in bulk send no signal: renew the fragments
        if reindex:
            self.reindex()
        elif index:
            self.index(created, len(created))
        if created:
            through = [getattr(PracticePage, relation).through for relation in [*RELATIONS, "labs"]]
            analyze([Page, PracticePage, LabPage, LabPage.methods.through, *through])
        return created

    def index_page(self, home, model, title, slug):
        page = model.objects.child_of(home).first()
        if page is None:
            page = home.add_child(instance=model(title=title, slug=slug, locale=home.locale))
            page.save_revision().publish()
        if self.english:
            ensure_translation(page, self.english)
        return page

    def top_up_labs(self, lab_index, wanted):
        existing = list(LabPage.objects.filter(locale=self.french, external_id__startswith=PREFIX).order_by("pk"))
        specs = [self.writer.lab(number) for number in range(len(existing) + 1, wanted + 1)]
        new = bulk_pages(lab_index, LabPage, specs, self.now)
        methods = self.writer.terms["methods"]
        through = LabPage.methods.through
        rows = [(lab.pk, method.pk) for lab in new for method in self.rng.sample(methods, 2)]
        copy_values(through, ["labpage_id", "method_id"], rows)
        if self.english and new:
            english_index = lab_index.get_translation(self.english)
            english_specs = [
                self.writer.english_lab(spec, lab.translation_key) for spec, lab in zip(specs, new, strict=True)
            ]
            english = bulk_pages(english_index, LabPage, english_specs, self.now, locale=self.english)
            english_of = {fr.pk: en.pk for en, fr in zip(english, new, strict=True)}
            copy_values(through, ["labpage_id", "method_id"], [(english_of[lab], method) for lab, method in rows])
        if self.write and new:
            self.write(f"Labs: {len(new)} created, {len(existing) + len(new)} in all")
        return existing + new

    def top_up_practices(self, labs, wanted, translated):
        done = PracticePage.objects.filter(locale=self.french, external_id__startswith=PREFIX).count()
        by_parent, english_by_parent = {}, {}
        english_labs = {}
        if self.english:
            english_labs = {
                lab.translation_key: lab
                for lab in LabPage.objects.filter(locale=self.english, external_id__startswith=PREFIX)
            }
        writing = Progress(self.write, "Practices written", max(wanted - done, 0), every=INDEX_BATCH)
        for number in range(done + 1, wanted + 1):
            writing.advance(1)
            lab = labs[number % len(labs)]
            spec = self.writer.practice(number)
            by_parent.setdefault(lab.pk, (lab, []))[1].append(spec)
            if self.english and self.rng.random() < translated and lab.translation_key in english_labs:
                english_by_parent.setdefault(lab.pk, []).append(spec)
        progress = Progress(self.write, "Practices", max(wanted - done, 0))
        created = []
        for key in list(by_parent):
            lab, specs = by_parent.pop(key)  # let the texts go once inserted
            pages = bulk_pages(lab, PracticePage, specs, self.now)
            self.classify(pages, specs, lab)
            created += pages
            english_specs = english_by_parent.get(lab.pk, [])
            if english_specs:
                for spec in english_specs:
                    spec["translation_key"] = spec["page"].translation_key
                    spec["title"], spec["fields"] = spec["english"]
                english = bulk_pages(
                    english_labs[lab.translation_key], PracticePage, english_specs, self.now, self.english
                )
                self.classify(english, english_specs, lab)
                created += english
            progress.advance(len(pages))
        return created

    def classify(self, pages, specs, lab):
        """Write the pages' terms and lab, and give the pages their terms in memory (to index them)."""
        for page, spec in zip(pages, specs, strict=True):
            spec.setdefault("page", page)
        for relation in RELATIONS:
            field = PracticePage._meta.get_field(relation)
            columns = ["practicepage_id", f"{field.m2m_reverse_field_name()}_id"]
            rows = [
                (page.pk, term.pk) for page, spec in zip(pages, specs, strict=True) for term in spec["terms"][relation]
            ]
            copy_values(field.remote_field.through, columns, rows)
            for page, spec in zip(pages, specs, strict=True):
                setattr(page, relation, spec["terms"][relation])
        copy_values(PracticePage.labs.through, ["practicepage_id", "labpage_id"], [(page.pk, lab.pk) for page in pages])
        for page in pages:
            page.labs = [lab]

    def index(self, pages, total):
        """Index these ``total`` practice pages (with their terms), then every generated lab,
        in every search backend."""
        backends = list(get_search_backends(with_auto_update=True))
        progress = Progress(self.write, "Search index, practice pages", total, every=INDEX_BATCH)
        pages = iter(pages)
        while chunk := list(islice(pages, INDEX_BATCH)):
            for backend in backends:
                backend.add_bulk(PracticePage, chunk)
            progress.advance(len(chunk))
        labs = list(LabPage.objects.filter(external_id__startswith=PREFIX).prefetch_related("methods"))
        for backend in backends:
            backend.add_bulk(LabPage, labs)
        if self.write:
            self.write(f"Search index, labs: {len(labs)}")

    def reindex(self):
        """Index every generated practice page, read back with its terms ``BATCH`` at a time."""
        ids = sorted(PracticePage.objects.filter(external_id__startswith=PREFIX).values_list("pk", flat=True))
        pages = (
            page
            for start in range(0, len(ids), BATCH)
            for page in PracticePage.objects.filter(pk__in=ids[start : start + BATCH]).prefetch_related(*RELATIONS)
        )
        self.index(pages, len(ids))
