"""Renditions are generated on publish, so an anonymous reader never pays for them."""

import io

from django.core.files.images import ImageFile
from factories import LabPageFactory
from PIL import Image as PILImage
from wagtail.images import get_image_model

from praxis.images import LOGO_FILTERS


def make_image(title="Logo"):
    buffer = io.BytesIO()
    PILImage.new("RGB", (640, 320), (11, 93, 107)).save(buffer, "PNG")
    return get_image_model().objects.create(
        title=title, description="Logo du laboratoire", file=ImageFile(buffer, name="logo.png")
    )


def test_publishing_a_lab_generates_its_logo_renditions(home, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    logo = make_image()
    lab = LabPageFactory(live=False, logo=logo)
    assert logo.renditions.count() == 0
    lab.save_revision().publish()
    specs = set(logo.renditions.values_list("filter_spec", flat=True))
    assert specs == set(LOGO_FILTERS)


def test_reading_a_published_lab_creates_no_rendition(client, home, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    logo = make_image()
    lab = LabPageFactory(logo=logo)
    before = logo.renditions.count()
    response = client.get(lab.url)
    assert response.status_code == 200
    assert 'alt="Logo du laboratoire"' in response.content.decode()
    assert logo.renditions.count() == before
