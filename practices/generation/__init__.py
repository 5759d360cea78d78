"""Many realistic practices and labs, quickly, for benchmarks and load tests (``generate_practices``).

- ``words.json`` / ``words.py``: the vocabulary they are written with (French and English);
- ``content.py``: what one generated lab or practice says, drawn with a seeded random generator;
- ``bulk.py``: published pages inserted in bulk (tree paths computed, two statements per batch);
- ``generator.py``: the top-up of labs and practices, their classification and indexing.
"""
