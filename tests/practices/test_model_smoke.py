from factories import LabPageFactory, PolicyAreaFactory, PracticePageFactory


def test_factories_build_a_published_practice_with_terms(home):
    area = PolicyAreaFactory(name="Santé", slug="sante")
    lab = LabPageFactory()
    practice = PracticePageFactory(parent=lab, labs=[lab], policy_areas=[area])
    assert practice.live
    assert practice.live_revision_id is not None
    assert list(practice.policy_areas.all()) == [area]
    assert list(practice.labs.all()) == [lab]
