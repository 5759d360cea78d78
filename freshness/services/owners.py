"""Who owns a practice: the one rule, read in bulk.

A practice (a translation group, read from its original: the lowest id) is owned by

1. **its contact**, when its ``contact_email`` is filled in: the active account with that
   address (any case) when there is one — for their name, language and the editor's sign-in —
   else the address itself, written to in the practice's language;
2. else **the editors of the lab it is filed under** (the lab's "… — editors" group,
   ``praxis.services.editorial``): its active accounts with an address;
3. else — a practice filed under the practice index, or a lab without editors — **the network
   editorial team**.

The network team may always answer a reminder (it is told after three unanswered ones).
A person's language: their member profile's, else their admin preference, else the practice's.
``owners_of`` costs the same few queries whatever the number of practices.
"""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from labs.models import LabPage
from members.models import Member
from praxis.services.editorial import EDITORS_SUFFIX, NETWORK_TEAM

CONTACT, LAB_EDITORS, NETWORK = "contact", "lab_editors", "network_team"
KINDS = {CONTACT: _("its contact"), LAB_EDITORS: _("its lab's editors"), NETWORK: _("the network editorial team")}


@dataclass(frozen=True)
class Person:
    email: str
    name: str = ""
    language: str = ""
    user_pk: int | None = None

    @property
    def identity(self) -> str:
        """What a signed link names: the account, else the address."""
        return f"u:{self.user_pk}" if self.user_pk else f"e:{self.email.lower()}"


@dataclass
class Owner:
    kind: str
    people: list[Person] = field(default_factory=list)
    lab_title: str = ""
    lab_key: str = ""
    editors: list[Person] = field(default_factory=list)  # who edits it: the lab's editors, else the network team

    @property
    def label(self) -> str:
        if self.kind == CONTACT and self.people:
            person = self.people[0]
            return f"{person.name} <{person.email}>" if person.name else person.email
        if self.kind == LAB_EDITORS:
            return str(_("Editors of %(lab)s") % {"lab": self.lab_title})
        return str(KINDS[NETWORK])

    @property
    def public_label(self) -> str:
        """The label without any address (pages a link opens: contact emails stay for staff)."""
        if self.kind == CONTACT:
            return (self.people[0].name if self.people else "") or str(KINDS[CONTACT])
        return self.label

    def identities(self) -> set[str]:
        """Who may answer as this owner; a contact by their account or by their address."""
        identities = {person.identity for person in self.people}
        if self.kind == CONTACT:
            identities |= {f"e:{person.email.lower()}" for person in self.people}
        return identities


def lab_of(practice) -> str:
    """The tree path of the page a practice is filed under."""
    return practice.path[: -practice.steplen]


def owners_of(practices) -> dict[str, Owner]:
    """The owner of each practice (originals, pages with ``path``, ``contact_email``,
    ``contact_name``, ``translation_key``, ``locale_id``), by translation key (as text)."""
    return owners_and_team(practices)[0]


def owners_and_team(practices) -> tuple[dict[str, Owner], list[Person]]:
    """``owners_of``, and the network team's people (read by the same queries)."""
    practices = list(practices)
    labs = {
        row["path"]: row
        for row in LabPage.objects.filter(path__in={lab_of(practice) for practice in practices}).values(
            "path", "translation_key", "title"
        )
    }
    lab_keys = {row["translation_key"] for row in labs.values()}
    # editors_group_of: the lowest-id editors group holding permissions on one of the lab's translations.
    group_of_lab: dict[str, int] = {}
    rows = (
        Group.objects.filter(name__endswith=EDITORS_SUFFIX, page_permissions__page__translation_key__in=lab_keys)
        .values_list("page_permissions__page__translation_key", "pk")
        .order_by("pk")
        .distinct()
    )
    for lab_key, group_pk in rows:
        group_of_lab.setdefault(str(lab_key), group_pk)
    team = team_people(extra_groups=set(group_of_lab.values()))
    contacts = accounts_by_email({practice.contact_email for practice in practices if practice.contact_email})

    languages = dict(Locale.objects.values_list("pk", "language_code"))
    owners = {}
    for practice in practices:
        language = languages.get(practice.locale_id, "")
        key = str(practice.translation_key)
        lab = labs.get(lab_of(practice))
        group_pk = group_of_lab.get(str(lab["translation_key"])) if lab else None
        editors = [_with_language(person, language) for person in team.groups.get(group_pk, [])]
        network = [_with_language(person, language) for person in team.network]
        lab_fields = {"lab_title": lab["title"], "lab_key": str(lab["translation_key"])} if lab else {}
        if practice.contact_email:
            account = contacts.get(practice.contact_email.lower())
            person = account or Person(practice.contact_email, practice.contact_name, language)
            owners[key] = Owner(CONTACT, [_with_language(person, language)], editors=editors or network, **lab_fields)
        elif editors:
            owners[key] = Owner(LAB_EDITORS, editors, editors=editors, **lab_fields)
        else:
            owners[key] = Owner(NETWORK, network, editors=network, **lab_fields)
    return owners, team.network


def _with_language(person: Person, language: str) -> Person:
    if person.language:
        return person
    return Person(person.email, person.name, language, person.user_pk)


@dataclass
class People:
    network: list[Person]
    groups: dict[int, list[Person]]


def team_people(extra_groups=()) -> People:
    """The network team's people and those of ``extra_groups`` (active, with an address)."""
    membership = get_user_model().groups.through
    rows = list(
        membership.objects.filter(Q(group__name=NETWORK_TEAM) | Q(group_id__in=list(extra_groups)))
        .filter(user__is_active=True)
        .exclude(user__email="")
        .values_list("group_id", "group__name", "user_id")
        .order_by("group_id", "user_id")
    )
    people = accounts({user_pk for _group, _name, user_pk in rows})
    result = People(network=[], groups={})
    for group_pk, name, user_pk in rows:
        if name == NETWORK_TEAM:
            result.network.append(people[user_pk])
        else:
            result.groups.setdefault(group_pk, []).append(people[user_pk])
    return result


def accounts(user_pks) -> dict[int, Person]:
    """Each account as a person, with their language (three queries)."""
    user_pks = set(user_pks)
    if not user_pks:
        return {}
    users = get_user_model().objects.filter(pk__in=user_pks).values_list("pk", "email", "first_name", "last_name")
    return _people(list(users))


def accounts_by_email(emails) -> dict[str, Person]:
    """The active accounts with these addresses (any case), by lower-case address."""
    emails = {email.lower() for email in emails if email}
    if not emails:
        return {}
    users = (
        get_user_model()
        .objects.annotate(address=Lower("email"))
        .filter(address__in=emails, is_active=True)
        .order_by("pk")
        .values_list("pk", "email", "first_name", "last_name")
    )
    by_email = {}
    for person in _people(list(users)).values():
        by_email.setdefault(person.email.lower(), person)
    return by_email


def _people(users: list[tuple]) -> dict[int, Person]:
    pks = [row[0] for row in users]
    members = {
        pk: (language, name)
        for pk, language, name in Member.objects.filter(user_id__in=pks).values_list("user_id", "language", "name")
    }
    preferences = dict(
        UserProfile.objects.filter(user_id__in=pks)
        .exclude(preferred_language="")
        .values_list("user_id", "preferred_language")
    )
    people = {}
    for pk, email, first_name, last_name in users:
        member_language, member_name = members.get(pk, ("", ""))
        name = member_name or f"{first_name} {last_name}".strip()
        people[pk] = Person(email, name, member_language or preferences.get(pk, ""), pk)
    return people


def may_answer(owner: Owner, identity: str, network_identities: set[str]) -> bool:
    """Whether the person a link was sent to may still answer for the practice: one of its
    owners now, or one of the network team."""
    return identity in owner.identities() or identity in network_identities
