"""Controlled vocabularies: policy areas, territory types, instruments, methods."""
