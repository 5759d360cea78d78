"""A member's submissions in their data download; on erasure, drafts never sent go, and what
went to review stays with the editors, without its author."""

from members.data import register_erasure, register_export


def export(member) -> dict:
    from contributions.access import mine  # reason: loaded from AppConfig.ready(), after the models

    return {
        "submissions": [
            {
                "title": submission.title,
                "status": submission.status,
                "content": submission.data,
                "documents": [file.title for file in submission.files.all()],
                "started": submission.created_at.isoformat(),
                "submitted": submission.submitted_at.isoformat() if submission.submitted_at else None,
                "role": "author" if submission.member_id == member.pk else "co-author",
            }
            for submission in mine(member).prefetch_related("files")
        ]
    }


def erase(member) -> None:
    from contributions.models import Submission  # reason: loaded from AppConfig.ready(), after the models

    drafts = Submission.objects.filter(member=member, page__isnull=True)
    for submission in drafts.prefetch_related("files__document"):
        for file in submission.files.all():
            file.document.delete()
    drafts.delete()
    Submission.objects.filter(member=member).update(member=None)
    for submission in member.coauthored_submissions.all():
        submission.coauthors.remove(member)


def connect():
    register_export(export)
    register_erasure(erase)
