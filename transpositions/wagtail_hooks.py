"""Admin: the "Shared outcomes" menu of reviewers (transpositions.viewsets)."""

from wagtail import hooks

from transpositions.viewsets import OutcomeViewSet


@hooks.register("register_admin_viewset")
def register_outcomes_admin():
    return OutcomeViewSet()
