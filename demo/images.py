"""Images drawn by the project with Pillow (nothing is downloaded), each with alt text.

A data file holds an image's recipe: its title, its description (the alt text), its file
name and its drawing (``shape`` and the shape's parameters, ``colours`` picking the palette).
Logos are simple emblems with a lab's initials; illustrations are geometric compositions.
Each image is found again by its title, so loading twice keeps one image per title; a
file that went missing from the media folder is drawn again.
"""

import hashlib
import io
import math

from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from PIL import ImageDraw, ImageFont
from wagtail.images import get_image_model

PALETTE = [
    ("#1f4e79", "#f2c14e"),
    ("#7a1f3d", "#f5e6cc"),
    ("#0f6b5c", "#e8f1ee"),
    ("#3d2c8d", "#f9d5e5"),
    ("#a63d00", "#fde8d7"),
    ("#24527a", "#c9e4ca"),
    ("#4a4e69", "#f2e9e4"),
    ("#2b6f3e", "#fff3b0"),
    ("#5c2a9d", "#ffe066"),
    ("#8c2f39", "#d7e3fc"),
    ("#00577a", "#ffd6a5"),
]


def _palette(colours: str) -> tuple[str, str]:
    """The ink and paper picked by ``colours`` (any name: the same name, the same pair)."""
    digest = int(hashlib.sha256(colours.encode()).hexdigest(), 16)
    return PALETTE[digest % len(PALETTE)]


def _font(size: int):
    return ImageFont.load_default(size=size)


def _png(picture) -> bytes:
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def draw_logo(initials: str, colours: str) -> bytes:
    """A square emblem: a ring, a quarter arc and the initials."""
    ink, paper = _palette(colours)
    size = 480
    picture = PillowImage.new("RGB", (size, size), paper)
    draw = ImageDraw.Draw(picture)
    draw.ellipse((40, 40, size - 40, size - 40), fill=ink)
    draw.arc((70, 70, size - 70, size - 70), start=200, end=340, fill=paper, width=14)
    font = _font(150 if len(initials) <= 2 else 112)
    draw.text((size / 2, size / 2 + 20), initials, fill=paper, font=font, anchor="mm")
    return _png(picture)


def draw_network(points: int, colours: str) -> bytes:
    """A wide illustration: ``points`` places on a ring, linked to a centre and to each other."""
    ink, paper = _palette(colours)
    width, height = 1200, 675
    picture = PillowImage.new("RGB", (width, height), paper)
    draw = ImageDraw.Draw(picture)
    centre = (width / 2, height / 2)
    radius = height * 0.36
    places = [
        (
            centre[0] + radius * 1.5 * math.cos(2 * math.pi * index / points),
            centre[1] + radius * math.sin(2 * math.pi * index / points),
        )
        for index in range(points)
    ]
    for index, place in enumerate(places):
        draw.line((centre, place), fill=ink, width=4)
        draw.line((place, places[(index + 1) % points]), fill=ink, width=2)
    for x, y in places:
        draw.ellipse((x - 26, y - 26, x + 26, y + 26), fill=ink, outline=paper, width=6)
    draw.ellipse((centre[0] - 60, centre[1] - 60, centre[0] + 60, centre[1] + 60), fill=ink)
    return _png(picture)


def draw_bounce(colours: str) -> bytes:
    """A wide illustration: a ball bouncing along decreasing arcs above a ground line."""
    ink, paper = _palette(colours)
    width, height = 1200, 675
    picture = PillowImage.new("RGB", (width, height), paper)
    draw = ImageDraw.Draw(picture)
    ground = height - 120
    draw.line((60, ground, width - 60, ground), fill=ink, width=8)
    left, span, rise = 80, 420, 420
    while span > 60:
        draw.arc((left, ground - rise, left + span, ground + rise), start=180, end=360, fill=ink, width=10)
        left, span, rise = left + span, span * 0.62, rise * 0.6
    draw.ellipse((left - 30, ground - 60, left + 30, ground), fill=ink)
    return _png(picture)


def draw_beams(colours: str) -> bytes:
    """A wide illustration: a lighthouse-like tower casting beams to the horizon."""
    ink, paper = _palette(colours)
    width, height = 1200, 675
    picture = PillowImage.new("RGB", (width, height), paper)
    draw = ImageDraw.Draw(picture)
    base = height - 90
    draw.polygon([(540, base), (660, base), (630, 220), (570, 220)], fill=ink)
    draw.rectangle((555, 170, 645, 220), fill=ink)
    for angle in (-28, -14, 0, 14, 28):
        radians = math.radians(angle)
        end = (600 + 700 * math.cos(radians), 195 + 700 * math.sin(radians))
        draw.polygon([(640, 185), (640, 205), end], fill=ink)
        draw.polygon([(560, 185), (560, 205), (1200 - end[0], end[1])], fill=ink)
    draw.line((0, base, width, base), fill=ink, width=10)
    return _png(picture)


def draw_houses(count: int, colours: str) -> bytes:
    """A wide illustration: a row of small houses, one of them lit, under a wide roof."""
    ink, paper = _palette(colours)
    width, height = 1200, 675
    picture = PillowImage.new("RGB", (width, height), paper)
    draw = ImageDraw.Draw(picture)
    ground = height - 110
    step = (width - 120) / count
    for index in range(count):
        left = 60 + index * step + 8
        right = left + step - 16
        top = ground - 120 - (index % 3) * 30
        draw.rectangle((left, top, right, ground), fill=ink)
        draw.polygon([(left - 6, top), ((left + right) / 2, top - 60), (right + 6, top)], fill=ink)
        if index == count // 2:
            draw.rectangle((left + 18, top + 30, right - 18, ground - 30), fill=paper)
    draw.line((40, ground, width - 40, ground), fill=ink, width=8)
    return _png(picture)


DRAWINGS = {
    "logo": draw_logo,
    "network": draw_network,
    "houses": draw_houses,
    "bounce": draw_bounce,
    "beams": draw_beams,
}


def ensure_image(recipe: dict):
    """The image titled ``recipe["title"]``, drawn from the recipe if it does not exist (or lost its file)."""
    title, description = recipe["title"], recipe["description"]
    image_model = get_image_model()
    image = image_model.objects.filter(title=title).order_by("pk").first()
    if image is not None and image.file and image.file.storage.exists(image.file.name):
        if image.description != description:
            image.description = description
            image.save(update_fields=["description"])
        return image
    image = image or image_model(title=title)
    image.description = description
    image.file = ImageFile(io.BytesIO(draw(recipe["drawing"])), name=recipe["file"])
    image._set_image_file_metadata()
    image.save()
    return image


def draw(drawing: dict) -> bytes:
    """The PNG of ``{shape: ..., <the shape's parameters>}``."""
    parameters = dict(drawing)
    shape = parameters.pop("shape")
    if shape not in DRAWINGS:
        raise ValueError(f"Unknown drawing shape {shape!r}; known shapes: {sorted(DRAWINGS)}")
    return DRAWINGS[shape](**parameters)
