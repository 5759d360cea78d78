import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse
from django.test import RequestFactory
from factories import MemberFactory, UserFactory

from members.access import approved_member, member_required
from members.models import Member

pytestmark = pytest.mark.django_db


@member_required
def members_only(request):
    return HttpResponse(f"hello {request.member.pk}")


def call(user):
    request = RequestFactory().get("/fr/members-only/")
    request.user = user
    request.LANGUAGE_CODE = "fr"
    return members_only(request)


def test_an_approved_member_passes():
    member = MemberFactory()
    assert approved_member(member.user) == member
    response = call(member.user)
    assert response.status_code == 200
    assert response.content == f"hello {member.pk}".encode()


@pytest.mark.parametrize("status", [Member.Status.PENDING, Member.Status.REFUSED])
def test_a_member_not_approved_is_told_why(status):
    member = MemberFactory(status=status)
    assert approved_member(member.user) is None
    response = call(member.user)
    response.render()
    assert response.status_code == 403
    assert "pas encore approuvée" in response.content.decode()


def test_an_account_without_member_profile_is_not_a_member():
    assert approved_member(UserFactory()) is None


def test_an_anonymous_reader_is_sent_to_sign_in():
    response = call(AnonymousUser())
    assert response.status_code == 302
    assert "next=/fr/members-only/" in response["Location"]
