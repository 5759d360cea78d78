"""Forms of the members' pages: the profile asked at sign-up, "My account", account deletion."""

from django import forms
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from members.models import Member
from members.trust import member_for
from praxis.form_fields import ParagraphsField, SingleLineField
from territories.models import Level, Territory


class SignupProfileForm(forms.Form):
    """Added to allauth's sign-up form (ACCOUNT_SIGNUP_FORM_CLASS): who the member is."""

    name = SingleLineField(label=_("Your name"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "name"}))
    organisation = SingleLineField(
        label=_("Organisation"),
        max_length=200,
        required=False,
        help_text=_("The public body you work for (a ministry, a département, a city…)."),
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )

    def signup(self, request, user):
        language = get_language() if get_language() in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        member = member_for(user, language)
        member.name = self.cleaned_data["name"]
        member.organisation = self.cleaned_data["organisation"]
        member.save(update_fields=["name", "organisation"])


def territory_for_code(code: str) -> Territory | None:
    if not code:
        return None
    return Territory.objects.filter(level=Level.COMMUNE, code=code).order_by("historical").first()


class ProfileForm(forms.ModelForm):
    class Meta:
        model = Member
        fields = ["name", "organisation", "role", "territory_name", "territory_code", "language", "email_notifications"]
        field_classes = {"name": SingleLineField, "organisation": SingleLineField, "role": SingleLineField}
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            "role": forms.TextInput(attrs={"autocomplete": "organization-title"}),
        }

    def clean_territory_code(self):
        return self.cleaned_data["territory_code"].strip().upper()

    def save(self, commit=True):
        """A code naming a municipality of the territory reference links the member to it."""
        member = super().save(commit=False)
        if "territory_code" in self.changed_data:
            member.territory = territory_for_code(member.territory_code)
        if commit:
            member.save()
        return member


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password, to confirm"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("This is not your password."))
        return password


class RelayForm(forms.Form):
    subject = SingleLineField(label=_("Subject"), max_length=150)
    message = ParagraphsField(
        label=_("Your message"),
        widget=forms.Textarea(attrs={"rows": 10}),
        max_length=settings.PRAXIS_RELAY_MAX_LENGTH,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["message"].help_text = _(
            "At most %(count)s characters. The team sees your name and organisation, not your email address."
        ) % {"count": settings.PRAXIS_RELAY_MAX_LENGTH}


class RelayAnswerForm(forms.Form):
    answer = ParagraphsField(
        label=_("Your answer"),
        widget=forms.Textarea(attrs={"rows": 10}),
        max_length=settings.PRAXIS_RELAY_MAX_LENGTH,
        help_text=_("Sent to the member with your email address, so that they can reply to you directly."),
    )
