"""Text that editors type as one item per line (prerequisites, territories...)."""

BULLETS = " -•\t"


def list_items(text: str) -> list[str]:
    """The non-empty lines of ``text``, without the bullets an editor may have typed."""
    return [line.strip(BULLETS) for line in (text or "").splitlines() if line.strip(BULLETS)]
