"""Files members upload: accepted by what they contain, never by their name.

PDF (``%PDF-`` header), office documents (OOXML: a ZIP with ``[Content_Types].xml``; ODF: a ZIP
whose ``mimetype`` entry names an OpenDocument type) and images Pillow opens (PNG, JPEG, GIF,
WebP). Sizes: ``PRAXIS_CONTRIBUTION_MAX_UPLOAD_BYTES`` per file.
"""

import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

IMAGE_FORMATS = {"PNG": "png", "JPEG": "jpg", "GIF": "gif", "WEBP": "webp"}
OOXML_TYPES = {"word/": "docx", "xl/": "xlsx", "ppt/": "pptx"}
ODF_TYPES = {
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
    "application/vnd.oasis.opendocument.presentation": "odp",
}


def max_upload_bytes() -> int:
    return settings.PRAXIS_CONTRIBUTION_MAX_UPLOAD_BYTES


def _office_kind(upload) -> str | None:
    try:
        with zipfile.ZipFile(upload) as archive:
            names = archive.namelist()
            if "mimetype" in names:
                return ODF_TYPES.get(archive.read("mimetype").decode("ascii", "replace").strip())
            if "[Content_Types].xml" in names:
                return next(
                    (kind for prefix, kind in OOXML_TYPES.items() if any(n.startswith(prefix) for n in names)), None
                )
    except (zipfile.BadZipFile, OSError, ValueError, KeyError):
        return None
    return None


def _image_kind(upload) -> str | None:
    try:
        with Image.open(upload) as image:
            image.verify()
            return IMAGE_FORMATS.get(image.format)
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError, SyntaxError):
        return None


def file_kind(upload) -> str:
    """The file's real type as an extension (``pdf``, ``docx``, ``png``...), or a ValidationError."""
    if upload.size > max_upload_bytes():
        raise ValidationError(
            _("This file is too large: %(size)s MB at most.") % {"size": max_upload_bytes() // (1024 * 1024)},
            code="too_large",
        )
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        kind = "pdf"
    elif head.startswith(b"PK\x03\x04"):
        kind = _office_kind(upload)
    else:
        kind = _image_kind(upload)
    upload.seek(0)
    if kind is None:
        raise ValidationError(
            _("This file is not a PDF, an office document (Word, Excel, PowerPoint, OpenDocument) or an image."),
            code="type",
        )
    return kind
