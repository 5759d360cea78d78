"""Editorial people and admin form data.

Users are put in the groups ``praxis.services.editorial`` creates, so tests exercise the real
permissions. Form data for the page edit views is read from the rendered form, as a browser
would submit it, with the StreamFields (rendered by JavaScript) filled in explicitly.
"""

from django.contrib.auth.models import Group
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield
from wagtail.users.models import UserProfile

from factories.users import UserFactory
from praxis.services.editorial import NETWORK_TEAM, editors_group_of, ensure_lab_editors, ensure_network_team

PAGE_STREAMFIELDS = {
    "practicepage": ("key_figures", "partners", "documents", "sources"),
    "labpage": ("description",),
    "programmepage": ("funders", "description"),
}


def lab_editor(lab, **kwargs):
    """A user in ``lab``'s group of editors."""
    group = editors_group_of(lab) or ensure_lab_editors(lab)
    return UserFactory(groups=[group], **kwargs)


def network_editor(**kwargs):
    """A member of the network editorial team."""
    team = Group.objects.filter(name=NETWORK_TEAM).first() or ensure_network_team()
    return UserFactory(groups=[team], **kwargs)


def in_english(user):
    """The admin speaks English to ``user`` (messages in tests are checked in English)."""
    UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": "en"})
    return user


def empty_streamfields(model_name: str) -> dict:
    return nested_form_data({name: streamfield([]) for name in PAGE_STREAMFIELDS.get(model_name, ())})


def page_form_data(html: str, model_name: str, **changes):
    """The page form in ``html`` as a browser would post it, with ``changes`` applied.

    A change whose value is a list replaces every value of that field (checkboxes, multiple
    selects); ``None`` removes the field from the data.
    """
    data = querydict_from_html(html, form_id="page-edit-form")
    for name, value in {**empty_streamfields(model_name), **changes}.items():
        if value is None:
            data.pop(name, None)
        elif isinstance(value, list | tuple):
            data.setlist(name, [str(item) for item in value])
        else:
            data[name] = str(value)
    return data
