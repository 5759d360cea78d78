"""Writing the PostgreSQL search index in bulk, each object's search fields read once.

modelsearch's ``PostgresIndex.add_items`` reads every search field of an object five times
(once per column it fills: title, body, autocomplete and their plain texts), builds a Django
``SearchVector`` expression per text and compiles it, then recomputes the title norms over
the whole index after every call. Indexing ran at 12-15 pages per second at 100,000
practices (``generate_practices``). Here, per call:

- each object's search fields are read once, in one walk (``Entry``), and its texts sorted
  into title, autocomplete and body in modelsearch's order;
- ``ROWS_PER_STATEMENT`` objects are written by one short
  ``INSERT … SELECT … FROM unnest(arrays) … ON CONFLICT`` whose texts travel as a few
  array parameters (a statement with a placeholder per text cost more to parse, client
  side, than PostgreSQL took to compute the vectors). Its vectors are the very expressions
  Django's ``SearchVector`` compiles to (``setweight(to_tsvector(config, text), weight)``
  joined by ``||`` in a balanced order); an object with fewer texts than another of its
  statement gets empty ones, and an empty vector changes nothing in a concatenation, so the
  stored vectors are the same;
- the statements go in pipeline mode: the next objects' fields are read while PostgreSQL
  computes the vectors of the previous ones;
- then one refresh of the title norms for the whole call.
"""

from modelsearch.backends.database.postgres.postgres import IndexEntry, ObjectIndexer, PostgresIndex
from modelsearch.index import AutocompleteField, SearchField
from modelsearch.utils import balanced_reduce, get_content_type_pk

ROWS_PER_STATEMENT = 1000
EMPTY_VECTOR_SQL = "to_tsvector(COALESCE(%s, %s))"  # modelsearch's EMPTY_VECTOR, compiled
VECTOR_SQL = 'setweight(to_tsvector({config}::regconfig, COALESCE(u.{prefix}{n}, %s)), u.{prefix}w{n}::"char")'
UPSERT = (
    "INSERT INTO {table} (content_type_id, object_id, title, autocomplete, body, title_norm, title_text, body_text) "
    "SELECT %s, u.object_id, {title}, {autocomplete}, {body}, 1.0, u.title_text, u.body_text "
    "FROM unnest({arrays}) AS u({columns}) "
    "ON CONFLICT (content_type_id, object_id) DO UPDATE SET title = EXCLUDED.title, "
    "title_norm = 1.0, autocomplete = EXCLUDED.autocomplete, body = EXCLUDED.body, "
    "title_text = EXCLUDED.title_text, body_text = EXCLUDED.body_text"
)


class Entry:
    """What an object's index entry holds, read in one walk of its search fields:
    ``title``, ``autocomplete`` and ``body`` are ``(text, weight)`` lists (modelsearch's
    order, empty texts left out), ``title_text`` and ``body_text`` the plain texts."""

    def __init__(self, obj, indexer: ObjectIndexer, config: str):
        self.object_id = indexer.id
        self.config = config
        title, autocomplete, body = [], [], []
        for field in indexer.search_fields:
            for current, weight, value in indexer.prepare_field(obj, field):
                if isinstance(current, SearchField):
                    (title if current.field_name == "title" else body).append((value.strip(), weight))
                elif isinstance(current, AutocompleteField):
                    autocomplete.append((value.strip(), weight))
        self.title_text = " ".join(text for text, _ in title if text)
        self.body_text = " ".join(text for text, _ in body if text)
        self.title, self.autocomplete, self.body = (
            [(text, weight) for text, weight in texts if text] for texts in (title, autocomplete, body)
        )


def vector(prefix: str, count: int, config: str, config_params: list) -> tuple[str, list]:
    """The SQL of a vector of ``count`` texts (columns ``{prefix}0…``, their weights
    ``{prefix}w0…``) in the configuration ``config`` (SQL, with ``config_params``), and its
    parameters."""
    if not count:
        return EMPTY_VECTOR_SQL, ["", ""]
    parts = [(VECTOR_SQL.format(config=config, prefix=prefix, n=n), [*config_params, ""]) for n in range(count)]
    return balanced_reduce(lambda left, right: (f"({left[0]} || {right[0]})", left[1] + right[1]), parts)


def upsert(table: str, content_type_pk: int, autocomplete_config: str, entries: list) -> tuple[str, list]:
    """One statement writing ``entries``, and its parameters.

    An entry with fewer texts than others of its statement gets empty ones (NULL): an
    empty vector changes nothing in a concatenation, wherever it stands."""
    columns = ["object_id", "config", "title_text", "body_text"]
    arrays = [[getattr(entry, name) for entry in entries] for name in columns]
    counts = {}
    for prefix, name in (("t", "title"), ("a", "autocomplete"), ("b", "body")):
        texts_of = [getattr(entry, name) for entry in entries]
        counts[prefix] = max(len(texts) for texts in texts_of)
        for n in range(counts[prefix]):
            columns += [f"{prefix}{n}", f"{prefix}w{n}"]
            arrays.append([texts[n][0] if n < len(texts) else None for texts in texts_of])
            arrays.append([texts[n][1] if n < len(texts) else "D" for texts in texts_of])
    title, title_params = vector("t", counts["t"], "u.config", [])
    autocomplete, autocomplete_params = vector("a", counts["a"], "%s", [autocomplete_config])
    body, body_params = vector("b", counts["b"], "u.config", [])
    sql = UPSERT.format(
        table=table,
        title=title,
        autocomplete=autocomplete,
        body=body,
        arrays=", ".join(["%s::text[]"] * len(arrays)),
        columns=", ".join(columns),
    )
    return sql, [content_type_pk, *title_params, *autocomplete_params, *body_params, *arrays]


def write_entries(index: PostgresIndex, model, objs, config_of) -> None:
    """Upsert the index entries of ``objs`` (``config_of(obj)``: its text search
    configuration), then refresh the title norms once."""
    if not model.get_search_fields() or not objs:
        return
    content_type_pk = get_content_type_pk(model)
    table = IndexEntry._meta.db_table
    connection = index.write_connection
    connection.ensure_connection()
    # Pipeline mode: a statement is sent without waiting for the previous one, so the next
    # objects are read here while PostgreSQL computes the vectors of the last ones.
    with connection.cursor() as cursor, connection.connection.pipeline():
        for start in range(0, len(objs), ROWS_PER_STATEMENT):
            chunk = [
                Entry(obj, ObjectIndexer(obj, index.backend), config_of(obj))
                for obj in objs[start : start + ROWS_PER_STATEMENT]
            ]
            cursor.execute(*upsert(table, content_type_pk, index.backend.autocomplete_config, chunk))
    index._refresh_title_norms()
