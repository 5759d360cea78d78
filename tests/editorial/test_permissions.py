"""Each lab's editors work on their lab's pages only; the network team everywhere."""

import pytest
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from factories import LabPageFactory, PracticePageFactory
from factories.editorial import in_english, lab_editor
from factories.translations import translate_page
from wagtail.images import get_image_model
from wagtail.models import Collection, GroupPagePermission, Page
from wagtail.permissions import policy_registry

from praxis.services.editorial import NETWORK_TEAM, editors_group_of, ensure_editorial_setup, nearest_editors_groups

pytestmark = pytest.mark.django_db
image_permissions = policy_registry.get_by_type(get_image_model())


def assert_refused(client, response):
    """A 403 page that says why (``praxis.admin_pages``), not Wagtail's redirect to the dashboard."""
    assert response.status_code == 403
    assert "Location" not in response
    assert "page404__header" in response.content.decode()  # the admin's error layout
    assert list(get_messages(response.wsgi_request)) == []  # no "Sorry, you do not have permission" for later


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def add_practice_url(parent):
    return reverse("wagtailadmin_pages:add", args=["practices", "practicepage", parent.pk])


def page_codenames(group, page):
    return set(
        GroupPagePermission.objects.filter(group=group, page=page).values_list("permission__codename", flat=True)
    )


def test_each_lab_has_an_editors_group_without_publish_permission(lab_a, lab_b):
    group = editors_group_of(lab_a)
    assert group.name == "Lab Alpha — editors"
    assert page_codenames(group, lab_a) == {"add_page", "change_page"}
    assert page_codenames(group, lab_b) == set()
    assert editors_group_of(lab_b).name == "Lab Beta — editors"


def test_the_network_team_adds_edits_and_publishes_the_whole_tree(editorial):
    team = Group.objects.get(name=NETWORK_TEAM)
    assert {"add_page", "change_page", "publish_page"} <= page_codenames(team, Page.get_first_root_node())
    vocabularies = set(team.permissions.values_list("codename", flat=True))
    assert {"add_policyarea", "change_territorytype", "delete_instrument", "change_method"} <= vocabularies


def test_lab_editor_edits_and_adds_in_own_lab(client, lab_a, editor_a):
    practice = PracticePageFactory(parent=lab_a)
    client.force_login(editor_a)
    assert client.get(edit_url(lab_a)).status_code == 200
    assert client.get(edit_url(practice)).status_code == 200
    assert client.get(add_practice_url(lab_a)).status_code == 200


def delete_url(page):
    return reverse("wagtailadmin_pages:delete", args=[page.pk])


def test_lab_editor_is_refused_on_another_lab(client, lab_a, lab_b, editor_a):
    practice_b = PracticePageFactory(parent=lab_b, title="Pratique du lab Beta")
    revisions = practice_b.revisions.count()
    client.force_login(editor_a)
    for url in (
        edit_url(lab_b),
        edit_url(practice_b),
        add_practice_url(lab_b),
        reverse("wagtailadmin_pages:add_subpage", args=[lab_b.pk]),
        delete_url(practice_b),
    ):
        assert_refused(client, client.get(url))
    assert_refused(client, client.post(add_practice_url(lab_b), {"title": "Intrusion", "slug": "intrusion"}))
    assert_refused(client, client.post(edit_url(practice_b), {"title": "Intrusion", "slug": "intrusion"}))
    assert_refused(client, client.post(delete_url(practice_b), {"confirm_site_name": "Praxis"}))
    assert not Page.objects.filter(slug="intrusion").exists()
    practice_b.refresh_from_db()
    assert practice_b.title == "Pratique du lab Beta"
    assert practice_b.live and not practice_b.has_unpublished_changes
    assert practice_b.revisions.count() == revisions  # not even a draft
    assert lab_b.get_children().count() == 1


def test_lab_editor_cannot_delete_pages_even_in_own_lab(client, lab_a, editor_a):
    """Editors add and edit; deleting is the network team's (no delete permission in the group)."""
    practice = PracticePageFactory(parent=lab_a)
    client.force_login(editor_a)
    assert_refused(client, client.get(delete_url(practice)))
    assert_refused(client, client.post(delete_url(practice)))
    assert Page.objects.filter(pk=practice.pk).exists()


def test_the_refusal_is_explained_in_the_users_language(client, lab_b, editor_a):
    client.force_login(in_english(editor_a))
    html = client.get(edit_url(lab_b)).content.decode()
    assert "Access denied" in html
    assert "You do not have permission to do this." in html
    assert f'href="{reverse("wagtailadmin_home")}"' in html


def test_refusals_requested_by_script_keep_wagtails_answer(client, lab_b, editor_a):
    """Autosave and other XHR calls are refused as Wagtail does (403 without a page)."""
    client.force_login(editor_a)
    response = client.get(edit_url(lab_b), headers={"x-requested-with": "XMLHttpRequest"})
    assert response.status_code == 403
    assert "page404__header" not in response.content.decode()


def test_lab_editor_cannot_edit_the_site_structure(client, lab_a, editor_a, home):
    client.force_login(editor_a)
    assert_refused(client, client.get(edit_url(home)))
    assert_refused(client, client.get(edit_url(lab_a.get_parent())))


def test_lab_editor_does_not_see_other_labs_practices_in_the_listing(client, lab_a, lab_b, editor_a):
    PracticePageFactory(parent=lab_a, title="Pratique Alpha")
    PracticePageFactory(parent=lab_b, title="Pratique Beta")
    client.force_login(editor_a)
    html = client.get(reverse("practices:index")).content.decode()
    assert "Pratique Alpha" in html
    assert "Pratique Beta" not in html


def test_a_new_lab_gets_its_group_at_once(editorial):
    lab = LabPageFactory(title="Laboratoire neuf")
    group = editors_group_of(lab)
    assert group is not None and group.name == "Laboratoire neuf — editors"
    assert page_codenames(group, lab) == {"add_page", "change_page"}


def test_translated_lab_pages_belong_to_the_same_group(client, lab_a, editor_a):
    english = translate_page(lab_a, "en", title="Lab Alpha (EN)")
    group = editors_group_of(lab_a)
    assert editors_group_of(english) == group
    assert page_codenames(group, english) == {"add_page", "change_page"}
    client.force_login(editor_a)
    assert client.get(edit_url(english)).status_code == 200
    assert client.get(add_practice_url(english)).status_code == 200


def test_setup_grants_translations_created_before_it(home):
    lab = LabPageFactory(title="Lab Gamma")
    english = translate_page(lab, "en")
    GroupPagePermission.objects.filter(page=english).delete()  # as if created before the setup existed
    ensure_editorial_setup()
    assert page_codenames(editors_group_of(lab), english) == {"add_page", "change_page"}


def test_lab_editors_upload_images_in_their_own_collection(lab_a, lab_b, editor_a):
    own = image_permissions.collections_user_has_permission_for(editor_a, "add")
    assert [collection.name for collection in own] == ["Lab Alpha"]
    other = Collection.objects.get(name="Lab Beta")
    assert not image_permissions.user_has_permission_for_instance(
        editor_a, "change", get_image_model()(title="x", collection=other)
    )
    # They may pick any image of the network for their pages.
    assert Collection.get_first_root_node() in image_permissions.collections_user_has_permission_for(editor_a, "choose")


def test_setup_editorial_command_is_idempotent(home, lab_a):
    call_command("setup_editorial", stdout=open("/dev/null", "w"))  # noqa: SIM115
    counts = (
        Group.objects.count(),
        GroupPagePermission.objects.count(),
        Collection.objects.count(),
        Group.objects.get(name=NETWORK_TEAM).permissions.count(),
    )
    from io import StringIO

    out = StringIO()
    call_command("setup_editorial", stdout=out)
    assert (
        Group.objects.count(),
        GroupPagePermission.objects.count(),
        Collection.objects.count(),
        Group.objects.get(name=NETWORK_TEAM).permissions.count(),
    ) == counts
    assert "Lab Alpha — editors" in out.getvalue()
    assert "Lab review" in out.getvalue()


def test_renamed_lab_renames_its_group_and_keeps_its_members(lab_a, editor_a):
    lab_a.title = "Lab Alpha renommé"
    lab_a.save_revision().publish()
    ensure_editorial_setup()
    group = editors_group_of(lab_a)
    assert group.name == "Lab Alpha renommé — editors"
    assert list(group.user_set.all()) == [editor_a]


def test_two_labs_with_the_same_title_get_two_groups(editorial):
    first = LabPageFactory(title="Lab Delta", acronym="LD1")
    second = LabPageFactory(title="Lab Delta", acronym="LD2")
    assert editors_group_of(first) != editors_group_of(second)
    assert editors_group_of(second).name == "Lab Delta (LD2) — editors"
    assert lab_editor(first).has_perm("wagtailadmin.access_admin")


def test_the_nearest_labs_editors_group_comes_first_whatever_the_translation(lab_a):
    practice = PracticePageFactory(parent=lab_a)
    directory = lab_a.get_parent()
    above = Group.objects.create(name="Annuaire — editors")
    permission = GroupPagePermission.objects.filter(group=editors_group_of(lab_a)).first().permission
    GroupPagePermission.objects.create(group=above, page=directory, permission=permission)
    english_lab = translate_page(lab_a, "en")
    later = Group.objects.create(name="Lab Alpha English — editors")  # a higher id, on the translation
    GroupPagePermission.objects.create(group=later, page=english_lab, permission=permission)

    with CaptureQueriesContext(connection) as captured:
        groups = list(nearest_editors_groups(practice))
    assert len(captured) == 1
    assert groups == [editors_group_of(lab_a), later, above]
    assert nearest_editors_groups(lab_a).first() == above  # the lab itself only when inclusive
    assert nearest_editors_groups(lab_a, inclusive=True).first() == editors_group_of(lab_a)
