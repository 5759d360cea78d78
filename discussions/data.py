"""A member's questions and answers in their data download; on erasure they stay, unattributed
(registered into ``members.data`` by ``DiscussionsConfig.ready``)."""

from discussions.models import ModerationEvent, Post


def export(member) -> dict:
    posts = Post.objects.filter(author=member).select_related("practice").order_by("created_at", "pk")
    return {
        "questions_and_answers": [
            {
                "kind": "question" if post.is_question else "answer",
                "practice": post.practice.title,
                "language": post.language,
                "text": post.body,
                "status": post.status,
                "written_at": post.created_at.isoformat(),
            }
            for post in posts
        ],
        "posts_reported": ModerationEvent.objects.filter(
            actor=member.user, action=ModerationEvent.Action.REPORTED
        ).count(),
    }


def erase(member) -> None:
    """Posts stay for the readers of the practice, shown as a former member's; the log keeps the
    decisions but no longer says who reported (the account goes)."""
    Post.objects.filter(author=member).update(author=None)
