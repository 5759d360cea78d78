"""The labs named in the seed articles (facts from the seeds; coordinates and regions added)."""

from practices.demo.labs_network import NETWORK_LABS
from practices.demo.labs_transfo import TRANSFO_LABS
from practices.demo.text import rich, stream

LABS = NETWORK_LABS + TRANSFO_LABS


def lab_description(lab):
    """The lab's description StreamField: a heading and paragraphs per section."""
    blocks = []
    for heading, paragraphs in lab["description"]:
        blocks.append(("heading", {"text": heading, "level": "h2"}))
        blocks.append(("paragraph", rich(*paragraphs)))
    return stream(f"lab:{lab['key']}:description", blocks)
