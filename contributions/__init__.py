"""Practices shared by members: the guided submission in the public site (one step per section,
saved as the member goes, preview), co-authors, uploads checked by content, the review
workflow's emails to the submitter (above ``freshness``)."""
