"""Read a PDF's tagged structure (pypdf): the structure tree, its language and title."""

import io

from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject


def reader(content: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(content))


def structure_types(content: bytes) -> list[str]:
    """Every structure element's type (``/H1``, ``/L``, ``/LI``...), depth first, in reading order."""
    root = reader(content).trailer["/Root"]
    found = []

    def walk(node):
        node = node.get_object()
        if isinstance(node, ArrayObject):
            for child in node:
                walk(child)
        elif isinstance(node, DictionaryObject) and ("/S" in node or node.get("/Type") == "/StructTreeRoot"):
            if "/S" in node:
                found.append(str(node["/S"]))
            if "/K" in node:
                walk(node["/K"])

    walk(root["/StructTreeRoot"])
    return found


def catalog(content: bytes) -> DictionaryObject:
    return reader(content).trailer["/Root"]
