"""allauth's signals: a verified address decides the member's trust; signing in on the site
makes an editor a member too."""

from allauth.account.signals import email_confirmed, user_logged_in
from django.utils import translation

from members.models import Member
from members.trust import member_for, on_email_confirmed


def confirmed(sender, request, email_address, **kwargs):
    member = member_for(email_address.user, translation.get_language())
    on_email_confirmed(member, email_address.email)


def signed_in(sender, request, user, **kwargs):
    """An account without profile (an editor, say) signing in on the site gets one, decided
    like a new member's when its address is already verified."""
    if Member.objects.filter(user=user).exists():
        return
    member = member_for(user, translation.get_language())
    verified = user.emailaddress_set.filter(verified=True).order_by("-primary").first()
    if verified is not None:
        on_email_confirmed(member, verified.email)


def connect():
    email_confirmed.connect(confirmed, dispatch_uid="members.email_confirmed")
    user_logged_in.connect(signed_in, dispatch_uid="members.user_logged_in")
