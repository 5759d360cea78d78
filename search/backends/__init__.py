"""Search backends: Wagtail's database and Elasticsearch 8 backends, subclassed.

- ``search.backends.database``: SQLite FTS5 / PostgreSQL full text, fast ranking,
  per-language configurations (PostgreSQL), hostile input sanitised.
- ``search.backends.elasticsearch``: per-language analysers, a circuit breaker so a
  dead cluster neither slows publishing nor takes the search page down.
"""
