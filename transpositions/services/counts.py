"""Public, anonymous counts on each practice: "N territories are transposing this, M have done it".

- **Transposing**: plans *planned* or *under way*, one per territory. Plans still *exploring*
  do not count: starting a plan is one click, and a count of curious visitors would tell
  readers nothing (and could be inflated at will). *Abandoned* plans count nowhere.
- **Done**: plans *done*, one per territory, plus approved outcomes whose plan was deleted
  (their outcome other than "abandoned"): the outcome outlives the plan.

A territory is the plan's reference territory, else the name typed in (case-insensitive), else
the plan itself. Every translation of the practice counts (``Plan.practice_key``). One query;
never a name, an id or a member, only two numbers.

Kept consistent with the caches: the counts are kept in the cache per practice
(``public_counts``, as long as fragments are) and forgotten, and the anonymous practice pages
dropped from the front-end cache, once the transaction commits, whenever a plan is created,
deleted or changes status, or an outcome is approved or withdrawn (``changed``). They are not
in the practice's cached fragment: they change with plans, not with published content, and
bumping the site-wide content version for each plan would throw every fragment away.
"""

from django.core.cache import cache
from django.db import transaction
from django.db.models import CharField, Count, IntegerField, Q, Value
from django.db.models.functions import Cast, Coalesce, Lower, NullIf
from django.db.models.signals import post_delete, post_save, pre_save

from practices.models import PracticePage
from praxis.services import fragments
from praxis.services.frontend_cache import enabled, page_tag, purge_after_commit
from transpositions.models import Outcome, Plan

TRANSPOSING = (Plan.Status.PLANNED, Plan.Status.UNDER_WAY)
DONE = (Plan.Status.DONE,)


def territory_of_plan():
    return Coalesce(
        Cast("territory_id", CharField()),
        NullIf(Lower("territory_name"), Value("")),
        Cast("id", CharField()),
    )


def counts(practice_key) -> dict[str, int]:
    """{"transposing": N, "done": M} for the practice with ``practice_key`` (one query)."""
    plans = (
        Plan.objects.filter(practice_key=practice_key)
        .annotate(row=Value(1, output_field=IntegerField()))
        .values("row")
        .annotate(
            transposing=Count(territory_of_plan(), distinct=True, filter=Q(status__in=TRANSPOSING)),
            done=Count(territory_of_plan(), distinct=True, filter=Q(status__in=DONE)),
        )
        .values_list("transposing", "done")
    )
    without_plan = (
        Outcome.objects.approved()
        .filter(practice_key=practice_key, plan__isnull=True)
        .exclude(outcome="abandoned")
        .annotate(row=Value(1, output_field=IntegerField()))
        .values("row")
        .annotate(transposing=Value(0, output_field=IntegerField()), done=Count("pk"))
        .values_list("transposing", "done")
    )
    rows = list(plans.union(without_plan, all=True))
    return {"transposing": sum(row[0] for row in rows), "done": sum(row[1] for row in rows)}


def cache_key(practice_key) -> str:
    return f"transpositions:counts:{practice_key}"


def public_counts(practice_key) -> dict[str, int]:
    """``counts``, kept in the cache until a plan or an outcome of the practice changes them."""
    if fragments.timeout() <= 0:
        return counts(practice_key)
    found = cache.get(cache_key(practice_key))
    if found is None:
        found = counts(practice_key)
        cache.set(cache_key(practice_key), found, fragments.timeout())
    return found


# Keeping the cached practice pages right -------------------------------------------------------


def changed(practice_key) -> None:
    """The practice's counts changed: forget them, and drop its pages (every translation) from
    the front-end cache, once the transaction commits."""
    transaction.on_commit(lambda: cache.delete(cache_key(practice_key)))
    if not enabled():
        return
    ids = PracticePage.objects.filter(translation_key=practice_key).values_list("pk", flat=True)
    purge_after_commit([], [page_tag(pk) for pk in ids])


def on_plan_saving(sender, instance, raw=False, **kwargs):
    if raw:
        return
    before = Plan.objects.filter(pk=instance.pk).values_list("status", flat=True).first() if instance.pk else None
    instance._status_before = before


def on_plan_saved(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    if created or getattr(instance, "_status_before", None) != instance.status:
        changed(instance.practice_key)


def on_plan_deleted(sender, instance, **kwargs):
    changed(instance.practice_key)


def connect():
    pre_save.connect(on_plan_saving, sender=Plan, dispatch_uid="transpositions.counts.saving")
    post_save.connect(on_plan_saved, sender=Plan, dispatch_uid="transpositions.counts.saved")
    post_delete.connect(on_plan_deleted, sender=Plan, dispatch_uid="transpositions.counts.deleted")
