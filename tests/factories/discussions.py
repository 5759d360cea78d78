"""Questions and answers, published unless told otherwise (``status="pending"``...)."""

import factory
from django.utils import timezone

from discussions.models import Post
from factories.members import MemberFactory
from factories.practices import PracticePageFactory


class QuestionFactory(factory.django.DjangoModelFactory):
    practice = factory.SubFactory(PracticePageFactory)
    author = factory.SubFactory(MemberFactory)
    language = factory.LazyAttribute(lambda o: o.practice.locale.language_code)
    body = factory.Sequence(lambda n: f"Combien de temps a pris la mise en place ? (question {n})")
    status = Post.Status.PUBLISHED
    published_at = factory.LazyAttribute(lambda o: timezone.now() if o.status == Post.Status.PUBLISHED else None)

    class Meta:
        model = Post


class AnswerFactory(QuestionFactory):
    question = factory.SubFactory(QuestionFactory)
    practice = factory.LazyAttribute(lambda o: o.question.practice)
    author_role = Post.Role.CONTACT
    body = factory.Sequence(lambda n: f"Environ six mois, avec deux agents. (réponse {n})")
