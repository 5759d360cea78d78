"""django-allauth, the members' way: a new account never reaches the Wagtail admin."""

from allauth.account.adapter import DefaultAccountAdapter


class MemberAccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        # Sign-up creates plain accounts: no staff flag, no superuser, no group (no admin access).
        user.is_staff = False
        user.is_superuser = False
        return super().save_user(request, user, form, commit=commit)
