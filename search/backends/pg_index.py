"""Writing the PostgreSQL search index in bulk, each object's search fields read once.

modelsearch's ``PostgresIndex.add_items`` reads every search field of an object five times
(once per column it fills: title, body, autocomplete and their plain texts), builds a Django
``SearchVector`` expression per text and compiles it, then recomputes the title norms over
the whole index after every call. Indexing ran at 12-15 pages per second at 100,000
practices (``generate_practices``). Here, per batch:

- each object's fields are prepared once (``PreparedIndexer``), in its language's
  configuration (``config_for``);
- the vectors are written as SQL text directly, the very statement Django's ``SearchVector``
  compiles to (``setweight(to_tsvector(config, text), weight)`` joined by ``||`` in the same
  balanced order), so the stored vectors are the same;
- one ``INSERT … ON CONFLICT`` per ``ROWS_PER_STATEMENT`` objects, then one refresh of the
  title norms for the whole call.
"""

from django.utils.functional import cached_property
from modelsearch.backends.database.postgres.postgres import IndexEntry, ObjectIndexer, PostgresIndex
from modelsearch.utils import balanced_reduce, get_content_type_pk

ROWS_PER_STATEMENT = 200  # ~60 parameters an object: well under PostgreSQL's 65,535
EMPTY_VECTOR_SQL = "to_tsvector(COALESCE(%s, %s))"  # modelsearch's EMPTY_VECTOR, compiled
UPSERT = (
    "INSERT INTO {table} (content_type_id, object_id, title, autocomplete, body, title_norm, title_text, body_text) "
    "(VALUES {rows}) ON CONFLICT (content_type_id, object_id) DO UPDATE SET title = EXCLUDED.title, "
    "title_norm = 1.0, autocomplete = EXCLUDED.autocomplete, body = EXCLUDED.body, "
    "title_text = EXCLUDED.title_text, body_text = EXCLUDED.body_text"
)


class PreparedIndexer(ObjectIndexer):
    """An ``ObjectIndexer`` reading each of the object's search fields once, whose vectors
    are ``(sql, params)``."""

    def __init__(self, obj, backend, config):
        super().__init__(obj, backend)
        self.config = config

    @cached_property
    def prepared(self) -> dict:
        return {}

    def prepare_field(self, obj, field):
        if obj is not self.obj:  # a related object's field (``RelatedFields``)
            yield from super().prepare_field(obj, field)
            return
        if id(field) not in self.prepared:
            self.prepared[id(field)] = list(super().prepare_field(obj, field))
        yield from self.prepared[id(field)]

    def as_vector(self, texts, for_autocomplete=False) -> tuple[str, list]:
        texts = [(text.strip(), weight) for text, weight in texts]
        texts = [(text, weight) for text, weight in texts if text]
        if not texts:
            return EMPTY_VECTOR_SQL, ["", ""]
        config = self.autocomplete_config if for_autocomplete else self.config
        parts = [
            ("setweight(to_tsvector(%s::regconfig, COALESCE(%s, %s)), %s)", [config, text, "", weight])
            for text, weight in texts
        ]
        return balanced_reduce(lambda left, right: (f"({left[0]} || {right[0]})", left[1] + right[1]), parts)


def write_entries(index: PostgresIndex, model, objs, config_of) -> None:
    """Upsert the index entries of ``objs`` (``config_of(obj)``: its text search
    configuration), then refresh the title norms once."""
    if not model.get_search_fields() or not objs:
        return
    content_type_pk = get_content_type_pk(model)
    table = IndexEntry._meta.db_table
    for start in range(0, len(objs), ROWS_PER_STATEMENT):
        rows, params = [], []
        for obj in objs[start : start + ROWS_PER_STATEMENT]:
            indexer = PreparedIndexer(obj, index.backend, config_of(obj))
            (title, title_params), (autocomplete, autocomplete_params), (body, body_params) = (
                indexer.title,
                indexer.autocomplete,
                indexer.body,
            )
            rows.append(f"(%s, %s, {title}, {autocomplete}, {body}, 1.0, %s, %s)")
            params += [content_type_pk, indexer.id, *title_params, *autocomplete_params, *body_params]
            params += [indexer.title_text, indexer.body_text]
        with index.write_connection.cursor() as cursor:
            cursor.execute(UPSERT.format(table=table, rows=", ".join(rows)), params)
    index._refresh_title_norms()
