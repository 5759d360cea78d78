"""Whose submission is it: its author and its co-authors, nobody else (404 for everyone else)."""

from django.db.models import Q
from django.shortcuts import get_object_or_404

from contributions.models import Submission


def mine(member):
    return Submission.objects.filter(Q(member=member) | Q(coauthors=member)).distinct()


def submission_for(request, pk: int) -> Submission:
    return get_object_or_404(mine(request.member).select_related("lab", "page", "member__user"), pk=pk)
