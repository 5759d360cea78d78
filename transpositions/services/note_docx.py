"""The note for elected officials as an editable Word document (.docx, python-docx).

The same :class:`~transpositions.services.note.Note` as the PDF, laid out with the
document's own styles so that it stays editable and accessible: real headings (Title,
Heading 1 and 2), bulleted and numbered lists, the estimate as a table whose first row is
a repeated header, the document's title, subject, keywords and language in its
properties, and the language on the default style too (spelling, screen readers).
A .docx never holds macros (that would be a .docm).
"""

import io

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from transpositions.services.note import Facts, Items, Note, Section, Table, Text

ACCENT = RGBColor(0x07, 0x3F, 0x49)  # the sheets' heading colour (praxis/sheet.css)


def language_tag(code: str) -> str:
    return {"fr": "fr-FR", "en": "en-GB"}.get(code, code)


def set_language(element, code: str) -> None:
    """``<w:lang w:val=…>`` on a style's or a run's properties."""
    properties = element.get_or_add_rPr()
    lang = properties.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        properties.append(lang)
    lang.set(qn("w:val"), language_tag(code))


def add_text(paragraph, text: str, lang: str = "", bold: bool = False):
    run = paragraph.add_run(text)
    run.bold = bold or None
    if lang:
        set_language(run._r, lang)
    return run


def write_blocks(document, blocks) -> None:
    for block in blocks:
        if isinstance(block, Text):
            paragraph = document.add_paragraph()
            if block.label:
                add_text(paragraph, block.label + " ", bold=True)
            run = add_text(paragraph, block.text, block.lang)
            if block.lead:
                run.font.size = Pt(12)
        elif isinstance(block, Facts):
            for name, value in block.rows:
                paragraph = document.add_paragraph()
                add_text(paragraph, f"{name} : " if document_language(document) == "fr" else f"{name}: ", bold=True)
                add_text(paragraph, value)
        elif isinstance(block, Items):
            style = "List Number" if block.ordered else "List Bullet"
            for item in block.items:
                paragraph = document.add_paragraph(style=style)
                add_text(paragraph, item.text, item.lang)
                if item.label:
                    add_text(paragraph, " — ")
                    add_text(paragraph, item.label, bold=True)
                if item.url and item.url != item.text:
                    add_text(paragraph, f" {item.url}")
                if item.detail:
                    paragraph.add_run().add_break()
                    add_text(paragraph, item.detail)
        elif isinstance(block, Table):
            write_table(document, block)


def write_table(document, block: Table) -> None:
    caption = document.add_paragraph(style="Caption")
    add_text(caption, block.caption)
    table = document.add_table(rows=1, cols=len(block.header))
    table.style = "Table Grid"
    header = table.rows[0]
    repeat = OxmlElement("w:tblHeader")  # the header row, repeated and announced as such
    repeat.set(qn("w:val"), "true")
    header._tr.get_or_add_trPr().append(repeat)
    for cell, text in zip(header.cells, block.header, strict=True):
        cell.text = ""
        add_text(cell.paragraphs[0], text, bold=True)
    for row in block.rows:
        cells = table.add_row().cells
        for index, (cell, text) in enumerate(zip(cells, row, strict=True)):
            add_text(cell.paragraphs[0], text, bold=index == 0)


def document_language(document) -> str:
    return (document.core_properties.language or "")[:2]


def write_section(document, section: Section, level: int) -> None:
    document.add_heading(section.heading, level=level)
    write_blocks(document, section.blocks)
    for sub in section.subsections:
        write_section(document, sub, level + 1)


def note_docx(note: Note) -> bytes:
    document = Document()
    properties = document.core_properties
    properties.title = note.document_title
    properties.subject = note.kind
    properties.language = language_tag(note.language)
    properties.keywords = ", ".join(note.keywords)
    properties.author = "Praxis"
    properties.comments = ""
    normal = document.styles["Normal"]
    normal.font.name = "DejaVu Sans"
    normal.font.size = Pt(10)
    set_language(normal.element, note.language)
    for name in ("Title", "Heading 1", "Heading 2"):
        document.styles[name].font.color.rgb = ACCENT

    kind = document.add_paragraph(style="Subtitle")
    add_text(kind, note.kind)
    document.add_heading(note.title, level=0)
    for section in note.sections:
        write_section(document, section, level=1)

    output = io.BytesIO()
    document.save(output)
    return output.getvalue()
