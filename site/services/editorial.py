"""Who edits what: the network editorial team, one group of editors per lab, the review workflow.

- The **network editorial team** adds, edits and publishes anywhere in the page tree (every
  locale), manages the vocabularies (every ``BaseTaxonomy`` model) and all images and documents,
  and lifts sign-in lock-outs.
- Each page type that sets ``has_own_editors = True`` (the lab page) gets a group
  "<title> — editors" that adds and edits pages in that page's subtree, in every translation of
  it, without publishing; and a collection for its images and documents.
- The **Lab review** workflow (one group approval task, the network team) is assigned to the
  tree root and to every site root in every locale, so any page an editor submits is reviewed.

Everything is looked up before being created: ``ensure_editorial_setup()`` can run any number of
times (``manage.py setup_editorial``, the demo loader) and a new lab gets its group as soon as its
page is saved (``connect()``, called when the project starts).

Group, workflow and task names are stored data that the setup looks up by name, so they are not
translated.
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.db.models.signals import post_save
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

NETWORK_TEAM = "Network editorial team"
EDITORS_SUFFIX = " — editors"
WORKFLOW_NAME = "Lab review"
REVIEW_TASK_NAME = "Network editorial review"

TEAM_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
EDITORS_PAGE_PERMISSIONS = ("add_page", "change_page")
TEAM_MEDIA_PERMISSIONS = {
    "wagtailimages": ("add_image", "change_image", "choose_image", "delete_image"),
    "wagtaildocs": ("add_document", "change_document", "choose_document", "delete_document"),
}
EDITORS_MEDIA_PERMISSIONS = {
    "wagtailimages": ("add_image", "change_image", "choose_image"),
    "wagtaildocs": ("add_document", "change_document", "choose_document"),
}
# Lab editors may pick any image or document of the network, not change them.
EDITORS_SHARED_MEDIA_PERMISSIONS = {"wagtailimages": ("choose_image",), "wagtaildocs": ("choose_document",)}
ADMIN_PERMISSIONS = (("wagtailadmin", "access_admin"), ("wagtail_localize", "submit_translation"))
# The network team lifts sign-in lock-outs (praxis.signin.lockout_views).
TEAM_SIGNIN_PERMISSIONS = (("axes", "view_accessattempt"), ("axes", "delete_accessattempt"))


@dataclass
class EditorialSetup:
    team: Group
    workflow: Workflow
    editor_groups: list[Group] = field(default_factory=list)


# Permissions that Wagtail and wagtail-localize create in data migrations, not from a model:
# (app label, codename) -> (content type model, name), as their migrations create them.
MIGRATION_PERMISSIONS = {
    ("wagtailadmin", "access_admin"): ("admin", "Can access Wagtail admin"),
    ("wagtail_localize", "submit_translation"): ("translation", "Can submit translations"),
}


def _permission(app_label: str, codename: str) -> Permission:
    if (app_label, codename) in MIGRATION_PERMISSIONS:
        # Recreated as their migrations do if an emptied database (a flushed test
        # database) lost them.
        model, name = MIGRATION_PERMISSIONS[(app_label, codename)]
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )
        return permission
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _page_permission(codename: str) -> Permission:
    return Permission.objects.get(content_type=ContentType.objects.get_for_model(Page), codename=codename)


def _grant_pages(group: Group, pages, codenames) -> None:
    permissions = [_page_permission(codename) for codename in codenames]
    for page in pages:
        for permission in permissions:
            GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def _grant_collection(group: Group, collection: Collection, codenames_by_app: dict) -> None:
    for app_label, codenames in codenames_by_app.items():
        for codename in codenames:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=collection, permission=_permission(app_label, codename)
            )


def _grant_admin(group: Group) -> None:
    group.permissions.add(*[_permission(app_label, codename) for app_label, codename in ADMIN_PERMISSIONS])


def network_team_models() -> list[type]:
    """The models the network team manages for everyone: they declare ``managed_by_network_team``,
    ``True`` (add, change, delete, view: the vocabularies) or the actions granted (``("view",)``)."""
    return [model for model in apps.get_models() if getattr(model, "managed_by_network_team", False)]


def pages_with_own_editors() -> list[type[Page]]:
    return [
        model for model in apps.get_models() if issubclass(model, Page) and getattr(model, "has_own_editors", False)
    ]


# The network editorial team ------------------------------------------------------------------


def ensure_network_team() -> Group:
    team, _created = Group.objects.get_or_create(name=NETWORK_TEAM)
    _grant_admin(team)
    _grant_pages(team, [Page.get_first_root_node()], TEAM_PAGE_PERMISSIONS)
    _grant_collection(team, Collection.get_first_root_node(), TEAM_MEDIA_PERMISSIONS)
    for model in network_team_models():
        actions = model.managed_by_network_team
        actions = ("add", "change", "delete", "view") if actions is True else tuple(actions)
        team.permissions.add(
            *Permission.objects.filter(
                content_type=ContentType.objects.get_for_model(model),
                codename__in=[f"{action}_{model._meta.model_name}" for action in actions],
            )
        )
    team.permissions.add(*[_permission(app_label, codename) for app_label, codename in TEAM_SIGNIN_PERMISSIONS])
    return team


# One group of editors per lab ----------------------------------------------------------------


def translations_of(page: Page) -> list[Page]:
    """Every page of ``page``'s translation group, the original (lowest pk) first."""
    return list(type(page).objects.filter(translation_key=page.translation_key).order_by("pk"))


def editors_group_of(page: Page) -> Group | None:
    """The lab's group: the "… — editors" group holding page permissions on one of its translations."""
    return (
        Group.objects.filter(
            name__endswith=EDITORS_SUFFIX, page_permissions__page__translation_key=page.translation_key
        )
        .order_by("pk")
        .first()
    )


def nearest_editors_groups(page: Page, *, inclusive: bool = False):
    """The editors groups of the labs above ``page`` (and ``page`` itself when ``inclusive``),
    the nearest lab's first, lowest id first within a lab: ``.first()`` is ``editors_group_of``
    of the closest ancestor that has one. One query, whatever the depth."""
    ancestors = page.get_ancestors(inclusive=inclusive).exclude(depth=1)
    depth = ancestors.filter(translation_key=OuterRef("page_permissions__page__translation_key")).values("depth")
    return (
        Group.objects.filter(
            name__endswith=EDITORS_SUFFIX,
            page_permissions__page__translation_key__in=ancestors.values("translation_key"),
        )
        .annotate(lab_depth=Subquery(depth[:1]))
        .order_by("-lab_depth", "pk")
        .distinct()  # a row per permission otherwise
    )


def _editors_group_name(original: Page, group: Group | None) -> str:
    """ "<title> — editors", told apart by acronym or id when two labs share a title."""
    candidates = [f"{original.title}{EDITORS_SUFFIX}"]
    acronym = getattr(original, "acronym", "")
    if acronym:
        candidates.append(f"{original.title} ({acronym}){EDITORS_SUFFIX}")
    candidates.append(f"{original.title} ({original.pk}){EDITORS_SUFFIX}")
    for name in candidates:
        holder = Group.objects.filter(name=name).first()
        if holder is None or (group is not None and holder.pk == group.pk):
            return name
    return candidates[-1]


def _editors_collection(group: Group, title: str) -> Collection:
    """The collection where the group uploads (created under the root collection)."""
    root = Collection.get_first_root_node()
    owned = (
        Collection.objects.filter(group_permissions__group=group, group_permissions__permission__codename="add_image")
        .exclude(pk=root.pk)
        .order_by("pk")
        .first()
    )
    return owned or root.add_child(name=title)


@transaction.atomic
def ensure_lab_editors(page: Page) -> Group:
    """The group of editors of ``page``'s subtree (in every translation), created or updated."""
    pages = translations_of(page) or [page]
    original = pages[0]
    group = editors_group_of(original)
    name = _editors_group_name(original, group)
    if group is None:
        group, _created = Group.objects.get_or_create(name=name)
    elif group.name != name:
        group.name = name
        group.save(update_fields=["name"])
    _grant_admin(group)
    _grant_pages(group, pages, EDITORS_PAGE_PERMISSIONS)
    _grant_collection(group, _editors_collection(group, original.title), EDITORS_MEDIA_PERMISSIONS)
    _grant_collection(group, Collection.get_first_root_node(), EDITORS_SHARED_MEDIA_PERMISSIONS)
    return group


# The review workflow -------------------------------------------------------------------------


def site_roots() -> list[Page]:
    """The root page of every site, in every locale."""
    keys = Page.objects.filter(pk__in=Site.objects.values("root_page")).values("translation_key")
    return list(Page.objects.filter(translation_key__in=keys).order_by("pk"))


def ensure_review_workflow(team: Group) -> Workflow:
    task = GroupApprovalTask.objects.filter(name=REVIEW_TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=REVIEW_TASK_NAME)
    task.groups.add(team)
    if not task.active:
        task.active = True
        task.save(update_fields=["active"])

    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})

    for page in [Page.get_first_root_node(), *site_roots()]:
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
    return workflow


# Everything at once --------------------------------------------------------------------------


@transaction.atomic
def ensure_editorial_setup() -> EditorialSetup:
    """Create or update the team, every lab's group (every locale) and the workflow. Idempotent."""
    team = ensure_network_team()
    setup = EditorialSetup(team=team, workflow=ensure_review_workflow(team))
    for model in pages_with_own_editors():
        seen = set()
        for page in model.objects.order_by("pk"):
            if page.translation_key not in seen:
                seen.add(page.translation_key)
                setup.editor_groups.append(ensure_lab_editors(page))
    return setup


def on_page_saved(sender, instance, created, raw=False, **kwargs):
    """A new lab (or a new translation of one) gets its editors at once."""
    if created and not raw:
        ensure_lab_editors(instance)


def connect():
    for model in pages_with_own_editors():
        post_save.connect(on_page_saved, sender=model, dispatch_uid=f"praxis.editors.{model._meta.label_lower}")
