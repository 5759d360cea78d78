"""One-click unsubscribe from the alert, digest and follow emails: the signed token in the
link says who, no sign-in needed. GET asks for confirmation; POST unsubscribes (also the
RFC 8058 one-click POST a mail client sends, which carries no CSRF token)."""

from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from alerts.services.emails import member_pk_from_token
from members.models import Member


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    member_pk = member_pk_from_token(token)
    member = Member.objects.filter(pk=member_pk).first() if member_pk else None
    if member is None:
        return TemplateResponse(request, "alerts/unsubscribe_invalid.html", status=400)
    if request.method == "POST":
        if member.email_notifications:
            member.email_notifications = False
            member.save(update_fields=["email_notifications"])
        return TemplateResponse(request, "alerts/unsubscribed.html")
    return TemplateResponse(request, "alerts/unsubscribe.html", {"token": token})
