"""What publishing a page sets in motion: one pipeline, in a fixed order, from one receiver.

Wagtail saves the page live, then sends ``page_published``; this module's receiver is the
only one the project connects to it. For the published page it runs, stage by stage:

1. ``Stage.RELATIONS`` (foundation): the relations every translation shares are copied from
   the original to its translations (``praxis.services.translations.sync_shared_relations``).
2. ``Stage.MEDIA`` (foundation): the image renditions the page's templates will ask for
   (``praxis.images.pregenerate_renditions``).
3. ``Stage.INDEX`` (higher layers): what reads the final data, such as a search index
   (``search`` re-indexes a practice's translation group with its synced classification).
4. ``Stage.CACHE`` (foundation): the copies served by a front-end cache, dropped once the
   transaction commits (``praxis.services.frontend_cache``).
5. ``Stage.NOTIFY`` (higher layers): what tells people, once the data is final, indexed and the cached copies dropped
   (``alerts`` queues the saved-search alerts and follow notices after the commit).

and then, whatever happened above, **one** content-version bump
(``praxis.services.fragments``): a fragment cached before it, even while the steps ran,
is never served again. The page's own save does not bump (``fragments.publishes``), so a
publication bumps exactly once.

Higher layers never get imported here: they call ``register_step`` from their
``AppConfig.ready``. Steps run by stage, then by name, so neither the order in which apps
are ready nor the order of registration changes anything. Steps of one stage must not
depend on each other.

Wagtail publishes a page's aliases once its pipeline has run: each alias, saved then
announced, runs the pipeline in turn (one bump more each). A page never live yet and
scheduled for later is saved and announced without being stamped published: its save
bumps too (two bumps, rare).
"""

from collections.abc import Callable
from dataclasses import dataclass
from enum import IntEnum

from wagtail.models import Page
from wagtail.signals import page_published

from praxis.images import pregenerate_renditions
from praxis.services.fragments import bump_content_version
from praxis.services.frontend_cache import purge_page
from praxis.services.translations import sync_shared_relations


class Stage(IntEnum):
    RELATIONS = 1  # the page's data made whole
    MEDIA = 2  # what its templates will ask for
    INDEX = 3  # what reads the final data
    CACHE = 4  # the copies a front-end cache serves
    NOTIFY = 5  # what tells people about it (reads the index)


@dataclass(frozen=True)
class Step:
    stage: Stage
    run: Callable[[Page], object]
    model: type[Page] = Page  # the step runs for pages of this model only

    @property
    def name(self) -> str:
        return f"{self.run.__module__}.{self.run.__qualname__}"


class Pipeline:
    def __init__(self):
        self.steps: dict[str, Step] = {}

    def register(self, stage: Stage, run: Callable[[Page], object], *, model: type[Page] = Page) -> Step:
        """Add ``run(page)`` to ``stage`` for pages of ``model``; registering it again replaces it."""
        step = Step(Stage(stage), run, model)
        self.steps[step.name] = step
        return step

    def steps_for(self, page: Page) -> list[Step]:
        """The steps that run for ``page``, in the order they run."""
        steps = (step for step in self.steps.values() if isinstance(page, step.model))
        return sorted(steps, key=lambda step: (step.stage, step.name))

    def run(self, page: Page) -> None:
        """Every step for ``page``, then one bump (even if a step fails: the page is live)."""
        try:
            for step in self.steps_for(page):
                step.run(page)
        finally:
            bump_content_version()


pipeline = Pipeline()
register_step = pipeline.register


def on_page_published(sender, instance, **kwargs):
    pipeline.run(instance.specific)


def connect():
    register_step(Stage.RELATIONS, sync_shared_relations)
    register_step(Stage.MEDIA, pregenerate_renditions)
    register_step(Stage.CACHE, purge_page)
    page_published.connect(on_page_published, dispatch_uid="praxis.publish_pipeline")
