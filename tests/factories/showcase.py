"""A fully described practice and lab, with as many related objects as asked for.

Used by the page tests, the query-count tests and tests/bench/render_pages.py.
"""

import datetime

import factory
import wagtail_factories
from wagtail.models import Collection

from factories.labs import LabPageFactory, MethodFactory, ProgrammePageFactory
from factories.practices import (
    InstrumentFactory,
    PolicyAreaFactory,
    PracticePageFactory,
    TerritoryTypeFactory,
    TranspositionFactory,
)


class PracticeDocumentFactory(wagtail_factories.DocumentFactory):
    """A small text document in the root collection (set MEDIA_ROOT to a temporary folder)."""

    title = "Délibération du conseil municipal"
    file = factory.django.FileField(filename="deliberation.pdf", data=b"%PDF-1.4 stand-in for tests")

    class Meta:
        model = wagtail_factories.DocumentFactory._meta.model

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        kwargs["collection"] = Collection.get_first_root_node()
        return super()._create(model_class, *args, **kwargs)


def key_figures(count):
    return [
        ("figure", {"value": f"{(index + 1) * 1000}", "label": f"indicateur {index + 1}"}) for index in range(count)
    ]


def documents(count):
    kinds = ["council_decision", "call_for_projects", "specification", "agreement", "evaluation"]
    return [
        (
            "document",
            {
                "document": PracticeDocumentFactory(title=f"Document {index + 1}"),
                "kind": kinds[index % len(kinds)],
                "title": "",
                "licence": "etalab-2.0",
            },
        )
        for index in range(count)
    ]


def showcase_practice(*, terms=1, labs=1, figures=1, docs=1, transpositions=1, parent=None, **fields):
    """A live practice with ``terms`` terms per vocabulary, ``labs`` labs, ``figures`` key figures,
    ``docs`` documents, and ``transpositions`` originals and as many practices adapted from it."""
    lab_pages = [LabPageFactory() for _ in range(labs)]
    programme = ProgrammePageFactory(labs=lab_pages[:1])
    defaults = {
        "summary": "La commune a ouvert sa bibliothèque le dimanche avec les habitants.",
        "problem": "<p>Une bibliothèque peu fréquentée.</p>",
        "actions": "<p>Une enquête participative puis des horaires élargis.</p>",
        "results": "<p>La fréquentation a doublé.</p>",
        "challenges": "<p>Le recrutement des bénévoles a été difficile.</p>",
        "success_conditions": "<p>Un portage politique fort.</p>",
        "lessons": "<p>Commencer petit.</p>",
        "key_figures": key_figures(figures),
        "documents": documents(docs),
        "sources": [
            ("source", {"title": "Article de presse", "url": "https://example.org/article", "publisher": "La Gazette"})
        ],
        "partners": [("partner", {"name": "Association des usagers", "role": "enquête de terrain"})],
        "legal_competence": "commune",
        "budget_range": "10k-50k",
        "staff_time": "0.5-1",
        "duration": "6-12m",
        "prerequisites": "Un local accessible\nUne équipe volontaire",
        "core_elements": "L'enquête avec les habitants",
        "adaptable_elements": "Les horaires\nLe choix des animations",
        "population": 20000,
        "end_year": 2021,
        "evidence_level": "internal",
        "contact_name": "Camille Martin",
        "contact_role": "Cheffe de projet",
        "contact_email": "camille.martin@example.org",
        "last_verified": datetime.date.today(),
        "programme": programme,
    }
    defaults.update(fields)
    practice = PracticePageFactory(
        parent=parent or lab_pages[0],
        policy_areas=[PolicyAreaFactory() for _ in range(terms)],
        territory_types=[TerritoryTypeFactory() for _ in range(terms)],
        instruments=[InstrumentFactory() for _ in range(terms)],
        methods=[MethodFactory() for _ in range(terms)],
        labs=lab_pages,
        **defaults,
    )
    for index in range(transpositions):
        original = PracticePageFactory(parent=lab_pages[0], title=f"Pratique d'origine {index + 1}")
        TranspositionFactory(
            practice=practice, source=original, what_changed=f"Changement {index + 1}", outcome="success"
        )
        adapted = PracticePageFactory(parent=lab_pages[0], title=f"Pratique adaptée {index + 1}")
        TranspositionFactory(
            practice=adapted,
            source=practice,
            what_changed=f"Adaptation {index + 1}",
            outcome="failure",
            result=f"Abandonné faute de budget {index + 1}",
        )
    practice.refresh_from_db()
    return practice
