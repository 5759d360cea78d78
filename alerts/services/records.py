"""Writing what the digest told, in one statement however many members it reached.

``bulk_create`` sends SQLite at most 999 parameters a statement: a digest for 10,000 members
(47,629 rows in ``tests/bench/digest_bench.py``) took 213 INSERTs more than one for 1,000, so
the number of queries grew with the members. Here the rows travel as one JSON parameter,
read by the database (``json_each`` on SQLite, ``jsonb_array_elements`` on PostgreSQL); a row
already there (told meanwhile) is skipped. Other databases get ``bulk_create``.
"""

import json

from django.db import connection
from django.utils import timezone

from alerts.models import Sent

FIELDS = ("member", "kind", "translation_key", "subject", "sent_at")  # in the SELECT's order


def record_told(pairs: list[tuple[int, str]], kind: str = Sent.Kind.ALERT) -> None:
    """Record that each ``(member pk, translation key)`` was told (``kind``), in one statement."""
    if not pairs:
        return
    now = timezone.now()
    if connection.vendor not in ("sqlite", "postgresql"):
        rows = [Sent(member_id=pk, kind=kind, translation_key=key, sent_at=now) for pk, key in pairs]
        Sent.objects.bulk_create(rows, ignore_conflicts=True)
        return
    key_field = Sent._meta.get_field("translation_key")
    rows = json.dumps([[pk, str(key_field.get_db_prep_value(key, connection))] for pk, key in pairs])
    table = connection.ops.quote_name(Sent._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(Sent._meta.get_field(name).column) for name in FIELDS)
    if connection.vendor == "sqlite":
        source = (
            "SELECT json_extract(value, '$[0]'), %s, json_extract(value, '$[1]'), '', %s FROM json_each(%s) WHERE true"
        )
        when = connection.ops.adapt_datetimefield_value(now)
    else:
        source = "SELECT (r->>0)::bigint, %s, (r->>1)::uuid, '', %s FROM jsonb_array_elements(%s::jsonb) AS r"
        when = now
    sql = f"INSERT INTO {table} ({columns}) {source} ON CONFLICT DO NOTHING"  # noqa: S608 (names from the model)
    with connection.cursor() as cursor:
        cursor.execute(sql, [kind, when, rows])
