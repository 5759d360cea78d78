"""Practices, their taxonomies and transposition."""
